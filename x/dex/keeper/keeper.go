// Package keeper holds x/dex's state and its message, query, genesis and
// end-block handlers. Handlers only load state, call the pure pool
// operations of x/dex/types (which call x/dex/math), move coins and store
// the result.
package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	"cosmossdk.io/log"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// TwapKey identifies one TWAP record: (pool id, "base|quote", time).
type TwapKey = collections.Triple[uint64, string, time.Time]

// Keeper is x/dex's keeper.
type Keeper struct {
	cdc          codec.BinaryCodec
	storeService store.KVStoreService
	bank         types.BankKeeper
	distr        types.DistributionKeeper
	authority    string
	moduleAddr   sdk.AccAddress
	twapConsumer types.TwapConsumer // may be nil

	Schema       collections.Schema
	Params       collections.Item[types.Params]
	NextPoolID   collections.Sequence
	Pools        collections.Map[uint64, types.Pool]
	PoolByKey    collections.Map[string, uint64]
	PoolsByDenom collections.KeySet[collections.Pair[string, uint64]]
	// TouchedPools (transient: emptied at the end of every block) are the
	// pools whose TWAP records EndBlock writes.
	TouchedPools collections.KeySet[uint64]
	// RampingPools are the stableswap pools whose amplification is ramping:
	// their price moves without a trade, so EndBlock records them every
	// block until the ramp ends. At most MaxRampingPools.
	RampingPools collections.KeySet[uint64]
	TwapRecords  collections.Map[TwapKey, types.TwapRecord]
	// TwapPruneIndex holds (t, k) for every record k that has a successor
	// written at time t: once t is older than the window, k is no longer
	// needed to interpolate and is deleted.
	TwapPruneIndex collections.KeySet[collections.Pair[time.Time, TwapKey]]
	// BlockSwapStats (transient) are the swap totals of this block per pool,
	// added to the pool's stats record at the end of the block.
	BlockSwapStats collections.Map[uint64, types.PoolStats]
	// PoolStatsRecords are the pools' cumulative swap totals and reserves at
	// the end of each block that touched them (pruned like TwapRecords).
	PoolStatsRecords collections.Map[PoolStatsKey, types.PoolStatsRecord]
	// PoolStatsPruneIndex holds (t, k) for every stats record k that has a
	// successor written at time t.
	PoolStatsPruneIndex collections.KeySet[collections.Pair[time.Time, PoolStatsKey]]
	// SwapOrders are the swaps queued into a block's batch, kept after
	// settling for OrderHistoryBlocks blocks.
	SwapOrders  collections.Map[uint64, types.SwapOrder]
	NextOrderID collections.Sequence
	// QueuedOrders are the orders escrowed in this block; EndBlock settles
	// and removes every one.
	QueuedOrders collections.KeySet[uint64]
	// OrderPruneIndex holds (height settled, order id) for pruning.
	OrderPruneIndex collections.KeySet[collections.Pair[int64, uint64]]
	// BlockOrderCount (transient) counts the queued hops per pool in this
	// block (max_orders_per_pool_per_block).
	BlockOrderCount collections.Map[uint64, uint64]
	// MempoolOrderCount (transient, written at CheckTx only) counts the
	// swaps per pool waiting in this node's mempool (OrderCapDecorator).
	MempoolOrderCount collections.Map[uint64, uint64]
	// BlockClearingPrices (transient) are, per pool and ordered pair
	// ("base|quote"), the price of base in quote at the pair's last batch
	// clearing of this block; EndBlock's TWAP record uses it instead of the
	// spot price (x/dex/README.md, "TWAP").
	BlockClearingPrices collections.Map[collections.Pair[uint64, string], sdkmath.LegacyDec]

	// Limit orders (limit_orders.go; x/dex/README.md, "Limit orders").
	LimitOrders      collections.Map[uint64, types.LimitOrder]
	NextLimitOrderID collections.Sequence
	// LimitBook holds the open orders by (pool, book side, price ‖ id).
	LimitBook         collections.KeySet[LimitBookKey]
	LimitByOwner      collections.KeySet[collections.Pair[string, uint64]]
	LimitOpenCount    collections.Map[string, uint64]
	LimitExpiryHeight collections.KeySet[collections.Pair[int64, uint64]]
	LimitExpiryTime   collections.KeySet[collections.Pair[time.Time, uint64]]
	LimitFills        collections.Map[collections.Pair[uint64, int64], types.LimitOrderFill]
	LimitPruneIndex   collections.KeySet[collections.Pair[int64, uint64]]
	// ActiveBooks (transient) are the (pool, "x|y") pairs whose books clear
	// at the end of this block.
	ActiveBooks collections.KeySet[collections.Pair[uint64, string]]
	// RevisitBooks are the books to clear again in the next block.
	RevisitBooks collections.KeySet[collections.Pair[uint64, string]]
}

// LimitBookKey is an open order's place in a pool's book: (pool id,
// types.BookSide, types.BookKey).
type LimitBookKey = collections.Triple[uint64, string, []byte]

// PoolStatsKey identifies one pool stats record: (pool id, time).
type PoolStatsKey = collections.Pair[uint64, time.Time]

// NewKeeper builds the keeper. authority is the gov module account;
// transientService is the dex's transient store (per-block scratch state);
// twapConsumer (may be nil) bounds how short governance may make the TWAP
// window.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, transientService store.TransientStoreService,
	bank types.BankKeeper, distr types.DistributionKeeper, authority string, twapConsumer types.TwapConsumer,
) Keeper {
	if _, err := sdk.AccAddressFromBech32(authority); err != nil {
		panic("x/dex: invalid authority: " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	tsb := collections.NewSchemaBuilderFromAccessor(transientService.OpenTransientStore)
	// collections v1.3 has no time key codec; sdk.TimeKey is the SDK's own
	// (deprecated only in favour of one collections does not ship yet).
	//lint:ignore SA1019 no replacement in the collections version we use
	twapKeyCodec := collections.TripleKeyCodec(collections.Uint64Key, collections.StringKey, sdk.TimeKey)
	//lint:ignore SA1019 see twapKeyCodec
	statsKeyCodec := collections.PairKeyCodec(collections.Uint64Key, sdk.TimeKey)
	k := Keeper{
		cdc:          cdc,
		storeService: storeService,
		bank:         bank,
		distr:        distr,
		authority:    authority,
		moduleAddr:   authtypes.NewModuleAddress(types.ModuleName),
		twapConsumer: twapConsumer,

		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		NextPoolID:   collections.NewSequence(sb, types.NextPoolIDKey, "next_pool_id"),
		Pools:        collections.NewMap(sb, types.PoolsKey, "pools", collections.Uint64Key, codec.CollValue[types.Pool](cdc)),
		PoolByKey:    collections.NewMap(sb, types.PoolByKeyKey, "pool_by_key", collections.StringKey, collections.Uint64Value),
		PoolsByDenom: collections.NewKeySet(sb, types.PoolsByDenomKey, "pools_by_denom", collections.PairKeyCodec(collections.StringKey, collections.Uint64Key)),
		TouchedPools: collections.NewKeySet(tsb, types.TouchedPoolsKey, "touched_pools", collections.Uint64Key),
		RampingPools: collections.NewKeySet(sb, types.RampingPoolsKey, "ramping_pools", collections.Uint64Key),
		TwapRecords:  collections.NewMap(sb, types.TwapRecordsKey, "twap_records", twapKeyCodec, codec.CollValue[types.TwapRecord](cdc)),
		TwapPruneIndex: collections.NewKeySet(sb, types.TwapPruneIndexKey, "twap_prune_index",
			//lint:ignore SA1019 see twapKeyCodec
			collections.PairKeyCodec(sdk.TimeKey, twapKeyCodec)),
		BlockSwapStats: collections.NewMap(tsb, types.BlockSwapStatsKey, "block_swap_stats", collections.Uint64Key, codec.CollValue[types.PoolStats](cdc)),
		PoolStatsRecords: collections.NewMap(sb, types.PoolStatsRecordsKey, "pool_stats_records", statsKeyCodec,
			codec.CollValue[types.PoolStatsRecord](cdc)),
		PoolStatsPruneIndex: collections.NewKeySet(sb, types.PoolStatsPruneIndexKey, "pool_stats_prune_index",
			//lint:ignore SA1019 see twapKeyCodec
			collections.PairKeyCodec(sdk.TimeKey, statsKeyCodec)),
		SwapOrders:      collections.NewMap(sb, types.SwapOrdersKey, "swap_orders", collections.Uint64Key, codec.CollValue[types.SwapOrder](cdc)),
		NextOrderID:     collections.NewSequence(sb, types.NextOrderIDKey, "next_order_id"),
		QueuedOrders:    collections.NewKeySet(sb, types.QueuedOrdersKey, "queued_orders", collections.Uint64Key),
		OrderPruneIndex: collections.NewKeySet(sb, types.OrderPruneIndexKey, "order_prune_index", collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)),
		BlockOrderCount: collections.NewMap(tsb, types.BlockOrderCountKey, "block_order_count", collections.Uint64Key, collections.Uint64Value),
		MempoolOrderCount: collections.NewMap(tsb, types.MempoolOrderCountKey, "mempool_order_count",
			collections.Uint64Key, collections.Uint64Value),
		BlockClearingPrices: collections.NewMap(tsb, types.BlockClearingPricesKey, "block_clearing_prices",
			collections.PairKeyCodec(collections.Uint64Key, collections.StringKey), sdk.LegacyDecValue),

		LimitOrders:      collections.NewMap(sb, types.LimitOrdersKey, "limit_orders", collections.Uint64Key, codec.CollValue[types.LimitOrder](cdc)),
		NextLimitOrderID: collections.NewSequence(sb, types.NextLimitOrderIDKey, "next_limit_order_id"),
		LimitBook: collections.NewKeySet(sb, types.LimitBookKey, "limit_book",
			collections.TripleKeyCodec(collections.Uint64Key, collections.StringKey, collections.BytesKey)),
		LimitByOwner:   collections.NewKeySet(sb, types.LimitOwnerKey, "limit_by_owner", collections.PairKeyCodec(collections.StringKey, collections.Uint64Key)),
		LimitOpenCount: collections.NewMap(sb, types.LimitOpenCountKey, "limit_open_count", collections.StringKey, collections.Uint64Value),
		LimitExpiryHeight: collections.NewKeySet(sb, types.LimitExpiryHeightKey, "limit_expiry_height",
			collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)),
		LimitExpiryTime: collections.NewKeySet(sb, types.LimitExpiryTimeKey, "limit_expiry_time",
			//lint:ignore SA1019 see twapKeyCodec
			collections.PairKeyCodec(sdk.TimeKey, collections.Uint64Key)),
		LimitFills: collections.NewMap(sb, types.LimitFillsKey, "limit_fills",
			collections.PairKeyCodec(collections.Uint64Key, collections.Int64Key), codec.CollValue[types.LimitOrderFill](cdc)),
		LimitPruneIndex: collections.NewKeySet(sb, types.LimitPruneIndexKey, "limit_prune_index",
			collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)),
		ActiveBooks: collections.NewKeySet(tsb, types.ActiveBooksKey, "active_books",
			collections.PairKeyCodec(collections.Uint64Key, collections.StringKey)),
		RevisitBooks: collections.NewKeySet(sb, types.RevisitBooksKey, "revisit_books",
			collections.PairKeyCodec(collections.Uint64Key, collections.StringKey)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	if _, err := tsb.Build(); err != nil {
		panic(err)
	}
	return k
}

// Authority is the address allowed to change parameters and pause pools.
func (k Keeper) Authority() string { return k.authority }

// ModuleAddress is the dex module account, which holds every pool's
// reserves.
func (k Keeper) ModuleAddress() sdk.AccAddress { return k.moduleAddr }

// GetParams returns the parameters.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.Params.Get(ctx)
}

func (k Keeper) logger(ctx context.Context) log.Logger {
	return sdk.UnwrapSDKContext(ctx).Logger().With("module", "x/"+types.ModuleName)
}
