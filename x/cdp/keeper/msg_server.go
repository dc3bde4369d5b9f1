package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

type msgServer struct{ Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the Msg service: thin handlers over the keeper.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{k} }

func addr(s string) sdk.AccAddress { return sdk.MustAccAddressFromBech32(s) }

// OpenVault handles MsgOpenVault.
func (m msgServer) OpenVault(ctx context.Context, msg *types.MsgOpenVault) (*types.MsgOpenVaultResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	id, err := m.Keeper.OpenVault(ctx, addr(msg.Owner), msg.Collateral, msg.Mint)
	if err != nil {
		return nil, err
	}
	return &types.MsgOpenVaultResponse{VaultId: id}, nil
}

// Deposit handles MsgDeposit.
func (m msgServer) Deposit(ctx context.Context, msg *types.MsgDeposit) (*types.MsgDepositResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.Deposit(ctx, addr(msg.Sender), msg.VaultId, msg.Amount); err != nil {
		return nil, err
	}
	return &types.MsgDepositResponse{}, nil
}

// Withdraw handles MsgWithdraw.
func (m msgServer) Withdraw(ctx context.Context, msg *types.MsgWithdraw) (*types.MsgWithdrawResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.Withdraw(ctx, addr(msg.Owner), msg.VaultId, msg.Amount); err != nil {
		return nil, err
	}
	return &types.MsgWithdrawResponse{}, nil
}

// Mint handles MsgMint.
func (m msgServer) Mint(ctx context.Context, msg *types.MsgMint) (*types.MsgMintResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.Mint(ctx, addr(msg.Owner), msg.VaultId, msg.Amount); err != nil {
		return nil, err
	}
	return &types.MsgMintResponse{}, nil
}

// Repay handles MsgRepay.
func (m msgServer) Repay(ctx context.Context, msg *types.MsgRepay) (*types.MsgRepayResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	repaid, err := m.Keeper.Repay(ctx, addr(msg.Sender), msg.VaultId, msg.Amount, msg.All)
	if err != nil {
		return nil, err
	}
	return &types.MsgRepayResponse{Repaid: repaid}, nil
}

// CloseVault handles MsgCloseVault.
func (m msgServer) CloseVault(ctx context.Context, msg *types.MsgCloseVault) (*types.MsgCloseVaultResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	repaid, returned, err := m.Keeper.CloseVault(ctx, addr(msg.Owner), msg.VaultId)
	if err != nil {
		return nil, err
	}
	return &types.MsgCloseVaultResponse{Repaid: repaid, Returned: returned}, nil
}

// TransferVault handles MsgTransferVault.
func (m msgServer) TransferVault(ctx context.Context, msg *types.MsgTransferVault) (*types.MsgTransferVaultResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.TransferVault(ctx, addr(msg.Owner), msg.VaultId, addr(msg.NewOwner)); err != nil {
		return nil, err
	}
	return &types.MsgTransferVaultResponse{}, nil
}

// Liquidate handles MsgLiquidate.
func (m msgServer) Liquidate(ctx context.Context, msg *types.MsgLiquidate) (*types.MsgLiquidateResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	reward, err := m.Keeper.Liquidate(ctx, addr(msg.Liquidator), msg.VaultId)
	if err != nil {
		return nil, err
	}
	return &types.MsgLiquidateResponse{Reward: reward}, nil
}

// PoolDeposit handles MsgPoolDeposit.
func (m msgServer) PoolDeposit(ctx context.Context, msg *types.MsgPoolDeposit) (*types.MsgPoolDepositResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	gains, err := m.Keeper.PoolDeposit(ctx, addr(msg.Depositor), msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgPoolDepositResponse{Gains: gains}, nil
}

// PoolWithdraw handles MsgPoolWithdraw.
func (m msgServer) PoolWithdraw(ctx context.Context, msg *types.MsgPoolWithdraw) (*types.MsgPoolWithdrawResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	out, gains, err := m.Keeper.PoolWithdraw(ctx, addr(msg.Depositor), msg.Amount, msg.All)
	if err != nil {
		return nil, err
	}
	return &types.MsgPoolWithdrawResponse{Withdrawn: out, Gains: gains}, nil
}

// ClaimGains handles MsgClaimGains.
func (m msgServer) ClaimGains(ctx context.Context, msg *types.MsgClaimGains) (*types.MsgClaimGainsResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	gains, err := m.Keeper.ClaimGains(ctx, addr(msg.Depositor))
	if err != nil {
		return nil, err
	}
	return &types.MsgClaimGainsResponse{Gains: gains}, nil
}

// PsmSwapIn handles MsgPsmSwapIn.
func (m msgServer) PsmSwapIn(ctx context.Context, msg *types.MsgPsmSwapIn) (*types.MsgPsmSwapInResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	out, fee, err := m.Keeper.PsmSwapIn(ctx, addr(msg.Sender), msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgPsmSwapInResponse{Out: out, Fee: fee}, nil
}

// PsmSwapOut handles MsgPsmSwapOut.
func (m msgServer) PsmSwapOut(ctx context.Context, msg *types.MsgPsmSwapOut) (*types.MsgPsmSwapOutResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	out, fee, err := m.Keeper.PsmSwapOut(ctx, addr(msg.Sender), msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgPsmSwapOutResponse{Out: out, Fee: fee}, nil
}

// Redeem handles MsgRedeem.
func (m msgServer) Redeem(ctx context.Context, msg *types.MsgRedeem) (*types.MsgRedeemResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	redeemed, out, fee, err := m.Keeper.Redeem(ctx, addr(msg.Sender), msg.Amount, msg.CollateralType, msg.MaxFee)
	if err != nil {
		return nil, err
	}
	return &types.MsgRedeemResponse{Redeemed: redeemed, Collateral: out, Fee: fee}, nil
}

// RedeemSettlement handles MsgRedeemSettlement.
func (m msgServer) RedeemSettlement(ctx context.Context, msg *types.MsgRedeemSettlement) (*types.MsgRedeemSettlementResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	paid, err := m.Keeper.RedeemSettlement(ctx, addr(msg.Sender), msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgRedeemSettlementResponse{Paid: paid}, nil
}
