package types

import (
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis is the default params and an empty queue.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextOperationId: 1}
}

// Validate checks the params and the operations (unique ids below
// next_operation_id, messages present and bounded, a set eta).
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextOperationId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_operation_id must be at least 1")
	}
	seen := make(map[uint64]bool, len(gs.Operations))
	for _, o := range gs.Operations {
		if o.Id == 0 || o.Id >= gs.NextOperationId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "operation id %d is not in [1, next_operation_id %d)", o.Id, gs.NextOperationId)
		}
		if seen[o.Id] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate operation id %d", o.Id)
		}
		seen[o.Id] = true
		if err := validateMessages(o.Messages); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "operation %d: %s", o.Id, err)
		}
		if o.Eta.IsZero() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "operation %d has no eta", o.Id)
		}
	}
	return nil
}
