package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/agora-labs/agora/x/oracle/keeper"
	"github.com/agora-labs/agora/x/oracle/types"
)

func TestUpdateParamsAuthority(t *testing.T) {
	f := setup(t)
	srv := keeper.NewMsgServerImpl(f.k)
	params := types.DefaultParams()
	params.VoteThreshold = dec("0.8")

	_, err := srv.UpdateParams(f.ctx, types.NewMsgUpdateParams("agora1notgov", params))
	requireCode(t, err, types.ErrUnauthorized)
	_, err = srv.UpdateParams(f.ctx, types.NewMsgUpdateParams(authtypes.NewModuleAddress("alice").String(), params))
	requireCode(t, err, types.ErrUnauthorized)
	got, _ := f.k.Params.Get(f.ctx)
	require.Equal(t, types.DefaultVoteThreshold, got.VoteThreshold) // unchanged

	bad := params
	bad.MaxPriceAgeBlocks = 0
	_, err = srv.UpdateParams(f.ctx, types.NewMsgUpdateParams(authority, bad))
	requireCode(t, err, types.ErrInvalidParams)

	_, err = srv.UpdateParams(f.ctx, types.NewMsgUpdateParams(authority, params))
	require.NoError(t, err)
	got, _ = f.k.Params.Get(f.ctx)
	require.Equal(t, dec("0.8"), got.VoteThreshold)
}

func TestUpdateParamsPrunesDelistedPairs(t *testing.T) {
	f := setup(t)
	params, _ := f.k.Params.Get(f.ctx)
	require.NoError(t, f.k.ApplyAggregates(f.atHeight(120), params, 1, []types.AggregatePrice{agg("BTC/USD", "1", 1, 1), agg("ETH/USD", "2", 1, 1)}))
	require.NoError(t, f.k.PreBlockUpkeep(f.atHeight(120), params))

	params.Pairs = params.Pairs[2:] // drop AGR/USD and BTC/USD
	_, err := keeper.NewMsgServerImpl(f.k).UpdateParams(f.ctx, types.NewMsgUpdateParams(authority, params))
	require.NoError(t, err)
	has, _ := f.k.Prices.Has(f.ctx, "BTC/USD")
	require.False(t, has)
	has, _ = f.k.HistoricMedians.Has(f.ctx, "BTC/USD")
	require.False(t, has)
	has, _ = f.k.Prices.Has(f.ctx, "ETH/USD")
	require.True(t, has)
}

// twap_lookback_seconds may not exceed x/dex's twap_window_seconds (records older
// than the window are pruned, so such a guard could never be computed);
// MaxTwapLookback reports the governed lookback to x/dex.
func TestUpdateParamsLookbackFitsDexWindow(t *testing.T) {
	f := setup(t)
	f.dex.window = 5 * time.Minute
	params := types.DefaultParams() // 10-minute lookback
	params.VoteThreshold = dec("0.8")
	_, err := keeper.NewMsgServerImpl(f.k).UpdateParams(f.ctx, types.NewMsgUpdateParams(authority, params))
	requireCode(t, err, types.ErrInvalidParams)
	require.Contains(t, err.Error(), "twap_window_seconds")
	got, _ := f.k.Params.Get(f.ctx)
	require.Equal(t, types.DefaultVoteThreshold, got.VoteThreshold) // unchanged

	params.TwapLookbackSeconds = 300
	_, err = keeper.NewMsgServerImpl(f.k).UpdateParams(f.ctx, types.NewMsgUpdateParams(authority, params))
	require.NoError(t, err)
	lookback, err := f.k.MaxTwapLookback(f.ctx)
	require.NoError(t, err)
	require.Equal(t, 5*time.Minute, lookback)
}
