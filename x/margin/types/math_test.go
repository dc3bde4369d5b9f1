package types_test

import (
	"math/rand"
	"sort"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/margin/types"
)

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }
func i(v int64) sdkmath.Int          { return sdkmath.NewInt(v) }

// Hand-derived vectors (README, Formulas). Prices per base unit: BTC at
// 60,000 is 0.06 USD per ubtc, USDC 0.000001 per uusdc.
func TestValueVectors(t *testing.T) {
	// Long 3×: 50,000 ubtc (3,000 USD) against 2,000 USDC.
	v := types.Value(types.SIDE_LONG, i(50_000), i(2_000_000_000), dec("0.06"), dec("0.000001"))
	if !v.Holdings.Equal(dec("3000")) || !v.Debt.Equal(dec("2000")) || !v.Equity.Equal(dec("1000")) || !v.Exposure.Equal(dec("3000")) {
		t.Fatalf("long %+v", v)
	}
	if !v.MarginRatio.Equal(dec("0.333333333333333333")) || !v.Leverage().Equal(dec("3")) {
		t.Fatalf("long ratio %s leverage %s", v.MarginRatio, v.Leverage())
	}
	// Liquidation: p = 2,000 / (50,000 × 0.95) = 0.042105263157894737 (42,105.26 per BTC).
	lp := types.LiquidationPrice(types.SIDE_LONG, v, i(50_000), dec("0.05"))
	if !lp.Equal(dec("0.042105263157894737")) {
		t.Fatalf("long liquidation price %s", lp)
	}
	at := types.Value(types.SIDE_LONG, i(50_000), i(2_000_000_000), lp, dec("0.000001"))
	if at.MarginRatio.Sub(dec("0.05")).Abs().GT(dec("0.000000000001")) {
		t.Fatalf("ratio at the liquidation price %s", at.MarginRatio)
	}

	// Short 2×: 3,000 USDC held against 33,333 ubtc (1,999.98 USD).
	s := types.Value(types.SIDE_SHORT, i(3_000_000_000), i(33_333), dec("0.000001"), dec("0.06"))
	if !s.Equity.Equal(dec("1000.02")) || !s.Exposure.Equal(dec("1999.98")) || !s.MarginRatio.Equal(dec("0.500015000150001500")) {
		t.Fatalf("short %+v", s)
	}
	// p = 3,000 / (33,333 × 1.05) = 0.0857151428…: 85,715.14 per BTC.
	sp := types.LiquidationPrice(types.SIDE_SHORT, s, i(33_333), dec("0.05"))
	if sp.LT(dec("0.0857151")) || sp.GT(dec("0.0857152")) {
		t.Fatalf("short liquidation price %s", sp)
	}
	// Under water: equity negative, ratio rounded down, leverage 0.
	u := types.Value(types.SIDE_LONG, i(3), i(1), dec("0.1"), dec("0.7"))
	if !u.MarginRatio.Equal(dec("-1.333333333333333334")) || !u.Leverage().IsZero() || !u.Liquidatable(dec("0.05")) {
		t.Fatalf("under water %+v", u)
	}
}

func TestSizeVectors(t *testing.T) {
	if got := types.LongBorrow(i(1_000_000_000), dec("3")); !got.Equal(i(2_000_000_000)) {
		t.Fatalf("long borrow %s", got)
	}
	if got := types.LongBorrow(i(1_000_000_001), dec("2.5")); !got.Equal(i(1_500_000_001)) { // ⌊1,500,000,001.5⌋
		t.Fatalf("long borrow rounds down: %s", got)
	}
	if got := types.LongBorrow(i(5), dec("1")); !got.IsZero() {
		t.Fatalf("1× borrows %s", got)
	}
	if got := types.ShortBorrow(i(1_000_000_000), dec("2"), dec("0.000001"), dec("0.06")); !got.Equal(i(33_333)) { // ⌊33,333.3⌋
		t.Fatalf("short borrow %s", got)
	}
	if got := types.WholePrice(i(3_000_000_000), i(50_000), 6, 6); !got.Equal(dec("60000")) {
		t.Fatalf("whole price %s", got)
	}
	if got := types.WholePrice(i(3_000_000_000), i(5_000_000), 6, 8); !got.Equal(dec("60000")) { // 8-decimal base
		t.Fatalf("whole price, 8 decimals %s", got)
	}
	if got := types.QuoteForBase(i(50_001), dec("60000"), 6, 6, true); !got.Equal(i(3_000_060_000)) {
		t.Fatalf("quote for base %s", got)
	}
}

func TestSplitVectors(t *testing.T) {
	for _, c := range []struct {
		p, ds                        int64
		rate                         string
		pen, repay, payout, shortfal int64
	}{
		{5000, 4000, "0.02", 100, 4000, 900, 0}, // penalty ⌈2 % of 5,000⌉ from the surplus
		{4050, 4000, "0.02", 50, 4000, 0, 0},    // penalty capped by the surplus 50
		{3900, 4000, "0.02", 0, 3900, 0, 100},   // under water: no penalty, shortfall 100
		{5000, 4000, "0", 0, 4000, 1000, 0},     // an owner's close
		{101, 0, "0.02", 3, 0, 98, 0},           // no debt: ⌈2.02⌉ = 3
	} {
		pen, repay, payout, short := types.SplitLongProceeds(i(c.p), i(c.ds), dec(c.rate))
		if !pen.Equal(i(c.pen)) || !repay.Equal(i(c.repay)) || !payout.Equal(i(c.payout)) || !short.Equal(i(c.shortfal)) {
			t.Fatalf("%+v: got %s %s %s %s", c, pen, repay, payout, short)
		}
	}
	if pen, pay := types.SplitShortLeftover(i(3000), i(2000), dec("0.02")); !pen.Equal(i(40)) || !pay.Equal(i(960)) {
		t.Fatalf("short split %s %s", pen, pay)
	}
	if pen, pay := types.SplitShortLeftover(i(2010), i(2000), dec("0.02")); !pen.Equal(i(10)) || !pay.IsZero() {
		t.Fatalf("short split capped %s %s", pen, pay)
	}
	if got := types.Share(i(10), dec("0.33"), true); !got.Equal(i(4)) {
		t.Fatalf("share up %s", got)
	}
	if got := types.Share(i(10), dec("0.33"), false); !got.Equal(i(3)) {
		t.Fatalf("share down %s", got)
	}
}

// The index keys sort like the numbers and the books' thresholds agree with
// the exact valuation: a key strictly past its threshold (by 10⁻⁹ relative)
// is below maintenance, one strictly before it is not.
func TestIndexKeysAgreeWithValuation(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	var ds []sdkmath.LegacyDec
	for n := 0; n < 2000; n++ {
		ds = append(ds, sdkmath.LegacyNewDecWithPrec(r.Int63(), int64(r.Intn(19))))
	}
	sort.Slice(ds, func(a, b int) bool { return ds[a].LT(ds[b]) })
	for n := 1; n < len(ds); n++ {
		if ds[n-1].LT(ds[n]) && !(types.EncodeKey(ds[n-1]) < types.EncodeKey(ds[n])) {
			t.Fatalf("keys out of order: %s %s", ds[n-1], ds[n])
		}
		if back, _ := types.DecodeKey(types.EncodeKey(ds[n])); !back.Equal(ds[n]) {
			t.Fatalf("decode %s", ds[n])
		}
	}
	eps := dec("0.000000001")
	one := sdkmath.LegacyOneDec()
	for n := 0; n < 20000; n++ {
		mm := sdkmath.LegacyNewDecWithPrec(int64(1+r.Intn(300)), 3)
		p := sdkmath.LegacyNewDecWithPrec(int64(1+r.Intn(1_000_000)), int64(r.Intn(8)))
		q := sdkmath.LegacyNewDecWithPrec(int64(1+r.Intn(1_000_000)), int64(r.Intn(8)))
		idx := one.Add(sdkmath.LegacyNewDecWithPrec(int64(r.Intn(1_000_000)), 6))
		hold := i(1 + r.Int63n(1_000_000_000_000))
		scaled := i(1 + r.Int63n(1_000_000_000_000))
		debt := idx.MulInt(scaled).TruncateInt() // exact debt up to the unit
		// long: holdings base at p, debt quote at q
		v := types.Value(types.SIDE_LONG, hold, debt, p, q)
		key, thr := types.LongKey(scaled, hold), types.LongThreshold(mm, p, idx, q)
		if key.GT(thr.Mul(one.Add(eps))) && !v.Liquidatable(mm) && v.Exposure.GT(dec("1000")) {
			t.Fatalf("long key %s past threshold %s but ratio %s ≥ %s", key, thr, v.MarginRatio, mm)
		}
		if key.LT(thr.Mul(one.Sub(eps))) && v.Liquidatable(mm) && v.Exposure.GT(dec("1000")) {
			t.Fatalf("long key %s before threshold %s but ratio %s < %s", key, thr, v.MarginRatio, mm)
		}
		// short: holdings quote at q, debt base at p
		s := types.Value(types.SIDE_SHORT, hold, debt, q, p)
		skey, sthr := types.ShortKey(hold, scaled), types.ShortThreshold(mm, p, idx, q)
		if skey.LT(sthr.Mul(one.Sub(eps))) && !s.Liquidatable(mm) && s.Exposure.GT(dec("1000")) {
			t.Fatalf("short key %s past threshold %s but ratio %s ≥ %s", skey, sthr, s.MarginRatio, mm)
		}
		if skey.GT(sthr.Mul(one.Add(eps))) && s.Liquidatable(mm) && s.Exposure.GT(dec("1000")) {
			t.Fatalf("short key %s before threshold %s but ratio %s < %s", skey, sthr, s.MarginRatio, mm)
		}
	}
}
