package math

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// The maker/taker rebate of limit orders (x/dex/README.md, "Limit orders:
// fees"). A batch clears with every order priced at the pool's fee f (inside
// the uniform price), so the price, the fills and k are the clearing's. Then
// the part of each limit order's fill that was matched against the opposite
// side of the batch pays only its matched-part fee g = min(f, maker or taker
// fee): it gets back
//
//	r_k = ⌊m_s · a_k · (f − g)⌋   (in its input denom)
//
// where a_k is what it sold and m_s the matched fraction of its side s. With
// X and Y the side totals and p the clearing price of x in y, the sides'
// values are X·p and Y (in y); the smaller side is matched in full (m = 1)
// and the larger side has m = smaller/larger (neither side matches when one
// is empty). Swaps get no rebate (takers at the pool fee).
//
// Bound: Σ_k a_k ≤ T_s and m_s ≤ 1, so Σ r_k ≤ ⌊T_s·f⌋, the fee of the side;
// the rebates are paid out of the part of that fee that stayed in the pool
// (fee − protocol share, the cap). When the protocol share makes the cap bind,
// every rebate of the side is scaled by cap/Σr_k and rounded down, so the
// total never exceeds the cap: the reserves stay at or above the fee-less
// reserves of the clearing, and k never decreases.

// RebateOrder is one order of a cleared batch as the rebate sees it.
type RebateOrder struct {
	Side BatchSide
	// FilledIn is what the order sold in the batch (zero if not filled).
	FilledIn sdkmath.Int
	// MatchFee is the order's fee on its matched part (the maker or taker
	// fee); nil for an order without a rebate (a swap).
	MatchFee sdkmath.LegacyDec
}

// BatchRebate is the rebate of each order and the totals per side.
type BatchRebate struct {
	Rebates []sdkmath.Int
	Totals  [2]sdkmath.Int
	// Matched is the matched fraction of each side.
	Matched [2]*big.Rat
	// Capped says the side's cap bound and the rebates were scaled down.
	Capped [2]bool
}

// MatchedFractions returns the matched fraction of each side of a batch
// with side totals in (x sold, y sold) at price p of x in y: 1 for the side
// of smaller value (both when equal), smaller/larger for the other; zero for
// both when either side is empty or the price is zero.
func MatchedFractions(in [2]sdkmath.Int, price Rate) ([2]*big.Rat, error) {
	m := [2]*big.Rat{new(big.Rat), new(big.Rat)}
	x, err := requireNonNegative(ErrInvalidAmount, "x side total", in[SideSellX])
	if err != nil {
		return m, err
	}
	y, err := requireNonNegative(ErrInvalidAmount, "y side total", in[SideSellY])
	if err != nil {
		return m, err
	}
	if price.Num == nil || price.Den == nil || price.Num.Sign() < 0 || price.Den.Sign() <= 0 {
		return m, fmt.Errorf("%w: clearing price must be a non-negative rational", ErrInvalidAmount)
	}
	// Values scaled by the price's denominator: x side X·Num, y side Y·Den.
	vx, vy := mul(x, price.Num), mul(y, price.Den)
	if vx.Sign() == 0 || vy.Sign() == 0 {
		return m, nil
	}
	if vx.Cmp(vy) <= 0 {
		m[SideSellX].SetInt64(1)
		m[SideSellY].SetFrac(vx, vy)
	} else {
		m[SideSellY].SetInt64(1)
		m[SideSellX].SetFrac(vy, vx)
	}
	return m, nil
}

// BatchRebates computes the rebates of a cleared batch: in are the filled
// totals per side (BatchClearing.In), price the clearing price of x in y,
// poolFee the pool's fee f, orders the batch's orders and caps the most
// each side may rebate in total (the fee of the side that stayed in the
// pool). Bad input returns an error and no rebate.
func BatchRebates(in [2]sdkmath.Int, price Rate, poolFee sdkmath.LegacyDec, orders []RebateOrder, caps [2]sdkmath.Int) (BatchRebate, error) {
	res := BatchRebate{Rebates: make([]sdkmath.Int, len(orders)), Totals: [2]sdkmath.Int{sdkmath.ZeroInt(), sdkmath.ZeroInt()}}
	m, err := MatchedFractions(in, price)
	if err != nil {
		return res, err
	}
	res.Matched = m
	f, err := feeNumerator(poolFee)
	if err != nil {
		return res, err
	}
	var bcaps [2]*big.Int
	sold := [2]*big.Int{new(big.Int), new(big.Int)}
	for s := 0; s < 2; s++ {
		if bcaps[s], err = requireNonNegative(ErrInvalidAmount, fmt.Sprintf("rebate cap of side %d", s), caps[s]); err != nil {
			return res, err
		}
	}
	raw := make([]*big.Int, len(orders))
	totals := [2]*big.Int{new(big.Int), new(big.Int)}
	for k, o := range orders {
		if o.Side != SideSellX && o.Side != SideSellY {
			return res, fmt.Errorf("%w: order %d has side %d", ErrInvalidAssetIndex, k, o.Side)
		}
		a, err := requireNonNegative(ErrInvalidAmount, fmt.Sprintf("order %d filled input", k), o.FilledIn)
		if err != nil {
			return res, err
		}
		sold[o.Side].Add(sold[o.Side], a)
		raw[k] = new(big.Int)
		if o.MatchFee.IsNil() || a.Sign() == 0 {
			continue
		}
		g, err := feeNumerator(o.MatchFee)
		if err != nil {
			return res, fmt.Errorf("order %d match fee: %w", k, err)
		}
		if g.Cmp(f) >= 0 {
			continue // g = min(f, fee) = f: nothing to give back
		}
		ms := m[o.Side]
		// ⌊(mNum/mDen)·a·(F−G)/P⌋
		raw[k] = floorDiv(mul(mul(ms.Num(), a), sub(f, g)), mul(ms.Denom(), decScale))
		totals[o.Side].Add(totals[o.Side], raw[k])
	}
	for s := 0; s < 2; s++ {
		if sold[s].Cmp(in[s].BigInt()) > 0 {
			return res, fmt.Errorf("%w: side %d orders sold %s, more than the side total %s", ErrInvalidAmount, s, sold[s], in[s])
		}
	}
	for s := 0; s < 2; s++ {
		if totals[s].Cmp(bcaps[s]) <= 0 {
			continue
		}
		res.Capped[s] = true
		scaled := new(big.Int)
		for k, o := range orders {
			if int(o.Side) == s && raw[k].Sign() > 0 {
				raw[k] = floorDiv(mul(raw[k], bcaps[s]), totals[s])
				scaled.Add(scaled, raw[k])
			}
		}
		totals[s] = scaled
	}
	for k := range orders {
		if res.Rebates[k], err = toInt("rebate", raw[k]); err != nil {
			return res, err
		}
	}
	for s := 0; s < 2; s++ {
		if res.Totals[s], err = toInt("rebate total", totals[s]); err != nil {
			return res, err
		}
	}
	return res, nil
}
