package keeper

import (
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
	"github.com/agora-labs/agora/x/oracle/types"
)

// This file is the store side of one block of the oracle, in the order the
// PreBlocker runs it:
//
//  1. ApplyAggregates: per pair, the threshold check, the per-block change
//     clamp, and the new price record;
//  2. RecordMisses: per-validator miss counters;
//  3. PreBlockUpkeep (still in the pre-blocker): historic median sampling, stale-pair events and the
//     close of a miss window (slashing when enabled).

// ApplyAggregates applies one block's tallied votes. totalPower is the
// power of the whole validator set of the commit the votes come from.
func (k Keeper) ApplyAggregates(ctx sdk.Context, params types.Params, totalPower int64, aggregates []types.AggregatePrice) error {
	height := ctx.BlockHeight()
	for _, agg := range aggregates {
		if _, listed := params.Pair(agg.Pair); !listed {
			continue
		}
		share := oraclemath.ReportedShare(agg.ReportedPower, totalPower)
		if !oraclemath.MeetsThreshold(agg.ReportedPower, totalPower, params.VoteThreshold) {
			if err := ctx.EventManager().EmitTypedEvent(&types.EventPriceNotUpdated{
				Pair: agg.Pair, Reporters: agg.Reporters, PowerShare: share, Threshold: params.VoteThreshold,
			}); err != nil {
				return err
			}
			continue
		}

		applied := agg.Median
		prev, err := k.Prices.Get(ctx, agg.Pair)
		switch {
		case errors.Is(err, collections.ErrNotFound):
			// First price of the pair: nothing to clamp against.
		case err != nil:
			return err
		case !oraclemath.IsStale(prev.UpdatedHeight, height, int64(params.MaxPriceAgeBlocks)):
			// Clamp only against a fresh price: after a stale period the
			// market may have moved any amount, and the price must be able
			// to catch up in one block.
			var clamped bool
			applied, clamped = oraclemath.ClampChange(prev.Price, agg.Median, params.MaxChangePerBlock)
			if clamped {
				if err := ctx.EventManager().EmitTypedEvent(&types.EventPriceClamped{
					Pair: agg.Pair, Previous: prev.Price, Median: agg.Median, Applied: applied, MaxChange: params.MaxChangePerBlock,
				}); err != nil {
					return err
				}
			}
		}
		if !types.ValidPrice(applied) {
			return fmt.Errorf("%s: computed price %v is not valid", agg.Pair, applied)
		}

		rec := types.PriceRecord{
			Pair: agg.Pair, Price: applied, UpdatedHeight: height, UpdatedTime: ctx.BlockTime(),
			Reporters: agg.Reporters, PowerShare: share,
		}
		if err := k.Prices.Set(ctx, agg.Pair, rec); err != nil {
			return err
		}
		if err := ctx.EventManager().EmitTypedEvent(&types.EventPriceUpdated{
			Pair: agg.Pair, Price: applied, Median: agg.Median, Reporters: agg.Reporters, PowerShare: share, Height: height,
		}); err != nil {
			return err
		}
	}
	return nil
}

// RecordMisses counts one more block with votes in the current miss window
// and one more miss for each validator that did not report every listed
// pair.
func (k Keeper) RecordMisses(ctx sdk.Context, missed [][]byte) error {
	blocks, err := k.MissWindowBlocks.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	if err := k.MissWindowBlocks.Set(ctx, blocks+1); err != nil {
		return err
	}
	for _, addr := range missed {
		n, err := k.MissCounters.Get(ctx, addr)
		if err != nil && !errors.Is(err, collections.ErrNotFound) {
			return err
		}
		if err := k.MissCounters.Set(ctx, addr, n+1); err != nil {
			return err
		}
	}
	return nil
}

// PreBlockUpkeep runs in the pre-blocker right after a block's votes are
// applied, in every block with or without votes: sampling the historic
// median every historic_sample_blocks, an EventPriceStale for every pair
// that is stale after this block, and closing the miss window every
// miss_window_blocks.
func (k Keeper) PreBlockUpkeep(ctx sdk.Context, params types.Params) error {
	height := ctx.BlockHeight()
	if height > 0 && uint64(height)%params.HistoricSampleBlocks == 0 {
		if err := k.sampleHistoric(ctx, params); err != nil {
			return fmt.Errorf("historic sample: %w", err)
		}
	}
	for _, pair := range params.Pairs {
		rec, err := k.Prices.Get(ctx, pair.Name)
		hasPrice := err == nil
		if err != nil && !errors.Is(err, collections.ErrNotFound) {
			return err
		}
		if hasPrice && !oraclemath.IsStale(rec.UpdatedHeight, height, int64(params.MaxPriceAgeBlocks)) {
			continue
		}
		ev := &types.EventPriceStale{Pair: pair.Name, HasPrice: hasPrice}
		if hasPrice {
			ev.UpdatedHeight, ev.AgeBlocks = rec.UpdatedHeight, height-rec.UpdatedHeight
		}
		if err := ctx.EventManager().EmitTypedEvent(ev); err != nil {
			return err
		}
	}
	if height > 0 && uint64(height)%params.MissWindowBlocks == 0 {
		if err := k.closeMissWindow(ctx, params); err != nil {
			return fmt.Errorf("close miss window: %w", err)
		}
	}
	return nil
}

// sampleHistoric adds the current price of every pair that is fresh to the
// historic window, drops samples older than the window (height <= now -
// historic_window_blocks) and stores the plain median of what is left.
func (k Keeper) sampleHistoric(ctx sdk.Context, params types.Params) error {
	height := ctx.BlockHeight()
	cutoff := height - int64(params.HistoricWindowBlocks)
	for _, pair := range params.Pairs {
		rec, err := k.Prices.Get(ctx, pair.Name)
		if errors.Is(err, collections.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if !oraclemath.IsStale(rec.UpdatedHeight, height, int64(params.MaxPriceAgeBlocks)) {
			if err := k.HistoricSamples.Set(ctx, collections.Join(pair.Name, height),
				types.HistoricSample{Pair: pair.Name, Height: height, Price: rec.Price}); err != nil {
				return err
			}
		}
		if err := k.refreshHistoricMedian(ctx, pair.Name, cutoff, height); err != nil {
			return err
		}
	}
	return nil
}

// refreshHistoricMedian prunes a pair's samples at or below cutoff and
// stores the median of the rest (or removes the median when none is left).
func (k Keeper) refreshHistoricMedian(ctx sdk.Context, pair string, cutoff, height int64) error {
	rng := collections.NewPrefixedPairRange[string, int64](pair)
	iter, err := k.HistoricSamples.Iterate(ctx, rng)
	if err != nil {
		return err
	}
	samples, err := iter.Values()
	if err != nil {
		return err
	}
	var prices []sdkmath.LegacyDec
	for _, s := range samples {
		if s.Height <= cutoff {
			if err := k.HistoricSamples.Remove(ctx, collections.Join(pair, s.Height)); err != nil {
				return err
			}
			continue
		}
		prices = append(prices, s.Price)
	}
	if len(prices) == 0 {
		return k.HistoricMedians.Remove(ctx, pair)
	}
	median, err := oraclemath.Median(prices)
	if err != nil {
		return err
	}
	return k.HistoricMedians.Set(ctx, pair, types.HistoricMedian{
		Pair: pair, Median: median, Samples: uint32(len(prices)), UpdatedHeight: height,
	})
}

// closeMissWindow ends a miss window. With slashing on, every validator
// whose valid share (window blocks - misses) / window blocks is below
// min_valid_per_window is slashed slash_fraction and jailed. The counters
// then start again from zero.
func (k Keeper) closeMissWindow(ctx sdk.Context, params types.Params) error {
	blocks, err := k.MissWindowBlocks.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	iter, err := k.MissCounters.Iterate(ctx, nil)
	if err != nil {
		return err
	}
	counters, err := iter.KeyValues()
	if err != nil {
		return err
	}
	for _, kv := range counters {
		if params.SlashFraction.IsPositive() && blocks > 0 &&
			belowMinValid(blocks, kv.Value, params.MinValidPerWindow) {
			k.slashForMisses(ctx, params, kv.Key, kv.Value, blocks)
		}
		if err := k.MissCounters.Remove(ctx, kv.Key); err != nil {
			return err
		}
	}
	if err := k.MissWindowBlocks.Set(ctx, 0); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventMissWindowClosed{
		Height: ctx.BlockHeight(), WindowBlocks: blocks, ValidatorsWithMisses: uint32(len(counters)),
	})
}

// belowMinValid reports (blocks - misses) / blocks < minValid, exactly.
func belowMinValid(blocks, misses uint64, minValid sdkmath.LegacyDec) bool {
	valid := uint64(0)
	if misses < blocks {
		valid = blocks - misses
	}
	return sdkmath.LegacyNewDecFromInt(sdkmath.NewIntFromUint64(valid)).
		LT(minValid.MulInt(sdkmath.NewIntFromUint64(blocks)))
}

// slashForMisses slashes and jails one validator in a cached context, so a
// failure changes nothing; it is logged and reported as an event.
func (k Keeper) slashForMisses(ctx sdk.Context, params types.Params, consAddr []byte, misses, blocks uint64) {
	cacheCtx, write := ctx.CacheContext()
	err := func() error {
		val, err := k.staking.GetValidatorByConsAddr(cacheCtx, consAddr)
		if err != nil {
			return err
		}
		if val.IsJailed() || !val.IsBonded() {
			return nil
		}
		power := val.GetConsensusPower(k.staking.PowerReduction(cacheCtx))
		if _, err := k.staking.Slash(cacheCtx, consAddr, cacheCtx.BlockHeight(), power, params.SlashFraction); err != nil {
			return err
		}
		if err := k.staking.Jail(cacheCtx, consAddr); err != nil {
			return err
		}
		return cacheCtx.EventManager().EmitTypedEvent(&types.EventValidatorSlashed{
			Validator: sdk.ConsAddress(consAddr).String(), Misses: misses, WindowBlocks: blocks, SlashFraction: params.SlashFraction,
		})
	}()
	if err != nil {
		k.Logger(ctx).Error("oracle: slashing for misses failed", "validator", sdk.ConsAddress(consAddr).String(), "err", err)
		_ = ctx.EventManager().EmitTypedEvent(&types.EventOracleError{
			Height: ctx.BlockHeight(), Reason: fmt.Sprintf("slash %s: %v", sdk.ConsAddress(consAddr), err),
		})
		return
	}
	write()
}

// pruneUnlisted deletes the prices, samples and medians of pairs that are no
// longer listed (after a params change).
func (k Keeper) pruneUnlisted(ctx sdk.Context, params types.Params) error {
	listed := func(pair string) bool { _, ok := params.Pair(pair); return ok }
	var stalePrices []string
	if err := k.Prices.Walk(ctx, nil, func(pair string, _ types.PriceRecord) (bool, error) {
		if !listed(pair) {
			stalePrices = append(stalePrices, pair)
		}
		return false, nil
	}); err != nil {
		return err
	}
	for _, pair := range stalePrices {
		if err := k.Prices.Remove(ctx, pair); err != nil {
			return err
		}
		if err := k.HistoricMedians.Remove(ctx, pair); err != nil {
			return err
		}
	}
	var staleSamples []collections.Pair[string, int64]
	if err := k.HistoricSamples.Walk(ctx, nil, func(key collections.Pair[string, int64], _ types.HistoricSample) (bool, error) {
		if !listed(key.K1()) {
			staleSamples = append(staleSamples, key)
		}
		return false, nil
	}); err != nil {
		return err
	}
	for _, key := range staleSamples {
		if err := k.HistoricSamples.Remove(ctx, key); err != nil {
			return err
		}
	}
	return nil
}
