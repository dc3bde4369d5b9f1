package math

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// Batch clearing: every exact-in order on one pair of one pool in one block
// fills at one uniform price (x/dex/README.md, "Batch clearing").
//
// The pair is (x, y) = (asset i, asset j) of the pool. An order sells Amount
// of x for y (SideSellX) or of y for x (SideSellY). X and Y are the totals
// sold of each side; the clearing returns one exact rational rate per side,
// r_x (y paid per unit of x sold, fee included) and r_y (x per unit of y),
// with r_x = γ_x·p and r_y = γ_y/p for the single price p of x in y, where
// γ_x, γ_y are the fractions of each side's input that remain after the fee.
// Every filled order gets ⌊amount·r_side⌋ (rounded down, for the pool).
//
// Orders whose output at that price is below max(min_out, 1) are removed
// and the price is recomputed from the rest, until every remaining order is
// satisfied. Each round removes at least one order or stops, so there are at
// most n+1 rounds; the result depends only on the set of orders (not their
// order), because a round removes every failing order at once.

// BatchSide says which asset of the pair an order sells.
type BatchSide int

const (
	// SideSellX sells asset x (the pair's first asset) for y.
	SideSellX BatchSide = 0
	// SideSellY sells asset y for x.
	SideSellY BatchSide = 1
)

// BatchOrder is one exact-in order of a batch.
type BatchOrder struct {
	Side   BatchSide
	Amount sdkmath.Int
	// MinOut is the least output the order accepts; nil or zero means 1 (an
	// order is never filled for nothing).
	MinOut sdkmath.Int
	// Limit, when set (not nil), makes the order a limit order: it sells
	// at most Amount, possibly part of it, and only at a rate of at least
	// Limit (output per unit of input, fee included; see batch_limit.go).
	// MinOut is ignored (the output of a fill is at least 1).
	Limit sdkmath.LegacyDec
}

func (o BatchOrder) isLimit() bool { return !o.Limit.IsNil() }

// Rate is an exact non-negative rational Num/Den (Den > 0).
type Rate struct{ Num, Den *big.Int }

// Apply returns ⌊a·r⌋.
func (r Rate) Apply(a *big.Int) *big.Int { return floorDiv(mul(a, r.Num), r.Den) }

// Rat returns r as a big.Rat.
func (r Rate) Rat() *big.Rat { return new(big.Rat).SetFrac(r.Num, r.Den) }

// Dec returns ⌊r⌋ at 18 decimals (ErrOverflow outside the LegacyDec range).
func (r Rate) Dec() (sdkmath.LegacyDec, error) {
	return toDec("clearing price", floorDiv(mul(r.Num, decScale), r.Den))
}

func zeroRate() Rate { return Rate{Num: new(big.Int), Den: big.NewInt(1)} }

// BatchPricing is what a curve computes for the side totals of a batch (at
// least one positive): the rate of each side, the fee charged on each side's
// total (in that side's asset; what the protocol share is taken from) and
// the clearing price p of x in y. A side with a zero total has a zero rate.
type BatchPricing struct {
	Rates [2]Rate
	Fees  [2]*big.Int
	Price Rate
}

// BatchClearing is the result of clearing a batch.
type BatchClearing struct {
	// Filled[k] and Out[k] are order k's fill (Out is zero when not filled);
	// FilledIn[k] is the input it sold (its Amount for a filled swap, up to
	// Amount for a limit order).
	Filled   []bool
	Out      []sdkmath.Int
	FilledIn []sdkmath.Int
	// In and Paid are the filled totals per side: input taken, output paid
	// (Paid[SideSellX] is in y). Fees as in BatchPricing (zero if no fill).
	In, Paid, Fees [2]sdkmath.Int
	// Price is the clearing price of x in y (zero when nothing filled);
	// Rates the per-side rates.
	Price Rate
	Rates [2]Rate
	// Rounds is how many times the price was computed.
	Rounds int
}

// pricingFunc prices side totals (at least one positive).
type pricingFunc func(totals [2]*big.Int) (BatchPricing, error)

// clearBatch runs the min_out rounds over orders with the curve's pricing;
// gamma is the nominal fraction of an input that trades (1 − fee) and spot
// the pool's price of x in y before the batch (for the limit orders'
// levels, batch_limit.go).
func clearBatch(orders []BatchOrder, gamma *big.Rat, spot Rate, price pricingFunc) (BatchClearing, error) {
	n := len(orders)
	res := BatchClearing{Filled: make([]bool, n), Out: make([]sdkmath.Int, n), FilledIn: make([]sdkmath.Int, n),
		Price: zeroRate(), Rates: [2]Rate{zeroRate(), zeroRate()}}
	ls := &limitSearch{orders: orders, amounts: make([]*big.Int, n), swapOn: make([]bool, n), limitOn: make([]bool, n),
		levels: make([]*big.Rat, n), price: price, spot: spot}
	minOuts := make([]*big.Int, n)
	for k, o := range orders {
		if o.Side != SideSellX && o.Side != SideSellY {
			return res, fmt.Errorf("%w: order %d has side %d", ErrInvalidAssetIndex, k, o.Side)
		}
		a, err := requirePositive(ErrInvalidAmount, fmt.Sprintf("order %d amount", k), o.Amount)
		if err != nil {
			return res, err
		}
		minOuts[k] = big.NewInt(1)
		if o.isLimit() {
			if !o.Limit.IsPositive() {
				return res, fmt.Errorf("%w: order %d has limit %s", ErrInvalidAmount, k, o.Limit)
			}
			ls.limitOn[k], ls.levels[k] = true, limitLevel(o, gamma)
			continue
		}
		ls.amounts[k], ls.swapOn[k] = a, true
		if !o.MinOut.IsNil() && o.MinOut.BigInt().Cmp(bigOne) > 0 {
			minOuts[k] = o.MinOut.BigInt()
		}
	}
	outs := make([]*big.Int, n)
	for round := 1; ; round++ {
		res.Rounds = round
		fills, err := ls.choose()
		if err != nil {
			return res, err
		}
		totals := [2]*big.Int{new(big.Int), new(big.Int)}
		for k, o := range orders {
			switch {
			case o.isLimit():
				if !ls.limitOn[k] || fills[k].Sign() == 0 {
					fills[k] = new(big.Int)
					continue
				}
			case ls.swapOn[k]:
				fills[k] = ls.amounts[k]
			default:
				fills[k] = new(big.Int)
				continue
			}
			totals[o.Side].Add(totals[o.Side], fills[k])
		}
		if totals[0].Sign() == 0 && totals[1].Sign() == 0 {
			return finish(res, orders, fills, outs, nil)
		}
		pr, err := price(totals)
		if err != nil {
			return res, err
		}
		failed := false
		for k, o := range orders {
			if fills[k].Sign() == 0 {
				continue
			}
			r := pr.Rates[o.Side]
			outs[k] = r.Apply(fills[k])
			bad := outs[k].Cmp(minOuts[k]) < 0
			if o.isLimit() {
				// rate ≥ limit: r.Num·10^18 ≥ limit·r.Den
				bad = bad || mul(r.Num, decScale).Cmp(mul(o.Limit.BigInt(), r.Den)) < 0
			}
			if bad {
				failed = true
				if o.isLimit() {
					ls.limitOn[k] = false
				} else {
					ls.swapOn[k] = false
				}
			}
		}
		if !failed {
			return finish(res, orders, fills, outs, &pr)
		}
	}
}

// finish fills the result from the final round.
func finish(res BatchClearing, orders []BatchOrder, fills, outs []*big.Int, pr *BatchPricing) (BatchClearing, error) {
	in := [2]*big.Int{new(big.Int), new(big.Int)}
	paid := [2]*big.Int{new(big.Int), new(big.Int)}
	for k, o := range orders {
		res.Out[k], res.FilledIn[k] = sdkmath.ZeroInt(), sdkmath.ZeroInt()
		if pr == nil || fills[k].Sign() == 0 {
			continue
		}
		res.Filled[k] = true
		in[o.Side].Add(in[o.Side], fills[k])
		paid[o.Side].Add(paid[o.Side], outs[k])
		out, err := toInt("order output", outs[k])
		if err != nil {
			return res, err
		}
		res.Out[k], res.FilledIn[k] = out, sdkmath.NewIntFromBigInt(fills[k])
	}
	for s := 0; s < 2; s++ {
		res.Fees[s] = sdkmath.ZeroInt()
		if pr != nil && pr.Fees[s] != nil {
			res.Fees[s] = sdkmath.NewIntFromBigInt(pr.Fees[s])
		}
		var err error
		if res.In[s], err = toInt("batch input", in[s]); err != nil {
			return res, err
		}
		if res.Paid[s], err = toInt("batch output", paid[s]); err != nil {
			return res, err
		}
	}
	if pr != nil {
		res.Price, res.Rates = pr.Price, pr.Rates
	}
	return res, nil
}

// nominalGamma is 1 − fee as a rational, from the fee numerator F (of 10^18).
func nominalGamma(f *big.Int) *big.Rat { return new(big.Rat).SetFrac(sub(decScale, f), decScale) }

// BatchReservesAfter returns the pair's reserves after a clearing, before
// any protocol fee leaves: x' = x + In_x − Paid_y, y' = y + In_y − Paid_x.
func BatchReservesAfter(x, y sdkmath.Int, c BatchClearing) (sdkmath.Int, sdkmath.Int) {
	return x.Add(c.In[SideSellX]).Sub(c.Paid[SideSellY]), y.Add(c.In[SideSellY]).Sub(c.Paid[SideSellX])
}
