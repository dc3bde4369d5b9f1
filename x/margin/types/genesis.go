package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultGenesis: default params, no pairs, no positions; ids start at 1.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextPositionId: 1}
}

// Validate checks a genesis state: params, pairs (no duplicates), positions
// in listed pairs with ids below next_position_id and positive holdings,
// funds of listed pairs in their quote denom.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	pairs := map[string]MarginPair{}
	for _, p := range gs.Pairs {
		if err := p.Validate(); err != nil {
			return err
		}
		if _, dup := pairs[p.ID()]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pair %s listed twice", p.ID())
		}
		pairs[p.ID()] = p
	}
	if gs.NextPositionId == 0 {
		return errorsmod.Wrapf(ErrInvalidGenesis, "next_position_id must be positive")
	}
	seen := map[uint64]bool{}
	for _, pos := range gs.Positions {
		pair, ok := pairs[pos.Pair]
		switch {
		case !ok:
			return errorsmod.Wrapf(ErrInvalidGenesis, "position %d: unknown pair %s", pos.Id, pos.Pair)
		case pos.Id == 0 || pos.Id >= gs.NextPositionId || seen[pos.Id]:
			return errorsmod.Wrapf(ErrInvalidGenesis, "position %d: id duplicated, zero or not below next_position_id %d", pos.Id, gs.NextPositionId)
		case pos.Side != SIDE_LONG && pos.Side != SIDE_SHORT:
			return errorsmod.Wrapf(ErrInvalidGenesis, "position %d: invalid side", pos.Id)
		case pos.Holdings.Denom != pair.HoldDenom(pos.Side) || !pos.Holdings.Amount.IsPositive():
			return errorsmod.Wrapf(ErrInvalidGenesis, "position %d: holdings %s must be positive %s", pos.Id, pos.Holdings, pair.HoldDenom(pos.Side))
		case pos.Account != PositionAccount(pos.Id).String():
			return errorsmod.Wrapf(ErrInvalidGenesis, "position %d: account is not the position's derived account", pos.Id)
		}
		if _, err := sdk.AccAddressFromBech32(pos.Owner); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "position %d: owner: %v", pos.Id, err)
		}
		seen[pos.Id] = true
	}
	for _, f := range gs.InsuranceFunds {
		pair, ok := pairs[f.Pair]
		if !ok || f.Balance.Denom != pair.QuoteDenom || f.Balance.IsNegative() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "insurance fund %s: unknown pair or not in its quote denom", f.Pair)
		}
	}
	return nil
}
