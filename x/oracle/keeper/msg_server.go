package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/oracle/types"
)

type msgServer struct{ k Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the oracle's Msg service.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{k: k} }

// UpdateParams replaces the params. Only the authority (gov) may; the new
// params must validate, and twap_lookback_seconds must fit in x/dex's
// twap_window_seconds. Prices, samples and medians of pairs that are no longer
// listed are deleted.
func (m msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if msg.Authority != m.k.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", m.k.authority, msg.Authority)
	}
	if err := m.k.checkLookbackFitsWindow(ctx, msg.Params); err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	if err := m.k.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	if err := m.k.pruneUnlisted(sdkCtx, msg.Params); err != nil {
		return nil, err
	}
	if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventParamsUpdated{Authority: msg.Authority}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}
