package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// InitGenesis loads a validated genesis state.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, m := range gs.Markets {
		if err := k.Markets.Set(ctx, m.Denom, m); err != nil {
			return err
		}
		if err := k.registerReceiptMetadata(ctx, m); err != nil {
			return err
		}
	}
	for _, s := range gs.MarketStates {
		if err := k.MarketStates.Set(ctx, s.Denom, s); err != nil {
			return err
		}
	}
	for _, p := range gs.Positions {
		key := collections.Join(sdk.MustAccAddressFromBech32(p.Address), p.Denom)
		if err := setAmount(ctx, k.Collateral, key, p.Collateral); err != nil {
			return err
		}
		if err := setAmount(ctx, k.ScaledDebt, key, p.ScaledDebt); err != nil {
			return err
		}
	}
	return k.initBackstopGenesis(ctx, gs)
}

// ExportGenesis writes the whole state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if err := k.Markets.Walk(ctx, nil, func(_ string, m types.Market) (bool, error) {
		gs.Markets = append(gs.Markets, m)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.MarketStates.Walk(ctx, nil, func(_ string, s types.MarketState) (bool, error) {
		gs.MarketStates = append(gs.MarketStates, s)
		return false, nil
	}); err != nil {
		return nil, err
	}
	positions := map[string]int{}
	get := func(key PositionKey) *types.Position {
		id := key.K1().String() + "|" + key.K2()
		if i, ok := positions[id]; ok {
			return &gs.Positions[i]
		}
		positions[id] = len(gs.Positions)
		gs.Positions = append(gs.Positions, types.Position{Address: key.K1().String(), Denom: key.K2(),
			Collateral: zero(), ScaledDebt: zero()})
		return &gs.Positions[len(gs.Positions)-1]
	}
	if err := k.Collateral.Walk(ctx, nil, func(key PositionKey, v sdkInt) (bool, error) {
		get(key).Collateral = v
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.ScaledDebt.Walk(ctx, nil, func(key PositionKey, v sdkInt) (bool, error) {
		get(key).ScaledDebt = v
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.exportBackstopGenesis(ctx, gs); err != nil {
		return nil, err
	}
	return gs, nil
}
