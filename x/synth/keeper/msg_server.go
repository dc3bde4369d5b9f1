package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

type msgServer struct{ k Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns x/synth's Msg service: thin handlers that
// validate the message and call one keeper method.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{k: k} }

func addr(s string) sdk.AccAddress {
	a, _ := sdk.AccAddressFromBech32(s) // ValidateBasic checked it
	return a
}

func (s msgServer) Stake(ctx context.Context, m *types.MsgStake) (*types.MsgStakeResponse, error) {
	if err := m.ValidateBasic(); err != nil {
		return nil, err
	}
	return &types.MsgStakeResponse{}, s.k.Stake(ctx, addr(m.Staker), m.Amount)
}

func (s msgServer) Unstake(ctx context.Context, m *types.MsgUnstake) (*types.MsgUnstakeResponse, error) {
	if err := m.ValidateBasic(); err != nil {
		return nil, err
	}
	return &types.MsgUnstakeResponse{}, s.k.Unstake(ctx, addr(m.Staker), m.Amount)
}

func (s msgServer) Mint(ctx context.Context, m *types.MsgMint) (*types.MsgMintResponse, error) {
	if err := m.ValidateBasic(); err != nil {
		return nil, err
	}
	shares, err := s.k.Mint(ctx, addr(m.Staker), m.Denom, m.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgMintResponse{Shares: shares}, nil
}

func (s msgServer) Burn(ctx context.Context, m *types.MsgBurn) (*types.MsgBurnResponse, error) {
	if err := m.ValidateBasic(); err != nil {
		return nil, err
	}
	shares, pending, err := s.k.Burn(ctx, addr(m.Staker), m.Denom, m.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgBurnResponse{Shares: shares, PendingBurnId: pending}, nil
}

func (s msgServer) Exchange(ctx context.Context, m *types.MsgExchange) (*types.MsgExchangeResponse, error) {
	if err := m.ValidateBasic(); err != nil {
		return nil, err
	}
	id, err := s.k.Exchange(ctx, addr(m.Trader), m.Amount, m.ToDenom, m.MinOut)
	if err != nil {
		return nil, err
	}
	return &types.MsgExchangeResponse{ExchangeId: id}, nil
}

func (s msgServer) LiquidateStaker(ctx context.Context, m *types.MsgLiquidateStaker) (*types.MsgLiquidateStakerResponse, error) {
	if err := m.ValidateBasic(); err != nil {
		return nil, err
	}
	out, err := s.k.LiquidateStaker(ctx, addr(m.Liquidator), addr(m.Staker), m.Denom)
	if err != nil {
		return nil, err
	}
	return &types.MsgLiquidateStakerResponse{Reward: sdk.NewCoin(m.Denom, out.Reward)}, nil
}

func (s msgServer) ClaimFees(ctx context.Context, m *types.MsgClaimFees) (*types.MsgClaimFeesResponse, error) {
	if err := m.ValidateBasic(); err != nil {
		return nil, err
	}
	amt, err := s.k.ClaimFees(ctx, addr(m.Staker), m.Denom)
	if err != nil {
		return nil, err
	}
	return &types.MsgClaimFeesResponse{Fees: sdk.NewCoin(types.USDDenom, amt)}, nil
}
