package lend

import (
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	lendtypes "github.com/agora-labs/agora/x/lend/types"
)

// liquidate is x/lend's MsgLiquidate with msg.sender as the liquidator:
// it repays from msg.sender's own coins, at most repayAmount (max_repay;
// the precompile requires a positive cap, so a contract never repays an
// unbounded amount), and receives the seized collateral receipts. No
// min_collateral_out: the call returns collateralOut and a contract that
// wants a floor reverts itself (the prices cannot move within the call).
func (p Precompile) liquidate(ctx sdk.Context, caller common.Address, method *abi.Method, args []interface{}) ([]byte, error) {
	var in struct {
		Borrower        common.Address
		RepayDenom      string
		RepayAmount     *big.Int
		CollateralDenom string
	}
	if err := method.Inputs.Copy(&in, args); err != nil {
		return nil, err
	}
	maxRepay, err := positiveAmount("repayAmount", in.RepayAmount)
	if err != nil {
		return nil, err
	}
	msg := &lendtypes.MsgLiquidate{
		Liquidator:       sdk.AccAddress(caller.Bytes()).String(),
		Borrower:         sdk.AccAddress(in.Borrower.Bytes()).String(),
		RepayDenom:       in.RepayDenom,
		CollateralDenom:  in.CollateralDenom,
		MaxRepay:         maxRepay,
		MinCollateralOut: sdkmath.ZeroInt(),
	}
	if err := p.admit(ctx, msg); err != nil {
		return nil, err
	}
	res, err := p.msgs.Liquidate(ctx, msg)
	if err != nil {
		return nil, err
	}
	return method.Outputs.Pack(res.Repaid.Amount.BigInt(), res.Receipts.Amount.BigInt(), res.CollateralOut.BigInt())
}
