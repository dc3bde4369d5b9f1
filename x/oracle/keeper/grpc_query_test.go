package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/agora-labs/agora/x/oracle/keeper"
	"github.com/agora-labs/agora/x/oracle/types"
)

func TestQueries(t *testing.T) {
	f := setup(t)
	q := keeper.NewQueryServerImpl(f.k)
	params, _ := f.k.Params.Get(f.ctx)
	require.NoError(t, f.k.ApplyAggregates(f.atHeight(120), params, 4, []types.AggregatePrice{agg("BTC/USD", "60000", 3, 3)}))
	require.NoError(t, f.k.PreBlockUpkeep(f.atHeight(120), params))
	require.NoError(t, f.k.RecordMisses(f.atHeight(120), [][]byte{{9}}))

	ctx := f.atHeight(125)
	all, err := q.Prices(ctx, &types.QueryPricesRequest{})
	require.NoError(t, err)
	require.Len(t, all.Prices, len(params.Pairs))
	for _, p := range all.Prices {
		if p.Pair == "BTC/USD" {
			require.True(t, p.HasPrice)
			require.False(t, p.Stale)
			require.EqualValues(t, 5, p.AgeBlocks)
			require.Equal(t, dec("0.75"), p.PowerShare)
		} else {
			require.False(t, p.HasPrice)
			require.True(t, p.Stale)
		}
	}

	one, err := q.Price(ctx, &types.QueryPriceRequest{Base: "btc", Quote: "usd"})
	require.NoError(t, err)
	require.Equal(t, dec("60000"), one.Price.Price)
	_, err = q.Price(ctx, &types.QueryPriceRequest{Base: "DOGE", Quote: "USD"})
	require.Error(t, err)

	hm, err := q.HistoricMedian(ctx, &types.QueryHistoricMedianRequest{Base: "BTC", Quote: "USD"})
	require.NoError(t, err)
	require.Equal(t, dec("60000"), hm.HistoricMedian.Median)
	require.Len(t, hm.Samples, 1)

	mc, err := q.MissCounters(ctx, &types.QueryMissCountersRequest{})
	require.NoError(t, err)
	require.Len(t, mc.MissCounters, 1)
	require.EqualValues(t, 1, mc.MissCounters[0].Misses)
	require.EqualValues(t, 3600, mc.WindowEndHeight)

	p, err := q.Params(ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, params, p.Params)
}

func TestGenesisRoundTrip(t *testing.T) {
	f := setup(t)
	params, _ := f.k.Params.Get(f.ctx)
	require.NoError(t, f.k.ApplyAggregates(f.atHeight(120), params, 1, []types.AggregatePrice{agg("BTC/USD", "60000", 1, 1)}))
	require.NoError(t, f.k.PreBlockUpkeep(f.atHeight(120), params))
	require.NoError(t, f.k.RecordMisses(f.atHeight(120), [][]byte{{9}}))

	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	require.Len(t, gs.Prices, 1)
	require.Len(t, gs.HistoricSamples, 1)
	require.Len(t, gs.MissCounters, 1)
	require.EqualValues(t, 1, gs.MissWindowBlocksCounted)

	// A chain restarting from this export starts after the records' height.
	g := setup(t)
	require.NoError(t, g.k.InitGenesis(g.atHeight(121), *gs))
	again, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, gs, again)
}

// Genesis records stamped after the initial height would never become
// stale: InitGenesis refuses them and stores nothing.
func TestGenesisRejectsFutureHeights(t *testing.T) {
	for name, edit := range map[string]func(gs *types.GenesisState){
		"price": func(gs *types.GenesisState) {
			gs.Prices = []types.PriceRecord{{Pair: "BTC/USD", Price: dec("1"), UpdatedHeight: 101}}
		},
		"sample": func(gs *types.GenesisState) {
			gs.HistoricSamples = []types.HistoricSample{{Pair: "BTC/USD", Price: dec("1"), Height: 101}}
		},
		"median": func(gs *types.GenesisState) {
			gs.HistoricMedians = []types.HistoricMedian{{Pair: "BTC/USD", Median: dec("1"), Samples: 1, UpdatedHeight: 101}}
		},
	} {
		t.Run(name, func(t *testing.T) {
			f := setup(t) // at height 100
			gs := types.DefaultGenesis()
			gs.Params.VoteThreshold = dec("0.9")
			edit(gs)
			require.NoError(t, gs.Validate())
			requireCode(t, f.k.InitGenesis(f.ctx, *gs), types.ErrInvalidGenesis)
			got, err := f.k.Params.Get(f.ctx)
			require.NoError(t, err)
			require.Equal(t, types.DefaultVoteThreshold, got.VoteThreshold) // nothing written
			has, err := f.k.Prices.Has(f.ctx, "BTC/USD")
			require.NoError(t, err)
			require.False(t, has)
			// At the records' height it is accepted.
			require.NoError(t, f.k.InitGenesis(f.atHeight(101), *gs))
		})
	}
}
