package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/agora-labs/agora/x/oracle/types"
)

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

func marshal(t *testing.T, ve types.OracleVoteExtension) []byte {
	t.Helper()
	bz, err := ve.Marshal()
	require.NoError(t, err)
	return bz
}

func TestNewVoteExtensionFiltersAndSorts(t *testing.T) {
	params := types.DefaultParams()
	ve := types.NewVoteExtension(map[string]sdkmath.LegacyDec{
		"ETH/USD":  dec("3000"),
		"BTC/USD":  dec("60000"),
		"DOGE/USD": dec("0.1"),              // not listed
		"AGR/USD":  sdkmath.LegacyZeroDec(), // not positive
		"USDC/USD": types.MaxPrice.Add(sdkmath.LegacyOneDec()),
	}, params)
	require.Equal(t, []types.PriceVote{{Pair: "BTC/USD", Price: dec("60000")}, {Pair: "ETH/USD", Price: dec("3000")}}, ve.Prices)

	got, err := types.ValidateVoteExtension(marshal(t, ve), params)
	require.NoError(t, err)
	require.Equal(t, ve, got)
}

func TestValidateVoteExtensionRejectsMalformed(t *testing.T) {
	params := types.DefaultParams()
	valid := types.OracleVoteExtension{Prices: []types.PriceVote{{Pair: "BTC/USD", Price: dec("60000")}, {Pair: "ETH/USD", Price: dec("3000")}}}
	validBz := marshal(t, valid)

	small := params
	small.MaxVoteExtensionBytes = uint64(len(validBz) - 1)

	cases := map[string]struct {
		bz     []byte
		params types.Params
	}{
		"garbage":        {[]byte{0xff, 0x01, 0x02}, params},
		"truncated":      {validBz[:len(validBz)-3], params},
		"unknown pair":   {marshal(t, types.OracleVoteExtension{Prices: []types.PriceVote{{Pair: "DOGE/USD", Price: dec("1")}}}), params},
		"zero price":     {marshal(t, types.OracleVoteExtension{Prices: []types.PriceVote{{Pair: "BTC/USD", Price: sdkmath.LegacyZeroDec()}}}), params},
		"negative price": {marshal(t, types.OracleVoteExtension{Prices: []types.PriceVote{{Pair: "BTC/USD", Price: dec("-1")}}}), params},
		"huge price":     {marshal(t, types.OracleVoteExtension{Prices: []types.PriceVote{{Pair: "BTC/USD", Price: types.MaxPrice.MulInt64(2)}}}), params},
		"duplicate pair": {marshal(t, types.OracleVoteExtension{Prices: []types.PriceVote{{Pair: "BTC/USD", Price: dec("1")}, {Pair: "BTC/USD", Price: dec("2")}}}), params},
		"unsorted":       {marshal(t, types.OracleVoteExtension{Prices: []types.PriceVote{{Pair: "ETH/USD", Price: dec("1")}, {Pair: "BTC/USD", Price: dec("2")}}}), params},
		"oversize":       {validBz, small},
		// field 1 (prices) with an entry whose price field is missing
		"missing price": {[]byte{0x0a, 0x09, 0x0a, 0x07, 'B', 'T', 'C', '/', 'U', 'S', 'D'}, params},
		// a valid extension followed by an unknown field 5 (varint 1)
		"unknown field": {append(append([]byte{}, validBz...), 0x28, 0x01), params},
		// a price that is not a number
		"non-numeric price": {[]byte{0x0a, 0x0e, 0x0a, 0x07, 'B', 'T', 'C', '/', 'U', 'S', 'D', 0x12, 0x03, 'N', 'a', 'N'}, params},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := types.ValidateVoteExtension(tc.bz, tc.params)
			require.ErrorIs(t, err, types.ErrInvalidVoteExtension)
		})
	}
}

func TestValidateVoteExtensionAcceptsEmpty(t *testing.T) {
	ve, err := types.ValidateVoteExtension(nil, types.DefaultParams())
	require.NoError(t, err)
	require.Empty(t, ve.Prices)
	_, err = types.ValidateVoteExtension(marshal(t, types.OracleVoteExtension{}), types.DefaultParams())
	require.NoError(t, err)
}

func TestMaxExtensionSizeFitsDefaults(t *testing.T) {
	p := types.DefaultParams()
	require.LessOrEqual(t, uint64(types.MaxExtensionSize(p.Pairs)), p.MaxVoteExtensionBytes)
}

func TestInjectedVotesRoundTrip(t *testing.T) {
	iv := types.InjectedVotes{ExtendedCommitInfo: []byte{1, 2, 3}, TotalPower: 7,
		Aggregates: []types.AggregatePrice{{Pair: "BTC/USD", Median: dec("1"), Reporters: 1, ReportedPower: 7}}}
	bz, err := types.EncodeInjectedVotes(iv)
	require.NoError(t, err)
	require.True(t, types.IsInjectedVotes(bz))
	got, err := types.DecodeInjectedVotes(bz)
	require.NoError(t, err)
	require.Equal(t, iv.TotalPower, got.TotalPower)
	require.True(t, types.AggregatesEqual(iv.Aggregates, got.Aggregates))

	_, err = types.DecodeInjectedVotes([]byte("not injected"))
	require.ErrorIs(t, err, types.ErrInvalidInjectedVotes)
	_, err = types.DecodeInjectedVotes(append(append([]byte{}, types.InjectedVotesPrefix...), 0xff, 0xff))
	require.ErrorIs(t, err, types.ErrInvalidInjectedVotes)
}
