package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// InitGenesis loads the state (the genesis must pass Validate).
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, c := range gs.CollateralTypes {
		if err := k.CollateralTypes.Set(ctx, c.Denom, c); err != nil {
			return err
		}
	}
	for _, s := range gs.CollateralStates {
		if err := k.CollateralStates.Set(ctx, s.Denom, s); err != nil {
			return err
		}
	}
	for _, v := range gs.Vaults {
		owner, err := sdk.AccAddressFromBech32(v.Owner)
		if err != nil {
			return err
		}
		if err := k.Vaults.Set(ctx, v.Id, v); err != nil {
			return err
		}
		if err := k.VaultsByOwner.Set(ctx, collections.Join(owner, v.Id)); err != nil {
			return err
		}
		if err := k.RiskIndex.Set(ctx, riskKeyOf(v)); err != nil {
			return err
		}
	}
	if err := k.NextVaultID.Set(ctx, gs.NextVaultId); err != nil {
		return err
	}
	if err := k.Pool.Set(ctx, gs.Pool); err != nil {
		return err
	}
	for _, d := range gs.Deposits {
		a, err := sdk.AccAddressFromBech32(d.Depositor)
		if err != nil {
			return err
		}
		if err := k.PoolDeposits.Set(ctx, a, d); err != nil {
			return err
		}
	}
	for _, s := range gs.Sums {
		if err := k.PoolSums.Set(ctx, collections.Join3(s.Denom, s.Epoch, s.Scale), s.S); err != nil {
			return err
		}
	}
	return k.Books.Set(ctx, gs.Books)
}

// ExportGenesis writes the state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	var err error
	if gs.Params, err = k.Params.Get(ctx); err != nil {
		return nil, err
	}
	if err := k.CollateralTypes.Walk(ctx, nil, func(_ string, c types.CollateralType) (bool, error) {
		gs.CollateralTypes = append(gs.CollateralTypes, c)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.CollateralStates.Walk(ctx, nil, func(_ string, s types.CollateralState) (bool, error) {
		gs.CollateralStates = append(gs.CollateralStates, s)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Vaults.Walk(ctx, nil, func(_ uint64, v types.Vault) (bool, error) {
		gs.Vaults = append(gs.Vaults, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if gs.NextVaultId, err = k.NextVaultID.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.Pool, err = k.Pool.Get(ctx); err != nil {
		return nil, err
	}
	if err := k.PoolDeposits.Walk(ctx, nil, func(_ sdk.AccAddress, d types.PoolDeposit) (bool, error) {
		gs.Deposits = append(gs.Deposits, d)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.PoolSums.Walk(ctx, nil, func(key SumKey, s sdkmath.LegacyDec) (bool, error) {
		gs.Sums = append(gs.Sums, types.SumEntry{Denom: key.K1(), Epoch: key.K2(), Scale: key.K3(), S: s})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if gs.Books, err = k.Books.Get(ctx); err != nil {
		return nil, err
	}
	return gs, nil
}
