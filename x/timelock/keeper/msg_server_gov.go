package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/timelock/types"
)

// UpdateParams replaces the parameters. Its authority is the timelock's own
// address, not gov's: governance must schedule the change, so a shorter
// delay itself waits the current delay (users see it coming).
func (m msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != types.ModuleAddress() {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized,
			"expected the timelock's own address %s, got %s; schedule this message with MsgSchedule in a governance proposal", types.ModuleAddress(), msg.Authority)
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventParamsUpdated{Authority: msg.Authority}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}
