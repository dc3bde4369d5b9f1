package risk

import (
	"math/big"
	"testing"

	sdkmath "cosmossdk.io/math"
)

// CoverDeficit conserves the deficit and drains sources in order; ProRata
// conserves the amount and stays within one unit of each exact share.
func FuzzDeficit(f *testing.F) {
	f.Add(uint64(1380), uint8(0), uint64(1000), uint64(300), uint64(0), uint64(1), uint64(1), uint64(1))
	f.Add(uint64(0), uint8(0), uint64(0), uint64(0), uint64(0), uint64(0), uint64(0), uint64(7))
	f.Add(uint64(1<<63), uint8(128), uint64(1<<63), uint64(1<<63), uint64(1<<63), uint64(3), uint64(5), uint64(1<<63))
	f.Fuzz(func(t *testing.T, dv uint64, ds uint8, a0, a1, a2, w0, w1, w2 uint64) {
		deficit := amount(dv, ds)
		avail := []sdkmath.Int{sdkmath.NewIntFromUint64(a0), sdkmath.NewIntFromUint64(a1), sdkmath.NewIntFromUint64(a2)}
		taken, uncovered, err := CoverDeficit(deficit, avail)
		noErr(t, err)
		sum := uncovered
		for i, x := range taken {
			if x.IsNegative() || x.GT(avail[i]) {
				t.Fatalf("took %s from a source of %s", x, avail[i])
			}
			if i > 0 && taken[i].IsPositive() && taken[i-1].LT(avail[i-1]) {
				t.Fatalf("source %d paid before source %d was empty: %v of %v", i, i-1, taken, avail)
			}
			sum = sum.Add(x)
		}
		if !sum.Equal(deficit) || uncovered.IsNegative() {
			t.Fatalf("allocation %v + %s ≠ %s", taken, uncovered, deficit)
		}
		weights := []sdkmath.Int{sdkmath.NewIntFromUint64(w0), sdkmath.NewIntFromUint64(w1), sdkmath.NewIntFromUint64(w2)}
		shares, err := ProRata(deficit, weights)
		if err != nil {
			expectedError(t, err)
			return
		}
		total := new(big.Int).SetUint64(w0)
		total.Add(total, new(big.Int).SetUint64(w1)).Add(total, new(big.Int).SetUint64(w2))
		got := sdkmath.ZeroInt()
		for i, s := range shares {
			exact := new(big.Rat).SetFrac(mul(deficit.BigInt(), weights[i].BigInt()), total)
			// within one unit of the exact share: |s − exact| < 1
			diff := new(big.Rat).Sub(ratInt(s), exact)
			if diff.Abs(diff).Cmp(big.NewRat(1, 1)) >= 0 {
				t.Fatalf("share %d = %s, exact %s", i, s, exact.FloatString(3))
			}
			if weights[i].IsZero() && !s.IsZero() {
				t.Fatalf("zero weight got %s", s)
			}
			got = got.Add(s)
		}
		if !got.Equal(deficit) {
			t.Fatalf("shares %v sum to %s, not %s", shares, got, deficit)
		}
	})
}

// IsDust agrees with the exact comparison; CheckRemainder agrees with IsDust.
func FuzzDust(f *testing.F) {
	f.Add(uint64(99), uint8(0), uint64(2), uint8(0), uint64(100))
	f.Add(uint64(0), uint8(0), uint64(2), uint8(0), uint64(0))
	f.Add(uint64(1<<63), uint8(128), uint64(1<<63), uint8(18), uint64(1<<63))
	f.Fuzz(func(t *testing.T, av uint64, as uint8, pv uint64, pp uint8, mv uint64) {
		a, p := amount(av, as), price(pv, pp)
		m := sdkmath.LegacyNewDec(int64(mv >> 1))
		d, err := IsDust(a, p, m)
		if err != nil {
			expectedError(t, err)
			return
		}
		want := a.IsPositive() && ratMul(ratInt(a), ratOf(p)).Cmp(ratOf(m)) < 0
		if d != want {
			t.Fatalf("IsDust(%s, %s, %s) = %v", a, p, m, d)
		}
		if err := CheckRemainder(a, p, m); (err != nil) != d {
			t.Fatalf("CheckRemainder disagrees with IsDust: %v", err)
		}
	})
}

// Weighted collateral and total debt: exact per-term floors; values never
// exceed the exact value.
func FuzzWeightedCollateral(f *testing.F) {
	f.Add(uint64(1_000_000), uint8(0), uint64(20), uint8(0), uint64(800_000_000_000_000_000), uint64(500_000), uint8(0), uint64(4), uint8(0), uint64(750_000_000_000_000_000))
	f.Add(uint64(1<<63), uint8(128), uint64(1<<63), uint8(0), uint64(1<<63), uint64(1<<63), uint8(128), uint64(1<<63), uint8(0), uint64(1<<63))
	f.Fuzz(func(t *testing.T, a0 uint64, s0 uint8, p0 uint64, q0 uint8, f0 uint64, a1 uint64, s1 uint8, p1 uint64, q1 uint8, f1 uint64) {
		cs := []Collateral{
			{Amount: amount(a0, s0), Price: price(p0, q0), Factor: frac(f0)},
			{Amount: amount(a1, s1), Price: price(p1, q1), Factor: frac(f1)},
		}
		w, err := WeightedCollateral(cs)
		if err != nil {
			expectedError(t, err)
			return
		}
		want := sdkmath.LegacyZeroDec()
		exact := new(big.Rat)
		for _, c := range cs {
			term := ratMul(ratInt(c.Amount), ratOf(c.Price), ratOf(c.Factor))
			want = want.Add(floorDec(term))
			exact.Add(exact, term)
		}
		if !w.Equal(want) || ratOf(w).Cmp(exact) > 0 {
			t.Fatalf("weighted collateral %s, want %s (exact %s)", w, want, exact.FloatString(20))
		}
		d, err := TotalDebt([]Debt{{Amount: cs[0].Amount, Price: cs[0].Price}, {Amount: cs[1].Amount, Price: cs[1].Price}})
		if err != nil {
			expectedError(t, err)
			return
		}
		exactD := ratAdd(ratMul(ratInt(cs[0].Amount), ratOf(cs[0].Price)), ratMul(ratInt(cs[1].Amount), ratOf(cs[1].Price)))
		if ratOf(d).Cmp(exactD) != 0 {
			t.Fatalf("total debt %s, exact %s", d, exactD.FloatString(20))
		}
	})
}

// Parameter validation never panics, whatever the numbers (nil, negative,
// huge), and a model that validates always answers.
func FuzzValidate(f *testing.F) {
	f.Add(int64(0), uint8(0), int64(4), uint8(0), int64(50), uint8(0), int64(4), uint8(2), int64(1), uint8(3), int64(2), uint8(0), uint64(0))
	f.Add(int64(-1), uint8(18), int64(1<<62), uint8(0), int64(-5), uint8(1), int64(1<<62), uint8(0), int64(0), uint8(0), int64(1<<62), uint8(0), uint64(1<<63))
	f.Fuzz(func(t *testing.T, v0 int64, p0 uint8, v1 int64, p1 uint8, v2 int64, p2 uint8, v3 int64, p3 uint8, v4 int64, p4 uint8, v5 int64, p5 uint8, uV uint64) {
		d := func(v int64, p uint8) sdkmath.LegacyDec {
			if p == 255 {
				return sdkmath.LegacyDec{}
			}
			x := sdkmath.LegacyNewDecWithPrec(v, int64(p%19))
			if p%37 == 36 { // huge values
				x = sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).Lsh(big.NewInt(v), 200), 18)
			}
			return x
		}
		u := frac(uV)
		k := KinkedModel{Base: d(v0, p0), Slope1: d(v1, p1), Slope2: d(v2, p2), OptimalUtilization: d(v3, p3)}
		if k.Validate() == nil {
			if _, err := k.BorrowRate(u); err != nil {
				t.Fatalf("valid kinked model failed: %v", err)
			}
		}
		a := AdaptiveCurveModel{
			TargetUtilization: d(v3, p3), CurveSteepness: d(v1, p1), AdjustmentSpeed: d(v2, p2),
			InitialRateAtTarget: d(v4, p4), MinRateAtTarget: d(v4, p4), MaxRateAtTarget: d(v5, p5),
		}
		if a.Validate() == nil {
			if _, _, err := a.BorrowRate(d(v5, p5), u, int64(uV%(1<<40))); err != nil {
				expectedError(t, err)
			}
		}
		b := BonusParams{MinBonus: d(v0, p0), MaxBonus: d(v2, p2), HealthFactorForMaxBonus: d(v3, p3)}
		if err := CheckSplitProof(b, d(v4, p4)); err != nil {
			expectedError(t, err)
		}
		if _, err := DutchBonus(b, u); err != nil {
			expectedError(t, err)
		}
	})
}

// MaxBorrow: borrowing the answer keeps the debt within the limit, one unit
// more exceeds it. LiquidationPrice: at that price the weighted collateral
// covers the debt, 10^-18 below it it does not.
func FuzzBorrowLimitAndLiquidationPrice(f *testing.F) {
	f.Add(uint64(8000), uint64(7620), uint64(1), uint8(0), uint64(1000), uint64(800_000_000_000_000_000))
	f.Add(uint64(1), uint64(0), uint64(3), uint8(18), uint64(3), uint64(700_000_000_000_000_000))
	f.Add(uint64(1<<63), uint64(1<<62), uint64(1<<63), uint8(5), uint64(1<<63), uint64(1))
	f.Fuzz(func(t *testing.T, lv, dv, pv uint64, pp uint8, av, fv uint64) {
		limit, debt, p := sdkmath.LegacyNewDec(int64(lv>>1)), sdkmath.LegacyNewDec(int64(dv>>1)), price(pv, pp)
		m, err := MaxBorrow(limit, debt, p)
		if err != nil {
			expectedError(t, err)
			return
		}
		after := ratAdd(ratOf(debt), ratMul(ratInt(m), ratOf(p)))
		if m.IsPositive() && after.Cmp(ratOf(limit)) > 0 {
			t.Fatalf("borrowing %s exceeds the limit", m)
		}
		if debt.LT(limit) && ratAdd(after, ratOf(p)).Cmp(ratOf(limit)) <= 0 {
			t.Fatalf("one more unit than %s still fits", m)
		}
		a, fac := sdkmath.NewIntFromUint64(av), frac(fv)
		lp, err := LiquidationPrice(a, fac, sdkmath.LegacyZeroDec(), limit)
		if err != nil {
			expectedError(t, err)
			return
		}
		weighted := func(price *big.Rat) *big.Rat { return ratMul(ratInt(a), price, ratOf(fac)) }
		if weighted(ratOf(lp)).Cmp(ratOf(limit)) < 0 {
			t.Fatalf("at the liquidation price %s the debt %s is not covered", lp, limit)
		}
		if lp.IsPositive() && weighted(ratSub(ratOf(lp), ratOf(sdkmath.LegacySmallestDec()))).Cmp(ratOf(limit)) >= 0 {
			t.Fatalf("liquidation price %s is not the smallest covering price", lp)
		}
	})
}
