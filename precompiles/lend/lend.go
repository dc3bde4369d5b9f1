// Package lend is Agora's money-market precompile: x/lend's supply,
// withdraw, collateral, borrow, repay and liquidate for msg.sender, and any account's
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

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"

	errorsmod "cosmossdk.io/errors"
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
	MethodCollateralize    = "collateralize"
	MethodRemoveCollateral = "removeCollateral"
	MethodLiquidate        = "liquidate"
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
		switch method.Name {
		case MethodPosition:
			return p.position(ctx, method, args)
		case MethodLiquidate:
			return p.liquidate(ctx, contract.Caller(), method, args)
		}
		return p.transact(ctx, contract.Caller(), method, args)
	})
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
