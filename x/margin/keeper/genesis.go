package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// InitGenesis loads the state: params, pairs (not re-checked against lend
// and dex: genesis order), positions (index and open interest rebuilt; each
// position's account registered as managed in x/lend again), funds.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, p := range gs.Pairs {
		if err := k.Pairs.Set(ctx, p.ID(), p); err != nil {
			return err
		}
	}
	if err := k.NextID.Set(ctx, gs.NextPositionId); err != nil {
		return err
	}
	for _, p := range gs.Positions {
		if err := k.lend.RegisterManaged(ctx, types.PositionAccount(p.Id), types.ModuleName); err != nil {
			return err
		}
		if err := k.addOpenInterest(ctx, p.Pair, p.Side, p.BaseSize); err != nil {
			return err
		}
		if err := k.savePosition(ctx, p); err != nil {
			return err
		}
	}
	for _, f := range gs.InsuranceFunds {
		if err := k.Insurance.Set(ctx, f.Pair, f.Balance.Amount); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes the state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	next, err := k.NextID.Peek(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params, NextPositionId: next}
	if err := k.Pairs.Walk(ctx, nil, func(_ string, p types.MarginPair) (bool, error) {
		gs.Pairs = append(gs.Pairs, p)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Positions.Walk(ctx, nil, func(_ uint64, p types.Position) (bool, error) {
		gs.Positions = append(gs.Positions, p)
		return false, nil
	}); err != nil {
		return nil, err
	}
	err = k.Insurance.Walk(ctx, nil, func(id string, v sdkmath.Int) (bool, error) {
		pair, err := k.GetPair(ctx, id)
		if err != nil {
			return true, err
		}
		gs.InsuranceFunds = append(gs.InsuranceFunds, types.InsuranceFund{Pair: id, Balance: sdk.NewCoin(pair.QuoteDenom, v)})
		return false, nil
	})
	return gs, err
}
