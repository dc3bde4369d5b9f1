package risk

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"
)

// Bad input: every function returns the documented sentinel, never panics.

var (
	nilDec = sdkmath.LegacyDec{}
	nilInt = sdkmath.Int{}
)

func TestBadInput(t *testing.T) {
	huge := sdkmath.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 255))
	hugeDec := sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).Lsh(big.NewInt(1), 300), 18)
	cases := []struct {
		name string
		call func() error
		want error
	}{
		{"index nil", func() error { _, err := AccrueIndex(nilDec, dec("0.1"), 1); return err }, ErrInvalidIndex},
		{"index zero", func() error { _, err := AccrueIndex(dec("0"), dec("0.1"), 1); return err }, ErrInvalidIndex},
		{"index negative", func() error { _, err := AccrueIndex(dec("-1"), dec("0.1"), 1); return err }, ErrInvalidIndex},
		{"rate nil", func() error { _, err := AccrueIndex(dec("1"), nilDec, 1); return err }, ErrInvalidRate},
		{"rate negative", func() error { _, err := AccrueIndex(dec("1"), dec("-0.1"), 1); return err }, ErrInvalidRate},
		{"rate above max", func() error { _, err := AccrueIndex(dec("1"), dec("100.000000000000000001"), 1); return err }, ErrInvalidRate},
		{"elapsed negative", func() error { _, err := AccrueIndex(dec("1"), dec("0.1"), -1); return err }, ErrInvalidDuration},
		{"index overflow", func() error { _, err := AccrueIndex(dec("1"), dec("100"), 1<<62); return err }, ErrOverflow},
		{"index result overflow", func() error { _, err := AccrueIndex(hugeDec, dec("100"), SecondsPerYear); return err }, ErrOverflow},
		{"compounded negative", func() error { _, err := CompoundedRate(dec("0.1"), -5); return err }, ErrInvalidDuration},
		{"scaled nil amount", func() error { _, err := ScaledDebtUp(nilInt, dec("1")); return err }, ErrInvalidAmount},
		{"scaled negative", func() error { _, err := ScaledDebtDown(ints(-1), dec("1")); return err }, ErrInvalidAmount},
		{"scaled zero index", func() error { _, err := ScaledDebtUp(ints(1), dec("0")); return err }, ErrInvalidIndex},
		{"debt overflow", func() error { _, err := DebtFromScaled(huge, dec("4")); return err }, ErrOverflow},
		{"scaled overflow", func() error { _, err := ScaledDebtUp(huge, dec("0.1")); return err }, ErrOverflow},
		{"utilization nil", func() error { _, err := Utilization(nilInt, ints(1), ints(0)); return err }, ErrInvalidAmount},
		{"utilization negative", func() error { _, err := Utilization(ints(1), ints(-1), ints(0)); return err }, ErrInvalidAmount},
		{"supply rate u > 1", func() error { _, err := SupplyRate(dec("0.1"), dec("1.1"), dec("0")); return err }, ErrInvalidRate},
		{"supply rate rf nil", func() error { _, err := SupplyRate(dec("0.1"), dec("0.5"), nilDec); return err }, ErrInvalidRate},
		{"kinked invalid", func() error {
			m := kinked()
			m.OptimalUtilization = dec("1")
			_, err := m.BorrowRate(dec("0.5"))
			return err
		}, ErrInvalidParams},
		{"kinked u negative", func() error { _, err := kinked().BorrowRate(dec("-0.1")); return err }, ErrInvalidRate},
		{"adaptive invalid", func() error {
			m := morpho()
			m.CurveSteepness = dec("0.5")
			_, _, err := m.BorrowRate(dec("0.04"), dec("0.5"), 1)
			return err
		}, ErrInvalidParams},
		{"adaptive u > 1", func() error { _, _, err := morpho().BorrowRate(dec("0.04"), dec("1.5"), 1); return err }, ErrInvalidRate},
		{"adaptive R negative", func() error { _, _, err := morpho().BorrowRate(dec("-0.04"), dec("0.5"), 1); return err }, ErrInvalidRate},
		{"adaptive elapsed negative", func() error { _, _, err := morpho().BorrowRate(dec("0.04"), dec("0.5"), -1); return err }, ErrInvalidDuration},
		{"value nil price", func() error { _, err := CollateralValue(ints(1), nilDec); return err }, ErrInvalidPrice},
		{"value zero price", func() error { _, err := DebtValue(ints(1), dec("0")); return err }, ErrInvalidPrice},
		{"value overflow", func() error { _, err := CollateralValue(huge, hugeDec); return err }, ErrOverflow},
		{"weighted factor > 1", func() error {
			_, err := WeightedCollateral([]Collateral{{Amount: ints(1), Price: dec("1"), Factor: dec("1.01")}})
			return err
		}, ErrInvalidRate},
		{"weighted negative amount", func() error {
			_, err := WeightedCollateral([]Collateral{{Amount: ints(-1), Price: dec("1"), Factor: dec("0.5")}})
			return err
		}, ErrInvalidAmount},
		{"total debt nil price", func() error { _, err := TotalDebt([]Debt{{Amount: ints(1)}}); return err }, ErrInvalidPrice},
		{"health negative", func() error { _, err := HealthFactor(dec("-1"), dec("1")); return err }, ErrInvalidAmount},
		{"max borrow nil", func() error { _, err := MaxBorrow(nilDec, dec("1"), dec("1")); return err }, ErrInvalidAmount},
		{"max borrow zero price", func() error { _, err := MaxBorrow(dec("1"), dec("0"), dec("0")); return err }, ErrInvalidPrice},
		{"max borrow overflow", func() error { _, err := MaxBorrow(hugeDec, dec("0"), dec("0.000000000000000001")); return err }, ErrOverflow},
		{"liquidation price factor > 1", func() error { _, err := LiquidationPrice(ints(1), dec("2"), dec("0"), dec("1")); return err }, ErrInvalidRate},
		{"liquidation price negative debt", func() error { _, err := LiquidationPrice(ints(1), dec("0.5"), dec("0"), dec("-1")); return err }, ErrInvalidAmount},
		{"health nil", func() error { _, err := HealthFactor(dec("1"), nilDec); return err }, ErrInvalidAmount},
		{"bonus nil params", func() error { _, err := DutchBonus(BonusParams{}, dec("0.9")); return err }, ErrInvalidParams},
		{"bonus min > max", func() error {
			p := bonusParams()
			p.MinBonus = dec("0.06")
			_, err := DutchBonus(p, dec("0.9"))
			return err
		}, ErrInvalidParams},
		{"bonus healthy", func() error { _, err := DutchBonus(bonusParams(), dec("1.2")); return err }, ErrNotLiquidatable},
		{"bonus hf negative", func() error { _, err := DutchBonus(bonusParams(), dec("-0.5")); return err }, ErrInvalidRate},
		{"split lt zero", func() error { return CheckSplitProof(bonusParams(), dec("0")) }, ErrInvalidParams},
		{"split lt above 1", func() error { return CheckSplitProof(bonusParams(), dec("1.1")) }, ErrInvalidParams},
		{"dust nil min", func() error { _, err := IsDust(ints(1), dec("1"), nilDec); return err }, ErrInvalidAmount},
		{"remainder negative", func() error { return CheckRemainder(ints(-1), dec("1"), dec("1")) }, ErrInvalidAmount},
		{"deficit negative", func() error { _, _, err := CoverDeficit(ints(-1), nil); return err }, ErrInvalidAmount},
		{"deficit source nil", func() error { _, _, err := CoverDeficit(ints(1), []sdkmath.Int{nilInt}); return err }, ErrInvalidAmount},
		{"pro rata no weight", func() error { _, err := ProRata(ints(5), []sdkmath.Int{ints(0)}); return err }, ErrInvalidAmount},
		{"pro rata empty", func() error { _, err := ProRata(ints(5), nil); return err }, ErrInvalidAmount},
		{"pro rata negative weight", func() error { _, err := ProRata(ints(5), []sdkmath.Int{ints(-1)}); return err }, ErrInvalidAmount},
	}
	liq := func(mod func(*LiquidationInput)) func() error {
		return func() error {
			in := example()
			mod(&in)
			_, err := SizeLiquidation(in)
			return err
		}
	}
	cases = append(cases, []struct {
		name string
		call func() error
		want error
	}{
		{"liq zero value", liq(func(in *LiquidationInput) { *in = LiquidationInput{} }), ErrInvalidAmount},
		{"liq healthy", liq(func(in *LiquidationInput) { in.WeightedCollateral = dec("9000") }), ErrNotLiquidatable},
		{"liq no debt asset", liq(func(in *LiquidationInput) { in.DebtAmount = ints(0) }), ErrNothingToSeize},
		{"liq no collateral asset", liq(func(in *LiquidationInput) { in.CollateralAmount = ints(0) }), ErrNothingToSeize},
		{"liq debt price zero", liq(func(in *LiquidationInput) { in.DebtPrice = dec("0") }), ErrInvalidPrice},
		{"liq collateral price nil", liq(func(in *LiquidationInput) { in.CollateralPrice = nilDec }), ErrInvalidPrice},
		{"liq bonus above 1", liq(func(in *LiquidationInput) { in.Bonus = dec("1.5") }), ErrInvalidRate},
		{"liq share negative", liq(func(in *LiquidationInput) { in.ProtocolShare = dec("-0.1") }), ErrInvalidRate},
		{"liq lt nil", liq(func(in *LiquidationInput) { in.LiquidationThreshold = nilDec }), ErrInvalidRate},
		{"liq target below 1", liq(func(in *LiquidationInput) { in.TargetHealthFactor = dec("0.99") }), ErrInvalidParams},
		{"liq target above 10", liq(func(in *LiquidationInput) { in.TargetHealthFactor = dec("11") }), ErrInvalidParams},
		{"liq dust negative", liq(func(in *LiquidationInput) { in.DustValue = dec("-1") }), ErrInvalidAmount},
		{"liq max repay negative", liq(func(in *LiquidationInput) { in.MaxRepay = ints(-1) }), ErrInvalidAmount},
		{"liq total debt too small", liq(func(in *LiquidationInput) { in.TotalDebt = dec("8999") }), ErrInvalidAmount},
		{"liq weighted collateral too small", liq(func(in *LiquidationInput) { in.WeightedCollateral = dec("7999") }), ErrInvalidAmount},
		{"liq repay seizes nothing", liq(func(in *LiquidationInput) { in.MaxRepay = ints(9); in.DustValue = dec("0") }), ErrNothingToSeize},
	}...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.call()
			if !errors.Is(err, c.want) {
				t.Fatalf("error = %v, want %v", err, c.want)
			}
		})
	}
}

// Validate reports every problem at once.
func TestValidateReportsEveryProblem(t *testing.T) {
	k := KinkedModel{Base: dec("-1"), Slope1: dec("-1"), Slope2: dec("200"), OptimalUtilization: dec("1")}
	err := k.Validate()
	wantErr(t, err, ErrInvalidParams)
	for _, s := range []string{"base", "slope1", "optimal utilization", "exceeds the max annual rate"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("kinked: %q missing from %v", s, err)
		}
	}
	a := AdaptiveCurveModel{
		TargetUtilization: dec("1"), CurveSteepness: dec("0.5"), AdjustmentSpeed: dec("-1"),
		InitialRateAtTarget: dec("3"), MinRateAtTarget: dec("0"), MaxRateAtTarget: dec("2"),
	}
	err = a.Validate()
	wantErr(t, err, ErrInvalidParams)
	for _, s := range []string{"target utilization", "curve steepness", "adjustment speed", "min rate", "initial rate"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("adaptive: %q missing from %v", s, err)
		}
	}
	b := BonusParams{MinBonus: dec("0.6"), MaxBonus: dec("0.55"), HealthFactorForMaxBonus: dec("1")}
	err = b.Validate()
	wantErr(t, err, ErrInvalidParams)
	for _, s := range []string{"min bonus", "max bonus", "health factor for max bonus"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("bonus: %q missing from %v", s, err)
		}
	}
	noErr(t, kinked().Validate())
	noErr(t, morpho().Validate())
	noErr(t, bonusParams().Validate())
	// Max × steepness beyond MaxAnnualRate and an over-wide clamp are refused.
	a = morpho()
	a.MaxRateAtTarget = dec("30")
	wantErr(t, a.Validate(), ErrInvalidParams)
	a = morpho()
	a.MinRateAtTarget, a.InitialRateAtTarget = dec("0.000000000000000001"), dec("0.000000000000000001")
	wantErr(t, a.Validate(), ErrInvalidParams)
}

// expHi against e^x from Python's decimal module at 60 digits (x at 36
// decimals), to 10^-33 relative or 10^-35 absolute, whichever is larger.
func TestExpHi(t *testing.T) {
	cases := []struct{ x, want string }{
		{"0", "1"},
		{"1000000000000000000000000000000000000", "2.71828182845904523536028747135266249775724709369995957496697"},
		{"-1000000000000000000000000000000000000", "0.367879441171442321595523770161460867445811131031767834507837"},
		{"68493150684931506849315068493150684", "1.07089329004031162799579350500595695527776435584056628704009"},
		{"10000000000000000000000000000000000000", "22026.4657948067165169579006452842443663535126185567810742354"},
		{"-20000000000000000000000000000000000000", "0.00000000206115362243855782796594038015582097637580727559910369297224"},
		{"64000000000000000000000000000000000000", "6235149080811616882909238708.92846974483139184623579991438859"},
	}
	for _, c := range cases {
		x, _ := new(big.Int).SetString(c.x, 10)
		got := new(big.Rat).SetFrac(expHi(x), hiScale)
		want, _ := new(big.Rat).SetString(c.want)
		diff := new(big.Rat).Sub(got, want)
		diff.Abs(diff)
		tol := new(big.Rat).Mul(want, new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(33), nil)))
		if abs := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(35), nil)); tol.Cmp(abs) < 0 {
			tol = abs
		}
		if diff.Cmp(tol) > 0 {
			t.Errorf("exp(%s e-36) = %s, want %s", c.x, got.FloatString(36), c.want)
		}
	}
}
