package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// Governance messages: the signer must be the gov module account.

func (k Keeper) checkAuthority(signer string) error {
	if signer != k.authority {
		return errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s; submit this message in a governance proposal", k.authority, signer)
	}
	return nil
}

// SetCollateralType lists or updates a collateral type.
func (m msgServer) SetCollateralType(ctx context.Context, msg *types.MsgSetCollateralType) (*types.MsgSetCollateralTypeResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := atomic(ctx, func(ctx sdk.Context) error { return m.Keeper.SetCollateralType(ctx, msg.CollateralType) }); err != nil {
		return nil, err
	}
	return &types.MsgSetCollateralTypeResponse{}, nil
}

// UpdateParams replaces the module parameters. A psm_denom that is a
// listed collateral type is refused; the PSM's dollar cannot change while
// the PSM holds any.
func (m msgServer) UpdateParams(goCtx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	old, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	b, err := m.Books.Get(ctx)
	if err != nil {
		return nil, err
	}
	if old.PsmDenom != msg.Params.PsmDenom && b.PsmReserve.IsPositive() {
		return nil, errorsmod.Wrapf(types.ErrInvalidParams, "psm_denom cannot change from %s while the PSM holds %s of it", old.PsmDenom, b.PsmReserve)
	}
	if msg.Params.PsmDenom != "" {
		if listed, err := m.CollateralTypes.Has(ctx, msg.Params.PsmDenom); err != nil {
			return nil, err
		} else if listed {
			return nil, errorsmod.Wrapf(types.ErrInvalidParams, "psm_denom %s is a collateral type", msg.Params.PsmDenom)
		}
	}
	n := 0
	if err := m.CollateralTypes.Walk(ctx, nil, func(string, types.CollateralType) (bool, error) { n++; return false, nil }); err != nil {
		return nil, err
	}
	if n > int(msg.Params.MaxCollateralTypes) {
		return nil, errorsmod.Wrapf(types.ErrInvalidParams, "max_collateral_types %d is below the %d types listed", msg.Params.MaxCollateralTypes, n)
	}
	if err := m.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventParamsUpdated{Params: msg.Params}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}

// Shutdown handles the emergency shutdown.
func (m msgServer) Shutdown(ctx context.Context, msg *types.MsgShutdown) (*types.MsgShutdownResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := atomic(ctx, func(ctx sdk.Context) error { return m.Keeper.Shutdown(ctx) }); err != nil {
		return nil, err
	}
	return &types.MsgShutdownResponse{}, nil
}
