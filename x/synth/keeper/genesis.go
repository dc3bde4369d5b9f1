package keeper

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

// InitGenesis loads a validated genesis state, rebuilding the indexes
// (risk index, pending queue, exchanges by owner, finished list).
func (k Keeper) InitGenesis(ctx sdk.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, c := range gs.Collaterals {
		if err := k.Collaterals.Set(ctx, c.Denom, c); err != nil {
			return err
		}
	}
	for _, s := range gs.CollateralStates {
		if err := k.CollateralStates.Set(ctx, s.Denom, s); err != nil {
			return err
		}
	}
	for _, s := range gs.Synths {
		if err := k.Synths.Set(ctx, s.Symbol, s); err != nil {
			return err
		}
		if err := k.registerSynthMetadata(ctx, s.Symbol); err != nil {
			return err
		}
	}
	for _, s := range gs.SynthStates {
		if err := k.SynthStates.Set(ctx, s.Symbol, s); err != nil {
			return err
		}
	}
	for _, p := range gs.Positions {
		owner := sdk.MustAccAddressFromBech32(p.Owner)
		if err := k.Positions.Set(ctx, collections.Join(owner, p.Denom), p); err != nil {
			return err
		}
		if p.Shares.IsPositive() {
			if err := k.RiskIndex.Set(ctx, collections.Join3(p.Denom, types.RiskKey(p.Collateral, p.Shares), owner)); err != nil {
				return err
			}
		}
	}
	if err := k.Pool.Set(ctx, gs.Pool); err != nil {
		return err
	}
	for _, ex := range gs.Exchanges {
		owner, err := sdk.AccAddressFromBech32(ex.Owner)
		if err != nil {
			return err
		}
		if err := k.Exchanges.Set(ctx, ex.Id, ex); err != nil {
			return err
		}
		if err := k.ExchangesByOwner.Set(ctx, collections.Join(owner, ex.Id)); err != nil {
			return err
		}
		if ex.Status == types.ExchangeStatus_EXCHANGE_STATUS_PENDING {
			err = k.Pending.Set(ctx, ex.Id)
		} else {
			err = k.Finished.Set(ctx, collections.Join(ex.FinishedHeight, ex.Id))
		}
		if err != nil {
			return err
		}
	}
	return k.NextExchangeID.Set(ctx, gs.NextExchangeId)
}

// ExportGenesis writes the whole state.
func (k Keeper) ExportGenesis(ctx sdk.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	var err error
	if gs.Params, err = k.Params.Get(ctx); err != nil {
		return nil, err
	}
	if gs.Pool, err = k.Pool.Get(ctx); err != nil {
		return nil, err
	}
	if gs.NextExchangeId, err = k.NextExchangeID.Peek(ctx); err != nil {
		return nil, err
	}
	if err := k.Collaterals.Walk(ctx, nil, func(_ string, v types.Collateral) (bool, error) {
		gs.Collaterals = append(gs.Collaterals, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.CollateralStates.Walk(ctx, nil, func(_ string, v types.CollateralState) (bool, error) {
		gs.CollateralStates = append(gs.CollateralStates, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Synths.Walk(ctx, nil, func(_ string, v types.Synth) (bool, error) {
		gs.Synths = append(gs.Synths, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.SynthStates.Walk(ctx, nil, func(_ string, v types.SynthState) (bool, error) {
		gs.SynthStates = append(gs.SynthStates, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Positions.Walk(ctx, nil, func(_ PositionKey, v types.Position) (bool, error) {
		gs.Positions = append(gs.Positions, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Exchanges.Walk(ctx, nil, func(_ uint64, v types.Exchange) (bool, error) {
		gs.Exchanges = append(gs.Exchanges, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	return gs, nil
}
