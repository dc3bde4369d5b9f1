package risk

import (
	"math/big"
	"testing"

	sdkmath "cosmossdk.io/math"
)

// liqCase builds a consistent liquidation input from fuzz arguments: one
// seized collateral and one repaid debt, plus other collateral and other
// debt of the position (extraP, extraD in value).
func liqCase(collV uint64, collS uint8, cpV uint64, cpP uint8, debtV uint64, debtS uint8, dpV uint64, dpP uint8,
	ltV, bonusV, shareV, thfV, dustV, extraPV, extraDV, maxRepayV uint64) LiquidationInput {
	coll, cp, debt, dp := amount(collV, collS), price(cpV, cpP), amount(debtV, debtS), price(dpV, dpP)
	lt := frac(ltV)
	// P includes ⌊coll·cp·lt⌋ (what WeightedCollateral reports) plus other collateral.
	own := floorDec(ratMul(ratInt(coll), ratOf(cp), ratOf(lt)))
	in := LiquidationInput{
		WeightedCollateral: own.Add(sdkmath.LegacyNewDec(int64(extraPV >> 1))),
		TotalDebt:          ratDec(ratMul(ratInt(debt), ratOf(dp))).Add(sdkmath.LegacyNewDec(int64(extraDV >> 1))),
		DebtAmount:         debt, DebtPrice: dp,
		CollateralAmount: coll, CollateralPrice: cp, LiquidationThreshold: lt,
		Bonus:              frac(bonusV).QuoInt64(2),
		ProtocolShare:      frac(shareV),
		TargetHealthFactor: sdkmath.LegacyOneDec().Add(frac(thfV)),
		DustValue:          sdkmath.LegacyNewDec(int64(dustV % 10_000)),
	}
	if maxRepayV%3 == 0 {
		in.MaxRepay = sdkmath.NewIntFromUint64(maxRepayV)
	}
	return in
}

func ratDec(r *big.Rat) sdkmath.LegacyDec { return floorDec(r) }

// checkLiquidation asserts every guarantee SizeLiquidation documents, with
// exact rational arithmetic.
func checkLiquidation(t *testing.T, in LiquidationInput, l Liquidation) {
	t.Helper()
	if !l.Repay.IsPositive() || !l.Seize.IsPositive() {
		t.Fatalf("empty liquidation %+v", l)
	}
	if l.Seize.GT(in.CollateralAmount) || l.Repay.GT(in.DebtAmount) {
		t.Fatalf("takes more than exists: %+v of %s / %s", l, in.CollateralAmount, in.DebtAmount)
	}
	if !l.ToLiquidator.Add(l.ToProtocol).Equal(l.Seize) || l.ToProtocol.IsNegative() || l.ToLiquidator.IsNegative() {
		t.Fatalf("seize split does not add up: %+v", l)
	}
	if !l.DebtLeft.Equal(in.DebtAmount.Sub(l.Repay)) || !l.CollateralLeft.Equal(in.CollateralAmount.Sub(l.Seize)) {
		t.Fatalf("remainders do not add up: %+v", l)
	}
	lb := ratAdd(big.NewRat(1, 1), ratOf(in.Bonus))
	// The collateral taken is worth at most (1 + bonus) × the debt repaid.
	if ratMul(ratInt(l.Seize), ratOf(in.CollateralPrice)).Cmp(ratMul(ratInt(l.Repay), ratOf(in.DebtPrice), lb)) > 0 {
		t.Fatalf("seized more than repay × (1 + bonus): %+v", l)
	}
	// The protocol's share exceeds its exact share of the bonus part by under two
	// units (the bonus part and the share are each rounded up).
	bonusPart := ratSub(ratInt(l.Seize), ratQuo(ratInt(l.Seize), lb))
	if ratInt(l.ToProtocol).Cmp(ratAdd(ratMul(bonusPart, ratOf(in.ProtocolShare)), big.NewRat(2, 1))) > 0 {
		t.Fatalf("protocol takes more than its share: %+v", l)
	}
	p, d := ratOf(in.WeightedCollateral), ratOf(in.TotalDebt)
	pAfter := ratSub(p, ratMul(ratInt(l.Seize), ratOf(in.CollateralPrice), ratOf(in.LiquidationThreshold)))
	dAfter := ratSub(d, ratMul(ratInt(l.Repay), ratOf(in.DebtPrice)))
	if dAfter.Sign() > 0 {
		hfAfter := ratQuo(pAfter, dAfter)
		if want := floorDec(hfAfter); !l.HealthFactorAfter.Equal(sdkmath.LegacyMinDec(want, MaxHealthFactor())) && pAfter.Sign() >= 0 {
			t.Fatalf("HF after %s, exact ⌊⌋ %s", l.HealthFactorAfter, want)
		}
		// Sized to the target: the target is reached.
		if l.Limit == LimitTarget && hfAfter.Cmp(ratOf(in.TargetHealthFactor)) < 0 {
			t.Fatalf("target %s not reached: HF after %s (%+v)", in.TargetHealthFactor, hfAfter.FloatString(20), l)
		}
		// Within the frontier ((1 + bonus)·LT ≤ HF) the HF never falls.
		hf := ratQuo(p, d)
		if ratMul(lb, ratOf(in.LiquidationThreshold)).Cmp(hf) <= 0 && hfAfter.Cmp(hf) < 0 {
			t.Fatalf("HF fell from %s to %s inside the frontier", hf.FloatString(20), hfAfter.FloatString(20))
		}
	}
	// No dust unless the other side is empty.
	dust := ratOf(in.DustValue)
	debtDust := l.DebtLeft.IsPositive() && ratMul(ratInt(l.DebtLeft), ratOf(in.DebtPrice)).Cmp(dust) < 0
	collDust := l.CollateralLeft.IsPositive() && ratMul(ratInt(l.CollateralLeft), ratOf(in.CollateralPrice)).Cmp(dust) < 0
	if debtDust && l.CollateralLeft.IsPositive() || collDust && l.DebtLeft.IsPositive() {
		t.Fatalf("dust left: %+v (dust value %s)", l, in.DustValue)
	}
	if l.Limit == LimitMaxRepay && !l.Repay.Equal(in.MaxRepay) {
		t.Fatalf("max repay limit but repay %s ≠ %s", l.Repay, in.MaxRepay)
	}
	if !in.MaxRepay.IsNil() && in.MaxRepay.IsPositive() && l.Repay.GT(in.MaxRepay) {
		t.Fatalf("repay %s above max repay %s", l.Repay, in.MaxRepay)
	}
}

func FuzzSizeLiquidation(f *testing.F) {
	// The worked example: 1000 at 10 (LT 0.8) against 9000 at 1, bonus 5%.
	f.Add(uint64(1000), uint8(0), uint64(20), uint8(0), uint64(9000), uint8(0), uint64(2), uint8(0),
		uint64(800_000_000_000_000_000), uint64(100_000_000_000_000_000), uint64(100_000_000_000_000_000),
		uint64(50_000_000_000_000_000), uint64(100), uint64(0), uint64(0), uint64(1))
	f.Add(uint64(800), uint8(0), uint64(20), uint8(0), uint64(9000), uint8(0), uint64(2), uint8(0),
		uint64(800_000_000_000_000_000), uint64(100_000_000_000_000_000), uint64(0),
		uint64(50_000_000_000_000_000), uint64(0), uint64(0), uint64(0), uint64(3000))
	f.Add(uint64(1), uint8(128), uint64(1<<63), uint8(18), uint64(1<<63), uint8(128), uint64(3), uint8(18),
		uint64(1_000_000_000_000_000_000), uint64(1_000_000_000_000_000_000), uint64(1_000_000_000_000_000_000),
		uint64(1_000_000_000_000_000_000), uint64(9999), uint64(1<<62), uint64(1<<63), uint64(0))
	f.Fuzz(func(t *testing.T, collV uint64, collS uint8, cpV uint64, cpP uint8, debtV uint64, debtS uint8, dpV uint64, dpP uint8,
		ltV, bonusV, shareV, thfV, dustV, extraPV, extraDV, maxRepayV uint64) {
		in := liqCase(collV, collS, cpV, cpP, debtV, debtS, dpV, dpP, ltV, bonusV, shareV, thfV, dustV, extraPV, extraDV, maxRepayV)
		l, err := SizeLiquidation(in)
		if err != nil {
			expectedError(t, err)
			return
		}
		checkLiquidation(t, in, l)
	})
}

// Splitting a liquidation in two never seizes more collateral for the same
// total repay than doing it at once, when the bonus parameters pass
// CheckSplitProof (the second piece's bonus is recomputed at the HF the first
// piece left).
func FuzzSplitNeverPays(f *testing.F) {
	f.Add(uint64(1000), uint64(20), uint64(9000), uint64(2), uint64(800_000_000_000_000_000), uint64(4000), uint64(3))
	f.Add(uint64(1_000_000), uint64(7), uint64(5_000_000), uint64(1), uint64(500_000_000_000_000_000), uint64(1), uint64(9))
	f.Fuzz(func(t *testing.T, coll, cpV, debt, dpV, ltV, repay, piece uint64) {
		p := bonusParams()
		in := liqCase(coll, 0, cpV, 0, debt, 0, dpV, 0, ltV, 0, 0, 0, 0, 0, 0, 1)
		in.DustValue = sdkmath.LegacyZeroDec()
		in.ProtocolShare = sdkmath.LegacyZeroDec()
		if CheckSplitProof(p, in.LiquidationThreshold) != nil || repay == 0 {
			return
		}
		hf, err := HealthFactor(in.WeightedCollateral, in.TotalDebt)
		noErr(t, err)
		if in.Bonus, err = DutchBonus(p, hf); err != nil {
			expectedError(t, err)
			return
		}
		in.MaxRepay = sdkmath.NewIntFromUint64(repay)
		whole, err := SizeLiquidation(in)
		if err != nil {
			expectedError(t, err)
			return
		}
		r1 := whole.Repay.Quo(sdkmath.NewIntFromUint64(piece%7 + 2))
		if !r1.IsPositive() {
			return
		}
		first := in
		first.MaxRepay = r1
		l1, err := SizeLiquidation(first)
		if err != nil {
			expectedError(t, err)
			return
		}
		// The position after the first piece, valued afresh as a consumer would.
		second := in
		second.CollateralAmount = l1.CollateralLeft
		second.DebtAmount = l1.DebtLeft
		second.WeightedCollateral = floorDec(ratMul(ratInt(l1.CollateralLeft), ratOf(in.CollateralPrice), ratOf(in.LiquidationThreshold)))
		second.TotalDebt = ratDec(ratMul(ratInt(l1.DebtLeft), ratOf(in.DebtPrice)))
		hf1, err := HealthFactor(second.WeightedCollateral, second.TotalDebt)
		noErr(t, err)
		if second.Bonus, err = DutchBonus(p, hf1); err != nil {
			return // healthy after the first piece: the second is refused
		}
		if second.Bonus.GT(in.Bonus) {
			t.Fatalf("bonus rose from %s to %s after a piece (HF %s → %s)", in.Bonus, second.Bonus, hf, hf1)
		}
		second.MaxRepay = whole.Repay.Sub(l1.Repay)
		if !second.MaxRepay.IsPositive() {
			return
		}
		l2, err := SizeLiquidation(second)
		if err != nil {
			expectedError(t, err)
			return
		}
		if l1.Seize.Add(l2.Seize).GT(whole.Seize) {
			t.Fatalf("split paid more: %s + %s > %s", l1.Seize, l2.Seize, whole.Seize)
		}
	})
}

// Health factor: HF × debt ≤ weighted collateral; more collateral never
// lowers it, more debt never raises it.
func FuzzHealthFactor(f *testing.F) {
	f.Add(uint64(8750000), uint8(0), uint64(9000000), uint8(0))
	f.Add(uint64(1), uint8(0), uint64(0), uint8(0))
	f.Add(uint64(1<<63), uint8(128), uint64(1), uint8(0))
	f.Fuzz(func(t *testing.T, pv uint64, ps uint8, dv uint64, ds uint8) {
		p := sdkmath.LegacyNewDecFromBigIntWithPrec(amount(pv, ps).BigInt(), 18)
		d := sdkmath.LegacyNewDecFromBigIntWithPrec(amount(dv, ds).BigInt(), 18)
		hf, err := HealthFactor(p, d)
		if err != nil {
			expectedError(t, err)
			return
		}
		if d.IsZero() {
			if !hf.Equal(MaxHealthFactor()) {
				t.Fatalf("no debt: HF %s", hf)
			}
			return
		}
		if hf.LT(MaxHealthFactor()) && !hf.Equal(floorDec(ratQuo(ratOf(p), ratOf(d)))) {
			t.Fatalf("HF %s, exact ⌊⌋ %s", hf, floorDec(ratQuo(ratOf(p), ratOf(d))))
		}
		more, err := HealthFactor(p.Add(sdkmath.LegacySmallestDec()), d)
		if err == nil && more.LT(hf) {
			t.Fatal("more collateral lowered the HF")
		}
		less, err := HealthFactor(p, d.Add(sdkmath.LegacySmallestDec()))
		if err == nil && less.GT(hf) {
			t.Fatal("more debt raised the HF")
		}
	})
}

// Dutch bonus: within [Min, Max], non-increasing in HF; split-proof params
// imply the frontier.
func FuzzDutchBonus(f *testing.F) {
	f.Add(uint64(40_000_000_000_000_000), uint64(50_000_000_000_000_000), uint64(850_000_000_000_000_000), uint64(950_000_000_000_000_000), uint64(800_000_000_000_000_000))
	f.Add(uint64(0), uint64(0), uint64(1), uint64(0), uint64(1))
	f.Add(uint64(1<<63), uint64(1<<63), uint64(999_999_999_999_999_999), uint64(999_999_999_999_999_999), uint64(1_000_000_000_000_000_000))
	f.Fuzz(func(t *testing.T, minV, maxV, hmaxV, hfV, ltV uint64) {
		p := BonusParams{MinBonus: frac(minV).QuoInt64(2), MaxBonus: frac(maxV).QuoInt64(2), HealthFactorForMaxBonus: frac(hmaxV)}
		hf := frac(hfV)
		b, err := DutchBonus(p, hf)
		if err != nil {
			expectedError(t, err)
			return
		}
		if b.LT(p.MinBonus) || b.GT(p.MaxBonus) {
			t.Fatalf("bonus %s outside [%s, %s]", b, p.MinBonus, p.MaxBonus)
		}
		if hf.IsPositive() {
			lower, err := DutchBonus(p, hf.Sub(sdkmath.LegacySmallestDec()))
			noErr(t, err)
			if lower.LT(b) {
				t.Fatalf("bonus fell as HF fell: %s at %s, %s below", b, hf, lower)
			}
		}
		lt := frac(ltV)
		if CheckSplitProof(p, lt) == nil {
			if sdkmath.LegacyOneDec().Add(p.MaxBonus).Mul(lt).GTE(sdkmath.LegacyOneDec()) {
				t.Fatalf("split-proof params beyond the frontier: %+v LT %s", p, lt)
			}
		}
	})
}
