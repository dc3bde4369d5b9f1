package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// Queuing a user's swap into the block's batch (x/dex/README.md, "Batch
// execution"): every check runs in DeliverTx, the input is escrowed in the
// module account, and EndBlock (batch_clear.go) fills or refunds it. The
// keeper-level SwapExactIn/SwapExactOut (swap.go), which other modules
// call, still execute at once.

// QueueSwapExactIn checks a swap, escrows tokenIn and queues it. It
// returns the order id and the estimate against the pools as they stand (a
// lone swap's output), which must reach minOut: a swap that cannot fill
// even alone is refused here, so a failed swap looks failed.
func (k Keeper) QueueSwapExactIn(ctx context.Context, sender sdk.AccAddress, route []types.Hop, tokenIn sdk.Coin, minOut sdkmath.Int) (uint64, types.RouteResult, error) {
	if err := checkSwapper(sender); err != nil {
		return 0, types.RouteResult{}, err
	}
	if minOut.IsNil() || minOut.IsNegative() {
		return 0, types.RouteResult{}, errorsmod.Wrapf(types.ErrInvalidAmount, "min_out must not be negative, got %v", minOut)
	}
	plan, err := k.planExactIn(ctx, route, tokenIn)
	if err != nil {
		return 0, types.RouteResult{}, err
	}
	if err := types.CheckMinOut(plan.res.TokenOut, minOut); err != nil {
		return 0, types.RouteResult{}, err
	}
	id, err := k.queueOrder(ctx, types.SwapOrder{Sender: sender.String(), Route: route, TokenIn: tokenIn, MinOut: minOut})
	return id, plan.res, err
}

// QueueSwapExactOut queues a purchase of tokenOut as an exact-in of the
// input the pools quote for it now (at most maxIn) with min_out =
// tokenOut: it fills with at least tokenOut (more when the block's flow is
// favourable) or is refunded in full.
func (k Keeper) QueueSwapExactOut(ctx context.Context, sender sdk.AccAddress, route []types.Hop, denomIn string, tokenOut sdk.Coin, maxIn sdkmath.Int) (uint64, types.RouteResult, error) {
	if err := checkSwapper(sender); err != nil {
		return 0, types.RouteResult{}, err
	}
	if maxIn.IsNil() || !maxIn.IsPositive() {
		return 0, types.RouteResult{}, errorsmod.Wrapf(types.ErrInvalidAmount, "max_in must be positive, got %v", maxIn)
	}
	plan, err := k.planExactOut(ctx, route, denomIn, tokenOut)
	if err != nil {
		return 0, types.RouteResult{}, err
	}
	if err := types.CheckMaxIn(plan.res.TokenIn, maxIn); err != nil {
		return 0, types.RouteResult{}, err
	}
	id, err := k.queueOrder(ctx, types.SwapOrder{
		Sender: sender.String(), Route: route, TokenIn: plan.res.TokenIn, MinOut: tokenOut.Amount, ExactOut: true,
	})
	return id, plan.res, err
}

// queueOrder takes a slot on every pool of the route, escrows the input,
// stores the order and emits EventSwapQueued.
func (k Keeper) queueOrder(ctx context.Context, o types.SwapOrder) (uint64, error) {
	if err := k.ReserveOrderSlots(ctx, o.Route); err != nil {
		return 0, err
	}
	sender, err := sdk.AccAddressFromBech32(o.Sender)
	if err != nil {
		return 0, errorsmod.Wrapf(types.ErrInvalidAddress, "sender %q: %v", o.Sender, err)
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, sender, types.ModuleName, sdk.NewCoins(o.TokenIn)); err != nil {
		return 0, err
	}
	seq, err := k.NextOrderID.Next(ctx)
	if err != nil {
		return 0, err
	}
	o.Id = seq + 1
	o.Height = sdk.UnwrapSDKContext(ctx).BlockHeight()
	o.Status = types.ORDER_STATUS_QUEUED
	o.TokenOut = sdk.Coin{Denom: o.Route[len(o.Route)-1].DenomOut, Amount: sdkmath.ZeroInt()}
	o.Refund = sdk.Coin{Denom: o.TokenIn.Denom, Amount: sdkmath.ZeroInt()}
	if err := k.SwapOrders.Set(ctx, o.Id, o); err != nil {
		return 0, err
	}
	if err := k.QueuedOrders.Set(ctx, o.Id); err != nil {
		return 0, err
	}
	return o.Id, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSwapQueued{
		OrderId: o.Id, Sender: o.Sender, TokenIn: o.TokenIn, Route: o.Route, MinOut: o.MinOut, ExactOut: o.ExactOut,
	})
}

// ReserveOrderSlots counts one queued swap on every pool of route for this
// block and refuses it (ErrTooManyOrders) when a pool would exceed
// max_orders_per_pool_per_block. The count lives in the block's transient
// store. (CheckTx applies the cap through OrderCapDecorator, the proposer
// through CapSwapsPerPool.)
func (k Keeper) ReserveOrderSlots(ctx context.Context, route []types.Hop) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	limit := uint64(params.MaxOrdersPerPoolPerBlock)
	counts := make([]uint64, len(route))
	for n, h := range route {
		c, err := k.BlockOrderCount.Get(ctx, h.PoolId)
		if err != nil && !errorsIsNotFound(err) {
			return err
		}
		if c >= limit {
			return errorsmod.Wrapf(types.ErrTooManyOrders, "pool %d already has %d swaps queued in this block (max_orders_per_pool_per_block is %d); send it again in the next block",
				h.PoolId, c, limit)
		}
		counts[n] = c + 1
	}
	for n, h := range route {
		if err := k.BlockOrderCount.Set(ctx, h.PoolId, counts[n]); err != nil {
			return err
		}
	}
	return nil
}
