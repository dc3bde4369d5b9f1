package keeper

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// candidate is a position found below HF 1 by the scan.
type candidate struct {
	borrower sdk.AccAddress
	values   PositionValues
}

// EndBlock runs the protocol liquidation: it examines up to
// params.protocol_liquidation_scan_per_block debt entries from a cursor
// (each borrower once), settles positions with debt and no collateral as
// bad debt, and liquidates the positions below HF 1 at oracle prices,
// lowest HF first, at most params.max_protocol_liquidations_per_block. When
// more positions were liquidatable than the cap, the cursor does not move
// and the next block examines the same entries again. Each position runs in
// its own cached context with a recover: a failure or panic discards that
// position's writes and emits EventProtocolLiquidationSkipped; EndBlock
// itself never fails because of a position.
func (k Keeper) EndBlock(goCtx context.Context) error {
	ctx := sdk.UnwrapSDKContext(goCtx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if params.MaxProtocolLiquidationsPerBlock == 0 {
		return nil
	}
	borrowers, next, err := k.scanBorrowers(ctx, int(params.ProtocolLiquidationScanPerBlock))
	if err != nil {
		return err
	}
	var found []candidate
	for _, b := range borrowers {
		collDenoms, _, err := k.positionDenoms(ctx, b)
		if err == nil && len(collDenoms) == 0 {
			err = k.isolated(ctx, func(ctx sdk.Context) error { return k.SettleBadDebt(ctx, b) })
			if err != nil {
				k.skipped(ctx, b, err)
			}
			continue
		}
		// Valued in a discarded cache: examining a position writes nothing
		// (not even the markets' accrual).
		var v PositionValues
		if err == nil {
			err = k.probe(ctx, func(ctx sdk.Context) (err error) {
				v, err = k.Values(ctx, b)
				return err
			})
		}
		if err != nil {
			k.skipped(ctx, b, err)
			continue
		}
		if !v.Debt.IsNil() && v.Debt.IsPositive() && v.HealthFactor.LT(sdkmath.LegacyOneDec()) {
			found = append(found, candidate{borrower: b, values: v})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].values.HealthFactor.LT(found[j].values.HealthFactor) })
	if len(found) > int(params.MaxProtocolLiquidationsPerBlock) {
		found, next = found[:params.MaxProtocolLiquidationsPerBlock], nil // examine this batch again
	} else if next == nil {
		// the scan reached the end: start over next block
		if err := k.LiquidationCursor.Remove(ctx); err != nil {
			return err
		}
	}
	if next != nil {
		if err := k.LiquidationCursor.Set(ctx, *next); err != nil {
			return err
		}
	}
	for _, c := range found {
		err := k.isolated(ctx, func(ctx sdk.Context) error {
			return k.ProtocolLiquidate(ctx, params, c.borrower, c.values)
		})
		if err != nil {
			k.skipped(ctx, c.borrower, err)
		}
	}
	return nil
}

// scanBorrowers lists the distinct borrowers of up to limit debt entries
// after the cursor, and the last entry examined (nil when the scan reached
// the end of the entries).
func (k Keeper) scanBorrowers(ctx sdk.Context, limit int) ([]sdk.AccAddress, *PositionKey, error) {
	rng := new(collections.Range[PositionKey])
	cursor, err := k.LiquidationCursor.Get(ctx)
	switch {
	case err == nil:
		rng = rng.StartExclusive(cursor)
	case !errors.Is(err, collections.ErrNotFound):
		return nil, nil, err
	}
	var (
		out  []sdk.AccAddress
		seen = map[string]bool{}
		last PositionKey
		n    int
	)
	err = k.ScaledDebt.Walk(ctx, rng, func(key PositionKey, _ sdkmath.Int) (bool, error) {
		n++
		last = key
		if a := key.K1(); !seen[string(a)] {
			seen[string(a)] = true
			out = append(out, a)
		}
		return n >= limit, nil
	})
	if err != nil {
		return nil, nil, err
	}
	if n < limit {
		return out, nil, nil
	}
	return out, &last, nil
}

// isolated runs fn in a cached context, writing its state and events only
// when it succeeds; a panic becomes an error.
func (k Keeper) isolated(ctx sdk.Context, fn func(ctx sdk.Context) error) (err error) {
	cache, write := ctx.CacheContext()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	if err = fn(cache); err != nil {
		return err
	}
	write()
	return nil
}

// probe runs fn in a cached context whose writes and events are dropped;
// a panic becomes an error.
func (k Keeper) probe(ctx sdk.Context, fn func(ctx sdk.Context) error) (err error) {
	cache, _ := ctx.CacheContext()
	cache = cache.WithEventManager(sdk.NewEventManager())
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return fn(cache)
}

// skipped reports a position left for a later block.
func (k Keeper) skipped(ctx sdk.Context, borrower sdk.AccAddress, reason error) {
	_ = ctx.EventManager().EmitTypedEvent(&types.EventProtocolLiquidationSkipped{
		Borrower: borrower.String(), Reason: reason.Error(),
	})
	ctx.Logger().Info("protocol liquidation skipped", "module", types.ModuleName, "borrower", borrower.String(), "reason", reason.Error())
}
