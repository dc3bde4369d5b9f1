package keeper

import (
	"fmt"
	"sort"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dexmath "github.com/agora-labs/agora/x/dex/math"
	"github.com/agora-labs/agora/x/dex/types"
)

// Clearing the block's batch at the end of the block (x/dex/README.md,
// "Batch execution"). Routes clear by depth: first every pool's batch of
// first hops, then every pool's batch of second hops (the outputs of the
// first), and so on. Within a depth each order has one hop, so the pools'
// batches are independent and their order (ascending pool id) changes
// nothing. Each pool's batch runs in its own cached context under recover:
// on any failure its orders stop where they are and are paid back what
// they hold, and the other pools go on.

// OrderHistoryBlocks is how many blocks a settled order's record is kept
// (for the SwapOrder query) before EndBlock prunes it.
const OrderHistoryBlocks = 100_000

// OrderPruneBatch is the most settled order records EndBlock deletes in one
// block on top of the number it settles in that block.
const OrderPruneBatch = 200

// pendingOrder is a queued order while its route clears.
type pendingOrder struct {
	order types.SwapOrder
	holds sdk.Coin // what it holds now: token_in, then each hop's output
	hops  []types.SwapHop
	stop  string // why it stopped ("" while it goes on)
}

func (o *pendingOrder) active(depth int) bool {
	return o.stop == "" && depth < len(o.order.Route)
}

// hopOutcome is what a pool's batch did to one order.
type hopOutcome struct {
	order *pendingOrder
	hop   types.SwapHop
	stop  string
}

// clearBatches settles every queued order. It never fails: errors are
// emitted as EventBatchError.
func (k Keeper) clearBatches(ctx sdk.Context) int {
	orders, err := k.loadQueued(ctx)
	if err != nil {
		k.reportBatchError(ctx, 0, 0, err)
		return 0
	}
	books, err := k.activeBooks(ctx)
	if err != nil {
		k.reportBatchError(ctx, 0, 0, err)
		return 0
	}
	if len(orders) == 0 && len(books) == 0 {
		return 0
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		k.reportBatchError(ctx, 0, 0, err)
		return 0
	}
	for depth := 0; ; depth++ {
		byPool := map[uint64][]*pendingOrder{}
		for _, o := range orders {
			if o.active(depth) {
				id := o.order.Route[depth].PoolId
				byPool[id] = append(byPool[id], o)
			}
		}
		if depth == 0 {
			// Pools whose books were marked clear with their first hops.
			for id := range books {
				if _, ok := byPool[id]; !ok {
					byPool[id] = nil
				}
			}
		}
		if len(byPool) == 0 {
			break
		}
		for _, id := range sortedIDs(byPool) {
			var outcomes []hopOutcome
			var extra []pairKey
			if depth == 0 {
				extra = books[id]
			}
			_, err := k.safely(ctx, id, func(c sdk.Context) (int, error) {
				var err error
				outcomes, err = k.clearPool(c, params, id, depth, byPool[id], extra)
				return 0, err
			})
			if err != nil {
				k.reportBatchError(ctx, id, depth, err)
				for _, o := range byPool[id] {
					o.stop = fmt.Sprintf("pool %d could not clear: %v", id, err)
				}
				continue
			}
			for _, out := range outcomes {
				if out.stop != "" {
					out.order.stop = out.stop
					continue
				}
				out.order.hops = append(out.order.hops, out.hop)
				out.order.holds = out.hop.TokenOut
			}
		}
	}
	for _, o := range orders {
		k.settle(ctx, o)
	}
	return len(orders)
}

func (k Keeper) loadQueued(ctx sdk.Context) ([]*pendingOrder, error) {
	var orders []*pendingOrder
	err := k.QueuedOrders.Walk(ctx, nil, func(id uint64) (bool, error) {
		o, err := k.SwapOrders.Get(ctx, id)
		if err != nil {
			return true, errorsmod.Wrapf(err, "queued order %d", id)
		}
		orders = append(orders, &pendingOrder{order: o, holds: o.TokenIn})
		return false, nil
	})
	return orders, err
}

func sortedIDs(m map[uint64][]*pendingOrder) []uint64 {
	ids := make([]uint64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	return ids
}

// pairKey is a traded pair, its denoms sorted.
type pairKey struct{ x, y string }

// clearPool clears one pool's batch of hop depth (0-based): each traded
// pair at one uniform price, pairs in sorted order. It stores the pool,
// sends the protocol fees and records the swap stats; the caller applies
// the outcomes only if it succeeded.
//
// At depth 0 (first hops) each traded pair's limit-order book joins its
// batch, and so do the books of extra (pairs marked this block).
func (k Keeper) clearPool(ctx sdk.Context, params types.Params, id uint64, depth int, orders []*pendingOrder, extra []pairKey) ([]hopOutcome, error) {
	pool, err := k.getActivePool(ctx, params, id)
	if err != nil {
		return nil, err
	}
	now := ctx.BlockTime()
	byPair := map[pairKey][]*pendingOrder{}
	for _, pk := range extra {
		byPair[pk] = nil
	}
	for _, o := range orders {
		in, out := o.holds.Denom, o.order.Route[depth].DenomOut
		key := pairKey{in, out}
		if out < in {
			key = pairKey{out, in}
		}
		byPair[key] = append(byPair[key], o)
	}
	pairs := make([]pairKey, 0, len(byPair))
	for p := range byPair {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(a, b int) bool {
		return pairs[a].x < pairs[b].x || (pairs[a].x == pairs[b].x && pairs[a].y < pairs[b].y)
	})
	var outcomes []hopOutcome
	for _, pk := range pairs {
		var res []hopOutcome
		pool, res, err = k.clearPair(ctx, params, pool, pk, depth, byPair[pk], now)
		if err != nil {
			return nil, err
		}
		outcomes = append(outcomes, res...)
	}
	return outcomes, nil
}

// clearPair clears one pair's orders against pool and returns the pool
// after.
func (k Keeper) clearPair(ctx sdk.Context, params types.Params, pool types.Pool, pk pairKey, depth int, orders []*pendingOrder, now time.Time) (types.Pool, []hopOutcome, error) {
	var limits []types.LimitOrder
	var limitBatch []dexmath.BatchOrder
	if depth == 0 {
		var err error
		if limits, limitBatch, err = k.loadPairBooks(ctx, params, pool.Id, pk); err != nil {
			return pool, nil, err
		}
	}
	if len(orders) == 0 && len(limits) == 0 {
		return pool, nil, nil
	}
	batch := make([]dexmath.BatchOrder, len(orders), len(orders)+len(limitBatch))
	for n, o := range orders {
		side := dexmath.SideSellX
		if o.holds.Denom == pk.y {
			side = dexmath.SideSellY
		}
		minOut := sdkmath.OneInt()
		if depth == len(o.order.Route)-1 && o.order.MinOut.GT(minOut) {
			minOut = o.order.MinOut
		}
		batch[n] = dexmath.BatchOrder{Side: side, Amount: o.holds.Amount, MinOut: minOut}
	}
	batch = append(batch, limitBatch...)
	var matchFees []sdkmath.LegacyDec
	if len(limits) > 0 {
		matchFees = make([]sdkmath.LegacyDec, len(batch))
		for n, o := range limits {
			matchFees[len(orders)+n] = params.LimitMatchFee(isMaker(ctx, o))
		}
	}
	c, after, err := pool.ClearPair(pk.x, pk.y, batch, matchFees, now, params.ProtocolFeeShare)
	if err != nil {
		return pool, nil, err
	}
	price, err := c.Price.Dec()
	if err != nil {
		price = sdkmath.LegacyZeroDec()
	}
	outcomes := make([]hopOutcome, len(orders))
	var hops []types.SwapHop
	denoms := [2]string{pk.x, pk.y}
	filled := uint32(0)
	for n, o := range orders {
		s := batch[n].Side
		if !c.Filled[n] {
			would := c.Rates[s].Apply(batch[n].Amount.BigInt())
			outcomes[n] = hopOutcome{order: o, stop: fmt.Sprintf(
				"hop %d (pool %d): the batch's uniform price pays %s%s for %s, below the minimum %s%s",
				depth+1, pool.Id, would, denoms[1-s], o.holds, batch[n].MinOut, denoms[1-s])}
			continue
		}
		filled++
		hop := types.SwapHop{
			PoolId:        pool.Id,
			TokenIn:       o.holds,
			TokenOut:      sdk.Coin{Denom: denoms[1-s], Amount: c.Out[n]},
			Fee:           sdk.Coin{Denom: denoms[s], Amount: proRata(c.Fees[s], batch[n].Amount, c.In[s])},
			ProtocolFee:   sdk.Coin{Denom: denoms[s], Amount: proRata(c.ProtocolFees[s], batch[n].Amount, c.In[s])},
			ReservesAfter: after.Reserves,
		}
		outcomes[n] = hopOutcome{order: o, hop: hop}
		hops = append(hops, hop)
	}
	var limitHops []types.SwapHop
	for n, o := range limits {
		b := len(orders) + n
		if !c.Filled[b] {
			continue
		}
		filled++
		s := batch[b].Side
		in, rebate := c.FilledIn[b], c.Rebates[b]
		limitHops = append(limitHops, types.SwapHop{
			PoolId:        pool.Id,
			TokenIn:       sdk.Coin{Denom: denoms[s], Amount: in.Sub(rebate)},
			TokenOut:      sdk.Coin{Denom: denoms[1-s], Amount: c.Out[b]},
			Fee:           sdk.Coin{Denom: denoms[s], Amount: sdkmath.MaxInt(proRata(c.Fees[s], in, c.In[s]).Sub(rebate), sdkmath.ZeroInt())},
			ProtocolFee:   sdk.Coin{Denom: denoms[s], Amount: proRata(c.ProtocolFees[s], in, c.In[s])},
			ReservesAfter: after.Reserves,
		})
		if err := k.settleLimitFill(ctx, params, o, in, rebate, c.Out[b], price); err != nil {
			return pool, nil, err
		}
	}
	hops = append(hops, limitHops...)
	if filled > 0 {
		if err := k.savePool(ctx, after); err != nil {
			return pool, nil, err
		}
		if err := k.fundCommunityPool(ctx, c.ProtocolFeeCoins()); err != nil {
			return pool, nil, err
		}
		if err := k.addSwapStats(ctx, hops); err != nil {
			return pool, nil, err
		}
		if err := k.recordClearingPrice(ctx, pool.Id, pk.x, pk.y, c.Price); err != nil {
			return pool, nil, err
		}
	} else {
		after = pool
	}
	netIn := c.NetIn()
	return after, outcomes, ctx.EventManager().EmitTypedEvent(&types.EventBatchCleared{
		PoolId: pool.Id, Depth: uint32(depth + 1), DenomX: pk.x, DenomY: pk.y, Price: price,
		AmountsIn:  sdk.NewCoins(sdk.Coin{Denom: pk.x, Amount: netIn[0]}, sdk.Coin{Denom: pk.y, Amount: netIn[1]}),
		AmountsOut: sdk.NewCoins(sdk.Coin{Denom: pk.y, Amount: c.Paid[0]}, sdk.Coin{Denom: pk.x, Amount: c.Paid[1]}),
		Filled:     filled, Refused: uint32(len(orders)) - (filled - uint32(len(limitHops))), ReservesAfter: after.Reserves,
	})
}

// proRata is ⌊total·part/whole⌋ (zero when whole is zero).
func proRata(total, part, whole sdkmath.Int) sdkmath.Int {
	if !whole.IsPositive() {
		return sdkmath.ZeroInt()
	}
	return total.Mul(part).Quo(whole)
}

// settle pays an order what it holds (the output if every hop filled, else
// token_in or the last hop's output), records the outcome and emits its
// event, in a cached context under recover.
func (k Keeper) settle(ctx sdk.Context, o *pendingOrder) {
	if _, err := k.safely(ctx, 0, func(c sdk.Context) (int, error) { return 0, k.settleOrder(c, o) }); err != nil {
		k.reportBatchError(ctx, 0, 0, errorsmod.Wrapf(err, "settling order %d", o.order.Id))
		// The coins stay in the module account; the order leaves the queue
		// with the error as its reason.
		rec := o.order
		rec.Status, rec.Reason = types.ORDER_STATUS_STOPPED, "settlement failed: "+err.Error()
		_ = k.SwapOrders.Set(ctx, rec.Id, rec)
		_ = k.QueuedOrders.Remove(ctx, rec.Id)
		_ = k.OrderPruneIndex.Set(ctx, orderPruneKey(ctx.BlockHeight(), rec.Id))
	}
}

func (k Keeper) settleOrder(ctx sdk.Context, o *pendingOrder) error {
	rec := o.order
	sender, err := sdk.AccAddressFromBech32(rec.Sender)
	if err != nil {
		return err
	}
	if err := k.payOut(ctx, sender, sdk.NewCoins(o.holds)); err != nil {
		return err
	}
	rec.Hops = o.hops
	var event proto.Message
	switch {
	case o.stop == "":
		rec.Status, rec.TokenOut = types.ORDER_STATUS_FILLED, o.holds
		event = &types.EventSwapFilled{OrderId: rec.Id, Sender: rec.Sender, TokenIn: rec.TokenIn, TokenOut: o.holds, Hops: o.hops}
	default:
		rec.Status, rec.Refund, rec.Reason = types.ORDER_STATUS_REFUNDED, o.holds, o.stop
		if len(o.hops) > 0 {
			rec.Status = types.ORDER_STATUS_STOPPED
		}
		event = &types.EventSwapRefunded{OrderId: rec.Id, Sender: rec.Sender, Status: rec.Status, Refund: o.holds, Reason: o.stop}
	}
	if err := k.SwapOrders.Set(ctx, rec.Id, rec); err != nil {
		return err
	}
	if err := k.QueuedOrders.Remove(ctx, rec.Id); err != nil {
		return err
	}
	if err := k.OrderPruneIndex.Set(ctx, orderPruneKey(ctx.BlockHeight(), rec.Id)); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(event)
}

// pruneOrders deletes at most limit order records settled more than
// OrderHistoryBlocks blocks ago, oldest first.
func (k Keeper) pruneOrders(ctx sdk.Context, limit int) error {
	cutoff := ctx.BlockHeight() - OrderHistoryBlocks
	if cutoff <= 0 {
		return nil
	}
	done, err := closedBefore(ctx, k.OrderPruneIndex, cutoff, limit)
	if err != nil {
		return err
	}
	for _, key := range done {
		if err := k.SwapOrders.Remove(ctx, key.K2()); err != nil {
			return err
		}
		if err := k.OrderPruneIndex.Remove(ctx, key); err != nil {
			return err
		}
	}
	return nil
}

func (k Keeper) reportBatchError(ctx sdk.Context, poolID uint64, depth int, err error) {
	k.logger(ctx).Error("batch clearing failed", "pool", poolID, "depth", depth+1, "err", err)
	_ = ctx.EventManager().EmitTypedEvent(&types.EventBatchError{PoolId: poolID, Depth: uint32(depth + 1), Error: err.Error()})
}

type orderPruneKeyT = collections.Pair[int64, uint64]

// closedBefore returns, oldest first, at most limit keys of a (height
// closed, order id) index whose height is at most cutoff: the records the
// pruning of swap orders and of limit orders may delete this block.
func closedBefore(ctx sdk.Context, index collections.KeySet[orderPruneKeyT], cutoff int64, limit int) ([]orderPruneKeyT, error) {
	var done []orderPruneKeyT
	err := index.Walk(ctx, nil, func(key orderPruneKeyT) (bool, error) {
		if key.K1() > cutoff || len(done) >= limit {
			return true, nil
		}
		done = append(done, key)
		return false, nil
	})
	return done, err
}

func orderPruneKey(height int64, id uint64) orderPruneKeyT { return collections.Join(height, id) }
