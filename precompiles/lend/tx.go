package lend

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	cmn "github.com/cosmos/evm/precompiles/common"

	lendtypes "github.com/agora-labs/agora/x/lend/types"
)

// transact runs the x/lend message of msg.sender that a (denom, amount)
// method names. collateralize and removeCollateral take the market's denom
// and an amount of its receipts (lend/{denom}).
func (p Precompile) transact(ctx sdk.Context, caller common.Address, method *abi.Method, args []interface{}) ([]byte, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf(cmn.ErrInvalidNumberOfArgs, 2, len(args))
	}
	denom, ok := args[0].(string)
	raw, ok2 := args[1].(*big.Int)
	if !ok || !ok2 {
		return nil, fmt.Errorf("%s takes (string denom, uint256 amount)", method.Name)
	}
	amount, err := positiveAmount("amount", raw)
	if err != nil {
		return nil, err
	}
	coin := sdk.Coin{Denom: denom, Amount: amount}
	receipts := sdk.Coin{Denom: lendtypes.ReceiptDenom(denom), Amount: amount}
	sender := sdk.AccAddress(caller.Bytes()).String()
	var msg sdk.Msg
	switch method.Name {
	case MethodSupply:
		msg = &lendtypes.MsgSupply{Supplier: sender, Amount: coin}
	case MethodWithdraw:
		msg = &lendtypes.MsgWithdraw{Supplier: sender, Amount: coin}
	case MethodSupplyCollateral:
		msg = &lendtypes.MsgSupplyCollateral{Borrower: sender, Amount: coin}
	case MethodCollateralize:
		msg = &lendtypes.MsgCollateralize{Borrower: sender, Amount: receipts}
	case MethodRemoveCollateral:
		msg = &lendtypes.MsgDecollateralize{Borrower: sender, Amount: receipts}
	case MethodBorrow:
		msg = &lendtypes.MsgBorrow{Borrower: sender, Amount: coin}
	case MethodRepay:
		msg = &lendtypes.MsgRepay{Sender: sender, Borrower: sender, Amount: coin}
	default:
		return nil, fmt.Errorf(cmn.ErrUnknownMethod, method.Name)
	}
	if err := p.admit(ctx, msg); err != nil {
		return nil, err
	}
	switch m := msg.(type) {
	case *lendtypes.MsgSupply:
		res, err := p.msgs.Supply(ctx, m)
		if err != nil {
			return nil, err
		}
		return method.Outputs.Pack(res.Receipts.Amount.BigInt())
	case *lendtypes.MsgWithdraw:
		res, err := p.msgs.Withdraw(ctx, m)
		if err != nil {
			return nil, err
		}
		return method.Outputs.Pack(res.Withdrawn.Amount.BigInt())
	case *lendtypes.MsgSupplyCollateral:
		res, err := p.msgs.SupplyCollateral(ctx, m)
		if err != nil {
			return nil, err
		}
		return method.Outputs.Pack(res.CollateralAdded.Amount.BigInt())
	case *lendtypes.MsgCollateralize:
		if _, err := p.msgs.Collateralize(ctx, m); err != nil {
			return nil, err
		}
		return method.Outputs.Pack()
	case *lendtypes.MsgDecollateralize:
		if _, err := p.msgs.Decollateralize(ctx, m); err != nil {
			return nil, err
		}
		return method.Outputs.Pack()
	case *lendtypes.MsgBorrow:
		if _, err := p.msgs.Borrow(ctx, m); err != nil {
			return nil, err
		}
		return method.Outputs.Pack()
	case *lendtypes.MsgRepay:
		res, err := p.msgs.Repay(ctx, m)
		if err != nil {
			return nil, err
		}
		return method.Outputs.Pack(res.Repaid.Amount.BigInt())
	}
	return nil, fmt.Errorf(cmn.ErrUnknownMethod, method.Name)
}

// positiveAmount is a uint256 argument as an SDK Int, refused unless
// positive and within the SDK's 256 bits.
func positiveAmount(name string, v *big.Int) (sdkmath.Int, error) {
	if v == nil || v.Sign() <= 0 || v.BitLen() > sdkmath.MaxBitLen {
		return sdkmath.Int{}, errorsmod.Wrapf(lendtypes.ErrInvalidAmount, "%s must be positive, got %v", name, v)
	}
	return sdkmath.NewIntFromBigInt(v), nil
}

// admit runs the message's stateless checks and the circuit breaker's.
func (p Precompile) admit(ctx sdk.Context, msg sdk.Msg) error {
	if v, ok := msg.(sdk.HasValidateBasic); ok {
		if err := v.ValidateBasic(); err != nil {
			return err
		}
	}
	return p.checkBreaker(ctx, msg)
}
