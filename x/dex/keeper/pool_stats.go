package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// Pool statistics on chain, with no indexer: every swap hop adds to its
// pool's totals for the block (transient store); at the end of the block,
// with the TWAP records and for the same pools, each pool gets a stats
// record: the previous record's cumulative totals plus the block's, and
// the reserves. Records are pruned like TWAP records (the newest one at or
// before now − twap_window is kept). Between two records of a pool nothing
// swapped through it, so the totals at any time t are those of the newest
// record at or before t, and the totals over (t, now] are exact.

// DefaultStatsWindow is the window of the PoolStats query when none is
// given.
const DefaultStatsWindow = 24 * time.Hour

// MaxHistoryPoints bounds the PoolHistory query's samples.
const MaxHistoryPoints = 200

// addSwapStats adds a swap's hops to their pools' totals for this block.
func (k Keeper) addSwapStats(ctx context.Context, hops []types.SwapHop) error {
	for _, h := range hops {
		s, err := k.BlockSwapStats.Get(ctx, h.PoolId)
		if err != nil && !errorsIsNotFound(err) {
			return err
		}
		if err := k.BlockSwapStats.Set(ctx, h.PoolId, s.AddHop(h)); err != nil {
			return err
		}
	}
	return nil
}

func errorsIsNotFound(err error) bool { return errorsmod.IsOf(err, collections.ErrNotFound) }

// recordPoolStats writes pool poolID's stats record at now. EndBlock runs
// it with recordTwap, in the same cached context.
func (k Keeper) recordPoolStats(ctx sdk.Context, poolID uint64, now time.Time) (int, error) {
	p, err := k.GetPool(ctx, poolID)
	if err != nil {
		return 0, err
	}
	block, err := k.BlockSwapStats.Get(ctx, poolID)
	if err != nil && !errorsIsNotFound(err) {
		return 0, err
	}
	prev, found, err := k.statsAtOrBefore(ctx, poolID, now)
	if err != nil {
		return 0, err
	}
	rec := types.PoolStatsRecord{
		PoolId: poolID, Time: now, Cumulative: prev.Cumulative.Add(block),
		Reserves: p.Reserves, TotalShares: p.TotalShares,
	}
	if err := k.PoolStatsRecords.Set(ctx, collections.Join(poolID, now), rec); err != nil {
		return 0, err
	}
	if found && !prev.Time.Equal(now) {
		if err := k.PoolStatsPruneIndex.Set(ctx, collections.Join(now, collections.Join(poolID, prev.Time.UTC()))); err != nil {
			return 0, err
		}
	}
	return 1, nil
}

// prunePoolStats deletes up to limit stats records whose successor is
// older than the TWAP window (the same rule as pruneTwap).
func (k Keeper) prunePoolStats(ctx sdk.Context, now time.Time, limit int) error {
	window, err := k.TwapWindow(ctx)
	if err != nil {
		return err
	}
	cutoff := now.Add(-window)
	var done []collections.Pair[time.Time, PoolStatsKey]
	err = k.PoolStatsPruneIndex.Walk(ctx, collections.NewPrefixUntilPairRange[time.Time, PoolStatsKey](cutoff),
		func(key collections.Pair[time.Time, PoolStatsKey]) (bool, error) {
			done = append(done, key)
			return len(done) >= limit, nil
		})
	if err != nil {
		return err
	}
	for _, key := range done {
		if err := k.PoolStatsRecords.Remove(ctx, key.K2()); err != nil {
			return err
		}
		if err := k.PoolStatsPruneIndex.Remove(ctx, key); err != nil {
			return err
		}
	}
	return nil
}

// statsAtOrBefore returns pool poolID's newest stats record at or before
// t.
func (k Keeper) statsAtOrBefore(ctx context.Context, poolID uint64, t time.Time) (types.PoolStatsRecord, bool, error) {
	rng := new(collections.Range[PoolStatsKey]).
		StartInclusive(collections.Join(poolID, minTime)).
		EndInclusive(collections.Join(poolID, t.UTC())).
		Descending()
	return firstStats(k.PoolStatsRecords.Iterate(ctx, rng))
}

// earliestStats returns pool poolID's oldest stats record.
func (k Keeper) earliestStats(ctx context.Context, poolID uint64) (types.PoolStatsRecord, bool, error) {
	return firstStats(k.PoolStatsRecords.Iterate(ctx, collections.NewPrefixedPairRange[uint64, time.Time](poolID)))
}

func firstStats(it collections.Iterator[PoolStatsKey, types.PoolStatsRecord], err error) (types.PoolStatsRecord, bool, error) {
	if err != nil {
		return types.PoolStatsRecord{}, false, err
	}
	defer it.Close()
	if !it.Valid() {
		return types.PoolStatsRecord{}, false, nil
	}
	rec, err := it.Value()
	return rec, err == nil, err
}

// PoolStatsWindow is a pool's swap totals over (Start, End] and since its
// records began.
type PoolStatsWindow struct {
	Window     types.PoolStats
	Start, End time.Time
	Cumulative types.PoolStats
}

// PoolStatsOver returns pool poolID's swap volume and fees over the window
// ending at the current block time. When the pool's records begin after
// now − window (a young pool, or a window longer than the records kept),
// Start is its first record's time.
func (k Keeper) PoolStatsOver(ctx context.Context, poolID uint64, window time.Duration) (PoolStatsWindow, error) {
	if window <= 0 || window > 2*types.MaxTwapWindow {
		return PoolStatsWindow{}, errorsmod.Wrapf(types.ErrInvalidTime, "window %s must be positive and at most %s", window, 2*types.MaxTwapWindow)
	}
	if _, err := k.GetPool(ctx, poolID); err != nil {
		return PoolStatsWindow{}, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime().UTC()
	cur, found, err := k.statsAtOrBefore(ctx, poolID, now)
	if err != nil {
		return PoolStatsWindow{}, err
	}
	if !found {
		// Not recorded yet (the first record is written at the end of the
		// block that creates or changes the pool).
		return PoolStatsWindow{Start: now, End: now}, nil
	}
	start := now.Add(-window)
	base, found, err := k.statsAtOrBefore(ctx, poolID, start)
	if err != nil {
		return PoolStatsWindow{}, err
	}
	if !found {
		if base, _, err = k.earliestStats(ctx, poolID); err != nil {
			return PoolStatsWindow{}, err
		}
		start = base.Time.UTC()
	}
	diff, err := cur.Cumulative.Sub(base.Cumulative)
	if err != nil {
		return PoolStatsWindow{}, errorsmod.Wrapf(err, "pool %d", poolID)
	}
	return PoolStatsWindow{Window: diff, Start: start, End: now, Cumulative: cur.Cumulative}, nil
}

// PoolHistory samples pool poolID's stats records at points evenly spaced
// times from start to end (both included): each sample is the newest
// record at or before its time. Times before the first record are left
// out.
func (k Keeper) PoolHistory(ctx context.Context, poolID uint64, start, end time.Time, points int) ([]types.PoolSample, error) {
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	if points < 2 || points > MaxHistoryPoints {
		return nil, errorsmod.Wrapf(types.ErrInvalidAmount, "points %d must be in [2, %d]", points, MaxHistoryPoints)
	}
	if !end.After(start) {
		return nil, errorsmod.Wrapf(types.ErrInvalidTime, "end %s must be after start %s", end.UTC().Format(time.RFC3339), start.UTC().Format(time.RFC3339))
	}
	if end.After(now) {
		return nil, errorsmod.Wrapf(types.ErrInvalidTime, "end %s is after the current block time %s", end.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	if _, err := k.GetPool(ctx, poolID); err != nil {
		return nil, err
	}
	span := end.Sub(start)
	var samples []types.PoolSample
	for i := 0; i < points; i++ {
		t := start.Add(time.Duration(int64(span) / int64(points-1) * int64(i))).UTC()
		if i == points-1 {
			t = end.UTC()
		}
		rec, found, err := k.statsAtOrBefore(ctx, poolID, t)
		if err != nil {
			return nil, err
		}
		if found {
			samples = append(samples, types.PoolSample{Time: t, Record: rec})
		}
	}
	return samples, nil
}
