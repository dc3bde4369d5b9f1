// Package dex is Agora's dex precompile: x/dex's pools, TWAPs, quotes and
// swaps for Solidity contracts at DexAddress (interface
// contracts/precompiles/IAgoraDex.sol, ABI abi.json generated from it).
//
// A swap from a contract is a user swap: the precompile builds the same
// MsgSwapExactIn / MsgSwapExactOut a wallet would sign, with msg.sender as
// the sender, and hands it to x/dex's Msg service — after the circuit
// breaker's check of that message type, as the ante handler does for a
// Cosmos transaction. So it queues into the block's batch (escrow now, fill
// at the end of the block at the uniform price, min_out holds, refund
// otherwise) and counts against the per-pool order cap like everyone
// else's swap. Coins only ever move for msg.sender.
package dex

import (
	"context"
	"embed"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"

	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	cmn "github.com/cosmos/evm/precompiles/common"

	"github.com/agora-labs/agora/precompiles/nativectx"

	dexkeeper "github.com/agora-labs/agora/x/dex/keeper"
	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// DexAddress is the precompile's fixed address.
const DexAddress = "0x0000000000000000000000000000000000000901"

// Method and event names (IAgoraDex.sol).
const (
	MethodPool          = "pool"
	MethodTwap          = "twap"
	MethodTwapOf        = "twapOf"
	MethodQuoteExactIn  = "quoteExactIn"
	MethodQuoteExactOut = "quoteExactOut"
	MethodSwapExactIn   = "swapExactIn"
	MethodSwapExactOut  = "swapExactOut"
	EventSwapQueued     = "SwapQueued"
)

// Gas: a flat cost per method (RequiredGas), charged before the call, plus
// the SDK's KV gas (storetypes.KVGasConfig) of the state the call reads and
// writes (a swap escrows, stores the order and counts its pool slots).
const (
	GasPool  = 2_000
	GasTwap  = 6_000
	GasQuote = 8_000
	GasSwap  = 30_000
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

// Breaker is the circuit breaker (x/circuit's keeper): a swap message type
// it disabled is refused here too.
type Breaker interface {
	IsAllowed(ctx context.Context, typeURL string) (bool, error)
}

// Precompile is the dex precompile.
type Precompile struct {
	cmn.Precompile
	abi.ABI
	keeper  dexkeeper.Keeper
	msgs    dextypes.MsgServer
	breaker Breaker
}

var _ vm.PrecompiledContract = &Precompile{}

// NewPrecompile builds the precompile over x/dex's keeper. bank is the
// bank view the EVM balances follow (x/precisebank): the balance handler
// replays the bank events of a swap's escrow onto the EVM's state.
func NewPrecompile(k dexkeeper.Keeper, breaker Breaker, bank cmn.BankKeeper) *Precompile {
	return &Precompile{
		Precompile: cmn.Precompile{
			KvGasConfig:           storetypes.KVGasConfig(),
			TransientKVGasConfig:  storetypes.TransientGasConfig(),
			ContractAddress:       common.HexToAddress(DexAddress),
			BalanceHandlerFactory: cmn.NewBalanceHandlerFactory(bank),
		},
		ABI:     ABI,
		keeper:  k,
		msgs:    dexkeeper.NewMsgServerImpl(k),
		breaker: breaker,
	}
}

// RequiredGas is the method's flat cost (0 for input that names no method:
// Run refuses it).
func (p Precompile) RequiredGas(input []byte) uint64 {
	if len(input) < 4 {
		return 0
	}
	method, err := p.MethodById(input[:4])
	if err != nil {
		return 0
	}
	switch method.Name {
	case MethodPool:
		return GasPool
	case MethodTwap, MethodTwapOf:
		return GasTwap
	case MethodQuoteExactIn, MethodQuoteExactOut:
		return GasQuote
	case MethodSwapExactIn, MethodSwapExactOut:
		return GasSwap
	}
	return 0
}

// IsTransaction: the swaps write state (a static call to them reverts).
func (Precompile) IsTransaction(m *abi.Method) bool {
	return m.Name == MethodSwapExactIn || m.Name == MethodSwapExactOut
}

// Run executes a call in the EVM's cached Cosmos context; a revert of the
// calling frame reverts what the call did (the state DB journals it).
func (p Precompile) Run(evm *vm.EVM, contract *vm.Contract, readOnly bool) ([]byte, error) {
	return p.RunNativeAction(evm, contract, func(ctx sdk.Context) ([]byte, error) {
		ctx = nativectx.WithTransientStores(evm, ctx)
		method, args, err := cmn.SetupABI(p.ABI, contract, readOnly, p.IsTransaction)
		if err != nil {
			return nil, err
		}
		switch method.Name {
		case MethodPool:
			return p.pool(ctx, method, args)
		case MethodTwap:
			return p.twap(ctx, method, args)
		case MethodTwapOf:
			return p.twapOf(ctx, method, args)
		case MethodQuoteExactIn:
			return p.quoteExactIn(ctx, method, args)
		case MethodQuoteExactOut:
			return p.quoteExactOut(ctx, method, args)
		case MethodSwapExactIn:
			return p.swapExactIn(ctx, evm, contract.Caller(), method, args)
		case MethodSwapExactOut:
			return p.swapExactOut(ctx, evm, contract.Caller(), method, args)
		}
		return nil, fmt.Errorf(cmn.ErrUnknownMethod, method.Name)
	})
}
