package math

import (
	"math/big"
	"sort"
)

// Limit orders in the batch (x/dex/README.md, "Limit orders: matching").
//
// A limit order sells up to Amount of its side's asset and accepts only a
// rate r_side ≥ Limit (output per unit of input, fee included). In terms of
// the clearing price p of x in y, and with γ = 1 − fee the nominal fraction
// of an input that trades, a limit-x order (limit L, y per x) is in the
// money when γ·p ≥ L, i.e. p ≥ L/γ; a limit-y order (limit M, x per y)
// when γ/p ≥ M, i.e. p ≤ γ/M. These are the orders' levels.
//
// With the swaps fixed, the batch price P(S) for a set S of limit orders
// falls as x is added and rises as y is added, so h(p) = p − P(S(p)), with
// S(p) every order in the money at p, increases with p and crosses zero
// once. The levels ℓ_1 < … < ℓ_m cut the price axis into intervals
// (ℓ_i, ℓ_{i+1}) (ℓ_0 = 0, ℓ_{m+1} = ∞) on which S is constant; a binary
// search finds the first interval i whose price P_i = P(S_i) is not above
// it. If ℓ_i ≤ P_i ≤ ℓ_{i+1} every order of S_i fills in full at P_i.
// Otherwise p* = ℓ_i: the orders strictly in the money fill in full, and
// the orders at ℓ_i on one side fill partly, by the largest amount a for
// which the price stays on their side of ℓ_i (a by bisection over the
// integers; for a constant-product pool a has the closed form of
// ConstantProductPartialFill, which a test asserts). A partial amount is
// split among the orders of the level pro rata, ⌊a·amount_k/A⌋ each (the
// book's arrival order plays no part).
//
// The rate each filled order gets is then the curve's rate for the integer
// totals, and every limit order is checked exactly: rate ≥ Limit and
// output ⌊fill·rate⌋ ≥ 1. An order that fails (rounding at its level, or a
// curve whose fee is not exactly γ) is left out of this block's batch and
// the batch is cleared again, like a swap below its min_out. So no limit
// order ever fills below its limit, and the result depends only on the set
// of orders.

// hasLimit says whether any order is a limit order.
func hasLimit(orders []BatchOrder) bool {
	for _, o := range orders {
		if o.isLimit() {
			return true
		}
	}
	return false
}

// limitLevel is an order's level in p-space.
func limitLevel(o BatchOrder, gamma *big.Rat) *big.Rat {
	l := new(big.Rat).SetFrac(o.Limit.BigInt(), decScale)
	if o.Side == SideSellX {
		return l.Quo(l, gamma)
	}
	return new(big.Rat).Quo(gamma, l)
}

// limitSearch chooses the limit orders' fills for one round.
type limitSearch struct {
	orders   []BatchOrder
	amounts  []*big.Int // the swaps' amounts (nil for limit orders)
	swapOn   []bool     // active swaps
	limitOn  []bool     // limit orders still allowed in this block
	levels   []*big.Rat // per order (limit orders only)
	price    pricingFunc
	spot     Rate
	sortedLv []*big.Rat // distinct levels ascending
}

// inSet says whether limit order k is fully in S_i (interval i).
func (s *limitSearch) inSet(k, i int) bool {
	lv := s.levels[k]
	if s.orders[k].Side == SideSellX {
		return i >= 1 && lv.Cmp(s.sortedLv[i-1]) <= 0
	}
	return i < len(s.sortedLv) && lv.Cmp(s.sortedLv[i]) >= 0
}

// fills returns the fills of the set of interval i (full amounts).
func (s *limitSearch) fills(i int) []*big.Int {
	f := make([]*big.Int, len(s.orders))
	for k, o := range s.orders {
		f[k] = new(big.Int)
		if o.isLimit() && s.limitOn[k] && s.inSet(k, i) {
			f[k].Set(o.Amount.BigInt())
		}
	}
	return f
}

// priceOf is the batch price of x in y with the swaps and the limit fills f.
func (s *limitSearch) priceOf(f []*big.Int) (*big.Rat, error) {
	t := [2]*big.Int{new(big.Int), new(big.Int)}
	for k, o := range s.orders {
		switch {
		case !o.isLimit() && s.swapOn[k]:
			t[o.Side].Add(t[o.Side], s.amounts[k])
		case o.isLimit():
			t[o.Side].Add(t[o.Side], f[k])
		}
	}
	if t[0].Sign() == 0 && t[1].Sign() == 0 {
		return s.spot.Rat(), nil
	}
	pr, err := s.price(t)
	if err != nil {
		return nil, err
	}
	if pr.Price.Num.Sign() == 0 {
		return s.spot.Rat(), nil
	}
	return pr.Price.Rat(), nil
}

// choose returns the limit orders' fills for this round.
func (s *limitSearch) choose() ([]*big.Int, error) {
	seen := map[string]bool{}
	s.sortedLv = nil
	for k, o := range s.orders {
		if o.isLimit() && s.limitOn[k] && !seen[s.levels[k].RatString()] {
			seen[s.levels[k].RatString()] = true
			s.sortedLv = append(s.sortedLv, s.levels[k])
		}
	}
	if len(s.sortedLv) == 0 {
		return s.fills(0), nil
	}
	sort.Slice(s.sortedLv, func(a, b int) bool { return s.sortedLv[a].Cmp(s.sortedLv[b]) < 0 })
	m := len(s.sortedLv)
	// dir(i) > 0: the price of S_i is above interval i (look right).
	var searchErr error
	dir := func(i int) int {
		p, err := s.priceOf(s.fills(i))
		if err != nil {
			searchErr = err
			return 0
		}
		if i < m && p.Cmp(s.sortedLv[i]) > 0 {
			return 1
		}
		if i > 0 && p.Cmp(s.sortedLv[i-1]) < 0 {
			return -1
		}
		return 0
	}
	i := sort.Search(m+1, func(i int) bool { return dir(i) <= 0 })
	if searchErr != nil {
		return nil, searchErr
	}
	if i > m {
		i = m
	}
	if d := dir(i); searchErr != nil || d >= 0 || i == 0 {
		return s.fills(i), searchErr
	}
	return s.partial(i)
}

// partial fills the orders at level ℓ = sortedLv[i-1] partly: the price
// of S_{i-1} (y-sellers at ℓ in, x-sellers at ℓ out) is above ℓ and that
// of S_i below it.
func (s *limitSearch) partial(i int) ([]*big.Int, error) {
	lv := s.sortedLv[i-1]
	base := s.fills(i - 1) // strictly in the money, plus the y-sellers at ℓ
	var xs, ys []int
	for k, o := range s.orders {
		if o.isLimit() && s.limitOn[k] && s.levels[k].Cmp(lv) == 0 {
			if o.Side == SideSellX {
				xs = append(xs, k)
			} else {
				ys = append(ys, k)
			}
		}
	}
	if len(xs) > 0 {
		// The x-sellers at ℓ: the most that keeps the price ≥ ℓ.
		a, total, err := s.bisect(base, xs, func(p *big.Rat) bool { return p.Cmp(lv) >= 0 })
		if err != nil {
			return nil, err
		}
		if a.Cmp(total) < 0 || len(ys) == 0 {
			return s.spread(base, xs, a, total), nil
		}
		base = s.spread(base, xs, a, total)
	}
	// The y-sellers at ℓ (in base in full): the most that keeps the price ≤ ℓ.
	for _, k := range ys {
		base[k] = new(big.Int)
	}
	b, total, err := s.bisect(base, ys, func(p *big.Rat) bool { return p.Cmp(lv) <= 0 })
	if err != nil {
		return nil, err
	}
	return s.spread(base, ys, b, total), nil
}

// bisect finds the largest a in [0, Σ amounts of level] such that ok holds
// for the price with the level's orders filled by a in total (ok(0) is
// assumed); it returns a and the level's total.
func (s *limitSearch) bisect(base []*big.Int, level []int, ok func(*big.Rat) bool) (*big.Int, *big.Int, error) {
	total := new(big.Int)
	for _, k := range level {
		total.Add(total, s.orders[k].Amount.BigInt())
	}
	try := func(a *big.Int) (bool, error) {
		p, err := s.priceOf(spreadExact(base, level, a))
		if err != nil {
			return false, err
		}
		return ok(p), nil
	}
	if good, err := try(total); err != nil || good {
		return total, total, err
	}
	lo, hi := new(big.Int), new(big.Int).Set(total)
	for sub(hi, lo).Cmp(bigOne) > 0 {
		mid := new(big.Int).Rsh(add(lo, hi), 1)
		good, err := try(mid)
		if err != nil {
			return nil, nil, err
		}
		if good {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, total, nil
}

// spreadExact puts a on the level as one amount (on its first order) for
// pricing: the price depends only on the side's total.
func spreadExact(base []*big.Int, level []int, a *big.Int) []*big.Int {
	f := append([]*big.Int(nil), base...)
	for n, k := range level {
		f[k] = new(big.Int)
		if n == 0 {
			f[k].Set(a)
		}
	}
	return f
}

// spread splits a among the level's orders pro rata to their amounts,
// ⌊a·amount_k/total⌋ each.
func (s *limitSearch) spread(base []*big.Int, level []int, a, total *big.Int) []*big.Int {
	f := append([]*big.Int(nil), base...)
	for _, k := range level {
		f[k] = floorDiv(mul(a, s.orders[k].Amount.BigInt()), total)
	}
	return f
}
