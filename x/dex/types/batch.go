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
func (p Pool) ClearPair(denomX, denomY string, orders []dexmath.BatchOrder, now time.Time, protocolShare sdkmath.LegacyDec) (PairClearing, Pool, error) {
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
	for s, k := range []int{i, j} {
		res.ProtocolFees[s] = sdkmath.ZeroInt()
		if c.In[s].IsPositive() {
			res.ProtocolFees[s] = ProtocolFee(c.Fees[s], protocolShare)
		}
		r[k] = r[k].Sub(res.ProtocolFees[s])
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
