package app

import (
	"fmt"

	"github.com/cosmos/cosmos-sdk/codec"

	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	evmtypes "github.com/cosmos/evm/x/vm/types"
)

// applyEVMDefaults makes AGR the EVM's gas token and sets the fee market:
//   - x/vm: EVM denom uagr, extended (18-decimal) denom aagr, which
//     x/precisebank serves; the decimals come from uagr's bank metadata
//     (display unit agr, exponent 6). The static precompiles of
//     app/precompiles.go are active.
//   - x/erc20: every asset (Assets) is an ERC-20 token pair.
//   - x/feemarket: EIP-1559 on from the first block, starting base fee and
//     floor EVMBaseFee (25 gwei), the Ethereum defaults for the rest (the base fee
//     moves by at most 1/8 a block towards a target of half the block gas).
func applyEVMDefaults(cdc codec.JSONCodec, gen GenesisState) error {
	var vmGen evmtypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[evmtypes.ModuleName], &vmGen); err != nil {
		return fmt.Errorf("evm genesis: %w", err)
	}
	vmGen.Params.EvmDenom = BondDenom
	vmGen.Params.ExtendedDenomOptions = &evmtypes.ExtendedDenomOptions{ExtendedDenom: EVMExtendedDenom}
	vmGen.Params.ActiveStaticPrecompiles = ActiveStaticPrecompiles()
	gen[evmtypes.ModuleName] = cdc.MustMarshalJSON(&vmGen)

	var fmGen feemarkettypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[feemarkettypes.ModuleName], &fmGen); err != nil {
		return fmt.Errorf("feemarket genesis: %w", err)
	}
	fmGen.Params.NoBaseFee = false
	fmGen.Params.EnableHeight = 0
	fmGen.Params.BaseFee = EVMBaseFee
	fmGen.Params.MinGasPrice = EVMBaseFee
	gen[feemarkettypes.ModuleName] = cdc.MustMarshalJSON(&fmGen)

	// Every asset of every genesis is an ERC-20 (app/erc20_pairs.go).
	denoms := make([]string, len(Assets))
	for i, a := range Assets {
		denoms[i] = a.Base
	}
	return AddTokenPairs(cdc, gen, denoms)
}
