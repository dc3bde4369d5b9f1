package keeper

import (
	"context"
	"errors"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// Deferral is a position whose protocol liquidation failed for a reason
// other than a price (no route, a pool too thin for even a partial sale,
// the collateral market short of cash, a panic): EndBlock passes over its
// index entries, without charging them to the examined budget, until
// RetryAt (README, "Protocol liquidation", "Failing positions").
type Deferral struct {
	RetryAt  int64  `json:"retry_at"` // first height at which it is examined again
	Attempts uint32 `json:"attempts"` // consecutive failed attempts
}

const (
	// MaxDeferralBlocks caps the wait after a failure: a position that
	// keeps failing is retried at least once every 128 blocks.
	MaxDeferralBlocks = 128
	// DeferredSkipsPerBlock bounds the deferred index entries one EndBlock
	// passes over without charging them to the examined budget.
	DeferredSkipsPerBlock = 1000
)

// DeferralDelay is the wait, in blocks, after a position's attempts-th
// consecutive failure: 2, 4, 8, … blocks, at most MaxDeferralBlocks.
func DeferralDelay(attempts uint32) int64 {
	if attempts == 0 {
		return 0
	}
	if attempts >= 7 { // 2^7 = 128
		return MaxDeferralBlocks
	}
	return min(int64(1)<<attempts, MaxDeferralBlocks)
}

// deferred reports whether EndBlock passes over the borrower at height.
func (k Keeper) deferred(ctx context.Context, borrower sdk.AccAddress, height int64) (bool, error) {
	d, err := k.Risk.Deferrals.Get(ctx, borrower)
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return height < d.RetryAt, nil
}

// clearDeferral forgets a borrower's failures (liquidated, healthy, or
// owing nothing). It writes only when there is something to forget.
func (k Keeper) clearDeferral(ctx context.Context, borrower sdk.AccAddress) error {
	has, err := k.Risk.Deferrals.Has(ctx, borrower)
	if err != nil || !has {
		return err
	}
	return k.Risk.Deferrals.Remove(ctx, borrower)
}

// failed reports a position EndBlock could not settle this block. A
// missing or stale price only emits the skip event: the position is
// examined again as soon as the price returns. Any other reason defers
// it: the skip event's reason says from which height, and after how many
// consecutive failures, it is retried.
func (k Keeper) failed(ctx sdk.Context, borrower sdk.AccAddress, reason error) {
	if errors.Is(reason, types.ErrPriceUnavailable) {
		k.skipped(ctx, borrower, reason)
		return
	}
	d, err := k.Risk.Deferrals.Get(ctx, borrower)
	if err != nil && !isNotFound(err) {
		k.skipped(ctx, borrower, errors.Join(reason, err))
		return
	}
	d.Attempts++
	d.RetryAt = ctx.BlockHeight() + DeferralDelay(d.Attempts)
	if err := k.Risk.Deferrals.Set(ctx, borrower, d); err != nil {
		k.skipped(ctx, borrower, errors.Join(reason, err))
		return
	}
	k.skipped(ctx, borrower, errorsmod.Wrapf(reason, "deferred: retried at height %d (failure %d in a row)", d.RetryAt, d.Attempts))
}
