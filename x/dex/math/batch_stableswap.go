package math

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// ClearStableSwap clears a batch of exact-in orders on the pair (i, j) of a
// stableswap pool (x = asset i, y = asset j).
//
// Each side pays the stableswap fee on its total T: fee = ⌈T·F/P⌉, so
// T' = T − fee trades. The pool trades only the net flow. If x is sold on
// net, the pool takes n of x and pays m(n) of y, where m is the fee-less
// StableSwapExactIn of n (⌈D⌉, ⌈y⌉ and Curve's extra unit: the point
// (x+n, y−m) never has a smaller D). The x-sellers share what the y-sellers
// and the pool pay, so the price of x in y is p = (Y' + m)/X', and n must be
// no more than what the y-sellers leave over at that price:
//
//	g(n) = X'·m(n)/(Y' + m(n)) − n ≥ 0
//
// g(0) = 0 and g is concave (m is increasing and concave in n), so the
// feasible n form an interval [0, n*]; n* is found by bisection over the
// integers in [0, X'] (at most 256 steps), keeping only feasible points, so
// the result is feasible even where rounding bends g. Then
//
//	r_x = (Y' + m)/X,   r_y = X'·Y'/(Y·(Y' + m))
//
// x-sellers receive at most Y' + m, y-sellers at most X' − X'·m/(Y'+m)
// ≤ X' − n, so the pool ends at or beyond (x + n + fee_x, y − m + fee_y):
// D never decreases. y sold on net is the mirror image. If neither side can
// move the pool (n* = 0 both ways) the sides cross at p = Y'/X' and the pool
// keeps only the fees. With one side only (Y = 0), n* = X' and a lone order
// gets exactly StableSwapExactIn's output.
func ClearStableSwap(balances []sdkmath.Int, amp sdkmath.Int, i, j int, fee sdkmath.LegacyDec, orders []BatchOrder) (BatchClearing, error) {
	p, err := newSSPool(balances, amp)
	if err != nil {
		return BatchClearing{}, err
	}
	if err := p.checkPair(i, j); err != nil {
		return BatchClearing{}, err
	}
	f, err := feeNumerator(fee)
	if err != nil {
		return BatchClearing{}, err
	}
	d, err := p.dCeil()
	if err != nil {
		return BatchClearing{}, err
	}
	spot := zeroRate()
	if hasLimit(orders) {
		// The price with no flow, for the limit orders' search only.
		spotDec, err := StableSwapSpotPrice(balances, amp, i, j)
		if err != nil {
			return BatchClearing{}, err
		}
		spot = Rate{Num: spotDec.BigInt(), Den: new(big.Int).Set(decScale)}
	}
	return clearBatch(orders, nominalGamma(f), spot, func(t [2]*big.Int) (BatchPricing, error) {
		return p.priceBatch(d, i, j, f, t)
	})
}

func (p *ssPool) priceBatch(d *big.Int, i, j int, f *big.Int, t [2]*big.Int) (BatchPricing, error) {
	if err := checkNewReserve(fmt.Sprintf("balance %d", i), p.x[i], t[SideSellX]); err != nil {
		return BatchPricing{}, err
	}
	if err := checkNewReserve(fmt.Sprintf("balance %d", j), p.x[j], t[SideSellY]); err != nil {
		return BatchPricing{}, err
	}
	pr := BatchPricing{Rates: [2]Rate{zeroRate(), zeroRate()}, Price: zeroRate()}
	var net [2]*big.Int
	for s := 0; s < 2; s++ {
		pr.Fees[s] = ceilDiv(mul(t[s], f), decScale)
		net[s] = sub(t[s], pr.Fees[s])
		if net[s].Sign() < 0 {
			net[s] = new(big.Int)
		}
	}
	X, Y, nx, ny := t[SideSellX], t[SideSellY], net[SideSellX], net[SideSellY]
	if n, m := p.netFlow(d, i, j, nx, ny); n.Sign() > 0 {
		// x sold on net: p = (Y' + m)/X'.
		ym := add(ny, m)
		pr.Price = Rate{Num: ym, Den: new(big.Int).Set(nx)}
		pr.Rates[SideSellX] = Rate{Num: ym, Den: X}
		if Y.Sign() > 0 && ym.Sign() > 0 {
			pr.Rates[SideSellY] = Rate{Num: mul(nx, ny), Den: mul(Y, ym)}
		}
		return pr, nil
	}
	if n, m := p.netFlow(d, j, i, ny, nx); n.Sign() > 0 {
		// y sold on net: the price of y in x is (X' + m)/Y'.
		xm := add(nx, m)
		if xm.Sign() > 0 {
			pr.Price = Rate{Num: new(big.Int).Set(ny), Den: xm}
		}
		pr.Rates[SideSellY] = Rate{Num: xm, Den: Y}
		if X.Sign() > 0 && xm.Sign() > 0 {
			pr.Rates[SideSellX] = Rate{Num: mul(nx, ny), Den: mul(X, xm)}
		}
		return pr, nil
	}
	// The sides cross without the pool.
	if nx.Sign() > 0 && ny.Sign() > 0 {
		pr.Price = Rate{Num: new(big.Int).Set(ny), Den: new(big.Int).Set(nx)}
		pr.Rates[SideSellX] = Rate{Num: new(big.Int).Set(ny), Den: X}
		pr.Rates[SideSellY] = Rate{Num: new(big.Int).Set(nx), Den: Y}
	}
	return pr, nil
}

// netFlow returns the largest feasible net input n of asset i found by
// bisection and the pool's payment m(n) of asset j, for the sides' fee-less
// totals in (selling i) and back (selling j). n is zero when the pool
// cannot take any of asset i at a price the sides accept.
func (p *ssPool) netFlow(d *big.Int, i, j int, in, back *big.Int) (*big.Int, *big.Int) {
	zero := new(big.Int)
	if in.Sign() == 0 {
		return zero, zero
	}
	feasible := func(n *big.Int) (*big.Int, bool) {
		m, ok := p.feelessOut(d, i, j, n)
		if !ok {
			return nil, false
		}
		// X'·m ≥ n·(Y' + m)
		return m, mul(in, m).Cmp(mul(n, add(back, m))) >= 0
	}
	if m, ok := feasible(in); ok {
		return new(big.Int).Set(in), m
	}
	lo, hi := new(big.Int), new(big.Int).Set(in)
	loM := new(big.Int)
	for sub(hi, lo).Cmp(bigOne) > 0 {
		mid := new(big.Int).Rsh(add(lo, hi), 1)
		if m, ok := feasible(mid); ok {
			lo, loM = mid, m
		} else {
			hi = mid
		}
	}
	return lo, loM
}

// feelessOut is what the pool pays in asset j for n of asset i with no fee:
// x_j − ⌈y(x_i + n)⌉ − 1 at ⌈D⌉ (StableSwapExactIn with fee 0), clamped at
// zero; false when it cannot be computed.
func (p *ssPool) feelessOut(d *big.Int, i, j int, n *big.Int) (*big.Int, bool) {
	if n.Sign() == 0 {
		return new(big.Int), true
	}
	x := append([]*big.Int(nil), p.x...)
	x[i] = add(p.x[i], n)
	y, err := p.withBalances(x).yCeil(j, d)
	if err != nil {
		return nil, false
	}
	out := sub(sub(p.x[j], y), bigOne)
	if out.Sign() < 0 {
		return new(big.Int), true
	}
	if out.Cmp(p.x[j]) >= 0 {
		return nil, false
	}
	return out, true
}
