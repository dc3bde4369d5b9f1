package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/agora-labs/agora/x/oracle/keeper"
	"github.com/agora-labs/agora/x/oracle/types"
)

func TestUpdateParamsAuthority(t *testing.T) {
	f := setup(t)
	srv := keeper.NewMsgServer(f.k)
	params := types.DefaultParams()
	params.VoteThreshold = dec("0.67")

	_, err := srv.UpdateParams(f.ctx, types.NewMsgUpdateParams("agora1notgov", params))
	require.ErrorIs(t, err, types.ErrInvalidAuthority)
	got, _ := f.k.Params.Get(f.ctx)
	require.Equal(t, dec("0.5"), got.VoteThreshold) // unchanged

	bad := params
	bad.MaxPriceAgeBlocks = 0
	_, err = srv.UpdateParams(f.ctx, types.NewMsgUpdateParams(authority, bad))
	require.ErrorIs(t, err, types.ErrInvalidParams)

	_, err = srv.UpdateParams(f.ctx, types.NewMsgUpdateParams(authority, params))
	require.NoError(t, err)
	got, _ = f.k.Params.Get(f.ctx)
	require.Equal(t, dec("0.67"), got.VoteThreshold)
}

func TestUpdateParamsPrunesDelistedPairs(t *testing.T) {
	f := setup(t)
	params, _ := f.k.Params.Get(f.ctx)
	require.NoError(t, f.k.ApplyAggregates(f.atHeight(120), params, 1, []types.AggregatePrice{agg("BTC/USD", "1", 1, 1), agg("ETH/USD", "2", 1, 1)}))
	require.NoError(t, f.k.EndOracleBlock(f.atHeight(120), params))

	params.Pairs = params.Pairs[2:] // drop AGR/USD and BTC/USD
	_, err := keeper.NewMsgServer(f.k).UpdateParams(f.ctx, types.NewMsgUpdateParams(authority, params))
	require.NoError(t, err)
	has, _ := f.k.Prices.Has(f.ctx, "BTC/USD")
	require.False(t, has)
	has, _ = f.k.HistoricMedians.Has(f.ctx, "BTC/USD")
	require.False(t, has)
	has, _ = f.k.Prices.Has(f.ctx, "ETH/USD")
	require.True(t, has)
}
