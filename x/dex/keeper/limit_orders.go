package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// Placing, cancelling and closing limit orders (x/dex/README.md, "Limit
// orders"). Matching is in limit_match.go, expiry in limit_expiry.go.

// PlaceLimitOrder checks an order, escrows token_in, rests it on the
// pool's book and marks the book to clear at the end of the block.
func (k Keeper) PlaceLimitOrder(ctx sdk.Context, params types.Params, owner sdk.AccAddress, msg *types.MsgPlaceLimitOrder) (uint64, error) {
	pool, err := k.getActivePool(ctx, params, msg.PoolId)
	if err != nil {
		return 0, err
	}
	if _, _, err := pool.Pair(msg.TokenIn.Denom, msg.DenomOut); err != nil {
		return 0, err
	}
	if msg.TokenIn.Amount.LT(params.MinLimitOrderSize) {
		return 0, errorsmod.Wrapf(types.ErrOrderTooSmall, "token_in %s is below min_limit_order_size %s%s",
			msg.TokenIn, params.MinLimitOrderSize, msg.TokenIn.Denom)
	}
	spot, err := pool.SpotPrice(msg.TokenIn.Denom, msg.DenomOut, ctx.BlockTime())
	if err != nil {
		return 0, errorsmod.Wrapf(types.ErrInvalidLimitPrice, "the pool's price cannot be computed to check the limit price: %v", err)
	}
	if err := types.CheckLimitPrice(msg.LimitPrice, spot); err != nil {
		return 0, err
	}
	if err := types.CheckExpiry(msg.ExpiryHeight, msg.ExpiryTime, ctx.BlockHeight(), ctx.BlockTime()); err != nil {
		return 0, err
	}
	open, err := k.openCount(ctx, owner.String())
	if err != nil {
		return 0, err
	}
	if open >= uint64(params.MaxOpenOrdersPerAccount) {
		return 0, errorsmod.Wrapf(types.ErrTooManyOpenOrders, "%s already has %d open limit orders (max_open_orders_per_account is %d); cancel one first",
			owner, open, params.MaxOpenOrdersPerAccount)
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, owner, types.ModuleName, sdk.NewCoins(msg.TokenIn)); err != nil {
		return 0, err
	}
	seq, err := k.NextLimitOrderID.Next(ctx)
	if err != nil {
		return 0, err
	}
	o := types.LimitOrder{
		Id: seq + 1, Owner: owner.String(), PoolId: pool.Id, TokenIn: msg.TokenIn, DenomOut: msg.DenomOut,
		LimitPrice: msg.LimitPrice, ExpiryHeight: msg.ExpiryHeight, ExpiryTime: msg.ExpiryTime,
		Remaining: msg.TokenIn.Amount, FilledIn: sdkmath.ZeroInt(), FilledOut: sdkmath.ZeroInt(),
		Status: types.LIMIT_ORDER_STATUS_OPEN, Height: ctx.BlockHeight(),
	}
	if err := k.insertLimitOrder(ctx, o); err != nil {
		return 0, err
	}
	if err := k.LimitOpenCount.Set(ctx, o.Owner, open+1); err != nil {
		return 0, err
	}
	if err := k.markBook(ctx, o.PoolId, o.TokenIn.Denom, o.DenomOut); err != nil {
		return 0, err
	}
	return o.Id, ctx.EventManager().EmitTypedEvent(&types.EventLimitOrderPlaced{
		OrderId: o.Id, Owner: o.Owner, PoolId: o.PoolId, TokenIn: o.TokenIn, DenomOut: o.DenomOut,
		LimitPrice: o.LimitPrice, ExpiryHeight: o.ExpiryHeight, ExpiryTime: o.ExpiryTime,
	})
}

// CancelLimitOrder closes the owner's open order and refunds its remainder.
func (k Keeper) CancelLimitOrder(ctx sdk.Context, sender sdk.AccAddress, id uint64) (sdk.Coin, error) {
	o, err := k.GetLimitOrder(ctx, id)
	if err != nil {
		return sdk.Coin{}, err
	}
	if o.Owner != sender.String() {
		return sdk.Coin{}, errorsmod.Wrapf(types.ErrNotOrderOwner, "limit order %d belongs to %s, not %s", id, o.Owner, sender)
	}
	if !o.IsOpen() {
		return sdk.Coin{}, errorsmod.Wrapf(types.ErrOrderClosed, "limit order %d is %s", id, o.Status)
	}
	refund := o.RemainingCoin()
	return refund, k.closeLimitOrder(ctx, o, types.LIMIT_ORDER_STATUS_CANCELLED)
}

// GetLimitOrder loads a limit order (ErrLimitOrderNotFound if unknown or
// pruned).
func (k Keeper) GetLimitOrder(ctx context.Context, id uint64) (types.LimitOrder, error) {
	o, err := k.LimitOrders.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return o, errorsmod.Wrapf(types.ErrLimitOrderNotFound, "limit order %d does not exist (or was closed more than %d blocks ago and pruned)", id, OrderHistoryBlocks)
	}
	return o, err
}

func (k Keeper) openCount(ctx context.Context, owner string) (uint64, error) {
	n, err := k.LimitOpenCount.Get(ctx, owner)
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return n, err
}

// insertLimitOrder stores a new open order with its indexes.
func (k Keeper) insertLimitOrder(ctx context.Context, o types.LimitOrder) error {
	key, err := types.BookKey(o.LimitPrice, o.Id)
	if err != nil {
		return err
	}
	if err := k.LimitOrders.Set(ctx, o.Id, o); err != nil {
		return err
	}
	if err := k.LimitBook.Set(ctx, collections.Join3(o.PoolId, types.BookSide(o.TokenIn.Denom, o.DenomOut), key)); err != nil {
		return err
	}
	if err := k.LimitByOwner.Set(ctx, collections.Join(o.Owner, o.Id)); err != nil {
		return err
	}
	if o.ExpiryHeight > 0 {
		if err := k.LimitExpiryHeight.Set(ctx, collections.Join(o.ExpiryHeight, o.Id)); err != nil {
			return err
		}
	}
	if o.HasExpiryTime() {
		return k.LimitExpiryTime.Set(ctx, collections.Join(o.ExpiryTime, o.Id))
	}
	return nil
}

// closeLimitOrder takes an open order off the book with the given status,
// refunds its remainder (if any) and emits EventLimitOrderClosed. The
// record stays for OrderHistoryBlocks blocks.
func (k Keeper) closeLimitOrder(ctx sdk.Context, o types.LimitOrder, status types.LimitOrderStatus) error {
	owner, err := sdk.AccAddressFromBech32(o.Owner)
	if err != nil {
		return err
	}
	refund := o.RemainingCoin()
	if err := k.payOut(ctx, owner, sdk.NewCoins(refund)); err != nil {
		return err
	}
	key, err := types.BookKey(o.LimitPrice, o.Id)
	if err != nil {
		return err
	}
	if err := k.LimitBook.Remove(ctx, collections.Join3(o.PoolId, types.BookSide(o.TokenIn.Denom, o.DenomOut), key)); err != nil {
		return err
	}
	if o.ExpiryHeight > 0 {
		if err := k.LimitExpiryHeight.Remove(ctx, collections.Join(o.ExpiryHeight, o.Id)); err != nil {
			return err
		}
	}
	if o.HasExpiryTime() {
		if err := k.LimitExpiryTime.Remove(ctx, collections.Join(o.ExpiryTime, o.Id)); err != nil {
			return err
		}
	}
	open, err := k.openCount(ctx, o.Owner)
	if err != nil {
		return err
	}
	if open <= 1 {
		err = k.LimitOpenCount.Remove(ctx, o.Owner)
	} else {
		err = k.LimitOpenCount.Set(ctx, o.Owner, open-1)
	}
	if err != nil {
		return err
	}
	o.Status, o.Remaining, o.ClosedHeight = status, sdkmath.ZeroInt(), ctx.BlockHeight()
	if err := k.LimitOrders.Set(ctx, o.Id, o); err != nil {
		return err
	}
	if err := k.LimitPruneIndex.Set(ctx, collections.Join(ctx.BlockHeight(), o.Id)); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventLimitOrderClosed{
		OrderId: o.Id, Owner: o.Owner, Status: status, Refund: refund,
	})
}

// markBook makes the pair's books clear at the end of this block.
func (k Keeper) markBook(ctx context.Context, poolID uint64, a, b string) error {
	if b < a {
		a, b = b, a
	}
	return k.ActiveBooks.Set(ctx, collections.Join(poolID, types.BookSide(a, b)))
}

// pruneLimitOrders deletes at most limit order records (and their fills)
// closed more than OrderHistoryBlocks blocks ago, oldest first.
func (k Keeper) pruneLimitOrders(ctx sdk.Context, limit int) error {
	cutoff := ctx.BlockHeight() - OrderHistoryBlocks
	if cutoff <= 0 {
		return nil
	}
	done, err := closedBefore(ctx, k.LimitPruneIndex, cutoff, limit)
	if err != nil {
		return err
	}
	for _, key := range done {
		o, err := k.LimitOrders.Get(ctx, key.K2())
		if err == nil {
			if err := k.LimitByOwner.Remove(ctx, collections.Join(o.Owner, o.Id)); err != nil {
				return err
			}
		}
		rng := collections.NewPrefixedPairRange[uint64, int64](key.K2())
		if err := k.LimitFills.Clear(ctx, rng); err != nil {
			return err
		}
		if err := k.LimitOrders.Remove(ctx, key.K2()); err != nil {
			return err
		}
		if err := k.LimitPruneIndex.Remove(ctx, key); err != nil {
			return err
		}
	}
	return nil
}
