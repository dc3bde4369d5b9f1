package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/agora-labs/agora/x/oracle/keeper"
	"github.com/agora-labs/agora/x/oracle/types"
)

func TestQueries(t *testing.T) {
	f := setup(t)
	q := keeper.NewQuerier(f.k)
	params, _ := f.k.Params.Get(f.ctx)
	require.NoError(t, f.k.ApplyAggregates(f.atHeight(120), params, 4, []types.AggregatePrice{agg("BTC/USD", "60000", 3, 3)}))
	require.NoError(t, f.k.EndOracleBlock(f.atHeight(120), params))
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
	require.NoError(t, f.k.EndOracleBlock(f.atHeight(120), params))
	require.NoError(t, f.k.RecordMisses(f.atHeight(120), [][]byte{{9}}))

	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())
	require.Len(t, gs.Prices, 1)
	require.Len(t, gs.HistoricSamples, 1)
	require.Len(t, gs.MissCounters, 1)
	require.EqualValues(t, 1, gs.MissWindowBlocksCounted)

	g := setup(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, *gs))
	again, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, gs, again)
}
