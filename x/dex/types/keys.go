package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the module's name, the name of its module account and
	// its store key.
	ModuleName = "dex"
	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
	// TransientStoreKey is the key of the module's transient store (state
	// that lives for one block: the pools touched in it).
	TransientStoreKey = "transient_" + ModuleName
)

// Store prefixes (see README.md, State). Never renumber.
var (
	ParamsKey         = collections.NewPrefix(0) // Item[Params]
	NextPoolIDKey     = collections.NewPrefix(1) // Sequence
	PoolsKey          = collections.NewPrefix(2) // Map[pool id]Pool
	PoolByKeyKey      = collections.NewPrefix(3) // Map[pool key]pool id: one pool per (denoms, type, fee)
	PoolsByDenomKey   = collections.NewPrefix(4) // KeySet[(denom, pool id)]
	TouchedPoolsKey   = collections.NewPrefix(5) // KeySet[pool id], in the transient store (was persistent prefix 5 before; never reuse 5 there)
	TwapRecordsKey    = collections.NewPrefix(6) // Map[(pool id, "base|quote", time)]TwapRecord
	TwapPruneIndexKey = collections.NewPrefix(7) // KeySet[(successor time, (pool id, "base|quote", time))]
	RampingPoolsKey   = collections.NewPrefix(8) // KeySet[pool id]: stableswap pools whose A is ramping
	// PoolStatsRecordsKey: Map[(pool id, time)]PoolStatsRecord.
	PoolStatsRecordsKey = collections.NewPrefix(9)
	// PoolStatsPruneIndexKey: KeySet[(successor time, (pool id, time))].
	PoolStatsPruneIndexKey = collections.NewPrefix(10)
	// BlockSwapStatsKey: Map[pool id]PoolStats of this block's swaps, in the
	// transient store.
	BlockSwapStatsKey = collections.NewPrefix(11)
	// SwapOrdersKey: Map[order id]SwapOrder (queued swaps and, for
	// OrderHistoryBlocks blocks, their outcome).
	SwapOrdersKey = collections.NewPrefix(12)
	// NextOrderIDKey: Sequence of order ids (starts at 1).
	NextOrderIDKey = collections.NewPrefix(13)
	// QueuedOrdersKey: KeySet[order id] of the orders escrowed in this
	// block (empty after every EndBlock).
	QueuedOrdersKey = collections.NewPrefix(14)
	// OrderPruneIndexKey: KeySet[(height settled, order id)].
	OrderPruneIndexKey = collections.NewPrefix(15)
	// BlockOrderCountKey: Map[pool id]count of queued hops this block, in
	// the transient store.
	BlockOrderCountKey = collections.NewPrefix(16)
)

// Limit order prefixes (x/dex/README.md, "Limit orders: state").
var (
	// LimitOrdersKey: Map[order id]LimitOrder.
	LimitOrdersKey = collections.NewPrefix(17)
	// NextLimitOrderIDKey: Sequence of limit order ids (starts at 1).
	NextLimitOrderIDKey = collections.NewPrefix(18)
	// LimitBookKey: KeySet[(pool id, "denom_in|denom_out", price key ‖ id)]
	// of the open orders, best (lowest limit price) first.
	LimitBookKey = collections.NewPrefix(19)
	// LimitOwnerKey: KeySet[(owner, order id)] of every stored order.
	LimitOwnerKey = collections.NewPrefix(20)
	// LimitOpenCountKey: Map[owner]number of open orders.
	LimitOpenCountKey = collections.NewPrefix(21)
	// LimitExpiryHeightKey: KeySet[(expiry height, order id)] of open orders.
	LimitExpiryHeightKey = collections.NewPrefix(22)
	// LimitExpiryTimeKey: KeySet[(expiry time, order id)] of open orders.
	LimitExpiryTimeKey = collections.NewPrefix(23)
	// LimitFillsKey: Map[(order id, height)]LimitOrderFill.
	LimitFillsKey = collections.NewPrefix(24)
	// LimitPruneIndexKey: KeySet[(height closed, order id)].
	LimitPruneIndexKey = collections.NewPrefix(25)
	// ActiveBooksKey: KeySet[(pool id, "denom_x|denom_y")] of the books to
	// clear at the end of the block, in the transient store.
	ActiveBooksKey = collections.NewPrefix(26)
	// RevisitBooksKey: KeySet[(pool id, "denom_x|denom_y")] of the books
	// with an order that filled partly in a block (the pool's price after
	// the batch may reach it again): they clear again in the next block.
	RevisitBooksKey = collections.NewPrefix(27)
	// BlockClearingPricesKey (transient store): (pool id, "base|quote") →
	// the price of the pair's last batch clearing in this block, which the
	// TWAP records instead of the spot price.
	BlockClearingPricesKey = collections.NewPrefix(28)
	// MempoolOrderCountKey (transient store, check state only): pool id →
	// swaps (route hops) waiting in this node's mempool, counted by
	// keeper.OrderCapDecorator at CheckTx and recounted by the mempool's
	// recheck after every commit.
	MempoolOrderCountKey = collections.NewPrefix(29)
)
