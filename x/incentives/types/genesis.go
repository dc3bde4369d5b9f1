package types

import (
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis: default params, no weights, gauges or bonds.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextGaugeId: 1, NextUnbondingId: 1}
}

// Validate checks the params, the weights and each record's shape.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if err := ValidateWeights(gs.PoolWeights); err != nil {
		return err
	}
	for _, g := range gs.Gauges {
		if g.Id == 0 || g.Id >= gs.NextGaugeId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "gauge id %d not in [1, next_gauge_id)", g.Id)
		}
		if g.Coins.Empty() || g.DurationSeconds == 0 || !g.Released.IsAllLTE(g.Coins) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "gauge %d is malformed", g.Id)
		}
	}
	for _, b := range gs.Bonds {
		if b.Shares.IsNil() || !b.Shares.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "bond of %s in pool %d is not positive", b.Owner, b.PoolId)
		}
	}
	for _, u := range gs.Unbondings {
		if u.Id == 0 || u.Id >= gs.NextUnbondingId || u.Shares.IsNil() || !u.Shares.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "unbonding %d is malformed", u.Id)
		}
	}
	return nil
}
