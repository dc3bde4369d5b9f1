package risk

import (
	"math/big"
	"testing"

	sdkmath "cosmossdk.io/math"
)

// Fuzzers of the interest formulas. The f.Add seeds and testdata/fuzz run as
// unit tests under `go test`; `go test -fuzz=FuzzX ./pkg/risk/` explores.

// AccrueIndex: never below the exact compounding, at most one unit (10^-18)
// above it for short intervals (checked exactly with big.Rat), never
// decreasing in time or rate.
func FuzzAccrueIndex(f *testing.F) {
	f.Add(uint64(1_000_000_000_000_000_000), uint64(12_500_000_000_000_000), uint32(1)) // rate 0.1
	f.Add(uint64(1), uint64(0), uint32(0))
	f.Add(uint64(1<<63), uint64(1<<63), uint32(40))
	f.Add(uint64(1_234_567_890_123_456_789), uint64(12_375_000_000_000_000_000), uint32(63)) // rate 99
	f.Fuzz(func(t *testing.T, idxV, rateV uint64, dt uint32) {
		index := sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).SetUint64(idxV), 18)
		rate := rateOf(rateV)
		elapsed := int64(dt % 64)
		got, err := AccrueIndex(index, rate, elapsed)
		if err != nil {
			expectedError(t, err)
			return
		}
		exact := ratOf(index)
		base := ratAdd(big.NewRat(1, 1), ratQuo(ratOf(rate), big.NewRat(SecondsPerYear, 1)))
		for i := int64(0); i < elapsed; i++ {
			exact.Mul(exact, base)
		}
		lo := ceilDec(exact)
		if got.LT(lo) || got.GT(lo.Add(sdkmath.LegacySmallestDec())) {
			t.Fatalf("AccrueIndex(%s, %s, %d) = %s, exact ⌈⌉ %s", index, rate, elapsed, got, lo)
		}
		later, err := AccrueIndex(index, rate, elapsed+1)
		if err == nil && later.LT(got) {
			t.Fatalf("index decreased with time: %s then %s", got, later)
		}
		if rate.LT(MaxAnnualRate()) {
			higher, err := AccrueIndex(index, rate.Add(sdkmath.LegacySmallestDec()), elapsed)
			if err == nil && higher.LT(got) {
				t.Fatalf("index decreased with rate: %s then %s", got, higher)
			}
		}
	})
}

// rateOf maps v onto annual rates up to ~147.6 (v·8 at 18 decimals), past
// MaxAnnualRate so the bound is exercised too.
func rateOf(v uint64) sdkmath.LegacyDec {
	b := new(big.Int).SetUint64(v)
	return sdkmath.LegacyNewDecFromBigIntWithPrec(b.Lsh(b, 3), 18)
}

// Long intervals: the result lies between the exact value and it plus the
// stated bound, checked with a 60-digit bracket computed by big.Float.
func FuzzAccrueIndexLong(f *testing.F) {
	f.Add(uint64(12_500_000_000_000_000), uint32(SecondsPerYear))        // rate 0.1
	f.Add(uint64(12_500_000_000_000_000_000), uint32(10*SecondsPerYear)) // rate 100
	f.Add(uint64(1), uint32(1<<31))
	f.Add(uint64(12_500_000_000_000_000_000), uint32(SecondsPerYear))  // rate 100: e^100
	f.Add(uint64(3_125_000_000_000_000_000), uint32(4*SecondsPerYear)) // rate 25 for 4 years
	f.Fuzz(func(t *testing.T, rateV uint64, dt uint32) {
		rate := rateOf(rateV)
		got, err := AccrueIndex(sdkmath.LegacyOneDec(), rate, int64(dt))
		if err != nil {
			expectedError(t, err)
			return
		}
		// Reference: big.Float at 400 bits, (1 + r/Y)^dt by squaring.
		const prec = 400
		base := new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetRat(ratOf(rate)), big.NewFloat(SecondsPerYear))
		base.Add(base, big.NewFloat(1))
		ref := new(big.Float).SetPrec(prec).SetInt64(1)
		for e := uint64(dt); e > 0; e >>= 1 {
			if e&1 == 1 {
				ref.Mul(ref, base)
			}
			base.Mul(base, base)
		}
		g := new(big.Float).SetPrec(prec).SetRat(ratOf(got))
		diff := new(big.Float).SetPrec(prec).Sub(g, ref)
		// got ≥ exact (allow 1e-60 relative for the reference's own error)
		tol := new(big.Float).SetPrec(prec).Mul(ref, big.NewFloat(1e-60))
		if diff.Cmp(new(big.Float).Neg(tol)) < 0 {
			t.Fatalf("AccrueIndex(1, %s, %d) = %s below exact %s", rate, dt, got, ref.Text('g', 40))
		}
		bound := new(big.Float).SetPrec(prec).Mul(ref, big.NewFloat(3*float64(dt)+130))
		bound.Mul(bound, big.NewFloat(1e-36))
		bound.Add(bound, big.NewFloat(1e-18))
		if diff.Cmp(bound) > 0 {
			t.Fatalf("AccrueIndex(1, %s, %d) = %s exceeds exact %s by more than the bound", rate, dt, got, ref.Text('g', 40))
		}
	})
}

// Scaled debt: a borrow records at least what was lent, a repayment retires
// at most what was paid, and borrow-then-repay-all never charges less.
func FuzzScaledDebt(f *testing.F) {
	f.Add(uint64(1_000_000), uint8(0), uint64(1_050_000_000_000_000_000))
	f.Add(uint64(1), uint8(128), uint64(1))
	f.Add(uint64(7), uint8(3), uint64(1<<63))
	f.Fuzz(func(t *testing.T, v uint64, sh uint8, idxV uint64) {
		a := amount(v, sh)
		index := sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).SetUint64(idxV), 18)
		up, err := ScaledDebtUp(a, index)
		if err != nil {
			expectedError(t, err)
			return
		}
		down, err := ScaledDebtDown(a, index)
		if err != nil {
			expectedError(t, err)
			return
		}
		if down.GT(up) {
			t.Fatalf("scaled down %s > up %s", down, up)
		}
		owed, err := DebtFromScaled(up, index)
		if err != nil {
			expectedError(t, err)
			return
		}
		if owed.LT(a) {
			t.Fatalf("borrowed %s but owes only %s", a, owed)
		}
		retired, err := DebtFromScaled(down, index)
		if err != nil {
			expectedError(t, err)
			return
		}
		if retired.GT(a) {
			t.Fatalf("repaid %s but retired %s of debt", a, retired)
		}
	})
}

// Utilization: in [0, 1], never below the exact ratio, growing with borrows.
func FuzzUtilization(f *testing.F) {
	f.Add(uint64(600), uint8(0), uint64(400), uint8(0), uint64(50), uint8(0))
	f.Add(uint64(0), uint8(0), uint64(1), uint8(0), uint64(5), uint8(0))
	f.Add(uint64(1<<63), uint8(128), uint64(1<<63), uint8(128), uint64(0), uint8(0))
	f.Fuzz(func(t *testing.T, cv uint64, cs uint8, bv uint64, bs uint8, rv uint64, rs uint8) {
		c, b, r := amount(cv, cs), amount(bv, bs), amount(rv, rs)
		u, err := Utilization(c, b, r)
		if err != nil {
			expectedError(t, err)
			return
		}
		if u.IsNegative() || u.GT(sdkmath.LegacyOneDec()) {
			t.Fatalf("utilization %s out of [0, 1]", u)
		}
		den := ratSub(ratAdd(ratInt(c), ratInt(b)), ratInt(r))
		if b.IsPositive() && den.Cmp(ratInt(b)) > 0 {
			exact := ratQuo(ratInt(b), den)
			if !u.Equal(ceilDec(exact)) {
				t.Fatalf("utilization %s, exact ⌈⌉ %s", u, ceilDec(exact))
			}
		}
		u2, err := Utilization(c, b.AddRaw(1), r)
		if err == nil && u2.LT(u) {
			t.Fatalf("utilization fell as borrows grew: %s then %s", u, u2)
		}
	})
}

// Kinked model: equal to the exact rate rounded up, non-decreasing in U;
// supply rate ≤ borrow rate × U.
func FuzzKinkedModel(f *testing.F) {
	f.Add(uint64(0), uint64(40_000_000_000_000_000), uint64(750_000_000_000_000_000), uint64(800_000_000_000_000_000), uint64(900_000_000_000_000_000), uint64(100_000_000_000_000_000))
	f.Add(uint64(1), uint64(1), uint64(1), uint64(1), uint64(0), uint64(0))
	f.Add(uint64(1<<63), uint64(1<<63), uint64(1<<63), uint64(999_999_999_999_999_999), uint64(1_000_000_000_000_000_000), uint64(1_000_000_000_000_000_000))
	f.Fuzz(func(t *testing.T, baseV, s1V, s2V, optV, uV, rfV uint64) {
		m := KinkedModel{
			Base:               sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).SetUint64(baseV), 18),
			Slope1:             sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).SetUint64(s1V), 18),
			Slope2:             sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).SetUint64(s2V), 18),
			OptimalUtilization: frac(optV),
		}
		u := frac(uV)
		r, err := m.BorrowRate(u)
		if err != nil {
			expectedError(t, err)
			return
		}
		var exact *big.Rat
		if u.LTE(m.OptimalUtilization) {
			exact = ratAdd(ratOf(m.Base), ratQuo(ratMul(ratOf(m.Slope1), ratOf(u)), ratOf(m.OptimalUtilization)))
		} else {
			exact = ratAdd(ratAdd(ratOf(m.Base), ratOf(m.Slope1)),
				ratQuo(ratMul(ratOf(m.Slope2), ratSub(ratOf(u), ratOf(m.OptimalUtilization))),
					ratSub(big.NewRat(1, 1), ratOf(m.OptimalUtilization))))
		}
		if !r.Equal(ceilDec(exact)) {
			t.Fatalf("rate %s, exact ⌈⌉ %s", r, ceilDec(exact))
		}
		if u.LT(sdkmath.LegacyOneDec()) {
			r2, err := m.BorrowRate(u.Add(sdkmath.LegacySmallestDec()))
			noErr(t, err)
			if r2.LT(r) {
				t.Fatalf("rate fell as U rose: %s then %s", r, r2)
			}
		}
		rf := frac(rfV)
		sr, err := SupplyRate(r, u, rf)
		if err != nil {
			expectedError(t, err)
			return
		}
		exactS := ratMul(ratOf(r), ratOf(u), ratSub(big.NewRat(1, 1), ratOf(rf)))
		if !sr.Equal(floorDec(exactS)) {
			t.Fatalf("supply rate %s, exact ⌊⌋ %s", sr, floorDec(exactS))
		}
	})
}

// Adaptive model: rates within [R/k, R·k] bounds and MaxAnnualRate; the rate
// at target stays within [Min, Max] and moves towards the error's sign; the
// rate is non-decreasing in U.
func FuzzAdaptiveModel(f *testing.F) {
	f.Add(uint64(40_000_000_000_000_000), uint64(950_000_000_000_000_000), uint32(86400), uint8(4), uint16(50), uint64(900_000_000_000_000_000))
	f.Add(uint64(0), uint64(0), uint32(0), uint8(1), uint16(0), uint64(1))
	f.Add(uint64(1<<63), uint64(1_000_000_000_000_000_000), uint32(1<<31), uint8(100), uint16(1000), uint64(999_999_999_999_999_999))
	f.Fuzz(func(t *testing.T, rV, uV uint64, dt uint32, k uint8, speed uint16, tV uint64) {
		m := morpho()
		m.CurveSteepness = sdkmath.LegacyNewDec(int64(k%100) + 1)
		m.AdjustmentSpeed = sdkmath.LegacyNewDec(int64(speed % 1001))
		m.TargetUtilization = frac(tV)
		m.MaxRateAtTarget = sdkmath.LegacyOneDec()
		r0 := sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).SetUint64(rV%4_000_000_000_000_000_000), 18)
		u := frac(uV)
		rate, rt, err := m.BorrowRate(r0, u, int64(dt))
		if err != nil {
			expectedError(t, err)
			return
		}
		if rt.LT(m.MinRateAtTarget) || rt.GT(m.MaxRateAtTarget) {
			t.Fatalf("rate at target %s outside [%s, %s]", rt, m.MinRateAtTarget, m.MaxRateAtTarget)
		}
		if rate.IsNegative() || rate.GT(MaxAnnualRate()) {
			t.Fatalf("rate %s out of range", rate)
		}
		if r0.IsPositive() {
			start := sdkmath.LegacyMinDec(sdkmath.LegacyMaxDec(r0, m.MinRateAtTarget), m.MaxRateAtTarget)
			if u.GT(m.TargetUtilization) && rt.LT(start) || u.LT(m.TargetUtilization) && rt.GT(start) {
				t.Fatalf("rate at target moved the wrong way: %s → %s at U %s (target %s)", start, rt, u, m.TargetUtilization)
			}
		}
		if u.LT(sdkmath.LegacyOneDec()) {
			rate2, _, err := m.BorrowRate(r0, u.Add(sdkmath.LegacySmallestDec()), int64(dt))
			noErr(t, err)
			if rate2.LT(rate) {
				t.Fatalf("rate fell as U rose: %s then %s", rate, rate2)
			}
		}
	})
}
