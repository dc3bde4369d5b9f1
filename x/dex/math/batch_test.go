package math

import (
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

// Tests of the batch clearing (batch.go, batch_constant_product.go,
// batch_stableswap.go). References are computed here with big.Rat.

func sell(side BatchSide, amount int64, minOut int64) BatchOrder {
	return BatchOrder{Side: side, Amount: sdkmath.NewInt(amount), MinOut: sdkmath.NewInt(minOut)}
}

// The README's worked example: the devnet's AGR/USDC pool (10^12/10^12,
// 0.3%); alice sells 1,000 AGR, bob sells 500 USDC in the same block.
func TestBatchWorkedExample(t *testing.T) {
	x, y := ni(1_000_000_000_000), ni(1_000_000_000_000)
	c, err := ClearConstantProduct(x, y, dec("0.003"), []BatchOrder{
		sell(SideSellX, 1_000_000_000, 0), sell(SideSellY, 500_000_000, 0),
	})
	require.NoError(t, err)
	require.Equal(t, []bool{true, true}, c.Filled)
	require.Equal(t, 0, c.Price.Rat().Cmp(big.NewRat(2000997, 2001994)), "p = %s", c.Price.Rat())
	requireIntEq(t, ni(996_503_490), c.Out[0]) // alice's uusdc
	requireIntEq(t, ni(498_748_378), c.Out[1]) // bob's uagr
	xa, ya := BatchReservesAfter(x, y, c)
	requireIntEq(t, ni(1_000_501_251_622), xa)
	requireIntEq(t, ni(999_503_496_510), ya)
	require.True(t, KNotDecreased(x, y, xa, ya))
	// Executed one after the other the order matters; in the batch it does not.
	aliceFirst, _, _ := SwapExactIn(x, y, ni(1_000_000_000), dec("0.003"))
	requireIntEq(t, ni(996_006_981), aliceFirst)
	bobFirst, _, _ := SwapExactIn(x, y, ni(500_000_000), dec("0.003"))
	requireIntEq(t, ni(498_251_621), bobFirst)
}

// A lone order gets exactly today's swap output (both curves).
func TestBatchLoneOrderEqualsSwap(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n++ {
		x, y := randAmount(rng, 6, 18), randAmount(rng, 6, 18)
		a := randAmount(rng, 1, 17)
		fee := sdkmath.LegacyNewDecWithPrec(int64(rng.Intn(200)), 4)
		want, _, werr := SwapExactIn(x, y, a, fee)
		c, err := ClearConstantProduct(x, y, fee, []BatchOrder{{Side: SideSellX, Amount: a}})
		require.NoError(t, err)
		if werr != nil {
			require.False(t, c.Filled[0], "swap fails (%v) but the batch filled %s", werr, c.Out[0])
			continue
		}
		require.True(t, c.Filled[0])
		requireIntEq(t, want, c.Out[0])
		// and the mirror side
		want, _, werr = SwapExactIn(y, x, a, fee)
		c, err = ClearConstantProduct(x, y, fee, []BatchOrder{{Side: SideSellY, Amount: a}})
		require.NoError(t, err)
		if werr == nil {
			requireIntEq(t, want, c.Out[0])
		}
	}
	for n := 0; n < 60; n++ {
		bal := []sdkmath.Int{randAmount(rng, 9, 13), randAmount(rng, 9, 13)}
		amp := ni(int64(1 + rng.Intn(5000)))
		a := randAmount(rng, 1, 13)
		fee := sdkmath.LegacyNewDecWithPrec(int64(rng.Intn(100)), 4)
		want, _, werr := StableSwapExactIn(bal, amp, 0, 1, a, fee)
		c, err := ClearStableSwap(bal, amp, 0, 1, fee, []BatchOrder{{Side: SideSellX, Amount: a}})
		require.NoError(t, err)
		if werr != nil {
			require.False(t, c.Filled[0])
			continue
		}
		requireIntEq(t, want, c.Out[0])
		want, _, _ = StableSwapExactIn(bal, amp, 1, 0, a, fee)
		c, err = ClearStableSwap(bal, amp, 0, 1, fee, []BatchOrder{{Side: SideSellY, Amount: a}})
		require.NoError(t, err)
		requireIntEq(t, want, c.Out[0])
	}
}

// The constant-product clearing against an independent computation in
// exact rationals: p = (y+γY)/(x+γX), out = ⌊a·γ·p⌋ or ⌊b·γ/p⌋, and the
// fee-less reserves keep x·y exactly.
func TestBatchConstantProductAgainstRationals(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 300; n++ {
		x, y := randAmount(rng, 6, 15), randAmount(rng, 6, 15)
		fee := sdkmath.LegacyNewDecWithPrec(int64(rng.Intn(300)), 4)
		orders := randOrders(rng, 1+rng.Intn(8), 3, 13, false)
		c, err := ClearConstantProduct(x, y, fee, orders)
		require.NoError(t, err)
		g := new(big.Rat).Sub(big.NewRat(1, 1), new(big.Rat).SetFrac(fee.BigInt(), new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)))
		X, Y := new(big.Rat), new(big.Rat)
		for k, o := range orders {
			if !c.Filled[k] {
				continue // output 0: refused, the price is recomputed without it
			}
			if o.Side == SideSellX {
				X.Add(X, rat(o.Amount))
			} else {
				Y.Add(Y, rat(o.Amount))
			}
		}
		if X.Sign() == 0 && Y.Sign() == 0 {
			require.Zero(t, c.Price.Num.Sign(), "nothing filled: no price")
			continue
		}
		gX, gY := new(big.Rat).Mul(g, X), new(big.Rat).Mul(g, Y)
		p := new(big.Rat).Quo(new(big.Rat).Add(rat(y), gY), new(big.Rat).Add(rat(x), gX))
		require.Equal(t, 0, p.Cmp(c.Price.Rat()), "price %s want %s filled %v orders %v x %s y %s", c.Price.Rat(), p, c.Filled, orders, x, y)
		for k, o := range orders {
			var want *big.Rat
			if o.Side == SideSellX {
				want = new(big.Rat).Mul(new(big.Rat).Mul(rat(o.Amount), g), p)
			} else {
				want = new(big.Rat).Quo(new(big.Rat).Mul(rat(o.Amount), g), p)
			}
			if !c.Filled[k] {
				require.Zero(t, ratFloor(want).Sign(), "order %d refused but would get %s", k, ratFloor(want))
				continue
			}
			require.Equal(t, ratFloor(want).String(), c.Out[k].String(), "order %d", k)
		}
		// fee-less reserves: x + γX − γY/p, y + γY − γX·p; product == x·y
		xf := new(big.Rat).Sub(new(big.Rat).Add(rat(x), gX), new(big.Rat).Quo(gY, p))
		yf := new(big.Rat).Sub(new(big.Rat).Add(rat(y), gY), new(big.Rat).Mul(gX, p))
		require.Equal(t, 0, new(big.Rat).Mul(xf, yf).Cmp(new(big.Rat).Mul(rat(x), rat(y))))
		xa, ya := BatchReservesAfter(x, y, c)
		require.True(t, KNotDecreased(x, y, xa, ya))
	}
}

// Stableswap two-sided batches: D never decreases, orders fill at one rate
// per side, and the price lies between the sides' crossing price Y'/X' and
// the pool's spot price.
func TestBatchStableSwapInvariant(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 80; n++ {
		bal := []sdkmath.Int{randAmount(rng, 9, 13), randAmount(rng, 9, 13)}
		amp := ni(int64(1 + rng.Intn(3000)))
		fee := sdkmath.LegacyNewDecWithPrec(int64(rng.Intn(60)), 4)
		orders := randOrders(rng, 1+rng.Intn(6), 3, 12, false)
		c, err := ClearStableSwap(bal, amp, 0, 1, fee, orders)
		require.NoError(t, err)
		xa, ya := BatchReservesAfter(bal[0], bal[1], c)
		// the fees are the most the protocol may take out
		after := []sdkmath.Int{xa.Sub(c.Fees[0]), ya.Sub(c.Fees[1])}
		d0, err := ComputeD(bal, amp)
		require.NoError(t, err)
		d1, err := ComputeD(after, amp)
		require.NoError(t, err)
		require.True(t, d1.GTE(d0), "D fell from %s to %s", d0, d1)
		if c.In[0].IsPositive() && c.In[1].IsPositive() {
			spot, err := StableSwapSpotPrice(bal, amp, 0, 1)
			require.NoError(t, err)
			cross := new(big.Rat).SetFrac(c.In[1].Sub(c.Fees[1]).BigInt(), c.In[0].Sub(c.Fees[0]).BigInt())
			s := new(big.Rat).SetFrac(spot.BigInt(), new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
			lo, hi := cross, s
			if lo.Cmp(hi) > 0 {
				lo, hi = hi, lo
			}
			pr := c.Price.Rat()
			eps := big.NewRat(1, 1_000_000)
			require.True(t, pr.Cmp(new(big.Rat).Sub(lo, eps)) >= 0 && pr.Cmp(new(big.Rat).Add(hi, eps)) <= 0,
				"price %s outside [%s, %s]", pr.FloatString(9), lo.FloatString(9), hi.FloatString(9))
		}
	}
}

// No order fills below its min_out; orders refused at the final price are
// not filled; the set that fills is a fixed point (re-clearing it alone
// gives the same fills).
func TestBatchMinOutRounds(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	multiRound := 0
	for n := 0; n < 300; n++ {
		x, y := randAmount(rng, 8, 12), randAmount(rng, 8, 12)
		orders := randOrders(rng, 2+rng.Intn(10), 6, 11, true)
		for _, clear := range []func([]BatchOrder) (BatchClearing, error){
			func(o []BatchOrder) (BatchClearing, error) { return ClearConstantProduct(x, y, dec("0.003"), o) },
			func(o []BatchOrder) (BatchClearing, error) {
				return ClearStableSwap([]sdkmath.Int{x, y}, ni(100), 0, 1, dec("0.0005"), o)
			},
		} {
			c, err := clear(orders)
			require.NoError(t, err)
			if c.Rounds > 2 {
				multiRound++
			}
			var kept []BatchOrder
			var keptOut []sdkmath.Int
			for k, o := range orders {
				if c.Filled[k] {
					require.True(t, c.Out[k].GTE(o.MinOut) && c.Out[k].IsPositive(), "order %d: %s < %s", k, c.Out[k], o.MinOut)
					kept, keptOut = append(kept, o), append(keptOut, c.Out[k])
				} else {
					requireIntEq(t, sdkmath.ZeroInt(), c.Out[k])
				}
			}
			again, err := clear(kept)
			require.NoError(t, err)
			for k := range kept {
				require.True(t, again.Filled[k])
				requireIntEq(t, keptOut[k], again.Out[k])
			}
		}
	}
	require.Positive(t, multiRound, "the random flows never needed a second removal round")
}

// A sandwich in one block: the attacker buys x before the victim and sells
// it back after. In the batch all three fill at one price, so the attacker
// never ends with at least as much of both assets (and more of one), and
// loses value at the clearing price. Executed one after the other (as
// without the batch) the same orders do earn the attacker a profit, which
// shows the check can fail.
func TestBatchSandwichEarnsNothing(t *testing.T) {
	x, y := ni(1_000_000_000_000), ni(1_000_000_000_000)
	fee := dec("0.003")
	victim := ni(50_000_000_000) // sells 50,000 y for x
	for _, front := range []int64{1_000_000_000, 20_000_000_000, 100_000_000_000, 400_000_000_000} {
		// sequentially: attacker buys x with `front` y, victim buys, attacker sells the x back
		bought, _, err := SwapExactIn(y, x, ni(front), fee)
		require.NoError(t, err)
		x1, y1 := x.Sub(bought), y.AddRaw(front)
		vOut, _, err := SwapExactIn(y1, x1, victim, fee)
		require.NoError(t, err)
		x2, y2 := x1.Sub(vOut), y1.Add(victim)
		back, _, err := SwapExactIn(x2, y2, bought, fee)
		require.NoError(t, err)
		if front >= 20_000_000_000 {
			require.True(t, back.GT(ni(front)), "the sequential sandwich should profit (front %d, back %s)", front, back)
		}
		// in one batch: the attacker's sell must be funded up front, at the same size
		c, err := ClearConstantProduct(x, y, fee, []BatchOrder{
			{Side: SideSellY, Amount: ni(front)}, {Side: SideSellY, Amount: victim}, {Side: SideSellX, Amount: bought},
		})
		require.NoError(t, err)
		dx := c.Out[0].Sub(bought)    // attacker's x: received − sold
		dy := c.Out[2].Sub(ni(front)) // attacker's y: received − sold
		require.False(t, !dx.IsNegative() && !dy.IsNegative() && (dx.IsPositive() || dy.IsPositive()),
			"attacker gained: dx %s dy %s", dx, dy)
		value := new(big.Rat).Add(new(big.Rat).Mul(rat(dx), c.Price.Rat()), rat(dy))
		require.Negative(t, value.Sign(), "attacker's value at the clearing price: %s", value.FloatString(3))
		// and the victim's fill does not depend on where the attacker's orders sit
		c2, err := ClearConstantProduct(x, y, fee, []BatchOrder{
			{Side: SideSellX, Amount: bought}, {Side: SideSellY, Amount: victim}, {Side: SideSellY, Amount: ni(front)},
		})
		require.NoError(t, err)
		requireIntEq(t, c.Out[1], c2.Out[1])
	}
}

// FuzzBatchOrderAndSplit: the fills do not depend on the order of the
// orders; splitting an order into pieces keeps the price, and the pieces
// together get at most the whole (and at most one unit less per piece);
// k (or D) never decreases and nothing fills below min_out.
func FuzzBatchOrderAndSplit(f *testing.F) {
	f.Add(int64(1), uint8(5), uint16(30), false)
	f.Add(int64(7), uint8(12), uint16(0), true)
	f.Add(int64(42), uint8(2), uint16(100), false)
	f.Add(int64(99), uint8(9), uint16(5), true)
	f.Fuzz(func(t *testing.T, seed int64, count uint8, bps uint16, stable bool) {
		rng := rand.New(rand.NewSource(seed))
		x, y := randAmount(rng, 6, 14), randAmount(rng, 6, 14)
		fee := sdkmath.LegacyNewDecWithPrec(int64(bps%500), 4)
		n := 1 + int(count%12)
		orders := randOrders(rng, n, 2, 12, rng.Intn(2) == 0)
		clear := func(o []BatchOrder) BatchClearing {
			var c BatchClearing
			var err error
			if stable {
				c, err = ClearStableSwap([]sdkmath.Int{x, y}, ni(200), 0, 1, fee, o)
			} else {
				c, err = ClearConstantProduct(x, y, fee, o)
			}
			require.NoError(t, err)
			return c
		}
		c := clear(orders)
		checkClearing(t, x, y, stable, orders, c)
		perm := rng.Perm(n)
		shuffled := make([]BatchOrder, n)
		for k, p := range perm {
			shuffled[k] = orders[p]
		}
		cs := clear(shuffled)
		for k, p := range perm {
			require.Equal(t, c.Filled[p], cs.Filled[k])
			requireIntEq(t, c.Out[p], cs.Out[k])
		}
		// split order 0 into pieces (no min_out, so the filled set stays the same)
		for k := range orders {
			orders[k].MinOut = sdkmath.ZeroInt()
		}
		c = clear(orders)
		pieces := 1 + rng.Intn(4)
		a := orders[0].Amount
		if a.LT(ni(int64(pieces))) {
			return
		}
		split := append([]BatchOrder(nil), orders[1:]...)
		rest := a
		for k := 0; k < pieces; k++ {
			part := a.QuoRaw(int64(pieces))
			if k == pieces-1 {
				part = rest
			}
			rest = rest.Sub(part)
			split = append(split, BatchOrder{Side: orders[0].Side, Amount: part})
		}
		cp := clear(split)
		checkClearing(t, x, y, stable, split, cp)
		if !c.Filled[0] || c.Rounds > 1 || cp.Rounds > 1 {
			return // a piece below one unit of output changes the set; not comparable
		}
		require.Equal(t, 0, c.Price.Rat().Cmp(cp.Price.Rat()), "split changed the price")
		total := sdkmath.ZeroInt()
		for k := n - 1; k < len(split); k++ {
			total = total.Add(cp.Out[k])
		}
		require.True(t, total.LTE(c.Out[0]) && total.GT(c.Out[0].SubRaw(int64(pieces))),
			"pieces got %s, the whole %s", total, c.Out[0])
	})
}

func checkClearing(t *testing.T, x, y sdkmath.Int, stable bool, orders []BatchOrder, c BatchClearing) {
	t.Helper()
	for k, o := range orders {
		if c.Filled[k] {
			require.True(t, c.Out[k].IsPositive() && (o.MinOut.IsNil() || c.Out[k].GTE(o.MinOut)))
		}
	}
	xa, ya := BatchReservesAfter(x, y, c)
	xa, ya = xa.Sub(c.Fees[0]), ya.Sub(c.Fees[1])
	if stable {
		d0, err := ComputeD([]sdkmath.Int{x, y}, ni(200))
		require.NoError(t, err)
		d1, err := ComputeD([]sdkmath.Int{xa, ya}, ni(200))
		require.NoError(t, err)
		require.True(t, d1.GTE(d0), "D fell")
		return
	}
	// constant product: the fee-less part keeps k, so even with every fee
	// removed k does not fall by more than the fee's share; check the
	// stored reserves (fees kept) strictly.
	xs, ys := BatchReservesAfter(x, y, c)
	require.True(t, KNotDecreased(x, y, xs, ys), "k fell")
}

// randAmount is a random integer of lo to hi decimal digits.
func randAmount(rng *rand.Rand, lo, hi int) sdkmath.Int {
	digits := lo + rng.Intn(hi-lo+1)
	v := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits-1)), nil)
	v.Mul(v, big.NewInt(int64(1+rng.Intn(9))))
	v.Add(v, new(big.Int).Rand(rng, v))
	return sdkmath.NewIntFromBigInt(v)
}

// randOrders are n orders on random sides, with random min_outs around
// the amount when withMin (the pools above trade near 1:1 up to 10^6).
func randOrders(rng *rand.Rand, n, lo, hi int, withMin bool) []BatchOrder {
	out := make([]BatchOrder, n)
	for k := range out {
		a := randAmount(rng, lo, hi)
		out[k] = BatchOrder{Side: BatchSide(rng.Intn(2)), Amount: a, MinOut: sdkmath.ZeroInt()}
		if withMin && rng.Intn(2) == 0 {
			out[k].MinOut = a.MulRaw(int64(rng.Intn(120))).QuoRaw(100)
		}
	}
	return out
}
