package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// Governance messages: the signer must be the gov module account.

func (k Keeper) checkAuthority(signer string) error {
	if signer != k.authority {
		return errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s; submit this message in a governance proposal", k.authority, signer)
	}
	return nil
}

// SetMarket lists or updates a market.
func (m msgServer) SetMarket(ctx context.Context, msg *types.MsgSetMarket) (*types.MsgSetMarketResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := atomic(ctx, func(ctx sdk.Context) error { return m.Keeper.SetMarket(ctx, msg.Market) }); err != nil {
		return nil, err
	}
	return &types.MsgSetMarketResponse{}, nil
}

// UpdateParams replaces the module parameters.
func (m msgServer) UpdateParams(goCtx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	n, err := m.listedDenoms(ctx)
	if err != nil {
		return nil, err
	}
	if len(n) > int(msg.Params.MaxMarkets) {
		return nil, errorsmod.Wrapf(types.ErrInvalidParams, "max_markets %d is below the %d markets listed", msg.Params.MaxMarkets, len(n))
	}
	if err := m.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventParamsUpdated{}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}
