package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dexmath "github.com/agora-labs/agora/x/dex/math"
)

// PairClearing is one pair's batch cleared against a pool: the math
// result, the protocol fee leaving each side (in that side's denom) and the
// pool after.
type PairClearing struct {
	DenomX, DenomY string
	dexmath.BatchClearing
	ProtocolFees [2]sdkmath.Int
	// Rebates[k] is order k's maker/taker rebate (in its input denom,
	// already taken out of the pool after); RebateTotals per side.
	Rebates      []sdkmath.Int
	RebateTotals [2]sdkmath.Int
}

// NetIn is what the pool kept of each side's input: In less the rebates.
func (c PairClearing) NetIn() [2]sdkmath.Int {
	return [2]sdkmath.Int{c.In[0].Sub(c.RebateTotals[0]), c.In[1].Sub(c.RebateTotals[1])}
}

// ProtocolFeeCoins is the protocol fees of both sides as coins.
func (c PairClearing) ProtocolFeeCoins() sdk.Coins {
	return sdk.NewCoins(sdk.Coin{Denom: c.DenomX, Amount: c.ProtocolFees[dexmath.SideSellX]},
		sdk.Coin{Denom: c.DenomY, Amount: c.ProtocolFees[dexmath.SideSellY]})
}

// ClearPair clears one block's exact-in orders on the pair (denomX,
// denomY) at one uniform price (x/dex/README.md, "Batch clearing"). Orders
// of side SideSellX sell denomX. It returns the fills and the pool after:
// every filled input added, every output paid, the protocol share
// ⌊fee·protocol_fee_share⌋ of each side's fee removed; the pool's invariant
// must not have decreased (ErrInvariantBroken otherwise, never expected).
//
// matchFees (nil, or one per order) are the limit orders' fees on their
// matched part (x/dex/math/batch_rebate.go; nil entry: a swap, no rebate):
// after the clearing each limit order gets back ⌊m·a·(f − g)⌋ of its input,
// out of the fee of its side that stayed in the pool.
func (p Pool) ClearPair(denomX, denomY string, orders []dexmath.BatchOrder, matchFees []sdkmath.LegacyDec, now time.Time, protocolShare sdkmath.LegacyDec) (PairClearing, Pool, error) {
	if matchFees != nil && len(matchFees) != len(orders) {
		return PairClearing{}, p, errorsmod.Wrapf(ErrInvalidParams, "%d match fees for %d orders", len(matchFees), len(orders))
	}
	i, j, err := p.Pair(denomX, denomY)
	if err != nil {
		return PairClearing{}, p, err
	}
	curve, err := p.Curve()
	if err != nil {
		return PairClearing{}, p, err
	}
	c, err := curve.ClearBatch(p, i, j, orders, now)
	if err != nil {
		return PairClearing{}, p, WrapMathError(err, "pool %d: clearing %d orders of %s/%s", p.Id, len(orders), denomX, denomY)
	}
	res := PairClearing{DenomX: denomX, DenomY: denomY, BatchClearing: c}
	r := p.Amounts()
	r[i], r[j] = dexmath.BatchReservesAfter(r[i], r[j], c)
	var caps [2]sdkmath.Int
	for s := range caps {
		res.ProtocolFees[s], caps[s] = sdkmath.ZeroInt(), sdkmath.ZeroInt()
		if c.In[s].IsPositive() {
			res.ProtocolFees[s] = ProtocolFee(c.Fees[s], protocolShare)
			caps[s] = sdkmath.MaxInt(c.Fees[s].Sub(res.ProtocolFees[s]), sdkmath.ZeroInt())
		}
	}
	rebateOrders := make([]dexmath.RebateOrder, len(orders))
	for k, o := range orders {
		rebateOrders[k] = dexmath.RebateOrder{Side: o.Side, FilledIn: c.FilledIn[k]}
		if matchFees != nil && c.Filled[k] {
			rebateOrders[k].MatchFee = matchFees[k]
		}
	}
	rb, err := dexmath.BatchRebates(c.In, c.Price, p.SwapFee, rebateOrders, caps)
	if err != nil {
		return PairClearing{}, p, WrapMathError(err, "pool %d: rebates of %s/%s", p.Id, denomX, denomY)
	}
	res.Rebates, res.RebateTotals = rb.Rebates, rb.Totals
	for s, k := range []int{i, j} {
		r[k] = r[k].Sub(res.ProtocolFees[s]).Sub(rb.Totals[s])
		if !r[k].IsPositive() {
			return PairClearing{}, p, errorsmod.Wrapf(ErrInsufficientLiquidity, "clearing would take pool %d's reserve of %s to zero", p.Id, p.Reserves[k].Denom)
		}
	}
	after := p.WithAmounts(r)
	if err := curve.SwapInvariantHolds(p, after, now); err != nil {
		return PairClearing{}, p, err
	}
	return res, after, nil
}
