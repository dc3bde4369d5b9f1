package math

import (
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

// Tests of limit orders in the batch (batch_limit.go). References are
// computed here with big.Rat.

func limit(side BatchSide, amount int64, price string) BatchOrder {
	return BatchOrder{Side: side, Amount: sdkmath.NewInt(amount), Limit: dec(price)}
}

// cpPartialFill is the closed form of the partial fill of x-sellers at
// level ℓ = L/γ on a constant-product pool (README, "Limit orders:
// matching"): with the rest of the batch selling X0 of x and Y of y,
// p = (y + γY)/(x + γ(X0 + a)) = ℓ gives a = ((y + γY)/ℓ − x)/γ − X0.
func cpPartialFill(x, y, fee, limitPrice *big.Rat, x0, yIn int64) *big.Rat {
	gamma := new(big.Rat).Sub(big.NewRat(1, 1), fee)
	level := new(big.Rat).Quo(limitPrice, gamma)
	num := new(big.Rat).Add(y, new(big.Rat).Mul(gamma, ratInt(yIn)))
	a := new(big.Rat).Quo(num, level)
	a.Sub(a, x)
	a.Quo(a, gamma)
	return a.Sub(a, ratInt(x0))
}

// The README's worked example: a pool of 1,000,000/1,000,000 at 0.3 %;
// a swap sells 100,000 y; a resting order sells up to 100,000 x at no
// less than 1.05 y per x. Alone, the swap would push the price of x to
// about 1.2; the order fills partly, exactly as far as keeps the price at
// its level 1.05/0.997, and gets at least 1.05 per x.
func TestLimitWorkedExample(t *testing.T) {
	x, y := ni(1_000_000), ni(1_000_000)
	orders := []BatchOrder{sell(SideSellY, 100_000, 0), limit(SideSellX, 100_000, "1.05")}
	c, err := ClearConstantProduct(x, y, dec("0.003"), orders)
	require.NoError(t, err)
	require.Equal(t, []bool{true, true}, c.Filled)
	want := cpPartialFill(rat(x), rat(y), big.NewRat(3, 1000), big.NewRat(105, 100), 0, 100_000)
	requireIntEq(t, sdkmath.NewIntFromBigInt(ratFloor(want)), c.FilledIn[1])
	requireIntEq(t, ni(44_324), c.FilledIn[1]) // x sold by the order (of 100,000)
	requireIntEq(t, ni(46_540), c.Out[1])      // y paid: ⌊44324·γ·p⌋ = ⌊44324·1.05⌋
	requireIntEq(t, ni(94_667), c.Out[0])      // the swap's x (90,661 alone)
	require.Equal(t, "1.053159786", c.Price.Rat().FloatString(9))
	xa0, ya0 := BatchReservesAfter(x, y, c)
	requireIntEq(t, ni(949_657), xa0)
	requireIntEq(t, ni(1_053_460), ya0)
	// Price: at or above the level, by less than one unit of x.
	level := new(big.Rat).Quo(big.NewRat(105, 100), big.NewRat(997, 1000))
	require.True(t, c.Price.Rat().Cmp(level) >= 0)
	rate := c.Rates[SideSellX].Rat()
	require.True(t, rate.Cmp(big.NewRat(105, 100)) >= 0, "rate %s", rate.FloatString(9))
	xa, ya := BatchReservesAfter(x, y, c)
	require.True(t, KNotDecreased(x, y, xa, ya))
	// The swap alone gets less x than with the order there (the order sells
	// it x at the level instead of the curve's higher price).
	alone, _, _ := SwapExactIn(y, x, ni(100_000), dec("0.003"))
	require.True(t, c.Out[0].GT(alone), "swap gets %s with the order, %s alone", c.Out[0], alone)
}

// An order out of the money does not fill and changes nothing; one deep
// in the money fills in full at the batch price.
func TestLimitInAndOutOfTheMoney(t *testing.T) {
	x, y := ni(1_000_000_000), ni(1_000_000_000)
	c, err := ClearConstantProduct(x, y, dec("0.003"), []BatchOrder{limit(SideSellX, 1_000_000, "1.01")})
	require.NoError(t, err)
	require.False(t, c.Filled[0])
	requireIntEq(t, ni(0), c.In[0])
	c, err = ClearConstantProduct(x, y, dec("0.003"), []BatchOrder{limit(SideSellX, 1_000_000, "0.9")})
	require.NoError(t, err)
	require.True(t, c.Filled[0])
	requireIntEq(t, ni(1_000_000), c.FilledIn[0])
	lone, _, _ := SwapExactIn(x, y, ni(1_000_000), dec("0.003"))
	requireIntEq(t, lone, c.Out[0])
	// Two crossing limit orders with no swap fill against each other and
	// the curve at one price within both limits.
	c, err = ClearConstantProduct(x, y, dec("0.003"), []BatchOrder{
		limit(SideSellX, 5_000_000, "0.99"), limit(SideSellY, 5_000_000, "0.99"),
	})
	require.NoError(t, err)
	require.Equal(t, []bool{true, true}, c.Filled)
	require.True(t, c.Rates[0].Rat().Cmp(big.NewRat(99, 100)) >= 0)
	require.True(t, c.Rates[1].Rat().Cmp(big.NewRat(99, 100)) >= 0)
}

// The partial fill of the bisection equals the closed form on random
// constant-product batches, and on a stableswap pool the limit holds too.
func TestLimitPartialFillClosedForm(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	for n := 0; n < 200; n++ {
		x := randAmount(rng, 6, 15)
		y := randAmount(rng, 6, 15)
		yIn := randAmount(rng, 3, 14).Int64()
		// A limit between the current rate and one 50 % higher.
		spot := new(big.Rat).SetFrac(y.BigInt(), x.BigInt())
		f := new(big.Rat).Mul(spot, big.NewRat(int64(100+rng.Intn(50)), 100))
		lim := sdkmath.LegacyNewDecFromBigIntWithPrec(ratFloor(new(big.Rat).Mul(f, new(big.Rat).SetInt(decScale))), 18)
		if !lim.IsPositive() {
			continue
		}
		amount := x.Int64()
		c, err := ClearConstantProduct(x, y, dec("0.003"), []BatchOrder{
			sell(SideSellY, yIn, 0), {Side: SideSellX, Amount: sdkmath.NewInt(amount), Limit: lim},
		})
		require.NoError(t, err)
		want := cpPartialFill(rat(x), rat(y), big.NewRat(3, 1000), new(big.Rat).SetFrac(lim.BigInt(), decScale), 0, yIn)
		exp := ratFloor(want)
		if exp.Sign() < 0 {
			exp.SetInt64(0)
		}
		if exp.Cmp(big.NewInt(amount)) > 0 {
			exp.SetInt64(amount)
		}
		if c.Filled[1] {
			requireIntEq(t, sdkmath.NewIntFromBigInt(exp), c.FilledIn[1])
			requireLimitHeld(t, c, 1, lim)
		} else {
			// Not filled: the closed form says nothing, or the output of its
			// fill would round to zero.
			require.True(t, exp.Sign() == 0 || exp.Cmp(big.NewInt(2)) < 0, "n %d: closed form %s", n, exp)
		}
	}
}

func requireLimitHeld(t *testing.T, c BatchClearing, k int, lim sdkmath.LegacyDec) {
	t.Helper()
	in, out := c.FilledIn[k], c.Out[k]
	// out ≥ ⌊in·limit⌋, and the rate itself is at least the limit.
	require.True(t, out.GTE(lim.MulInt(in).TruncateInt()), "order %d: %s for %s below limit %s", k, out, in, lim)
}

// Fuzz: random swaps and limit orders on both curves: the result per order
// does not depend on the orders' arrival, no limit order fills below its
// limit or beyond its amount, and the invariant never decreases.
func FuzzLimitOrderIndependence(f *testing.F) {
	f.Add(int64(1), uint8(6), false)
	f.Add(int64(2), uint8(9), true)
	f.Add(int64(3), uint8(12), false)
	f.Fuzz(func(t *testing.T, seed int64, n uint8, stable bool) {
		rng := rand.New(rand.NewSource(seed))
		count := int(n%12) + 1
		x, y := randAmount(rng, 9, 12), randAmount(rng, 9, 12)
		spot := new(big.Rat).SetFrac(y.BigInt(), x.BigInt())
		orders := make([]BatchOrder, count)
		for k := range orders {
			side := BatchSide(rng.Intn(2))
			amt := randAmount(rng, 4, 9)
			orders[k] = randSwapOrLimit(rng, side, amt, spot, 90)
		}
		clear := func(os []BatchOrder) (BatchClearing, error) {
			if stable {
				return ClearStableSwap([]sdkmath.Int{x, y}, ni(100), 0, 1, dec("0.0005"), os)
			}
			return ClearConstantProduct(x, y, dec("0.003"), os)
		}
		c, err := clear(orders)
		if err != nil {
			t.Skip("pool cannot take the batch:", err)
		}
		perm := rng.Perm(count)
		shuffled := make([]BatchOrder, count)
		for to, from := range perm {
			shuffled[to] = orders[from]
		}
		c2, err := clear(shuffled)
		require.NoError(t, err)
		for to, from := range perm {
			require.Equal(t, c.Filled[from], c2.Filled[to])
			requireIntEq(t, c.FilledIn[from], c2.FilledIn[to])
			requireIntEq(t, c.Out[from], c2.Out[to])
		}
		for k, o := range orders {
			if !c.Filled[k] {
				continue
			}
			require.True(t, c.FilledIn[k].LTE(o.Amount))
			if o.isLimit() {
				requireLimitHeld(t, c, k, o.Limit)
				r := c.Rates[o.Side]
				require.True(t, mul(r.Num, decScale).Cmp(mul(o.Limit.BigInt(), r.Den)) >= 0)
			}
		}
		xa, ya := BatchReservesAfter(x, y, c)
		if !stable {
			require.True(t, KNotDecreased(x, y, xa, ya))
		}
	})
}
