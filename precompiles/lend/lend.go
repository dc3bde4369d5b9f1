// Package lend is Agora's money-market precompile: x/lend's supply,
// withdraw, collateral, borrow and repay for msg.sender, and any account's
// position and health factor, at LendAddress (interface
// contracts/precompiles/IAgoraLend.sol, ABI abi.json generated from it).
//
// Each transaction method builds the x/lend message of msg.sender and
// hands it to x/lend's Msg service, after the circuit breaker's check of
// that message type: the same checks and errors as a Cosmos transaction,
// and coins only ever move for msg.sender.
package lend

import (
	"context"
	"embed"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	cmn "github.com/cosmos/evm/precompiles/common"

	"github.com/agora-labs/agora/precompiles/nativectx"

	lendkeeper "github.com/agora-labs/agora/x/lend/keeper"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
	timelocktypes "github.com/agora-labs/agora/x/timelock/types"
)

// LendAddress is the precompile's fixed address.
const LendAddress = "0x0000000000000000000000000000000000000902"

// Method names (IAgoraLend.sol).
const (
	MethodSupply           = "supply"
	MethodWithdraw         = "withdraw"
	MethodSupplyCollateral = "supplyCollateral"
	MethodBorrow           = "borrow"
	MethodRepay            = "repay"
	MethodPosition         = "position"
)

// Gas: a flat cost per method plus the SDK's KV gas of what it touches.
const (
	GasTx       = 30_000
	GasPosition = 10_000
)

//go:embed abi.json
var abiFS embed.FS

// ABI is the precompile's ABI (abi.json).
var ABI abi.ABI

func init() {
	var err error
	if ABI, err = cmn.LoadABI(abiFS, "abi.json"); err != nil {
		panic(err)
	}
}

// Breaker is the circuit breaker (x/circuit's keeper).
type Breaker interface {
	IsAllowed(ctx context.Context, typeURL string) (bool, error)
}

// Precompile is the lend precompile.
type Precompile struct {
	cmn.Precompile
	abi.ABI
	msgs    lendtypes.MsgServer
	queries lendtypes.QueryServer
	breaker Breaker
}

var _ vm.PrecompiledContract = &Precompile{}

// NewPrecompile builds the precompile over x/lend's keeper; bank is the
// EVM's bank view (x/precisebank) for the balance handler.
func NewPrecompile(k lendkeeper.Keeper, breaker Breaker, bank cmn.BankKeeper) *Precompile {
	return &Precompile{
		Precompile: cmn.Precompile{
			KvGasConfig:           storetypes.KVGasConfig(),
			TransientKVGasConfig:  storetypes.TransientGasConfig(),
			ContractAddress:       common.HexToAddress(LendAddress),
			BalanceHandlerFactory: cmn.NewBalanceHandlerFactory(bank),
		},
		ABI:     ABI,
		msgs:    lendkeeper.NewMsgServerImpl(k),
		queries: lendkeeper.NewQueryServerImpl(k),
		breaker: breaker,
	}
}

// RequiredGas is the method's flat cost.
func (p Precompile) RequiredGas(input []byte) uint64 {
	if len(input) < 4 {
		return 0
	}
	method, err := p.MethodById(input[:4])
	if err != nil {
		return 0
	}
	if method.Name == MethodPosition {
		return GasPosition
	}
	return GasTx
}

// IsTransaction: every method but position writes state.
func (Precompile) IsTransaction(m *abi.Method) bool { return m.Name != MethodPosition }

// Run executes a call in the EVM's cached Cosmos context.
func (p Precompile) Run(evm *vm.EVM, contract *vm.Contract, readOnly bool) ([]byte, error) {
	return p.RunNativeAction(evm, contract, func(ctx sdk.Context) ([]byte, error) {
		ctx = nativectx.WithTransientStores(evm, ctx)
		method, args, err := cmn.SetupABI(p.ABI, contract, readOnly, p.IsTransaction)
		if err != nil {
			return nil, err
		}
		if method.Name == MethodPosition {
			return p.position(ctx, method, args)
		}
		return p.transact(ctx, contract.Caller(), method, args)
	})
}

// transact runs the x/lend message of msg.sender that the method names.
func (p Precompile) transact(ctx sdk.Context, caller common.Address, method *abi.Method, args []interface{}) ([]byte, error) {
	var in struct {
		Denom  string
		Amount *big.Int
	}
	if err := method.Inputs.Copy(&in, args); err != nil {
		return nil, err
	}
	if in.Amount == nil || in.Amount.Sign() <= 0 || in.Amount.BitLen() > sdkmath.MaxBitLen {
		return nil, errorsmod.Wrapf(lendtypes.ErrInvalidAmount, "amount must be positive, got %v", in.Amount)
	}
	coin := sdk.Coin{Denom: in.Denom, Amount: sdkmath.NewIntFromBigInt(in.Amount)}
	sender := sdk.AccAddress(caller.Bytes()).String()
	var msg sdk.Msg
	switch method.Name {
	case MethodSupply:
		msg = &lendtypes.MsgSupply{Supplier: sender, Amount: coin}
	case MethodWithdraw:
		msg = &lendtypes.MsgWithdraw{Supplier: sender, Amount: coin}
	case MethodSupplyCollateral:
		msg = &lendtypes.MsgSupplyCollateral{Borrower: sender, Amount: coin}
	case MethodBorrow:
		msg = &lendtypes.MsgBorrow{Borrower: sender, Amount: coin}
	case MethodRepay:
		msg = &lendtypes.MsgRepay{Sender: sender, Borrower: sender, Amount: coin}
	default:
		return nil, fmt.Errorf(cmn.ErrUnknownMethod, method.Name)
	}
	if v, ok := msg.(sdk.HasValidateBasic); ok {
		if err := v.ValidateBasic(); err != nil {
			return nil, err
		}
	}
	if err := p.checkBreaker(ctx, msg); err != nil {
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

// position is x/lend's Position query, in a throw-away context (the query
// accrues the markets, which a view must not write).
func (p Precompile) position(ctx sdk.Context, method *abi.Method, args []interface{}) ([]byte, error) {
	var in struct{ Account common.Address }
	if err := method.Inputs.Copy(&in, args); err != nil {
		return nil, err
	}
	scratch, _ := ctx.CacheContext()
	res, err := p.queries.Position(scratch, &lendtypes.QueryPositionRequest{Address: sdk.AccAddress(in.Account.Bytes()).String()})
	if err != nil {
		return nil, err
	}
	return method.Outputs.Pack(res.BorrowLimit.BigInt(), res.WeightedCollateral.BigInt(), res.DebtValue.BigInt(), res.HealthFactor.BigInt(), res.PriceError)
}

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
