package devgenesis

import (
	"fmt"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/app"
	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// SeedTokenPairs makes every denom the seeds created an ERC-20 too (the
// default genesis already pairs the assets): the bank metadata's denoms and
// the seeded pools' LP shares (app/erc20_pairs.go). It runs after the other
// seeds.
func SeedTokenPairs(cdc codec.JSONCodec, gen app.GenesisState, _ map[string]sdk.AccAddress) error {
	var bank banktypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[banktypes.ModuleName], &bank); err != nil {
		return fmt.Errorf("bank genesis: %w", err)
	}
	var denoms []string
	for _, m := range bank.DenomMetadata {
		denoms = append(denoms, m.Base)
	}
	var dexGen dextypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[dextypes.ModuleName], &dexGen); err != nil {
		return fmt.Errorf("dex genesis: %w", err)
	}
	for _, p := range dexGen.Pools {
		denoms = append(denoms, p.ShareDenom)
	}
	return app.AddTokenPairs(cdc, gen, denoms)
}
