package math

import (
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

// rebateOrders gives every limit order of orders the match fee fees[k]
// (swaps none), with the fills of c.
func rebateOrders(orders []BatchOrder, c BatchClearing, fees []sdkmath.LegacyDec) []RebateOrder {
	out := make([]RebateOrder, len(orders))
	for k, o := range orders {
		out[k] = RebateOrder{Side: o.Side, FilledIn: c.FilledIn[k]}
		if o.isLimit() && c.Filled[k] {
			out[k].MatchFee = fees[k]
		}
	}
	return out
}

// fullCaps is each side's whole fee (no protocol share).
func fullCaps(c BatchClearing) [2]sdkmath.Int { return c.Fees }

// The README's worked example ("Limit orders: fees"): pool 10^6/10^6 at
// 0.30%; a resting (maker) order sells 10,000 x at limit 0.9 and a new
// (taker) order sells 50,000 y at limit 0.9. Both fill in full at
// p = 104,985/100,997. The x side is worth 10,000·p ≈ 10,394.86 y, less
// than the y side's 50,000, so x is matched in full and y in the fraction
// m_y = 20,997/100,997 ≈ 0.2079. Maker: ⌊10,000·(0.003 − 0.0005)⌋ = 25 x;
// taker: ⌊m_y·50,000·(0.003 − 0.0015)⌋ = ⌊15.59…⌋ = 15 y.
func TestRebateWorkedExample(t *testing.T) {
	x, y := ni(1_000_000), ni(1_000_000)
	orders := []BatchOrder{limit(SideSellX, 10_000, "0.9"), limit(SideSellY, 50_000, "0.9")}
	c, err := ClearConstantProduct(x, y, dec("0.003"), orders)
	require.NoError(t, err)
	require.Equal(t, []bool{true, true}, c.Filled)
	require.Equal(t, big.NewRat(104_985, 100_997), c.Price.Rat())
	requireIntEq(t, ni(10_363), c.Out[0])
	requireIntEq(t, ni(47_956), c.Out[1])
	requireIntEq(t, ni(30), c.Fees[0])
	requireIntEq(t, ni(150), c.Fees[1])

	rb, err := BatchRebates(c.In, c.Price, dec("0.003"),
		rebateOrders(orders, c, []sdkmath.LegacyDec{dec("0.0005"), dec("0.0015")}), fullCaps(c))
	require.NoError(t, err)
	require.Equal(t, big.NewRat(1, 1), rb.Matched[SideSellX])
	require.Equal(t, big.NewRat(20_997, 100_997), rb.Matched[SideSellY])
	requireIntEq(t, ni(25), rb.Rebates[0])
	requireIntEq(t, ni(15), rb.Rebates[1])
	require.Equal(t, [2]bool{false, false}, rb.Capped)

	xa, ya := BatchReservesAfter(x, y, c)
	requireIntEq(t, ni(962_044), xa)
	requireIntEq(t, ni(1_039_637), ya)
	xa, ya = xa.Sub(rb.Totals[0]), ya.Sub(rb.Totals[1])
	requireIntEq(t, ni(962_019), xa)
	requireIntEq(t, ni(1_039_622), ya)
	require.True(t, KNotDecreased(x, y, xa, ya))
}

// The limit-order worked example with the maker rebate: the resting order
// sold 44,324 x against a swap of 100,000 y (the larger side), so it is
// matched in full: ⌊44,324·0.0025⌋ = 110 x back. The swap gets nothing.
func TestRebateMakerAgainstSwap(t *testing.T) {
	x, y := ni(1_000_000), ni(1_000_000)
	orders := []BatchOrder{sell(SideSellY, 100_000, 0), limit(SideSellX, 100_000, "1.05")}
	c, err := ClearConstantProduct(x, y, dec("0.003"), orders)
	require.NoError(t, err)
	fees := []sdkmath.LegacyDec{{}, dec("0.0005")}
	rb, err := BatchRebates(c.In, c.Price, dec("0.003"), rebateOrders(orders, c, fees), fullCaps(c))
	require.NoError(t, err)
	requireIntEq(t, ni(0), rb.Rebates[0])
	requireIntEq(t, ni(110), rb.Rebates[1])
}

// g = min(f, fee): a match fee at or above the pool fee gives nothing back;
// a lone side matches nothing; a zero match fee gives back the whole
// matched fee.
func TestRebateEdges(t *testing.T) {
	in := [2]sdkmath.Int{ni(1000), ni(1000)}
	one := Rate{Num: big.NewInt(1), Den: big.NewInt(1)}
	caps := [2]sdkmath.Int{ni(1000), ni(1000)}
	os := []RebateOrder{{Side: SideSellX, FilledIn: ni(1000), MatchFee: dec("0.02")}, {Side: SideSellY, FilledIn: ni(1000), MatchFee: dec("0")}}
	rb, err := BatchRebates(in, one, dec("0.01"), os, caps)
	require.NoError(t, err)
	requireIntEq(t, ni(0), rb.Rebates[0])
	requireIntEq(t, ni(10), rb.Rebates[1])

	rb, err = BatchRebates([2]sdkmath.Int{ni(1000), ni(0)}, one, dec("0.01"), os[:1], caps)
	require.NoError(t, err)
	require.Equal(t, 0, rb.Matched[SideSellX].Sign())
	requireIntEq(t, ni(0), rb.Rebates[0])
}

// The cap binds when the protocol share takes part of the fee: the side's
// rebates are scaled down to the LP part, rounded down.
func TestRebateCap(t *testing.T) {
	in := [2]sdkmath.Int{ni(100_000), ni(100_000)}
	one := Rate{Num: big.NewInt(1), Den: big.NewInt(1)}
	os := []RebateOrder{
		{Side: SideSellX, FilledIn: ni(60_000), MatchFee: dec("0")},
		{Side: SideSellX, FilledIn: ni(40_000), MatchFee: dec("0")},
		{Side: SideSellY, FilledIn: ni(100_000), MatchFee: dec("0.005")},
	}
	// Fees: 1,000 per side; protocol share 50% leaves 500 x.
	rb, err := BatchRebates(in, one, dec("0.01"), os, [2]sdkmath.Int{ni(500), ni(500)})
	require.NoError(t, err)
	require.Equal(t, [2]bool{true, false}, rb.Capped)
	requireIntEq(t, ni(300), rb.Rebates[0]) // ⌊600·500/1000⌋
	requireIntEq(t, ni(200), rb.Rebates[1])
	requireIntEq(t, ni(500), rb.Rebates[2]) // ⌊100,000·0.005⌋ = the cap exactly
	requireIntEq(t, ni(500), rb.Totals[0])
	requireIntEq(t, ni(500), rb.Totals[1])
}

// Bad input is refused with an error.
func TestRebateBadInput(t *testing.T) {
	one := Rate{Num: big.NewInt(1), Den: big.NewInt(1)}
	in := [2]sdkmath.Int{ni(100), ni(100)}
	caps := [2]sdkmath.Int{ni(1), ni(1)}
	_, err := BatchRebates(in, one, dec("0.01"), []RebateOrder{{Side: SideSellX, FilledIn: ni(101), MatchFee: dec("0")}}, caps)
	requireErrorIs(t, err, ErrInvalidAmount)
	_, err = BatchRebates(in, one, dec("0.01"), []RebateOrder{{Side: SideSellX, FilledIn: ni(-1)}}, caps)
	requireErrorIs(t, err, ErrInvalidAmount)
	_, err = BatchRebates(in, one, dec("1"), nil, caps)
	requireErrorIs(t, err, ErrInvalidFee)
	_, err = BatchRebates(in, one, dec("0.01"), []RebateOrder{{Side: SideSellX, FilledIn: ni(1), MatchFee: dec("-0.1")}}, caps)
	requireErrorIs(t, err, ErrInvalidFee)
	_, err = BatchRebates(in, one, dec("0.01"), []RebateOrder{{Side: 2, FilledIn: ni(1)}}, caps)
	requireErrorIs(t, err, ErrInvalidAssetIndex)
	_, err = BatchRebates(in, one, dec("0.01"), nil, [2]sdkmath.Int{ni(-1), ni(1)})
	requireErrorIs(t, err, ErrInvalidAmount)
	_, err = BatchRebates(in, Rate{Num: big.NewInt(1), Den: big.NewInt(0)}, dec("0.01"), nil, caps)
	requireErrorIs(t, err, ErrInvalidAmount)
}

// Random batches with limit orders on both curves and a random protocol
// share: per side the rebates never exceed the fee left in the pool (so the
// reserves end at or above the fee-less reserves and, for the constant
// product, k never decreases), each rebate is at most its order's matched
// fee, and the rebates do not depend on the order of the orders.
func FuzzBatchRebates(f *testing.F) {
	f.Add(int64(1), uint8(6), false, uint8(0))
	f.Add(int64(2), uint8(9), true, uint8(25))
	f.Add(int64(3), uint8(12), false, uint8(50))
	f.Fuzz(func(t *testing.T, seed int64, n uint8, stable bool, sharePct uint8) {
		rng := rand.New(rand.NewSource(seed))
		count := int(n%12) + 1
		share := sdkmath.LegacyNewDecWithPrec(int64(sharePct%51), 2)
		x, y := randAmount(rng, 9, 12), randAmount(rng, 9, 12)
		fee := dec("0.003")
		if stable {
			fee = dec("0.0005")
		}
		spot := new(big.Rat).SetFrac(y.BigInt(), x.BigInt())
		orders := make([]BatchOrder, count)
		fees := make([]sdkmath.LegacyDec, count)
		for k := range orders {
			side := BatchSide(rng.Intn(2))
			amt := randAmount(rng, 4, 9)
			fees[k] = sdkmath.LegacyNewDecWithPrec(int64(rng.Intn(40)), 4) // 0 to 0.39%
			orders[k] = randSwapOrLimit(rng, side, amt, spot, 85)
		}
		clear := func(os []BatchOrder) (BatchClearing, error) {
			if stable {
				return ClearStableSwap([]sdkmath.Int{x, y}, ni(100), 0, 1, fee, os)
			}
			return ClearConstantProduct(x, y, fee, os)
		}
		c, err := clear(orders)
		if err != nil {
			t.Skip() // a pool the random flow cannot clear (covered by the clearing tests)
		}
		var caps [2]sdkmath.Int
		for s := 0; s < 2; s++ {
			caps[s] = c.Fees[s].Sub(c.Fees[s].ToLegacyDec().Mul(share).TruncateInt())
		}
		rb, err := BatchRebates(c.In, c.Price, fee, rebateOrders(orders, c, fees), caps)
		require.NoError(t, err)
		m := rb.Matched
		for s := 0; s < 2; s++ {
			require.True(t, rb.Totals[s].LTE(caps[s]), "side %d rebates %s above the LP fee %s", s, rb.Totals[s], caps[s])
			require.True(t, m[s].Sign() >= 0 && m[s].Cmp(big.NewRat(1, 1)) <= 0)
		}
		require.True(t, m[0].Sign() == 0 || m[0].Cmp(big.NewRat(1, 1)) == 0 || m[1].Cmp(big.NewRat(1, 1)) == 0)
		sum := [2]sdkmath.Int{sdkmath.ZeroInt(), sdkmath.ZeroInt()}
		for k, o := range orders {
			r := rb.Rebates[k]
			sum[o.Side] = sum[o.Side].Add(r)
			if !o.isLimit() || !c.Filled[k] {
				require.True(t, r.IsZero(), "order %d (swap or unfilled) got a rebate %s", k, r)
				continue
			}
			g := fees[k]
			if g.GT(fee) {
				g = fee
			}
			most := new(big.Rat).Mul(m[o.Side], new(big.Rat).SetFrac(mul(c.FilledIn[k].BigInt(), sub(fee.BigInt(), g.BigInt())), decScale))
			require.True(t, new(big.Rat).SetInt(r.BigInt()).Cmp(most) <= 0, "order %d rebate %s above %s", k, r, most.FloatString(3))
		}
		requireIntEq(t, sum[0], rb.Totals[0])
		requireIntEq(t, sum[1], rb.Totals[1])
		// Reserves after the protocol share and the rebates: at or above the
		// fee-less reserves; k never decreases.
		xa, ya := BatchReservesAfter(x, y, c)
		xa = xa.Sub(c.Fees[0].Sub(caps[0])).Sub(rb.Totals[0])
		ya = ya.Sub(c.Fees[1].Sub(caps[1])).Sub(rb.Totals[1])
		xl, yl := BatchReservesAfter(x, y, c)
		require.True(t, xa.GTE(xl.Sub(c.Fees[0])) && ya.GTE(yl.Sub(c.Fees[1])))
		if !stable {
			require.True(t, KNotDecreased(x, y, xa, ya), "k decreased: %s·%s < %s·%s", xa, ya, x, y)
		} else {
			d0, err := ComputeD([]sdkmath.Int{x, y}, ni(100))
			require.NoError(t, err)
			d1, err := ComputeD([]sdkmath.Int{xa, ya}, ni(100))
			require.NoError(t, err)
			require.True(t, d1.GTE(d0), "D decreased: %s < %s", d1, d0)
		}
		// Independent of the order of the orders.
		perm := rng.Perm(count)
		po, pf := make([]BatchOrder, count), make([]sdkmath.LegacyDec, count)
		for k, j := range perm {
			po[k], pf[k] = orders[j], fees[j]
		}
		pc, err := clear(po)
		require.NoError(t, err)
		prb, err := BatchRebates(pc.In, pc.Price, fee, rebateOrders(po, pc, pf), caps)
		require.NoError(t, err)
		for k, j := range perm {
			requireIntEq(t, rb.Rebates[j], prb.Rebates[k])
		}
	})
}
