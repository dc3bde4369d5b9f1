package keeper

import (
	"context"

	"github.com/agora-labs/agora/x/timelock/types"
)

// InitGenesis loads the params and the queued operations.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := gs.UnpackInterfaces(k.cdc.InterfaceRegistry()); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, op := range gs.Operations {
		if err := k.setOperation(ctx, op); err != nil {
			return err
		}
	}
	return k.NextOperationID.Set(ctx, gs.NextOperationId)
}

// ExportGenesis writes the params and the queue, ordered by id.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	next, err := k.NextOperationID.Peek(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params, NextOperationId: next}
	err = k.Operations.Walk(ctx, nil, func(_ uint64, op types.Operation) (bool, error) {
		gs.Operations = append(gs.Operations, op)
		return false, nil
	})
	return gs, err
}
