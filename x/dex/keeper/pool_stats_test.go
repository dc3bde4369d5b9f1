package keeper_test

import (
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/dex/types"
)

// swapRecorded is one swap of the stats test: its block time and what it
// added to the pool's totals.
type swapRecorded struct {
	at    time.Time
	stats types.PoolStats
}

// statsChain creates a pool and swaps through it in five blocks, both
// ways, returning the pool and each swap's block time and totals (from the
// simulation just before it, which the swap then executes).
func statsChain(t *testing.T) (*chainT, uint64, []swapRecorded) {
	c := newChain(t)
	id := createCP(t, c, "100000000ueth,250000000000uusdc")
	alice := c.Address("alice").String()
	var swaps []swapRecorded
	for i, in := range []string{"500000000uusdc", "200000ueth", "1000000000uusdc", "50000ueth", "3000000000uusdc"} {
		tokenIn := coin(in)
		out := "ueth"
		if tokenIn.Denom == "ueth" {
			out = "uusdc"
		}
		route := []types.Hop{{PoolId: id, DenomOut: out}}
		sim, err := dexKeeper(c).SimulateSwapExactIn(c.Ctx(), route, tokenIn)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.DeliverMsgs("alice", &types.MsgSwapExactIn{Sender: alice, Route: route, TokenIn: tokenIn, MinOut: sdkmath.ZeroInt()}); err != nil {
			t.Fatalf("swap %d: %v", i, err)
		}
		swaps = append(swaps, swapRecorded{at: c.Time(), stats: types.PoolStats{}.AddHop(sim.Hops[0])})
		c.NextBlock() // a block without swaps between them
	}
	return c, id, swaps
}

type chainT = apptest.Chain

// sumSwaps adds the totals of the swaps in (from, to].
func sumSwaps(swaps []swapRecorded, from, to time.Time) types.PoolStats {
	var s types.PoolStats
	for _, sw := range swaps {
		if sw.at.After(from) && !sw.at.After(to) {
			s = s.Add(sw.stats)
		}
	}
	return s
}

func requireStats(t *testing.T, what string, got, want types.PoolStats) {
	t.Helper()
	if !sdk.NewCoins(got.Volume...).Equal(sdk.NewCoins(want.Volume...)) ||
		!sdk.NewCoins(got.Fees...).Equal(sdk.NewCoins(want.Fees...)) ||
		!sdk.NewCoins(got.ProtocolFees...).Equal(sdk.NewCoins(want.ProtocolFees...)) {
		t.Fatalf("%s: got %v, want %v", what, got, want)
	}
}

// The volume and fees over a window are the sum of the swaps in it.
func TestPoolStatsWindowIsTheSumOfItsSwaps(t *testing.T) {
	c, id, swaps := statsChain(t)
	q := keeper.NewQueryServerImpl(dexKeeper(c))
	now := c.Time()
	if !sumSwaps(swaps, time.Time{}, now).Fees.AmountOf("uusdc").IsPositive() || !sumSwaps(swaps, time.Time{}, now).Volume.AmountOf("ueth").IsPositive() {
		t.Fatalf("the swaps charged fees in both denoms: %v", sumSwaps(swaps, time.Time{}, now))
	}
	for _, tc := range []struct {
		name   string
		window time.Duration
	}{
		{"the last swap", now.Sub(swaps[4].at) + time.Second},
		{"from just after the second swap", now.Sub(swaps[1].at) - time.Second},
		{"starting at the third swap's block (excluded)", now.Sub(swaps[2].at)},
		{"every swap", now.Sub(swaps[0].at) + time.Second},
		{"nothing (after the last swap)", now.Sub(swaps[4].at) - time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := q.PoolStats(c.Ctx(), &types.QueryPoolStatsRequest{PoolId: id, Window: tc.window.String()})
			if err != nil {
				t.Fatal(err)
			}
			start := now.Add(-tc.window)
			if !res.StartTime.Equal(start) || !res.EndTime.Equal(now) {
				t.Fatalf("window [%s, %s], want [%s, %s]", res.StartTime, res.EndTime, start, now)
			}
			requireStats(t, "window", res.Window, sumSwaps(swaps, start, now))
			requireStats(t, "cumulative", res.Cumulative, sumSwaps(swaps, time.Time{}, now))
		})
	}
	// A window longer than the pool's life starts at its first record (its
	// creation block).
	res, err := q.PoolStats(c.Ctx(), &types.QueryPoolStatsRequest{PoolId: id})
	if err != nil {
		t.Fatal(err)
	}
	if !res.StartTime.Before(swaps[0].at) || res.StartTime.Before(now.Add(-24*time.Hour)) {
		t.Fatalf("a young pool's 24 h window starts at its first record: %s", res.StartTime)
	}
	requireStats(t, "24 h of a young pool", res.Window, sumSwaps(swaps, time.Time{}, now))
}

// The history samples the reserves as they were; expired records are
// pruned like TWAP records, keeping the newest one before the window.
func TestPoolHistoryAndPruning(t *testing.T) {
	c, id, swaps := statsChain(t)
	k := dexKeeper(c)
	q := keeper.NewQueryServerImpl(k)
	pool, err := k.GetPool(c.Ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	first, now := swaps[0].at, c.Time()
	hist, err := q.PoolHistory(c.Ctx(), &types.QueryPoolHistoryRequest{PoolId: id, StartTime: first.Format(time.RFC3339Nano), Points: 3})
	if err != nil || len(hist.Samples) != 3 {
		t.Fatalf("history: %v %v", hist, err)
	}
	last := hist.Samples[2]
	if !last.Time.Equal(now) || !last.Record.Reserves.Equal(pool.Reserves) || !last.Record.TotalShares.Equal(pool.TotalShares) {
		t.Fatalf("the last sample is the pool now: %v vs %v", last, pool)
	}
	// The first sample is the pool right after the first swap: its
	// reserves moved by that swap's in and out.
	if r := hist.Samples[0].Record; !r.Time.Equal(first) || r.Reserves.AmountOf("uusdc").Sub(sdkmath.NewInt(250000000000)).LT(sdkmath.NewInt(499000000)) {
		t.Fatalf("first sample: %v", r)
	}
	// Before the pool existed there is no sample.
	hist, err = q.PoolHistory(c.Ctx(), &types.QueryPoolHistoryRequest{PoolId: id, StartTime: first.Add(-time.Hour).Format(time.RFC3339Nano), Points: 2})
	if err != nil || len(hist.Samples) != 1 {
		t.Fatalf("history from before the pool: %v %v", hist, err)
	}

	// Two hours on, with a one-hour window: every record but the newest
	// is pruned, and the 24 h window starts at it, with nothing in it.
	ctx := c.Ctx().WithBlockTime(now.Add(2 * time.Hour))
	params, _ := k.GetParams(ctx)
	params.TwapWindowSeconds = 3600
	if err := k.Params.Set(ctx, params); err != nil {
		t.Fatal(err)
	}
	if err := k.EndBlock(ctx); err != nil {
		t.Fatal(err)
	}
	n := 0
	if err := k.PoolStatsRecords.Walk(ctx, nil, func(keeper.PoolStatsKey, types.PoolStatsRecord) (bool, error) { n++; return false, nil }); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("%d stats records left after pruning, want 1", n)
	}
	res, err := q.PoolStats(ctx, &types.QueryPoolStatsRequest{PoolId: id, Window: "24h"})
	if err != nil || !res.StartTime.Equal(swaps[4].at) || !res.Window.Volume.IsZero() {
		t.Fatalf("after pruning: %v %v", res, err)
	}
	requireStats(t, "cumulative after pruning", res.Cumulative, sumSwaps(swaps, time.Time{}, now))
}

// Bad stats and history queries name the module's error.
func TestPoolStatsRefusals(t *testing.T) {
	c := newChain(t)
	id := createCP(t, c, "100000000ueth,250000000000uusdc")
	q := keeper.NewQueryServerImpl(dexKeeper(c))
	ctx := c.Ctx()
	now := c.Time()
	at := func(d time.Duration) string { return now.Add(d).Format(time.RFC3339) }
	for _, tc := range []struct {
		name string
		run  func() error
		want *errorsmod.Error
	}{
		{"stats: unknown pool", func() error { _, err := q.PoolStats(ctx, &types.QueryPoolStatsRequest{PoolId: 99}); return err }, types.ErrPoolNotFound},
		{"stats: not a duration", func() error {
			_, err := q.PoolStats(ctx, &types.QueryPoolStatsRequest{PoolId: id, Window: "a day"})
			return err
		}, types.ErrInvalidTime},
		{"stats: negative", func() error {
			_, err := q.PoolStats(ctx, &types.QueryPoolStatsRequest{PoolId: id, Window: "-1h"})
			return err
		}, types.ErrInvalidTime},
		{"history: one point", func() error {
			_, err := q.PoolHistory(ctx, &types.QueryPoolHistoryRequest{PoolId: id, StartTime: at(-time.Hour), Points: 1})
			return err
		}, types.ErrInvalidAmount},
		{"history: too many points", func() error {
			_, err := q.PoolHistory(ctx, &types.QueryPoolHistoryRequest{PoolId: id, StartTime: at(-time.Hour), Points: 201})
			return err
		}, types.ErrInvalidAmount},
		{"history: end before start", func() error {
			_, err := q.PoolHistory(ctx, &types.QueryPoolHistoryRequest{PoolId: id, StartTime: at(-time.Hour), EndTime: at(-2 * time.Hour)})
			return err
		}, types.ErrInvalidTime},
		{"history: end in the future", func() error {
			_, err := q.PoolHistory(ctx, &types.QueryPoolHistoryRequest{PoolId: id, StartTime: at(-time.Hour), EndTime: at(time.Hour)})
			return err
		}, types.ErrInvalidTime},
		{"history: not a time", func() error {
			_, err := q.PoolHistory(ctx, &types.QueryPoolHistoryRequest{PoolId: id, StartTime: "yesterday"})
			return err
		}, types.ErrInvalidTime},
		{"history: unknown pool", func() error {
			_, err := q.PoolHistory(ctx, &types.QueryPoolHistoryRequest{PoolId: 99, StartTime: at(-time.Hour)})
			return err
		}, types.ErrPoolNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) { requireErr(t, tc.run(), tc.want) })
	}
}
