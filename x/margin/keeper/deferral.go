package keeper

import (
	"context"
	"errors"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// DeferredSkipsPerBlock bounds the index entries of deferred positions one
// EndBlock passes over without charging them to scan_per_block; past it
// they are charged like any other entry.
const DeferredSkipsPerBlock = 1000

// deferred reports whether EndBlock passes over position id at height (its
// liquidation failed and its retry height has not come).
func (k Keeper) deferred(ctx context.Context, id uint64, height int64) (bool, error) {
	d, err := k.Deferrals.Get(ctx, id)
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return height < d.RetryAt, nil
}

// clearDeferral forgets a position's failures (liquidated, or gone). It
// writes only when there is something to forget.
func (k Keeper) clearDeferral(ctx context.Context, id uint64) error {
	has, err := k.Deferrals.Has(ctx, id)
	if err != nil || !has {
		return err
	}
	return k.Deferrals.Remove(ctx, id)
}

// liquidationFailed reports a liquidation EndBlock could not do this block.
// A missing or stale price only emits the skip event (the position is tried
// as soon as the price returns); any other reason defers the position for
// BackoffDelay(n) blocks after its n-th failure in a row, and
// EventLiquidationDeferred says why and until when.
func (k Keeper) liquidationFailed(ctx sdk.Context, params types.Params, id uint64, pair string, reason error) {
	if errors.Is(reason, types.ErrPriceUnavailable) {
		k.skipped(ctx, id, pair, reason.Error())
		return
	}
	d, err := k.Deferrals.Get(ctx, id)
	if err != nil && !isNotFound(err) {
		k.skipped(ctx, id, pair, errors.Join(reason, err).Error())
		return
	}
	d.Attempts++
	d.RetryAt = ctx.BlockHeight() + types.BackoffDelay(d.Attempts, params.LiquidationBackoffBlocks, params.MaxLiquidationBackoffBlocks)
	if err := k.Deferrals.Set(ctx, id, d); err != nil {
		k.skipped(ctx, id, pair, errors.Join(reason, err).Error())
		return
	}
	_ = ctx.EventManager().EmitTypedEvent(&types.EventLiquidationDeferred{
		PositionId: id, Pair: pair, RetryAt: d.RetryAt, Attempts: d.Attempts,
		Reason: fmt.Sprintf("%s; deferred: retried at height %d (failure %d in a row)", reason, d.RetryAt, d.Attempts),
	})
}
