package risk

import (
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"
)

// Property tests over positions that are liquidatable by construction (the
// fuzzers explore arbitrary inputs, most of them invalid or healthy; these
// make sure every branch of the sizing is exercised many times).

// randomPosition returns a single-collateral, single-debt position with HF in
// (0.2, 1), split-proof bonus parameters for its LT, and the Dutch bonus.
func randomPosition(rng *rand.Rand) (LiquidationInput, BonusParams) {
	coll := sdkmath.NewInt(rng.Int63n(1_000_000_000) + 1)
	cp := sdkmath.LegacyNewDecWithPrec(rng.Int63n(1_000_000_000)+1, int64(rng.Intn(7)))
	dp := sdkmath.LegacyNewDecWithPrec(rng.Int63n(1_000_000_000)+1, int64(rng.Intn(7)))
	lt := sdkmath.LegacyNewDecWithPrec(rng.Int63n(500)+450, 3) // 0.450 … 0.949
	maxBonus := sdkmath.LegacyNewDecWithPrec(rng.Int63n(150), 3)
	minBonus := maxBonus.MulInt64(rng.Int63n(101)).QuoInt64(100)
	hmax := sdkmath.LegacyOneDec().Add(maxBonus).Mul(lt) // the tightest split-proof choice
	if hmax.GTE(sdkmath.LegacyOneDec()) {
		maxBonus, minBonus = sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec()
		hmax = lt
	}
	params := BonusParams{MinBonus: minBonus, MaxBonus: maxBonus, HealthFactorForMaxBonus: hmax}
	p, _ := WeightedCollateral([]Collateral{{Amount: coll, Price: cp, Factor: lt}})
	hf := sdkmath.LegacyNewDecWithPrec(rng.Int63n(800)+200, 3) // 0.200 … 0.999
	debtValue := p.Quo(hf)
	debt := debtValue.Quo(dp).Ceil().TruncateInt()
	d, _ := TotalDebt([]Debt{{Amount: debt, Price: dp}})
	in := LiquidationInput{
		WeightedCollateral: p, TotalDebt: d,
		DebtAmount: debt, DebtPrice: dp,
		CollateralAmount: coll, CollateralPrice: cp, LiquidationThreshold: lt,
		ProtocolShare:      sdkmath.LegacyNewDecWithPrec(rng.Int63n(1001), 3),
		TargetHealthFactor: sdkmath.LegacyNewDecWithPrec(rng.Int63n(300)+1000, 3),
	}
	switch rng.Intn(3) {
	case 0:
		in.DustValue = sdkmath.LegacyZeroDec()
	case 1:
		in.DustValue = d.QuoInt64(rng.Int63n(20) + 2)
	default:
		in.DustValue = d.QuoInt64(rng.Int63n(1000) + 50)
	}
	if rng.Intn(3) == 0 {
		in.MaxRepay = sdkmath.NewInt(rng.Int63n(debt.Int64()+1) + 1)
	}
	return in, params
}

func TestPropertyLiquidation(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	counts := map[LiquidationLimit]int{}
	refusedDust := 0
	const n = 20000
	for i := 0; i < n; i++ {
		in, params := randomPosition(rng)
		hf, err := HealthFactor(in.WeightedCollateral, in.TotalDebt)
		noErr(t, err)
		if !hf.LT(sdkmath.LegacyOneDec()) {
			continue
		}
		if in.Bonus, err = DutchBonus(params, hf); err != nil {
			t.Fatalf("bonus: %v", err)
		}
		if err := CheckSplitProof(params, in.LiquidationThreshold); err != nil {
			t.Fatalf("generator produced non-split-proof params: %v", err)
		}
		l, err := SizeLiquidation(in)
		if err != nil {
			if errorsIs(err, ErrMustNotLeaveDust) {
				refusedDust++
				continue
			}
			if errorsIs(err, ErrNothingToSeize) {
				continue
			}
			t.Fatalf("case %d: %v", i, err)
		}
		checkLiquidation(t, in, l)
		counts[l.Limit]++
	}
	for _, lim := range []LiquidationLimit{LimitTarget, LimitDebt, LimitCollateral, LimitMaxRepay} {
		if counts[lim] < n/100 {
			t.Errorf("limit %v reached only %d times of %d: the generator misses a branch", lim, counts[lim], n)
		}
	}
	if refusedDust == 0 {
		t.Error("no max repay was refused for dust: the generator misses that branch")
	}
	t.Logf("limits %v, refused for dust %d", counts, refusedDust)
}

// Splitting never pays, over the same generator: two pieces (bonus
// recomputed in between) never seize more than one liquidation of the same
// total repay.
func TestPropertySplitNeverPays(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	compared := 0
	for i := 0; i < 20000; i++ {
		in, params := randomPosition(rng)
		in.DustValue, in.ProtocolShare = sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec()
		in.MaxRepay = sdkmath.Int{}
		hf, _ := HealthFactor(in.WeightedCollateral, in.TotalDebt)
		var err error
		if in.Bonus, err = DutchBonus(params, hf); err != nil {
			continue
		}
		whole, err := SizeLiquidation(in)
		if err != nil || whole.Repay.LT(sdkmath.NewInt(2)) {
			continue
		}
		first := in
		first.MaxRepay = whole.Repay.QuoRaw(int64(rng.Intn(5) + 2))
		if !first.MaxRepay.IsPositive() {
			continue
		}
		l1, err := SizeLiquidation(first)
		if err != nil {
			continue
		}
		second := in
		second.CollateralAmount, second.DebtAmount = l1.CollateralLeft, l1.DebtLeft
		second.WeightedCollateral, _ = WeightedCollateral([]Collateral{{Amount: l1.CollateralLeft, Price: in.CollateralPrice, Factor: in.LiquidationThreshold}})
		second.TotalDebt, _ = TotalDebt([]Debt{{Amount: l1.DebtLeft, Price: in.DebtPrice}})
		hf1, _ := HealthFactor(second.WeightedCollateral, second.TotalDebt)
		// Inside the frontier ((1 + bonus)·LT ≤ HF, always so above Hmax) a
		// piece raises the HF; below Hmax it may fall, but the bonus is flat.
		if sdkmath.LegacyOneDec().Add(in.Bonus).Mul(in.LiquidationThreshold).LTE(hf) && hf1.LT(hf) {
			t.Fatalf("a piece lowered the HF inside the frontier: %s → %s", hf, hf1)
		}
		if second.Bonus, err = DutchBonus(params, hf1); err != nil {
			continue // healthy again: the rest cannot be liquidated at all
		}
		second.MaxRepay = whole.Repay.Sub(l1.Repay)
		if !second.MaxRepay.IsPositive() || !second.CollateralAmount.IsPositive() {
			continue
		}
		if second.Bonus.GT(in.Bonus) {
			t.Fatalf("the bonus rose after a piece: %s → %s (HF %s → %s)", in.Bonus, second.Bonus, hf, hf1)
		}
		l2, err := SizeLiquidation(second)
		if err != nil {
			continue
		}
		compared++
		if l1.Seize.Add(l2.Seize).GT(whole.Seize) {
			t.Fatalf("split paid more: %s + %s > %s", l1.Seize, l2.Seize, whole.Seize)
		}
	}
	if compared < 1000 {
		t.Fatalf("only %d splits compared", compared)
	}
}

// Without the split-proof condition splitting can pay: the check is needed.
func TestSplitPaysWithoutCondition(t *testing.T) {
	// LT 0.95, bonus 4–10 % over HF 0.85–1: (1 + 0.10) × 0.95 = 1.045 > 0.85.
	params := BonusParams{MinBonus: dec("0.04"), MaxBonus: dec("0.10"), HealthFactorForMaxBonus: dec("0.85")}
	wantErr(t, CheckSplitProof(params, dec("0.95")), ErrSplitProfitable)
	in := LiquidationInput{
		WeightedCollateral: dec("9025"), TotalDebt: dec("9500"), // HF 0.95
		DebtAmount: ints(9500), DebtPrice: dec("1"),
		CollateralAmount: ints(950), CollateralPrice: dec("10"), LiquidationThreshold: dec("0.95"),
		ProtocolShare: dec("0"), TargetHealthFactor: dec("1"), DustValue: dec("0"), MaxRepay: ints(4000),
	}
	b0, err := DutchBonus(params, dec("0.95"))
	noErr(t, err)
	in.Bonus = b0
	whole, err := SizeLiquidation(in)
	noErr(t, err)
	first := in
	first.MaxRepay = ints(2000)
	l1, err := SizeLiquidation(first)
	noErr(t, err)
	if !l1.HealthFactorAfter.LT(dec("0.95")) {
		t.Fatalf("beyond the frontier a piece must lower the HF, got %s", l1.HealthFactorAfter)
	}
	second := first
	second.CollateralAmount, second.DebtAmount = l1.CollateralLeft, l1.DebtLeft
	second.WeightedCollateral, _ = WeightedCollateral([]Collateral{{Amount: l1.CollateralLeft, Price: dec("10"), Factor: dec("0.95")}})
	second.TotalDebt = sdkmath.LegacyNewDecFromInt(l1.DebtLeft)
	second.Bonus, err = DutchBonus(params, l1.HealthFactorAfter)
	noErr(t, err)
	l2, err := SizeLiquidation(second)
	noErr(t, err)
	if !l1.Seize.Add(l2.Seize).GT(whole.Seize) {
		t.Fatalf("expected the split to pay more here: %s + %s vs %s", l1.Seize, l2.Seize, whole.Seize)
	}
}

func TestPropertyDeficitAndProRata(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 5000; i++ {
		deficit := sdkmath.NewInt(rng.Int63n(1_000_000))
		srcs := make([]sdkmath.Int, rng.Intn(4))
		for j := range srcs {
			srcs[j] = sdkmath.NewInt(rng.Int63n(500_000))
		}
		taken, uncovered, err := CoverDeficit(deficit, srcs)
		noErr(t, err)
		sum := uncovered
		for j, x := range taken {
			sum = sum.Add(x)
			if x.GT(srcs[j]) {
				t.Fatalf("took %s from a source of %s", x, srcs[j])
			}
			if x.LT(srcs[j]) && j+1 < len(taken) && !taken[j+1].IsZero() {
				t.Fatal("a later source paid before an earlier one was empty")
			}
		}
		if !sum.Equal(deficit) {
			t.Fatalf("allocation %v + %s ≠ deficit %s", taken, uncovered, deficit)
		}
		weights := make([]sdkmath.Int, rng.Intn(6)+1)
		for j := range weights {
			weights[j] = sdkmath.NewInt(rng.Int63n(1000))
		}
		shares, err := ProRata(uncovered, weights)
		if err != nil {
			wantErr(t, err, ErrInvalidAmount) // all weights zero
			continue
		}
		total := sdkmath.ZeroInt()
		for _, s := range shares {
			total = total.Add(s)
		}
		if !total.Equal(uncovered) {
			t.Fatalf("pro rata shares %v do not sum to %s", shares, uncovered)
		}
	}
}
