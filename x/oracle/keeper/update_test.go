package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/agora-labs/agora/x/oracle/types"
)

func TestApplyAggregatesThreshold(t *testing.T) {
	f := setup(t)
	params, _ := f.k.Params.Get(f.ctx)
	params.VoteThreshold = dec("0.5")

	// 49 of 100: below the 0.5 threshold, nothing stored.
	ctx := f.atHeight(100)
	require.NoError(t, f.k.ApplyAggregates(ctx, params, 100, []types.AggregatePrice{agg("BTC/USD", "60000", 1, 49)}))
	_, err := f.k.Price(ctx, "BTC/USD")
	require.ErrorIs(t, err, types.ErrPriceNotFound)
	require.True(t, hasEvent(ctx, "agora.oracle.v1.EventPriceNotUpdated"))

	// Exactly 50 of 100 meets it.
	ctx = f.atHeight(101)
	require.NoError(t, f.k.ApplyAggregates(ctx, params, 100, []types.AggregatePrice{agg("BTC/USD", "60000", 2, 50)}))
	cur, err := f.k.Price(ctx, "BTC/USD")
	require.NoError(t, err)
	require.Equal(t, dec("60000"), cur.Price)
	require.EqualValues(t, 101, cur.UpdatedHeight)
	require.EqualValues(t, 0, cur.AgeBlocks)
	require.True(t, hasEvent(ctx, "agora.oracle.v1.EventPriceUpdated"))
	rec, _ := f.k.Prices.Get(ctx, "BTC/USD")
	require.Equal(t, dec("0.5"), rec.PowerShare)
	require.EqualValues(t, 2, rec.Reporters)

	// Unlisted pairs in an aggregate are ignored.
	require.NoError(t, f.k.ApplyAggregates(ctx, params, 100, []types.AggregatePrice{agg("DOGE/USD", "1", 4, 100)}))
	has, _ := f.k.Prices.Has(ctx, "DOGE/USD")
	require.False(t, has)
}

func TestApplyAggregatesClamps(t *testing.T) {
	f := setup(t)
	params, _ := f.k.Params.Get(f.ctx) // max change 10%

	// The first price is taken as is.
	require.NoError(t, f.k.ApplyAggregates(f.atHeight(100), params, 100, []types.AggregatePrice{agg("BTC/USD", "60000", 4, 100)}))

	// +50% is clamped to +10%.
	ctx := f.atHeight(101)
	require.NoError(t, f.k.ApplyAggregates(ctx, params, 100, []types.AggregatePrice{agg("BTC/USD", "90000", 4, 100)}))
	cur, err := f.k.Price(ctx, "BTC/USD")
	require.NoError(t, err)
	require.Equal(t, dec("66000"), cur.Price)
	require.True(t, hasEvent(ctx, "agora.oracle.v1.EventPriceClamped"))

	// -50% is clamped to -10%.
	ctx = f.atHeight(102)
	require.NoError(t, f.k.ApplyAggregates(ctx, params, 100, []types.AggregatePrice{agg("BTC/USD", "30000", 4, 100)}))
	cur, _ = f.k.Price(ctx, "BTC/USD")
	require.Equal(t, dec("59400"), cur.Price)

	// A move within the band is not clamped.
	ctx = f.atHeight(103)
	require.NoError(t, f.k.ApplyAggregates(ctx, params, 100, []types.AggregatePrice{agg("BTC/USD", "60000", 4, 100)}))
	cur, _ = f.k.Price(ctx, "BTC/USD")
	require.Equal(t, dec("60000"), cur.Price)
	require.False(t, hasEvent(ctx, "agora.oracle.v1.EventPriceClamped"))

	// After the price went stale, the new median is taken without clamping.
	ctx = f.atHeight(103 + int64(params.MaxPriceAgeBlocks) + 1)
	require.NoError(t, f.k.ApplyAggregates(ctx, params, 100, []types.AggregatePrice{agg("BTC/USD", "120000", 4, 100)}))
	cur, _ = f.k.Price(ctx, "BTC/USD")
	require.Equal(t, dec("120000"), cur.Price)
}

func TestPriceStaleness(t *testing.T) {
	f := setup(t)
	params, _ := f.k.Params.Get(f.ctx)
	require.NoError(t, f.k.ApplyAggregates(f.atHeight(100), params, 100, []types.AggregatePrice{agg("ETH/USD", "3000", 4, 100)}))

	maxAge := int64(params.MaxPriceAgeBlocks)
	cur, err := f.k.Price(f.atHeight(100+maxAge), "ETH/USD")
	require.NoError(t, err)
	require.Equal(t, maxAge, cur.AgeBlocks)

	cur, err = f.k.Price(f.atHeight(101+maxAge), "ETH/USD")
	require.ErrorIs(t, err, types.ErrPriceStale)
	require.Equal(t, dec("3000"), cur.Price) // still reported with the error

	_, err = f.k.CollateralPrice(f.atHeight(101+maxAge), "ETH/USD")
	require.ErrorIs(t, err, types.ErrPriceStale)
	_, err = f.k.DebtPrice(f.atHeight(101+maxAge), "ETH/USD")
	require.ErrorIs(t, err, types.ErrPriceStale)
	_, err = f.k.Price(f.ctx, "DOGE/USD")
	require.ErrorIs(t, err, types.ErrUnknownPair)

	// PreBlockUpkeep emits a stale event for the stale pair and the
	// never-priced ones.
	ctx := f.atHeight(101 + maxAge)
	require.NoError(t, f.k.PreBlockUpkeep(ctx, params))
	stale := 0
	for _, e := range ctx.EventManager().Events() {
		if e.Type == "agora.oracle.v1.EventPriceStale" {
			stale++
		}
	}
	require.Equal(t, len(params.Pairs), stale)
}

func TestHistoricMedian(t *testing.T) {
	f := setup(t)
	params, _ := f.k.Params.Get(f.ctx)
	params.HistoricWindowBlocks, params.HistoricSampleBlocks = 30, 10
	params.MaxChangePerBlock = dec("0.5")
	require.NoError(t, f.k.Params.Set(f.ctx, params))

	// Prices 100, 140, 120, 180 at heights 100, 110, 120, 130, sampled at
	// each; the window keeps the last 3 samples (height > h-30).
	prices := []string{"100", "140", "120", "180"}
	for i, p := range prices {
		h := int64(100 + 10*i)
		ctx := f.atHeight(h)
		require.NoError(t, f.k.ApplyAggregates(ctx, params, 10, []types.AggregatePrice{agg("BTC/USD", p, 1, 10)}))
		require.NoError(t, f.k.PreBlockUpkeep(ctx, params))
	}
	hm, err := f.k.HistoricMedians.Get(f.ctx, "BTC/USD")
	require.NoError(t, err)
	require.EqualValues(t, 3, hm.Samples) // 140, 120, 180 (100 was pruned)
	require.Equal(t, dec("140"), hm.Median)
	require.EqualValues(t, 130, hm.UpdatedHeight)

	// Collateral takes the lower of current (180) and the median (140); debt the higher.
	ctx := f.atHeight(130)
	c, err := f.k.CollateralPrice(ctx, "BTC/USD")
	require.NoError(t, err)
	require.Equal(t, dec("140"), c)
	d, err := f.k.DebtPrice(ctx, "BTC/USD")
	require.NoError(t, err)
	require.Equal(t, dec("180"), d)

	// With BTC/USD guarded by pool 7 (TWAP 100 uusdc per ubtc, both 6
	// decimals) collateral drops to it; the TWAP asked for is pool 7's over
	// the lookback.
	setGuard(t, f, "BTC/USD", 7, "uusdc", 6)
	f.dex.twap[7] = dec("100")
	c, err = f.k.CollateralPrice(ctx, "BTC/USD")
	require.NoError(t, err)
	require.Equal(t, dec("100"), c)
	require.Equal(t, "7 ubtc/uusdc 10m0s", f.dex.lastCall)
	// A guard pool that is gone fails closed, with an event.
	delete(f.dex.twap, 7)
	ctx = f.atHeight(130)
	_, err = f.k.CollateralPrice(ctx, "BTC/USD")
	requireCode(t, err, types.ErrGuardUnavailable)
	require.True(t, hasEvent(ctx, "agora.oracle.v1.EventGuardUnavailable"))
	setGuard(t, f, "BTC/USD", 0, "", 0)

	// A stale price is not sampled; old samples age out of the window.
	for h := int64(140); h <= 230; h += 10 { // fresh until 190, then stale
		require.NoError(t, f.k.PreBlockUpkeep(f.atHeight(h), params))
	}
	_, err = f.k.HistoricMedians.Get(f.ctx, "BTC/USD")
	require.Error(t, err) // every sample left the window and none was added
}

func TestMissCountersAndSlashing(t *testing.T) {
	f := setup(t)
	params, _ := f.k.Params.Get(f.ctx)
	params.MissWindowBlocks = 10
	params.MinValidPerWindow = dec("0.5")
	require.NoError(t, f.k.Params.Set(f.ctx, params))
	good, lazy, gone := []byte{1}, []byte{2}, []byte{3}
	f.staking.addBonded(lazy, 1_000_000)
	f.staking.addBonded(gone, 1_000_000)

	for h := int64(101); h <= 109; h++ {
		missed := [][]byte{gone}
		if h%2 == 0 {
			missed = append(missed, lazy)
		}
		require.NoError(t, f.k.RecordMisses(f.atHeight(h), missed))
		require.NoError(t, f.k.PreBlockUpkeep(f.atHeight(h), params))
	}
	n, _ := f.k.MissCounters.Get(f.ctx, gone)
	require.EqualValues(t, 9, n)
	n, _ = f.k.MissCounters.Get(f.ctx, lazy)
	require.EqualValues(t, 4, n)
	has, _ := f.k.MissCounters.Has(f.ctx, good)
	require.False(t, has)

	// Slashing off (default): the window closes, counters reset, nobody slashed.
	ctx := f.atHeight(110)
	require.NoError(t, f.k.PreBlockUpkeep(ctx, params))
	require.Empty(t, f.staking.slashed)
	require.True(t, hasEvent(ctx, "agora.oracle.v1.EventMissWindowClosed"))
	has, _ = f.k.MissCounters.Has(f.ctx, gone)
	require.False(t, has)
	blocks, _ := f.k.MissWindowBlocks.Get(f.ctx)
	require.Zero(t, blocks)

	// Slashing on: in the next window "gone" misses every block (valid
	// share 0 < 0.5) and is slashed and jailed; "lazy" misses 4 of 9
	// (valid 5/9 >= 0.5) and is not.
	params.SlashFraction = dec("0.01")
	for h := int64(111); h <= 119; h++ {
		missed := [][]byte{gone}
		if h%2 == 0 {
			missed = append(missed, lazy)
		}
		require.NoError(t, f.k.RecordMisses(f.atHeight(h), missed))
	}
	ctx = f.atHeight(120)
	require.NoError(t, f.k.PreBlockUpkeep(ctx, params))
	require.Equal(t, dec("0.01"), f.staking.slashed[string(gone)])
	require.True(t, f.staking.jailed[string(gone)])
	require.NotContains(t, f.staking.slashed, string(lazy))
	require.True(t, hasEvent(ctx, "agora.oracle.v1.EventValidatorSlashed"))
}
