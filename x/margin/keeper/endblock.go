package keeper

import (
	"context"
	"fmt"
	"sort"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// EndBlock closes positions below maintenance margin, riskiest first, then
// executes crossed take-profits and stop-losses (README, EndBlock). Bounded:
// at most scan_per_block index entries read (all books together),
// max_liquidations_per_block liquidations and max_triggers_per_block
// triggered closes. Each close runs in its own cached context with a
// recover. A failed liquidation defers the position (deferral.go:
// EventLiquidationDeferred, passed over for a backoff that doubles up to a
// cap, so the positions behind it are tried meanwhile); a failed trigger
// emits EventEndBlockSkipped and is tried again next block. A pair without
// a price is not examined (fail closed).
// It never returns an error for a position.
func (k Keeper) EndBlock(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	budget := int(params.ScanPerBlock)
	// Examination reads (and accrues) in a discarded context.
	look, _ := sdkCtx.CacheContext()
	var pairs []types.MarginPair
	if err := k.Pairs.Walk(look, nil, func(_ string, p types.MarginPair) (bool, error) {
		pairs = append(pairs, p)
		return false, nil
	}); err != nil {
		return err
	}
	type candidate struct {
		id    uint64
		pair  string
		ratio sdkmath.LegacyDec
	}
	height, freeSkips := sdkCtx.BlockHeight(), DeferredSkipsPerBlock
	var cands []candidate
	priced := map[string]pairPrices{}
	for _, pair := range pairs {
		id := pair.ID()
		pp, err := k.prices(look, pair)
		if err != nil {
			if oi, _ := k.GetOpenInterest(look, id); oi.Long.IsPositive() || oi.Short.IsPositive() {
				k.skipped(sdkCtx, 0, id, "positions of "+id+" are not examined this block: "+err.Error())
			}
			continue
		}
		priced[id] = pp
		_, qs, err := k.lend.AccruedMarket(look, pair.QuoteDenom)
		if err != nil {
			return err
		}
		_, bs, err := k.lend.AccruedMarket(look, pair.BaseDenom)
		if err != nil {
			return err
		}
		examine := func(pid uint64) (bool, error) {
			isDeferred, err := k.deferred(look, pid, height)
			if err != nil {
				return true, err
			}
			if isDeferred && freeSkips > 0 { // passed over free of charge, a bounded number of times
				freeSkips--
				return false, nil
			}
			if isDeferred {
				return true, nil
			}
			p, err := k.GetPosition(look, pid)
			if err != nil {
				return true, err
			}
			v, _, err := k.value(look, p, pair, pp)
			if err != nil {
				k.skipped(sdkCtx, pid, id, err.Error())
				return true, nil
			}
			if v.Liquidatable(pair.MaintenanceMargin) {
				cands = append(cands, candidate{pid, id, v.MarginRatio})
			}
			return true, nil
		}
		thrL := types.LongThreshold(pair.MaintenanceMargin, pp.BaseColl, qs.BorrowIndex, pp.QuoteDebt)
		n, err := k.scanBook(look, book(id, bookLong), true, budget, func(key sdkmath.LegacyDec) bool { return key.GT(thrL) }, examine)
		if err != nil {
			return err
		}
		budget -= n
		thrS := types.ShortThreshold(pair.MaintenanceMargin, pp.BaseDebt, bs.BorrowIndex, pp.QuoteColl)
		n, err = k.scanBook(look, book(id, bookShort), false, budget, func(key sdkmath.LegacyDec) bool { return key.LT(thrS) }, examine)
		if err != nil {
			return err
		}
		budget -= n
	}
	sort.Slice(cands, func(i, j int) bool {
		if !cands[i].ratio.Equal(cands[j].ratio) {
			return cands[i].ratio.LT(cands[j].ratio)
		}
		return cands[i].id < cands[j].id
	})
	if len(cands) > int(params.MaxLiquidationsPerBlock) {
		cands = cands[:params.MaxLiquidationsPerBlock]
	}
	for _, c := range cands {
		if err := k.guarded(sdkCtx, c.id, func(ctx sdk.Context, p types.Position) error { return k.liquidate(ctx, p) }); err != nil {
			k.liquidationFailed(sdkCtx, params, c.id, c.pair, err)
		}
	}

	// Triggers: read every pair's four books within the budget left.
	type fired struct {
		id     uint64
		reason string
	}
	var fires []fired
	seen := map[uint64]bool{}
	maxTriggers := int(params.MaxTriggersPerBlock)
	for _, pair := range pairs {
		pp, ok := priced[pair.ID()]
		if !ok {
			continue
		}
		price := pp.Price
		books := []struct {
			kind, reason string
			desc         bool
			ok           func(sdkmath.LegacyDec) bool
		}{
			{bookLongTP, triggerTakeProf, false, func(key sdkmath.LegacyDec) bool { return key.LTE(price) }},
			{bookLongSL, triggerStopLoss, true, func(key sdkmath.LegacyDec) bool { return key.GTE(price) }},
			{bookShortTP, triggerTakeProf, true, func(key sdkmath.LegacyDec) bool { return key.GTE(price) }},
			{bookShortSL, triggerStopLoss, false, func(key sdkmath.LegacyDec) bool { return key.LTE(price) }},
		}
		for _, b := range books {
			if len(fires) >= maxTriggers || budget <= 0 {
				break
			}
			reason := b.reason
			n, err := k.scanBook(look, book(pair.ID(), b.kind), b.desc, budget, b.ok, func(pid uint64) (bool, error) {
				if !seen[pid] && len(fires) < maxTriggers {
					seen[pid] = true
					fires = append(fires, fired{pid, reason})
				}
				return true, nil
			})
			if err != nil {
				return err
			}
			budget -= n
		}
	}
	for _, f := range fires {
		reason := f.reason
		if err := k.guarded(sdkCtx, f.id, func(ctx sdk.Context, p types.Position) error { return k.triggerClose(ctx, p, reason) }); err != nil {
			k.skipped(sdkCtx, f.id, "", err.Error())
		}
	}
	return nil
}

// triggerClose closes a position whose trigger fired, with its price limit
// (or the oracle price ∓ the pair's max slippage when it set none).
func (k Keeper) triggerClose(ctx sdk.Context, p types.Position, reason string) error {
	limit := p.TriggerPriceLimit
	if !limit.IsPositive() {
		pair, err := k.GetPair(ctx, p.Pair)
		if err != nil {
			return err
		}
		pp, err := k.prices(ctx, pair)
		if err != nil {
			return err
		}
		one := sdkmath.LegacyOneDec()
		limit = pp.Price.Mul(one.Sub(pair.MaxSlippage))
		if p.Side == types.SIDE_SHORT {
			limit = pp.Price.Mul(one.Add(pair.MaxSlippage))
		}
	}
	_, err := k.unwind(ctx, p, sdkmath.LegacyOneDec(), limit, false, reason)
	return err
}

// guarded runs fn on position id in a cached context with a recover; a
// failure (or a position already gone) writes nothing and is returned.
func (k Keeper) guarded(ctx sdk.Context, id uint64, fn func(ctx sdk.Context, p types.Position) error) error {
	cache, write := ctx.CacheContext()
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		p, err := k.GetPosition(cache, id)
		if err != nil {
			return err
		}
		return fn(cache, p)
	}()
	if err != nil {
		return err
	}
	write()
	return nil
}

func (k Keeper) skipped(ctx sdk.Context, id uint64, pair, reason string) {
	_ = ctx.EventManager().EmitTypedEvent(&types.EventEndBlockSkipped{PositionId: id, Pair: pair, Reason: reason})
}
