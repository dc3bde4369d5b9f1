package app

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/cosmos/cosmos-sdk/codec"

	erc20types "github.com/cosmos/evm/x/erc20/types"
)

// Bank denoms as ERC-20s (x/erc20 "native coin" token pairs): a pair maps a
// bank denom to an address where x/erc20's ERC-20 precompile serves it
// (balanceOf, transfer, approve… move the bank coin itself; there is no
// separate token to convert). AGR (uagr) is served with the wrapped-token
// extension (deposit/withdraw, as WETH), every other denom as a plain
// ERC-20. Its name, symbol and decimals come from the denom's bank metadata.

// ERC20Address is the fixed address of a bank denom's ERC-20:
// the last 20 bytes of keccak256("agora/erc20/" + denom).
func ERC20Address(denom string) common.Address {
	return common.BytesToAddress(crypto.Keccak256([]byte("agora/erc20/" + denom))[12:])
}

// AddTokenPairs registers each denom that has no pair yet as a native-coin
// token pair in x/erc20's genesis and activates its ERC-20 precompile
// (BondDenom as the wrapped native token).
func AddTokenPairs(cdc codec.JSONCodec, gen GenesisState, denoms []string) error {
	var g erc20types.GenesisState
	if err := cdc.UnmarshalJSON(gen[erc20types.ModuleName], &g); err != nil {
		return fmt.Errorf("erc20 genesis: %w", err)
	}
	paired := map[string]bool{}
	for _, p := range g.TokenPairs {
		paired[p.Denom] = true
	}
	for _, denom := range denoms {
		if paired[denom] {
			continue
		}
		paired[denom] = true
		addr := ERC20Address(denom)
		g.TokenPairs = append(g.TokenPairs, erc20types.NewTokenPair(addr, denom, erc20types.OWNER_MODULE))
		if denom == BondDenom {
			g.NativePrecompiles = append(g.NativePrecompiles, addr.Hex())
		} else {
			g.DynamicPrecompiles = append(g.DynamicPrecompiles, addr.Hex())
		}
	}
	if err := g.Validate(); err != nil {
		return fmt.Errorf("erc20 genesis: %w", err)
	}
	gen[erc20types.ModuleName] = cdc.MustMarshalJSON(&g)
	return nil
}
