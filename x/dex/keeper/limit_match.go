package keeper

import (
	"time"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dexmath "github.com/agora-labs/agora/x/dex/math"
	"github.com/agora-labs/agora/x/dex/types"
)

// Limit orders in the end-of-block batch (x/dex/README.md, "Limit orders:
// matching"). A pair's book joins its pool's batch of first hops (depth 1)
// in a block where the pair has swaps queued or an order was placed on it:
// the open orders of each direction, best limit first, at most
// max_orders_per_pool_per_block per direction.

// activeBooks returns the (pool, pair) books marked in this block or left
// to revisit by the last one (and empties the revisit set).
func (k Keeper) activeBooks(ctx sdk.Context) (map[uint64][]pairKey, error) {
	books := map[uint64][]pairKey{}
	seen := map[collections.Pair[uint64, string]]bool{}
	collect := func(key collections.Pair[uint64, string]) (bool, error) {
		x, y, ok := types.SplitBookSide(key.K2())
		if ok && !seen[key] {
			seen[key] = true
			books[key.K1()] = append(books[key.K1()], pairKey{x, y})
		}
		return false, nil
	}
	if err := k.ActiveBooks.Walk(ctx, nil, collect); err != nil {
		return nil, err
	}
	if err := k.RevisitBooks.Walk(ctx, nil, collect); err != nil {
		return nil, err
	}
	return books, k.RevisitBooks.Clear(ctx, nil)
}

// loadBook returns the open orders selling in for out on pool, best limit
// first, at most limit.
func (k Keeper) loadBook(ctx sdk.Context, poolID uint64, in, out string, limit int) ([]types.LimitOrder, error) {
	var orders []types.LimitOrder
	rng := collections.NewSuperPrefixedTripleRange[uint64, string, []byte](poolID, types.BookSide(in, out))
	err := k.LimitBook.Walk(ctx, rng, func(key LimitBookKey) (bool, error) {
		if len(orders) >= limit {
			return true, nil
		}
		_, id, err := types.BookKeyPrice(key.K3())
		if err != nil {
			return true, err
		}
		o, err := k.LimitOrders.Get(ctx, id)
		if err != nil {
			return true, err
		}
		orders = append(orders, o)
		return false, nil
	})
	return orders, err
}

// loadPairBooks returns both directions' open orders of the pair and their
// batch orders (x-sellers first).
func (k Keeper) loadPairBooks(ctx sdk.Context, params types.Params, poolID uint64, pk pairKey) ([]types.LimitOrder, []dexmath.BatchOrder, error) {
	limit := int(params.MaxOrdersPerPoolPerBlock)
	xs, err := k.loadBook(ctx, poolID, pk.x, pk.y, limit)
	if err != nil {
		return nil, nil, err
	}
	ys, err := k.loadBook(ctx, poolID, pk.y, pk.x, limit)
	if err != nil {
		return nil, nil, err
	}
	orders := append(xs, ys...)
	batch := make([]dexmath.BatchOrder, len(orders))
	for n, o := range orders {
		side := dexmath.SideSellX
		if o.TokenIn.Denom == pk.y {
			side = dexmath.SideSellY
		}
		batch[n] = dexmath.BatchOrder{Side: side, Amount: o.Remaining, Limit: o.LimitPrice}
	}
	return orders, batch, nil
}

// isMaker: the order rested from an earlier block (else it is a taker).
func isMaker(ctx sdk.Context, o types.LimitOrder) bool { return o.Height < ctx.BlockHeight() }

// settleLimitFill pays a limit order's fill in this block's batch, records
// it and closes the order when nothing (or less than the minimum size)
// remains. in is what the batch took from the order and rebate the part of
// it given back (the maker/taker rebate): the order sold in − rebate, and
// the rebate returns to its remainder.
func (k Keeper) settleLimitFill(ctx sdk.Context, params types.Params, o types.LimitOrder, in, rebate, out sdkmath.Int, price sdkmath.LegacyDec) error {
	owner, err := sdk.AccAddressFromBech32(o.Owner)
	if err != nil {
		return err
	}
	if err := k.payOut(ctx, owner, sdk.NewCoins(sdk.Coin{Denom: o.DenomOut, Amount: out})); err != nil {
		return err
	}
	maker := isMaker(ctx, o)
	sold := in.Sub(rebate)
	o.Remaining = o.Remaining.Sub(sold)
	o.FilledIn, o.FilledOut = o.FilledIn.Add(sold), o.FilledOut.Add(out)
	if err := k.LimitFills.Set(ctx, collections.Join(o.Id, ctx.BlockHeight()), types.LimitOrderFill{
		OrderId: o.Id, Height: ctx.BlockHeight(), AmountIn: sold, AmountOut: out, Price: price, Maker: maker, FeeRebate: rebate,
	}); err != nil {
		return err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventLimitOrderFilled{
		OrderId: o.Id, Owner: o.Owner, PoolId: o.PoolId, TokenIn: sdk.Coin{Denom: o.TokenIn.Denom, Amount: sold},
		TokenOut: sdk.Coin{Denom: o.DenomOut, Amount: out}, Remaining: o.Remaining, Maker: maker, FeeRebate: rebate,
	}); err != nil {
		return err
	}
	if o.Remaining.LT(params.MinLimitOrderSize) {
		return k.closeLimitOrder(ctx, o, types.LIMIT_ORDER_STATUS_FILLED)
	}
	a, b := o.TokenIn.Denom, o.DenomOut
	if b < a {
		a, b = b, a
	}
	if err := k.RevisitBooks.Set(ctx, collections.Join(o.PoolId, types.BookSide(a, b))); err != nil {
		return err
	}
	return k.LimitOrders.Set(ctx, o.Id, o)
}

// LimitExpiryBatch is the most orders each expiry index expires per block;
// the rest expire in the next blocks.
const LimitExpiryBatch = 200

// expireLimitOrders refunds the open orders whose expiry height is at or
// below this block's or whose expiry time is at or before its time.
func (k Keeper) expireLimitOrders(ctx sdk.Context) error {
	var ids []uint64
	err := k.LimitExpiryHeight.Walk(ctx, nil, func(key collections.Pair[int64, uint64]) (bool, error) {
		if key.K1() > ctx.BlockHeight() || len(ids) >= LimitExpiryBatch {
			return true, nil
		}
		ids = append(ids, key.K2())
		return false, nil
	})
	if err != nil {
		return err
	}
	n := len(ids)
	err = k.LimitExpiryTime.Walk(ctx, nil, func(key collections.Pair[time.Time, uint64]) (bool, error) {
		if key.K1().After(ctx.BlockTime()) || len(ids)-n >= LimitExpiryBatch {
			return true, nil
		}
		ids = append(ids, key.K2())
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		o, err := k.LimitOrders.Get(ctx, id)
		if err != nil {
			return err
		}
		if !o.IsOpen() {
			continue // both indexes named it
		}
		if err := k.closeLimitOrder(ctx, o, types.LIMIT_ORDER_STATUS_EXPIRED); err != nil {
			return err
		}
	}
	return nil
}
