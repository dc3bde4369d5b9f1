package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultGenesis has default params and no pools.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextPoolId: 1}
}

// Validate checks params, every pool, unique ids below next_pool_id, one
// pool per (denoms, type, fee), and TWAP records that belong to a pool pair.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextPoolId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_pool_id must be positive")
	}
	ids := map[uint64]Pool{}
	keys := map[string]uint64{}
	for _, p := range gs.Pools {
		if err := p.Validate(); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%v", err)
		}
		if _, dup := ids[p.Id]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate pool id %d", p.Id)
		}
		if p.Id >= gs.NextPoolId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pool id %d is not below next_pool_id %d", p.Id, gs.NextPoolId)
		}
		if other, dup := keys[p.Key()]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pools %d and %d have the same denoms, type and fee", other, p.Id)
		}
		ids[p.Id] = p
		keys[p.Key()] = p.Id
	}
	seen := map[string]bool{}
	for _, r := range gs.TwapRecords {
		p, ok := ids[r.PoolId]
		if !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "TWAP record of unknown pool %d", r.PoolId)
		}
		_, okB := p.IndexOf(r.BaseDenom)
		_, okQ := p.IndexOf(r.QuoteDenom)
		if !okB || !okQ || r.BaseDenom == r.QuoteDenom {
			return errorsmod.Wrapf(ErrInvalidGenesis, "TWAP record pair %s/%s is not a pair of pool %d", r.BaseDenom, r.QuoteDenom, r.PoolId)
		}
		if r.ArithmeticCumulative.IsNil() || r.GeometricCumulative.IsNil() || r.LastSpotPrice.IsNil() || !r.LastSpotPrice.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "TWAP record of pool %d %s/%s at %s is incomplete", r.PoolId, r.BaseDenom, r.QuoteDenom, r.Time)
		}
		k := fmt.Sprintf("%d|%s|%s|%d", r.PoolId, r.BaseDenom, r.QuoteDenom, r.Time.UnixNano())
		if seen[k] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate TWAP record of pool %d %s/%s at %s", r.PoolId, r.BaseDenom, r.QuoteDenom, r.Time)
		}
		seen[k] = true
	}
	if err := validateStatsRecords(gs.PoolStatsRecords, ids); err != nil {
		return err
	}
	return validateLimitOrders(gs, ids)
}

// validateLimitOrders: unique ids up to next_limit_order_id, known pools
// and pairs, consistent amounts; fills of kept orders only.
func validateLimitOrders(gs GenesisState, pools map[uint64]Pool) error {
	orders := map[uint64]bool{}
	for _, o := range gs.LimitOrders {
		if o.Id == 0 || o.Id > gs.NextLimitOrderId || orders[o.Id] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "limit order id %d is zero, duplicate or above next_limit_order_id %d", o.Id, gs.NextLimitOrderId)
		}
		orders[o.Id] = true
		p, ok := pools[o.PoolId]
		if !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "limit order %d of unknown pool %d", o.Id, o.PoolId)
		}
		if _, _, err := p.Pair(o.TokenIn.Denom, o.DenomOut); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "limit order %d: %v", o.Id, err)
		}
		if _, err := BookKey(o.LimitPrice, o.Id); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "limit order %d: %v", o.Id, err)
		}
		if o.Remaining.IsNil() || o.FilledIn.IsNil() || o.FilledOut.IsNil() || o.Remaining.IsNegative() || o.FilledIn.IsNegative() ||
			o.FilledOut.IsNegative() || o.TokenIn.Amount.IsNil() || o.Remaining.Add(o.FilledIn).GT(o.TokenIn.Amount) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "limit order %d: amounts do not add up", o.Id)
		}
		if o.Status == LIMIT_ORDER_STATUS_UNSPECIFIED || (!o.IsOpen() && !o.Remaining.IsZero()) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "limit order %d: status %s with remaining %s", o.Id, o.Status, o.Remaining)
		}
	}
	for _, f := range gs.LimitOrderFills {
		if !orders[f.OrderId] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "fill of unknown limit order %d", f.OrderId)
		}
	}
	return nil
}

// validateStatsRecords: every stats record is of a known pool, at most one
// per (pool, time), with valid coins.
func validateStatsRecords(records []PoolStatsRecord, pools map[uint64]Pool) error {
	seen := map[string]bool{}
	for _, r := range records {
		if _, ok := pools[r.PoolId]; !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "stats record of unknown pool %d", r.PoolId)
		}
		c := r.Cumulative
		for _, coins := range []sdk.Coins{c.Volume, c.Fees, c.ProtocolFees, r.Reserves} {
			if err := coins.Validate(); err != nil {
				return errorsmod.Wrapf(ErrInvalidGenesis, "stats record of pool %d at %s: %v", r.PoolId, r.Time, err)
			}
		}
		if r.TotalShares.IsNil() || r.TotalShares.IsNegative() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "stats record of pool %d at %s: total_shares %v", r.PoolId, r.Time, r.TotalShares)
		}
		k := fmt.Sprintf("%d|%d", r.PoolId, r.Time.UnixNano())
		if seen[k] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate stats record of pool %d at %s", r.PoolId, r.Time)
		}
		seen[k] = true
	}
	return nil
}
