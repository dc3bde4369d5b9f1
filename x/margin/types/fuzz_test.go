package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/margin/types"
)

// A constant-product pool with fee f kept in the pool (x/dex's rule):
// out = ⌊y·a(1−f) / (x + a(1−f))⌋; in for out = ⌈x·out / ((y − out)(1−f))⌉.
func cpOut(x, y, a sdkmath.Int, f sdkmath.LegacyDec) sdkmath.Int {
	eff := sdkmath.LegacyOneDec().Sub(f).MulInt(a)
	return eff.MulInt(y).Quo(eff.Add(sdkmath.LegacyNewDecFromInt(x))).TruncateInt()
}

func cpIn(x, y, out sdkmath.Int, f sdkmath.LegacyDec) (sdkmath.Int, bool) {
	if out.GTE(y) {
		return sdkmath.Int{}, false
	}
	den := sdkmath.LegacyOneDec().Sub(f).MulInt(y.Sub(out))
	return sdkmath.LegacyNewDecFromInt(x.Mul(out)).Quo(den).Ceil().TruncateInt(), true
}

// FuzzRoundTripNeverProfits: open then close at an unchanged oracle price
// never returns more than margin − fees − interest, for a long and a short,
// through the module's own sizing and payout formulas.
func FuzzRoundTripNeverProfits(f *testing.F) {
	f.Add(uint64(1_000_000_000), uint16(300), uint64(100_000_000), uint64(6_000_000_000_000), uint16(30), uint64(0))
	f.Add(uint64(5_000_000), uint16(1000), uint64(1_000_000), uint64(60_000_000_000), uint16(5), uint64(12345))
	f.Add(uint64(1), uint16(100), uint64(7), uint64(9), uint16(0), uint64(1))
	f.Fuzz(func(t *testing.T, margin uint64, lev100 uint16, poolBase, poolQuote uint64, feeBps uint16, interest uint64) {
		if margin == 0 || poolBase < 2 || poolQuote < 2 || lev100 < 100 || lev100 > 10000 || feeBps > 1000 {
			return
		}
		m := sdkmath.NewIntFromUint64(margin)
		lev := sdkmath.LegacyNewDecWithPrec(int64(lev100), 2)
		fee := sdkmath.LegacyNewDecWithPrec(int64(feeBps), 4)
		x, y := sdkmath.NewIntFromUint64(poolBase), sdkmath.NewIntFromUint64(poolQuote)
		interestAmt := sdkmath.NewIntFromUint64(interest)

		// Long: borrow, buy the base, sell it back, repay debt + interest.
		b := types.LongBorrow(m, lev)
		spend := m.Add(b)
		got := cpOut(y, x, spend, fee)
		if got.IsPositive() && got.LT(x) {
			x2, y2 := x.Sub(got), y.Add(spend)
			back := cpOut(x2, y2, got, fee)
			_, _, payout, _ := types.SplitLongProceeds(back, b.Add(interestAmt), sdkmath.LegacyZeroDec())
			fees := spend.Sub(back) // what the round trip left in the pool: fees and rounding
			if fees.IsNegative() {
				t.Fatalf("long: the pool paid back %s for %s", back, spend)
			}
			bound := sdkmath.MaxInt(m.Sub(fees).Sub(interestAmt), sdkmath.ZeroInt())
			if payout.GT(bound) {
				t.Fatalf("long: margin %s lev %s paid %s > margin − fees − interest %s", m, lev, payout, bound)
			}
			if feeBps > 0 && spend.GT(i(1_000_000)) && !fees.IsPositive() {
				t.Fatalf("long: a round trip of %s with fee %s cost nothing", spend, fee)
			}
		}

		// Short: borrow base worth m·L at the pool's price, sell it, buy back debt + interest.
		price := sdkmath.LegacyNewDecFromInt(y).QuoInt(x) // quote per base unit
		sb := types.ShortBorrow(m, lev, sdkmath.LegacyOneDec(), price)
		if !sb.IsPositive() {
			return
		}
		q1 := cpOut(x, y, sb, fee)
		x2, y2 := x.Add(sb), y.Sub(q1)
		debt := sb.Add(interestAmt)
		cost, ok := cpIn(y2, x2, debt, fee)
		held := m.Add(q1)
		if !ok || cost.GT(held) {
			return // under water: nothing is paid to the owner
		}
		_, payout := types.SplitShortLeftover(held, cost, sdkmath.LegacyZeroDec())
		costNo, ok := cpIn(y2, x2, sb, fee) // buying back the principal alone
		if !ok {
			return
		}
		fees := costNo.Sub(q1) // the round trip's cost without interest
		if fees.IsNegative() {
			t.Fatalf("short: bought back %s for %s, less than its sale paid %s", sb, costNo, q1)
		}
		interestCost := cost.Sub(costNo)
		if bound := m.Sub(fees).Sub(interestCost); payout.GT(sdkmath.MaxInt(bound, sdkmath.ZeroInt())) {
			t.Fatalf("short: margin %s lev %s paid %s > margin − fees − interest %s", m, lev, payout, bound)
		}
		if payout.GT(m) {
			t.Fatalf("short: paid %s > margin %s", payout, m)
		}
	})
}
