package types

import (
	"fmt"
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
		return fmt.Errorf("%w: next_pool_id must be positive", ErrInvalidGenesis)
	}
	ids := map[uint64]Pool{}
	keys := map[string]uint64{}
	for _, p := range gs.Pools {
		if err := p.Validate(); err != nil {
			return fmt.Errorf("%w: %v", ErrInvalidGenesis, err)
		}
		if _, dup := ids[p.Id]; dup {
			return fmt.Errorf("%w: duplicate pool id %d", ErrInvalidGenesis, p.Id)
		}
		if p.Id >= gs.NextPoolId {
			return fmt.Errorf("%w: pool id %d is not below next_pool_id %d", ErrInvalidGenesis, p.Id, gs.NextPoolId)
		}
		if other, dup := keys[p.Key()]; dup {
			return fmt.Errorf("%w: pools %d and %d have the same denoms, type and fee", ErrInvalidGenesis, other, p.Id)
		}
		ids[p.Id] = p
		keys[p.Key()] = p.Id
	}
	seen := map[string]bool{}
	for _, r := range gs.TwapRecords {
		p, ok := ids[r.PoolId]
		if !ok {
			return fmt.Errorf("%w: TWAP record of unknown pool %d", ErrInvalidGenesis, r.PoolId)
		}
		_, okB := p.IndexOf(r.BaseDenom)
		_, okQ := p.IndexOf(r.QuoteDenom)
		if !okB || !okQ || r.BaseDenom == r.QuoteDenom {
			return fmt.Errorf("%w: TWAP record pair %s/%s is not a pair of pool %d", ErrInvalidGenesis, r.BaseDenom, r.QuoteDenom, r.PoolId)
		}
		if r.ArithmeticCumulative.IsNil() || r.GeometricCumulative.IsNil() || r.LastSpotPrice.IsNil() || !r.LastSpotPrice.IsPositive() {
			return fmt.Errorf("%w: TWAP record of pool %d %s/%s at %s is incomplete", ErrInvalidGenesis, r.PoolId, r.BaseDenom, r.QuoteDenom, r.Time)
		}
		k := fmt.Sprintf("%d|%s|%s|%d", r.PoolId, r.BaseDenom, r.QuoteDenom, r.Time.UnixNano())
		if seen[k] {
			return fmt.Errorf("%w: duplicate TWAP record of pool %d %s/%s at %s", ErrInvalidGenesis, r.PoolId, r.BaseDenom, r.QuoteDenom, r.Time)
		}
		seen[k] = true
	}
	return nil
}
