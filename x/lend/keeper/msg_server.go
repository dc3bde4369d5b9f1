package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

type msgServer struct{ Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the Msg service: thin handlers over the keeper.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{k} }

// Supply handles MsgSupply.
func (m msgServer) Supply(ctx context.Context, msg *types.MsgSupply) (*types.MsgSupplyResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	minted, err := m.Keeper.Supply(ctx, sdk.MustAccAddressFromBech32(msg.Supplier), msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgSupplyResponse{Receipts: minted}, nil
}

// Withdraw handles MsgWithdraw.
func (m msgServer) Withdraw(ctx context.Context, msg *types.MsgWithdraw) (*types.MsgWithdrawResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	out, burned, err := m.Keeper.Withdraw(ctx, sdk.MustAccAddressFromBech32(msg.Supplier), msg.Amount, msg.All)
	if err != nil {
		return nil, err
	}
	return &types.MsgWithdrawResponse{Withdrawn: out, ReceiptsBurned: burned}, nil
}

// Collateralize handles MsgCollateralize.
func (m msgServer) Collateralize(ctx context.Context, msg *types.MsgCollateralize) (*types.MsgCollateralizeResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.Collateralize(ctx, sdk.MustAccAddressFromBech32(msg.Borrower), msg.Amount); err != nil {
		return nil, err
	}
	return &types.MsgCollateralizeResponse{}, nil
}

// Decollateralize handles MsgDecollateralize.
func (m msgServer) Decollateralize(ctx context.Context, msg *types.MsgDecollateralize) (*types.MsgDecollateralizeResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.Decollateralize(ctx, sdk.MustAccAddressFromBech32(msg.Borrower), msg.Amount); err != nil {
		return nil, err
	}
	return &types.MsgDecollateralizeResponse{}, nil
}

// SupplyCollateral handles MsgSupplyCollateral.
func (m msgServer) SupplyCollateral(ctx context.Context, msg *types.MsgSupplyCollateral) (*types.MsgSupplyCollateralResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	added, err := m.Keeper.SupplyCollateral(ctx, sdk.MustAccAddressFromBech32(msg.Borrower), msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgSupplyCollateralResponse{CollateralAdded: added}, nil
}

// Borrow handles MsgBorrow.
func (m msgServer) Borrow(ctx context.Context, msg *types.MsgBorrow) (*types.MsgBorrowResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.Borrow(ctx, sdk.MustAccAddressFromBech32(msg.Borrower), msg.Amount); err != nil {
		return nil, err
	}
	return &types.MsgBorrowResponse{}, nil
}

// Repay handles MsgRepay; an empty borrower repays the sender's own debt.
func (m msgServer) Repay(ctx context.Context, msg *types.MsgRepay) (*types.MsgRepayResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	sender := sdk.MustAccAddressFromBech32(msg.Sender)
	borrower := sender
	if msg.Borrower != "" {
		borrower = sdk.MustAccAddressFromBech32(msg.Borrower)
	}
	repaid, err := m.Keeper.Repay(ctx, sender, borrower, msg.Amount, msg.All)
	if err != nil {
		return nil, err
	}
	return &types.MsgRepayResponse{Repaid: repaid}, nil
}

// Liquidate handles MsgLiquidate.
func (m msgServer) Liquidate(ctx context.Context, msg *types.MsgLiquidate) (*types.MsgLiquidateResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	res, err := m.Keeper.Liquidate(ctx, sdk.MustAccAddressFromBech32(msg.Liquidator), sdk.MustAccAddressFromBech32(msg.Borrower),
		msg.RepayDenom, msg.CollateralDenom, msg.MaxRepay, msg.MinCollateralOut)
	if err != nil {
		return nil, err
	}
	return &types.MsgLiquidateResponse{Repaid: res.Repaid, Receipts: res.Receipts, CollateralOut: res.CollateralOut}, nil
}
