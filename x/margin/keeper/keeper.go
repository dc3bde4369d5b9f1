// Package keeper holds x/margin's state and handlers: positions borrow from
// x/lend (each under its own managed account) and trade on x/dex; the
// formulas are x/margin/types' (math.go).
package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// Keeper is x/margin's keeper (passed by value).
type Keeper struct {
	cdc        codec.BinaryCodec
	bank       types.BankKeeper
	lend       types.LendKeeper
	oracle     types.OracleKeeper
	dex        types.DexKeeper
	authority  string
	moduleAddr sdk.AccAddress

	Schema       collections.Schema
	Params       collections.Item[types.Params]
	Pairs        collections.Map[string, types.MarginPair]
	Positions    collections.Map[uint64, types.Position]
	ByOwner      collections.KeySet[collections.Pair[sdk.AccAddress, uint64]]
	NextID       collections.Sequence
	OpenInterest collections.Map[string, types.OpenInterest]
	Insurance    collections.Map[string, sdkmath.Int]
	// Index holds the liquidation and trigger books: (book, key, id) with
	// book "{pair}|{kind}" (index.go).
	Index collections.KeySet[collections.Triple[string, string, uint64]]
	// Deferrals are positions whose liquidation failed, passed over by
	// EndBlock until their retry height (deferral.go).
	Deferrals collections.Map[uint64, types.LiquidationDeferral]
}

// NewKeeper builds the keeper; authority (the gov module account) must be
// a valid address.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, bank types.BankKeeper, lend types.LendKeeper,
	oracle types.OracleKeeper, dex types.DexKeeper, authority string,
) Keeper {
	if _, err := sdk.AccAddressFromBech32(authority); err != nil {
		panic("x/margin: invalid authority: " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc: cdc, bank: bank, lend: lend, oracle: oracle, dex: dex, authority: authority,
		moduleAddr: authtypes.NewModuleAddress(types.ModuleName),

		Params:    collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Pairs:     collections.NewMap(sb, types.PairsKey, "pairs", collections.StringKey, codec.CollValue[types.MarginPair](cdc)),
		Positions: collections.NewMap(sb, types.PositionsKey, "positions", collections.Uint64Key, codec.CollValue[types.Position](cdc)),
		ByOwner: collections.NewKeySet(sb, types.PositionsByOwner, "positions_by_owner",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key)),
		NextID:       collections.NewSequence(sb, types.NextPositionIDKey, "next_position_id"),
		OpenInterest: collections.NewMap(sb, types.OpenInterestKey, "open_interest", collections.StringKey, codec.CollValue[types.OpenInterest](cdc)),
		Insurance:    collections.NewMap(sb, types.InsuranceKey, "insurance", collections.StringKey, sdk.IntValue),
		Index: collections.NewKeySet(sb, types.RiskIndexKey, "risk_index",
			collections.TripleKeyCodec(collections.StringKey, collections.StringKey, collections.Uint64Key)),
		Deferrals: collections.NewMap(sb, types.DeferralsKey, "liquidation_deferrals", collections.Uint64Key,
			codec.CollValue[types.LiquidationDeferral](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority is the address allowed to list pairs and change parameters.
func (k Keeper) Authority() string { return k.authority }

// ModuleAddress is the margin module account: it holds every position's
// holdings and every insurance fund.
func (k Keeper) ModuleAddress() sdk.AccAddress { return k.moduleAddr }

// atomic runs fn in a cached context and writes only when it succeeds.
func atomic(ctx context.Context, fn func(ctx sdk.Context) error) error {
	cache, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	if err := fn(cache); err != nil {
		return err
	}
	write()
	return nil
}
