package keeper

import (
	"context"
	"sort"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// MempoolBlocksPerPool is how many blocks' worth of swaps on one pool
// (max_orders_per_pool_per_block each) a node's mempool accepts: beyond it,
// CheckTx refuses the swap, which would wait that many blocks anyway.
const MempoolBlocksPerPool = 4

// OrderCapDecorator applies max_orders_per_pool_per_block at CheckTx, where
// the block a transaction will land in is not known yet (x/dex/README.md,
// "Per-pool cap"):
//   - a transaction that queues more swaps on one pool than a block takes is
//     refused (no block could ever include it);
//   - a swap is refused when this node's mempool already holds
//     MempoolBlocksPerPool blocks' worth of swaps on one of its pools. The
//     count lives in the check state's transient store: it is reset at every
//     commit and rebuilt by the mempool's recheck of the transactions still
//     waiting, so it is the number of swaps waiting in the mempool.
//
// The cap of one block is enforced by DeliverTx (queueOrder); the proposer
// keeps a block within it (CapSwapsPerPool), leaving the excess in the
// mempool for the next block. Swaps nested in other messages (authz, gov,
// EVM precompile calls) are counted by DeliverTx only.
type OrderCapDecorator struct{ k Keeper }

// NewOrderCapDecorator returns the decorator for the app's ante chain.
func NewOrderCapDecorator(k Keeper) OrderCapDecorator { return OrderCapDecorator{k: k} }

// AnteHandle implements sdk.AnteDecorator.
func (d OrderCapDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if ctx.IsCheckTx() && !simulate {
		if err := d.k.reserveMempoolSlots(ctx, SwapHopsPerPool(tx.GetMsgs())); err != nil {
			return ctx, err
		}
	}
	return next(ctx, tx, simulate)
}

// PoolHops is the number of swaps (route hops) a transaction queues on one
// pool.
type PoolHops struct {
	PoolID uint64
	Hops   uint64
}

// SwapHopsPerPool counts the hops of msgs' swaps (MsgSwapExactIn,
// MsgSwapExactOut) per pool, in ascending pool id. Routes that fail
// ValidateRoute are skipped: ValidateBasic refuses them with the precise
// error.
func SwapHopsPerPool(msgs []sdk.Msg) []PoolHops {
	counts := map[uint64]uint64{}
	for _, msg := range msgs {
		var route []types.Hop
		switch m := msg.(type) {
		case *types.MsgSwapExactIn:
			route = m.Route
		case *types.MsgSwapExactOut:
			route = m.Route
		default:
			continue
		}
		if types.ValidateRoute(route, "") != nil {
			continue
		}
		for _, h := range route {
			counts[h.PoolId]++
		}
	}
	out := make([]PoolHops, 0, len(counts))
	for id, n := range counts {
		out = append(out, PoolHops{PoolID: id, Hops: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PoolID < out[j].PoolID })
	return out
}

// reserveMempoolSlots counts hops in MempoolOrderCount, refusing the whole
// transaction (ErrTooManyOrders, nothing counted) if it alone exceeds a
// block's cap on a pool or a pool's mempool backlog would exceed
// MempoolBlocksPerPool blocks.
func (k Keeper) reserveMempoolSlots(ctx context.Context, hops []PoolHops) error {
	if len(hops) == 0 {
		return nil
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	perBlock := uint64(params.MaxOrdersPerPoolPerBlock)
	backlog := perBlock * MempoolBlocksPerPool
	counts := make([]uint64, len(hops))
	for n, h := range hops {
		if h.Hops > perBlock {
			return errorsmod.Wrapf(types.ErrTooManyOrders, "the transaction queues %d swaps on pool %d and a block takes at most %d (max_orders_per_pool_per_block); split it",
				h.Hops, h.PoolID, perBlock)
		}
		c, err := k.MempoolOrderCount.Get(ctx, h.PoolID)
		if err != nil && !errorsIsNotFound(err) {
			return err
		}
		if c+h.Hops > backlog {
			return errorsmod.Wrapf(types.ErrTooManyOrders, "pool %d already has %d swaps waiting in this node's mempool, %d blocks' worth at max_orders_per_pool_per_block %d; send it again in a few blocks",
				h.PoolID, c, MempoolBlocksPerPool, perBlock)
		}
		counts[n] = c + h.Hops
	}
	for n, h := range hops {
		if err := k.MempoolOrderCount.Set(ctx, h.PoolID, counts[n]); err != nil {
			return err
		}
	}
	return nil
}
