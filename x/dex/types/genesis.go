package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
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
	return nil
}
