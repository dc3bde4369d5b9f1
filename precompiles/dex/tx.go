package dex

import (
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	cmn "github.com/cosmos/evm/precompiles/common"

	timelocktypes "github.com/agora-labs/agora/x/timelock/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// swapExactIn queues a sale of msg.sender's amountIn along the route: the
// MsgSwapExactIn a wallet would send, with the caller as its sender.
func (p Precompile) swapExactIn(ctx sdk.Context, evm *vm.EVM, caller common.Address, method *abi.Method, args []interface{}) ([]byte, error) {
	var in struct {
		Route    []Hop
		DenomIn  string
		AmountIn *big.Int
		MinOut   *big.Int
		Deadline uint64
	}
	if err := method.Inputs.Copy(&in, args); err != nil {
		return nil, err
	}
	amount, err := amountArg("amountIn", in.AmountIn)
	if err != nil {
		return nil, err
	}
	minOut, err := nonNegative("minOut", in.MinOut)
	if err != nil {
		return nil, err
	}
	msg := &dextypes.MsgSwapExactIn{
		Sender: sdk.AccAddress(caller.Bytes()).String(), Route: toRoute(in.Route),
		TokenIn: sdk.Coin{Denom: in.DenomIn, Amount: amount}, MinOut: minOut, Deadline: deadlineArg(in.Deadline),
	}
	if err := p.checkBreaker(ctx, msg); err != nil {
		return nil, err
	}
	res, err := p.msgs.SwapExactIn(ctx, msg)
	if err != nil {
		return nil, err
	}
	if err := p.emitSwapQueued(ctx, evm, caller, res.OrderId, msg.TokenIn, res.TokenOut, minOut, false); err != nil {
		return nil, err
	}
	return method.Outputs.Pack(res.OrderId, res.TokenOut.Amount.BigInt())
}

// swapExactOut queues a purchase of amountOut for at most maxIn of
// msg.sender's denomIn: the MsgSwapExactOut a wallet would send.
func (p Precompile) swapExactOut(ctx sdk.Context, evm *vm.EVM, caller common.Address, method *abi.Method, args []interface{}) ([]byte, error) {
	var in struct {
		Route     []Hop
		DenomIn   string
		AmountOut *big.Int
		MaxIn     *big.Int
		Deadline  uint64
	}
	if err := method.Inputs.Copy(&in, args); err != nil {
		return nil, err
	}
	amount, err := amountArg("amountOut", in.AmountOut)
	if err != nil {
		return nil, err
	}
	maxIn, err := amountArg("maxIn", in.MaxIn)
	if err != nil {
		return nil, err
	}
	route := toRoute(in.Route)
	if err := dextypes.ValidateRoute(route, in.DenomIn); err != nil {
		return nil, err
	}
	tokenOut := sdk.Coin{Denom: route[len(route)-1].DenomOut, Amount: amount}
	msg := &dextypes.MsgSwapExactOut{
		Sender: sdk.AccAddress(caller.Bytes()).String(), Route: route, DenomIn: in.DenomIn,
		TokenOut: tokenOut, MaxIn: maxIn, Deadline: deadlineArg(in.Deadline),
	}
	if err := p.checkBreaker(ctx, msg); err != nil {
		return nil, err
	}
	res, err := p.msgs.SwapExactOut(ctx, msg)
	if err != nil {
		return nil, err
	}
	if err := p.emitSwapQueued(ctx, evm, caller, res.OrderId, res.TokenIn, tokenOut, amount, true); err != nil {
		return nil, err
	}
	return method.Outputs.Pack(res.OrderId, res.TokenIn.Amount.BigInt())
}

// checkBreaker refuses a swap whose message type the guardian paused, with
// the error the ante handler gives a Cosmos transaction.
func (p Precompile) checkBreaker(ctx sdk.Context, msg sdk.Msg) error {
	url := sdk.MsgTypeURL(msg)
	ok, err := p.breaker.IsAllowed(ctx, url)
	if err != nil {
		return err
	}
	if !ok {
		return errorsmod.Wrapf(timelocktypes.ErrMessageDisabled, "%s is paused by the guardian; only a governance proposal re-enables it", url)
	}
	return nil
}

// emitSwapQueued logs SwapQueued(sender, orderId, denomIn, amountIn,
// denomOut, estimatedOut, minOut, exactOut).
func (p Precompile) emitSwapQueued(ctx sdk.Context, evm *vm.EVM, sender common.Address, orderID uint64, in, out sdk.Coin, minOut sdkmath.Int, exactOut bool) error {
	event := p.Events[EventSwapQueued]
	senderTopic, err := cmn.MakeTopic(sender)
	if err != nil {
		return err
	}
	idTopic, err := cmn.MakeTopic(orderID)
	if err != nil {
		return err
	}
	data, err := event.Inputs.NonIndexed().Pack(in.Denom, in.Amount.BigInt(), out.Denom, out.Amount.BigInt(), minOut.BigInt(), exactOut)
	if err != nil {
		return err
	}
	evm.StateDB.AddLog(&ethtypes.Log{
		Address:     p.Address(),
		Topics:      []common.Hash{event.ID, senderTopic, idTopic},
		Data:        data,
		BlockNumber: uint64(ctx.BlockHeight()), //nolint:gosec // heights are positive
	})
	return nil
}

// nonNegative is a uint256 argument as an sdk Int (zero allowed).
func nonNegative(name string, v *big.Int) (sdkmath.Int, error) {
	if v == nil {
		return sdkmath.ZeroInt(), nil
	}
	if v.BitLen() > sdkmath.MaxBitLen {
		return sdkmath.Int{}, errorsmod.Wrapf(dextypes.ErrInvalidAmount, "%s is too large", name)
	}
	return sdkmath.NewIntFromBigInt(v), nil
}
