package types_test

import (
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/agora-labs/agora/x/oracle/types"
)

func TestDefaultParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	require.NoError(t, types.DefaultGenesis().Validate())
}

func TestParamsValidateBounds(t *testing.T) {
	dec := sdkmath.LegacyMustNewDecFromStr
	cases := []struct {
		name   string
		modify func(*types.Params)
		errHas string
	}{
		{"lower-case pair", func(p *types.Params) { p.Pairs[0].Name = "btc/usd" }, "invalid pair"},
		{"pair without slash", func(p *types.Params) { p.Pairs[0].Name = "BTCUSD" }, "invalid pair"},
		{"duplicate pair", func(p *types.Params) { p.Pairs[1] = p.Pairs[0] }, "listed twice"},
		{"bad denom", func(p *types.Params) { p.Pairs[0].Denom = "1x" }, "denom"},
		{"too many decimals", func(p *types.Params) { p.Pairs[0].Decimals = 19 }, "decimals"},
		{"threshold too low", func(p *types.Params) { p.VoteThreshold = dec("0.33") }, "vote_threshold"},
		{"threshold above one", func(p *types.Params) { p.VoteThreshold = dec("1.01") }, "vote_threshold"},
		{"threshold unset", func(p *types.Params) { p.VoteThreshold = sdkmath.LegacyDec{} }, "vote_threshold must be set"},
		{"max change negative", func(p *types.Params) { p.MaxChangePerBlock = dec("-0.1") }, "max_change_per_block"},
		{"max change above half", func(p *types.Params) { p.MaxChangePerBlock = dec("0.6") }, "max_change_per_block"},
		{"min valid above one", func(p *types.Params) { p.MinValidPerWindow = dec("1.5") }, "min_valid_per_window"},
		{"slash fraction too high", func(p *types.Params) { p.SlashFraction = dec("0.2") }, "slash_fraction"},
		{"zero max age", func(p *types.Params) { p.MaxPriceAgeBlocks = 0 }, "max_price_age_blocks"},
		{"huge max age", func(p *types.Params) { p.MaxPriceAgeBlocks = types.MaxPriceAgeBlocksLimit + 1 }, "max_price_age_blocks"},
		{"zero historic window", func(p *types.Params) { p.HistoricWindowBlocks = 0 }, "historic_window_blocks"},
		{"sample longer than window", func(p *types.Params) { p.HistoricSampleBlocks = p.HistoricWindowBlocks + 1 }, "historic_sample_blocks"},
		{"too many samples", func(p *types.Params) { p.HistoricWindowBlocks, p.HistoricSampleBlocks = 100_000, 10 }, "samples"},
		{"short miss window", func(p *types.Params) { p.MissWindowBlocks = 9 }, "miss_window_blocks"},
		{"tiny extension", func(p *types.Params) { p.MaxVoteExtensionBytes = 10 }, "max_vote_extension_bytes"},
		{"extension too small for pairs", func(p *types.Params) { p.MaxVoteExtensionBytes = 100 }, "too small"},
		{"guard without quote", func(p *types.Params) { p.Pairs[0].DexGuardPoolId = 1 }, "dex_guard_quote_denom"},
		{"guard quote is the denom", func(p *types.Params) {
			p.Pairs[0].DexGuardPoolId, p.Pairs[0].DexGuardQuoteDenom = 1, p.Pairs[0].Denom
		}, "must differ"},
		{"guard quote decimals", func(p *types.Params) {
			p.Pairs[0].DexGuardPoolId, p.Pairs[0].DexGuardQuoteDenom, p.Pairs[0].DexGuardQuoteDecimals = 1, "uusdc", 19
		}, "dex_guard_quote_decimals"},
		{"quote without guard", func(p *types.Params) { p.Pairs[0].DexGuardQuoteDenom = "uusdc" }, "without dex_guard_pool_id"},
		{"zero twap lookback", func(p *types.Params) { p.TwapLookbackSeconds = 0 }, "twap_lookback_seconds"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.modify(&p)
			err := p.Validate()
			require.ErrorIs(t, err, types.ErrInvalidParams)
			require.True(t, strings.Contains(err.Error(), tc.errHas), "error %q lacks %q", err, tc.errHas)
		})
	}
}

func TestParamsValidateEdges(t *testing.T) {
	p := types.DefaultParams()
	p.Pairs = nil // an oracle with no pairs is allowed
	p.Pairs = append(p.Pairs, types.Pair{Name: "ATOM/USD", Denom: "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2",
		Decimals: 6, DexGuardPoolId: 9, DexGuardQuoteDenom: "uusdc", DexGuardQuoteDecimals: 6})
	p.VoteThreshold = sdkmath.LegacyOneDec()
	p.MaxChangePerBlock = sdkmath.LegacyZeroDec()
	require.NoError(t, p.Validate())
}

func TestPairName(t *testing.T) {
	require.Equal(t, "BTC/USD", types.PairName(" btc", "Usd "))
	require.NoError(t, types.ValidatePairName("USDC/USD"))
	for _, bad := range []string{"", "BTC", "BTC/", "/USD", "BTC/USD/X", "BTC-USD", "btc/usd", strings.Repeat("A", 30) + "/USD"} {
		require.ErrorIs(t, types.ValidatePairName(bad), types.ErrInvalidPair, bad)
	}
}
