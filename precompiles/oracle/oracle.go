// Package oracle is Agora's oracle precompile: x/oracle's prices for
// Solidity contracts at OracleAddress (interface
// contracts/precompiles/IAgoraOracle.sol, ABI abi.json generated from it).
// Every method is a view: it reads the keeper through the same API x/lend
// and x/cdp use (Price, CollateralPrice, DebtPrice) and moves no coins.
package oracle

import (
	"context"
	"embed"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"

	storetypes "cosmossdk.io/store/types"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	cmn "github.com/cosmos/evm/precompiles/common"

	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// OracleAddress is the precompile's fixed address.
const OracleAddress = "0x0000000000000000000000000000000000000900"

// Method names (IAgoraOracle.sol).
const (
	MethodPrice           = "price"
	MethodCollateralPrice = "collateralPrice"
	MethodDebtPrice       = "debtPrice"
)

// Gas: a flat cost per method (RequiredGas), charged before the call, plus
// the SDK's KV gas (storetypes.KVGasConfig) of the state the call reads.
const (
	GasPrice        = 2_000
	GasGuardedPrice = 4_000 // also reads the historic median and the dex guard TWAP
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

// Keeper is what the precompile reads of x/oracle.
type Keeper interface {
	Price(ctx context.Context, pair string) (oracletypes.CurrentPrice, error)
	CollateralPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error)
	DebtPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error)
}

// Precompile is the oracle precompile.
type Precompile struct {
	cmn.Precompile
	abi.ABI
	keeper Keeper
}

var _ vm.PrecompiledContract = &Precompile{}

// NewPrecompile builds the precompile over x/oracle's keeper.
func NewPrecompile(k Keeper) *Precompile {
	return &Precompile{
		Precompile: cmn.Precompile{
			KvGasConfig:          storetypes.KVGasConfig(),
			TransientKVGasConfig: storetypes.TransientGasConfig(),
			ContractAddress:      common.HexToAddress(OracleAddress),
		},
		ABI:    ABI,
		keeper: k,
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
	case MethodPrice:
		return GasPrice
	case MethodCollateralPrice, MethodDebtPrice:
		return GasGuardedPrice
	}
	return 0
}

// Run executes a call in the EVM's cached Cosmos context.
func (p Precompile) Run(evm *vm.EVM, contract *vm.Contract, readOnly bool) ([]byte, error) {
	return p.RunNativeAction(evm, contract, func(ctx sdk.Context) ([]byte, error) {
		method, args, err := cmn.SetupABI(p.ABI, contract, readOnly, p.IsTransaction)
		if err != nil {
			return nil, err
		}
		return p.execute(ctx, method, args)
	})
}

// IsTransaction: every method is a view.
func (Precompile) IsTransaction(*abi.Method) bool { return false }

func (p Precompile) execute(ctx sdk.Context, method *abi.Method, args []interface{}) ([]byte, error) {
	pair, err := pairName(args)
	if err != nil {
		return nil, err
	}
	switch method.Name {
	case MethodPrice:
		return p.price(ctx, method, pair)
	case MethodCollateralPrice:
		return p.guarded(ctx, method, pair, p.keeper.CollateralPrice)
	case MethodDebtPrice:
		return p.guarded(ctx, method, pair, p.keeper.DebtPrice)
	}
	return nil, fmt.Errorf(cmn.ErrUnknownMethod, method.Name)
}
