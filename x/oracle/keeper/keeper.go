// Package keeper holds the oracle's state and the store side of its rules:
// applying one block's aggregated votes (update.go), the guarded prices
// other modules read (prices.go) and the DEX guard (guard.go), queries, the
// params message and genesis. The formulas themselves live in
// x/oracle/math and the vote tally in x/oracle/types/tally.go.
package keeper

import (
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	"cosmossdk.io/log"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/oracle/types"
)

// Keeper is the oracle's state. It is passed by value: every field is a
// handle on the store.
type Keeper struct {
	cdc          codec.BinaryCodec
	storeService store.KVStoreService
	authority    string

	staking types.StakingKeeper
	dex     types.DexKeeper

	Schema           collections.Schema
	Params           collections.Item[types.Params]
	Prices           collections.Map[string, types.PriceRecord]
	HistoricSamples  collections.Map[collections.Pair[string, int64], types.HistoricSample]
	HistoricMedians  collections.Map[string, types.HistoricMedian]
	MissCounters     collections.Map[[]byte, uint64]
	MissWindowBlocks collections.Item[uint64]
}

// NewKeeper builds the keeper. authority is the only address allowed to
// change params (the gov module account); it panics on an address that is
// not valid bech32 or on a missing staking or dex keeper.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, authority string,
	staking types.StakingKeeper, dex types.DexKeeper,
) Keeper {
	if _, err := sdk.AccAddressFromBech32(authority); err != nil {
		panic("x/oracle: invalid authority: " + err.Error())
	}
	if staking == nil || dex == nil {
		panic("x/oracle: the staking and dex keepers are required")
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:          cdc,
		storeService: storeService,
		authority:    authority,
		staking:      staking,
		dex:          dex,
		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Prices: collections.NewMap(sb, types.PricesKey, "prices", collections.StringKey,
			codec.CollValue[types.PriceRecord](cdc)),
		HistoricSamples: collections.NewMap(sb, types.HistoricSamplesKey, "historic_samples",
			collections.PairKeyCodec(collections.StringKey, collections.Int64Key), codec.CollValue[types.HistoricSample](cdc)),
		HistoricMedians: collections.NewMap(sb, types.HistoricMediansKey, "historic_medians", collections.StringKey,
			codec.CollValue[types.HistoricMedian](cdc)),
		MissCounters:     collections.NewMap(sb, types.MissCountersKey, "miss_counters", collections.BytesKey, collections.Uint64Value),
		MissWindowBlocks: collections.NewItem(sb, types.MissWindowBlocksKey, "miss_window_blocks", collections.Uint64Value),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(fmt.Sprintf("oracle: build schema: %v", err))
	}
	k.Schema = schema
	return k
}

// Authority is the address allowed to change params.
func (k Keeper) Authority() string { return k.authority }

// Logger returns the module logger.
func (k Keeper) Logger(ctx sdk.Context) log.Logger {
	return ctx.Logger().With("module", "x/"+types.ModuleName)
}

func errorsIsNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }
