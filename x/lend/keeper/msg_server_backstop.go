package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// BackstopStake handles MsgBackstopStake.
func (m msgServer) BackstopStake(ctx context.Context, msg *types.MsgBackstopStake) (*types.MsgBackstopStakeResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	shares, err := m.Keeper.BackstopStake(ctx, sdk.MustAccAddressFromBech32(msg.Staker), msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgBackstopStakeResponse{Shares: shares}, nil
}

// BackstopUnstake handles MsgBackstopUnstake.
func (m msgServer) BackstopUnstake(ctx context.Context, msg *types.MsgBackstopUnstake) (*types.MsgBackstopUnstakeResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	cd, err := m.Keeper.BackstopUnstake(ctx, sdk.MustAccAddressFromBech32(msg.Staker), msg.Amount, msg.All)
	if err != nil {
		return nil, err
	}
	return &types.MsgBackstopUnstakeResponse{Cooldown: cd}, nil
}

// BackstopClaim handles MsgBackstopClaim.
func (m msgServer) BackstopClaim(ctx context.Context, msg *types.MsgBackstopClaim) (*types.MsgBackstopClaimResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	paid, err := m.Keeper.BackstopClaim(ctx, sdk.MustAccAddressFromBech32(msg.Staker), msg.Denom)
	if err != nil {
		return nil, err
	}
	return &types.MsgBackstopClaimResponse{Receipts: paid}, nil
}
