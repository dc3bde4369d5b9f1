package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

type msgServer struct{ k Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns x/incentives' Msg service.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{k: k} }

func (m msgServer) Bond(ctx context.Context, msg *types.MsgBond) (*types.MsgBondResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	owner := sdk.MustAccAddressFromBech32(msg.Owner)
	if err := m.k.Bond(ctx, owner, msg.Shares); err != nil {
		return nil, err
	}
	return &types.MsgBondResponse{}, nil
}

func (m msgServer) Unbond(ctx context.Context, msg *types.MsgUnbond) (*types.MsgUnbondResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	u, err := m.k.Unbond(ctx, sdk.MustAccAddressFromBech32(msg.Owner), msg.Shares)
	if err != nil {
		return nil, err
	}
	return &types.MsgUnbondResponse{UnbondingId: u.Id, CompletionTime: u.CompletionTime}, nil
}

func (m msgServer) ClaimRewards(ctx context.Context, msg *types.MsgClaimRewards) (*types.MsgClaimRewardsResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	paid, err := m.k.ClaimRewards(ctx, sdk.MustAccAddressFromBech32(msg.Owner), msg.PoolId)
	if err != nil {
		return nil, err
	}
	return &types.MsgClaimRewardsResponse{Rewards: paid}, nil
}

func (m msgServer) CreateGauge(ctx context.Context, msg *types.MsgCreateGauge) (*types.MsgCreateGaugeResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	id, err := m.k.CreateGauge(ctx, sdk.MustAccAddressFromBech32(msg.Creator), msg.PoolId, msg.Coins, msg.StartTime, msg.DurationSeconds)
	if err != nil {
		return nil, err
	}
	return &types.MsgCreateGaugeResponse{GaugeId: id}, nil
}
