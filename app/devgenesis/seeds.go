package devgenesis

import (
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
)

// GenesisSeed adds a module's starting state (pools, markets, prices) to a
// devnet or localnet genesis. accounts maps every funded key name to its
// address.
type GenesisSeed func(cdc codec.JSONCodec, gen app.GenesisState, accounts map[string]sdk.AccAddress) error

// Seeds is the one place where modules add what a new user of a local
// network should find at genesis. They run in order, after accounts and
// balances are in place.
var Seeds = []GenesisSeed{SeedDexPools, SeedLendMarkets, SeedCdp, SeedSynth, SeedMargin, SeedIncentives, SeedGovernance, SeedCouncil, SeedTokenPairs}
