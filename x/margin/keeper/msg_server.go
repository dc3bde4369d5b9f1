package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

type msgServer struct{ Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns x/margin's Msg service: thin handlers that
// validate the message and call one keeper method.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{k} }

// OpenPosition opens a position.
func (m msgServer) OpenPosition(ctx context.Context, msg *types.MsgOpenPosition) (*types.MsgOpenPositionResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	msg.PriceLimit = types.OrZero(msg.PriceLimit)
	p, err := m.Keeper.OpenPosition(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgOpenPositionResponse{Position: p}, nil
}

// AddMargin adds margin to a position.
func (m msgServer) AddMargin(ctx context.Context, msg *types.MsgAddMargin) (*types.MsgAddMarginResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	added, err := m.Keeper.AddMargin(ctx, msg.Owner, msg.PositionId, msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgAddMarginResponse{Added: added}, nil
}

// RemoveMargin pays margin out of a position.
func (m msgServer) RemoveMargin(ctx context.Context, msg *types.MsgRemoveMargin) (*types.MsgRemoveMarginResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.RemoveMargin(ctx, msg.Owner, msg.PositionId, msg.Amount); err != nil {
		return nil, err
	}
	return &types.MsgRemoveMarginResponse{}, nil
}

// ClosePosition closes all or part of a position.
func (m msgServer) ClosePosition(ctx context.Context, msg *types.MsgClosePosition) (*types.MsgClosePositionResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	msg.Fraction, msg.PriceLimit = types.OrZero(msg.Fraction), types.OrZero(msg.PriceLimit)
	paid, err := m.Keeper.ClosePosition(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgClosePositionResponse{PaidOut: paid}, nil
}

// SetTriggers sets a position's take-profit and stop-loss.
func (m msgServer) SetTriggers(ctx context.Context, msg *types.MsgSetTriggers) (*types.MsgSetTriggersResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	msg.TakeProfit, msg.StopLoss, msg.PriceLimit = types.OrZero(msg.TakeProfit), types.OrZero(msg.StopLoss), types.OrZero(msg.PriceLimit)
	if err := m.Keeper.SetTriggers(ctx, msg); err != nil {
		return nil, err
	}
	return &types.MsgSetTriggersResponse{}, nil
}

// LiquidatePosition closes a position below maintenance margin.
func (m msgServer) LiquidatePosition(ctx context.Context, msg *types.MsgLiquidatePosition) (*types.MsgLiquidatePositionResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.LiquidatePosition(ctx, msg.PositionId); err != nil {
		return nil, err
	}
	return &types.MsgLiquidatePositionResponse{}, nil
}

// FundInsurance adds to a pair's insurance fund.
func (m msgServer) FundInsurance(ctx context.Context, msg *types.MsgFundInsurance) (*types.MsgFundInsuranceResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.FundInsurance(ctx, sdk.MustAccAddressFromBech32(msg.Sender), msg.Pair, msg.Amount); err != nil {
		return nil, err
	}
	return &types.MsgFundInsuranceResponse{}, nil
}
