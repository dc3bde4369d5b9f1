package keeper

import (
	"context"
	"fmt"
	"sort"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// candidate is a position found below HF 1.
type candidate struct {
	borrower sdk.AccAddress
	values   PositionValues
}

// EndBlock runs the protocol liquidation over the index of positions at
// risk (README, "Index of positions at risk"):
//
//  1. it reads every market's state and prices and starts a rebase for
//     each market that drifted from its reference point (NeedsRebase);
//  2. it examines, lowest lower bound first, at most
//     params.protocol_liquidation_scan_per_block index entries that may
//     hide a position below HF 1 (ScanAtRisk);
//  3. it re-keys at most as many entries of the markets being rebased;
//  4. of the examined positions, it settles those with debt and no
//     collateral as bad debt, re-keys the healthy ones and liquidates those
//     below HF 1 at oracle prices, lowest HF first, at most
//     params.max_protocol_liquidations_per_block (the rest stay in the
//     index for the next block).
//
// Each position runs in its own cached context with a recover: a failure
// or panic discards that position's writes and emits
// EventProtocolLiquidationSkipped; EndBlock itself never fails because of
// a position. A failure for a reason other than a price defers the
// position (keeper/deferral.go): the scan passes over it, free of charge,
// until its retry height, so failing positions cannot starve the others.
func (k Keeper) EndBlock(goCtx context.Context) error {
	ctx := sdk.UnwrapSDKContext(goCtx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if params.MaxProtocolLiquidationsPerBlock == 0 {
		return nil
	}
	view, err := k.riskView(ctx)
	if err != nil {
		return err
	}
	if err := k.startRebases(ctx, view); err != nil {
		return err
	}
	budget := int(params.ProtocolLiquidationScanPerBlock)
	examined, err := k.scanAtRisk(ctx, view, budget)
	if err != nil {
		return err
	}
	if err := k.rebaseStep(ctx, view, budget); err != nil {
		return err
	}
	var found []candidate
	for _, b := range examined {
		collDenoms, _, err := k.positionDenoms(ctx, b)
		if err == nil && len(collDenoms) == 0 {
			err = k.isolated(ctx, func(ctx sdk.Context) error { return k.SettleBadDebt(ctx, b) })
			k.settled(ctx, b, err)
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
			k.failed(ctx, b, err)
			continue
		}
		if !v.Debt.IsNil() && v.Debt.IsPositive() && v.HealthFactor.LT(sdkmath.LegacyOneDec()) {
			found = append(found, candidate{borrower: b, values: v})
			continue
		}
		// Healthy: enter it again under the current reference points, so a
		// market's rebase also advances through the positions examined.
		k.settled(ctx, b, k.isolated(ctx, func(ctx sdk.Context) error { return k.Reindex(ctx, b) }))
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].values.HealthFactor.LT(found[j].values.HealthFactor) })
	if len(found) > int(params.MaxProtocolLiquidationsPerBlock) {
		found = found[:params.MaxProtocolLiquidationsPerBlock] // the others stay in the index: next block
	}
	for _, c := range found {
		err := k.isolated(ctx, func(ctx sdk.Context) error {
			return k.ProtocolLiquidate(ctx, params, c.borrower, c.values)
		})
		k.settled(ctx, c.borrower, err)
	}
	return nil
}

// settled records the outcome of EndBlock's work on a position: a success
// (liquidated, even in part; settled as bad debt; found healthy) forgets
// its earlier failures, a failure defers it (failed).
func (k Keeper) settled(ctx sdk.Context, borrower sdk.AccAddress, err error) {
	if err != nil {
		k.failed(ctx, borrower, err)
		return
	}
	if err := k.clearDeferral(ctx, borrower); err != nil {
		k.skipped(ctx, borrower, err)
	}
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

// skipped reports a position left for a later block (borrower nil: a
// whole market's positions).
func (k Keeper) skipped(ctx sdk.Context, borrower sdk.AccAddress, reason error) {
	who := ""
	if borrower != nil {
		who = borrower.String()
	}
	_ = ctx.EventManager().EmitTypedEvent(&types.EventProtocolLiquidationSkipped{Borrower: who, Reason: reason.Error()})
	ctx.Logger().Info("protocol liquidation skipped", "module", types.ModuleName, "borrower", who, "reason", reason.Error())
}
