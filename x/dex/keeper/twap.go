package keeper

import (
	"context"
	"sort"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dexmath "github.com/agora-labs/agora/x/dex/math"
	"github.com/agora-labs/agora/x/dex/types"
)

// TwapPruneBatch is the most TWAP records EndBlock deletes in one block on
// top of the number it writes in that block (so pruning keeps pace with
// writing however many pools are touched).
const TwapPruneBatch = 200

// minTime is the smallest time the store's time keys order.
var minTime = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)

// EndBlock first clears the block's batch of queued swaps (batch_clear.go)
// and prunes old order records, then writes TWAP records and stats records (pool_stats.go) for the
// pools touched in this block and for the pools whose amplification is
// ramping, then prunes a bounded batch of expired records of each kind. Each pool is recorded in its own cached context, written
// only on success; an error or a panic is logged and emitted as
// EventTwapError and the other pools go on. EndBlock never fails.
func (k Keeper) EndBlock(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now := sdkCtx.BlockTime().UTC()
	settled := k.clearBatches(sdkCtx)
	if _, err := k.safely(sdkCtx, 0, func(c sdk.Context) (int, error) {
		return 0, k.pruneOrders(c, OrderPruneBatch+settled)
	}); err != nil {
		k.reportBatchError(sdkCtx, 0, 0, err)
	}
	if _, err := k.safely(sdkCtx, 0, func(c sdk.Context) (int, error) {
		return 0, k.expireLimitOrders(c)
	}); err != nil {
		k.reportBatchError(sdkCtx, 0, 0, err)
	}
	if _, err := k.safely(sdkCtx, 0, func(c sdk.Context) (int, error) {
		return 0, k.pruneLimitOrders(c, OrderPruneBatch)
	}); err != nil {
		k.reportBatchError(sdkCtx, 0, 0, err)
	}
	ids, err := k.poolsToRecord(sdkCtx, now)
	if err != nil {
		k.reportTwapError(sdkCtx, 0, err)
	}
	written := 0
	for _, id := range ids {
		n, err := k.safely(sdkCtx, id, func(c sdk.Context) (int, error) { return k.recordPool(c, id, now) })
		if err != nil {
			k.reportTwapError(sdkCtx, id, err)
		}
		written += n
	}
	if _, err := k.safely(sdkCtx, 0, func(c sdk.Context) (int, error) {
		return 0, k.pruneTwap(c, now, TwapPruneBatch+written)
	}); err != nil {
		k.reportTwapError(sdkCtx, 0, err)
	}
	if _, err := k.safely(sdkCtx, 0, func(c sdk.Context) (int, error) {
		return 0, k.prunePoolStats(c, now, TwapPruneBatch+len(ids))
	}); err != nil {
		k.reportTwapError(sdkCtx, 0, err)
	}
	return nil
}

// recordPool writes a pool's TWAP records and its stats record, together.
func (k Keeper) recordPool(ctx sdk.Context, poolID uint64, now time.Time) (int, error) {
	n, err := k.recordTwap(ctx, poolID, now)
	if err != nil {
		return 0, err
	}
	if _, err := k.recordPoolStats(ctx, poolID, now); err != nil {
		return 0, err
	}
	return n, nil
}

// safely runs one unit of EndBlock work (recording pool poolID, or 0 for
// pruning) in a cached context, written only if it succeeds; a panic
// becomes an error.
func (k Keeper) safely(ctx sdk.Context, poolID uint64, work func(sdk.Context) (int, error)) (n int, err error) {
	cacheCtx, write := ctx.CacheContext()
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, errorsmod.Wrapf(types.ErrInvariantBroken, "panic: %v", r)
		}
	}()
	if endBlockHook != nil {
		endBlockHook(cacheCtx, poolID)
	}
	n, err = work(cacheCtx)
	if err != nil {
		return 0, err
	}
	write()
	return n, nil
}

// endBlockHook, when set (tests only), runs before each unit of EndBlock
// work.
var endBlockHook func(ctx sdk.Context, poolID uint64)

// poolsToRecord lists, ascending and without repeats, the pools touched in
// this block (transient store) and the ramping pools. A ramp that has
// ended is recorded one last time and leaves the ramping set.
func (k Keeper) poolsToRecord(ctx sdk.Context, now time.Time) ([]uint64, error) {
	seen := map[uint64]bool{}
	var ids []uint64
	add := func(id uint64) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if err := k.TouchedPools.Walk(ctx, nil, func(id uint64) (bool, error) {
		add(id)
		return false, nil
	}); err != nil {
		return nil, err
	}
	var ended []uint64
	if err := k.RampingPools.Walk(ctx, nil, func(id uint64) (bool, error) {
		p, err := k.GetPool(ctx, id)
		if err != nil || p.Amplification == nil {
			ended = append(ended, id)
			return false, nil
		}
		add(id)
		if !now.Before(p.Amplification.EndTime) {
			ended = append(ended, id)
		}
		return false, nil
	}); err != nil {
		return ids, err
	}
	for _, id := range ended {
		if err := k.RampingPools.Remove(ctx, id); err != nil {
			return ids, err
		}
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	return ids, nil
}

func (k Keeper) reportTwapError(ctx sdk.Context, poolID uint64, err error) {
	k.logger(ctx).Error("twap", "pool", poolID, "err", err)
	_ = ctx.EventManager().EmitTypedEvent(&types.EventTwapError{PoolId: poolID, Error: err.Error()})
}

// recordTwap writes, for every ordered pair of the pool's denoms, the
// record at now: the previous record advanced to now, carrying the new
// price (the pair's clearing price if its batch filled in this block, else
// the spot price; clearing_price.go). EndBlock runs it in a cached context written only on
// success, so a pool is recorded entirely or not at all. It returns the
// number of records written.
func (k Keeper) recordTwap(ctx sdk.Context, poolID uint64, now time.Time) (int, error) {
	p, err := k.GetPool(ctx, poolID)
	if err != nil {
		return 0, err
	}
	type write struct {
		key  TwapKey
		rec  types.TwapRecord
		prev *TwapKey
	}
	var writes []write
	for _, base := range p.Denoms() {
		for _, quote := range p.Denoms() {
			if base == quote {
				continue
			}
			price, err := k.twapPrice(ctx, p, base, quote, now)
			if err != nil {
				return 0, err
			}
			pair := types.TwapPair(base, quote)
			prev, found, err := k.twapAtOrBefore(ctx, poolID, pair, now)
			if err != nil {
				return 0, err
			}
			var acc dexmath.Accumulator
			var prevKey *TwapKey
			if found {
				acc, err = dexmath.Advance(toAccumulator(prev), now, price)
				if !prev.Time.Equal(now) {
					pk := collections.Join3(poolID, pair, prev.Time)
					prevKey = &pk
				}
			} else {
				acc, err = dexmath.NewAccumulator(now, price)
			}
			if err != nil {
				return 0, types.WrapMathError(err, "pool %d %s/%s", poolID, base, quote)
			}
			writes = append(writes, write{
				key: collections.Join3(poolID, pair, now),
				rec: fromAccumulator(poolID, base, quote, acc), prev: prevKey,
			})
		}
	}
	for _, w := range writes {
		if err := k.TwapRecords.Set(ctx, w.key, w.rec); err != nil {
			return 0, err
		}
		if w.prev != nil {
			if err := k.TwapPruneIndex.Set(ctx, collections.Join(now, *w.prev)); err != nil {
				return 0, err
			}
		}
	}
	return len(writes), nil
}

// pruneTwap deletes up to limit records whose successor is older than the
// window: the newest record at or before now − window is kept, so any
// [start, end] within the window can still be interpolated.
func (k Keeper) pruneTwap(ctx sdk.Context, now time.Time, limit int) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	cutoff := now.Add(-params.TwapWindow())
	var done []collections.Pair[time.Time, TwapKey]
	err = k.TwapPruneIndex.Walk(ctx, collections.NewPrefixUntilPairRange[time.Time, TwapKey](cutoff),
		func(key collections.Pair[time.Time, TwapKey]) (bool, error) {
			done = append(done, key)
			return len(done) >= limit, nil
		})
	if err != nil {
		return err
	}
	for _, key := range done {
		if err := k.TwapRecords.Remove(ctx, key.K2()); err != nil {
			return err
		}
		if err := k.TwapPruneIndex.Remove(ctx, key); err != nil {
			return err
		}
	}
	if len(done) > 0 {
		return ctx.EventManager().EmitTypedEvent(&types.EventTwapPruned{Count: uint32(len(done)), Cutoff: cutoff})
	}
	return nil
}

// twapAtOrBefore returns the newest record of (pool, pair) at or before t.
func (k Keeper) twapAtOrBefore(ctx context.Context, poolID uint64, pair string, t time.Time) (types.TwapRecord, bool, error) {
	rng := new(collections.Range[TwapKey]).
		StartInclusive(collections.Join3(poolID, pair, minTime)).
		EndInclusive(collections.Join3(poolID, pair, t.UTC())).
		Descending()
	it, err := k.TwapRecords.Iterate(ctx, rng)
	if err != nil {
		return types.TwapRecord{}, false, err
	}
	defer it.Close()
	if !it.Valid() {
		return types.TwapRecord{}, false, nil
	}
	rec, err := it.Value()
	return rec, err == nil, err
}

// earliestTwap returns the oldest record of (pool, pair).
func (k Keeper) earliestTwap(ctx context.Context, poolID uint64, pair string) (types.TwapRecord, bool, error) {
	it, err := k.TwapRecords.Iterate(ctx, collections.NewSuperPrefixedTripleRange[uint64, string, time.Time](poolID, pair))
	if err != nil {
		return types.TwapRecord{}, false, err
	}
	defer it.Close()
	if !it.Valid() {
		return types.TwapRecord{}, false, nil
	}
	rec, err := it.Value()
	return rec, err == nil, err
}

// accumulatorAt is the accumulator of (pool, pair) at t, interpolated from
// the newest record at or before t.
func (k Keeper) accumulatorAt(ctx context.Context, poolID uint64, base, quote string, t time.Time) (dexmath.Accumulator, error) {
	pair := types.TwapPair(base, quote)
	rec, found, err := k.twapAtOrBefore(ctx, poolID, pair, t)
	if err != nil {
		return dexmath.Accumulator{}, err
	}
	if !found {
		first, ok, err := k.earliestTwap(ctx, poolID, pair)
		if err != nil {
			return dexmath.Accumulator{}, err
		}
		if !ok {
			return dexmath.Accumulator{}, errorsmod.Wrapf(types.ErrTwapNotCovered,
				"pool %d has no TWAP record of %s/%s yet (records are written at the end of the block that creates or trades the pool)", poolID, base, quote)
		}
		return dexmath.Accumulator{}, errorsmod.Wrapf(types.ErrTwapNotCovered,
			"pool %d has no TWAP record of %s/%s at or before %s; the earliest is at %s", poolID, base, quote,
			t.UTC().Format(time.RFC3339), first.Time.UTC().Format(time.RFC3339))
	}
	acc, err := dexmath.Interpolate(toAccumulator(rec), t.UTC())
	if err != nil {
		return dexmath.Accumulator{}, types.WrapMathError(err, "pool %d %s/%s at %s", poolID, base, quote, t)
	}
	return acc, nil
}

// TWAP returns the arithmetic and geometric time-weighted average price of
// baseDenom in quoteDenom in pool poolID over [start, end]. end must not be
// after the current block time; start must be covered by a record (records
// are kept for the governed twap_window). This is the method other modules
// (the oracle) call.
func (k Keeper) TWAP(ctx context.Context, poolID uint64, baseDenom, quoteDenom string, start, end time.Time) (arithmetic, geometric sdkmath.LegacyDec, err error) {
	zero := sdkmath.LegacyZeroDec()
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	if !end.After(start) {
		return zero, zero, errorsmod.Wrapf(types.ErrInvalidTime, "end %s must be after start %s", end.UTC().Format(time.RFC3339), start.UTC().Format(time.RFC3339))
	}
	if end.After(now) {
		return zero, zero, errorsmod.Wrapf(types.ErrInvalidTime, "end %s is after the current block time %s", end.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	p, err := k.GetPool(ctx, poolID)
	if err != nil {
		return zero, zero, err
	}
	if _, _, err := p.Pair(baseDenom, quoteDenom); err != nil {
		return zero, zero, err
	}
	s, err := k.accumulatorAt(ctx, poolID, baseDenom, quoteDenom, start)
	if err != nil {
		return zero, zero, err
	}
	e, err := k.accumulatorAt(ctx, poolID, baseDenom, quoteDenom, end)
	if err != nil {
		return zero, zero, err
	}
	if arithmetic, err = dexmath.ArithmeticTWAP(s, e); err != nil {
		return zero, zero, types.WrapMathError(err, "arithmetic TWAP")
	}
	if geometric, err = dexmath.GeometricTWAP(s, e); err != nil {
		return zero, zero, types.WrapMathError(err, "geometric TWAP")
	}
	return arithmetic, geometric, nil
}

// TwapWindow is the governed TWAP window: records are kept this long, so a
// TWAP can start at most this far back.
func (k Keeper) TwapWindow(ctx context.Context) (time.Duration, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	return params.TwapWindow(), nil
}

func toAccumulator(r types.TwapRecord) dexmath.Accumulator {
	return dexmath.Accumulator{
		Time: r.Time.UTC(), ArithmeticCumulative: r.ArithmeticCumulative,
		GeometricCumulative: r.GeometricCumulative, LastSpotPrice: r.LastSpotPrice,
	}
}

func fromAccumulator(poolID uint64, base, quote string, a dexmath.Accumulator) types.TwapRecord {
	return types.TwapRecord{
		PoolId: poolID, BaseDenom: base, QuoteDenom: quote, Time: a.Time.UTC(),
		ArithmeticCumulative: a.ArithmeticCumulative, GeometricCumulative: a.GeometricCumulative,
		LastSpotPrice: a.LastSpotPrice,
	}
}
