package types_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	"github.com/agora-labs/agora/x/oracle/types"
)

type vote struct {
	addr   byte
	power  int64
	flag   cmtproto.BlockIDFlag
	prices map[string]string
	raw    []byte // used instead of prices when set
}

func commit(t *testing.T, votes ...vote) abci.ExtendedCommitInfo {
	t.Helper()
	var info abci.ExtendedCommitInfo
	for _, v := range votes {
		ext := v.raw
		if ext == nil && v.prices != nil {
			var ve types.OracleVoteExtension
			for _, pair := range []string{"AGR/USD", "BTC/USD", "DOGE/USD", "ETH/USD", "USDC/USD"} {
				if p, ok := v.prices[pair]; ok {
					ve.Prices = append(ve.Prices, types.PriceVote{Pair: pair, Price: dec(p)})
				}
			}
			ext = marshal(t, ve)
		}
		info.Votes = append(info.Votes, abci.ExtendedVoteInfo{
			Validator:     abci.Validator{Address: []byte{v.addr}, Power: v.power},
			VoteExtension: ext,
			BlockIdFlag:   v.flag,
		})
	}
	return info
}

const yes = cmtproto.BlockIDFlagCommit

func TestTallyStakeWeightedMedian(t *testing.T) {
	params := types.DefaultParams()
	// Powers 10, 20, 30, 40 report BTC at 100, 101, 102, 1000000. Sorted,
	// cumulative power reaches half of 100 at 102 (10+20+30 = 60 >= 50).
	info := commit(t,
		vote{1, 10, yes, map[string]string{"BTC/USD": "100"}, nil},
		vote{2, 20, yes, map[string]string{"BTC/USD": "101"}, nil},
		vote{3, 30, yes, map[string]string{"BTC/USD": "102"}, nil},
		vote{4, 40, yes, map[string]string{"BTC/USD": "1000000", "ETH/USD": "3000"}, nil},
	)
	reports, total := types.ReportsFromCommit(info, params)
	require.EqualValues(t, 100, total)
	aggs := types.Tally(reports, params)
	require.Len(t, aggs, 2)
	require.Equal(t, "BTC/USD", aggs[0].Pair)
	require.Equal(t, dec("102"), aggs[0].Median)
	require.EqualValues(t, 4, aggs[0].Reporters)
	require.EqualValues(t, 100, aggs[0].ReportedPower)
	require.Equal(t, "ETH/USD", aggs[1].Pair)
	require.EqualValues(t, 1, aggs[1].Reporters)
	require.EqualValues(t, 40, aggs[1].ReportedPower)

	// Every validator missed at least one pair.
	require.Len(t, types.Missed(reports, params), 4)
}

func TestTallyCountsAbsentPowerAndSkipsUnusableVotes(t *testing.T) {
	params := types.DefaultParams()
	all := map[string]string{"AGR/USD": "1", "BTC/USD": "60000", "ETH/USD": "3000", "USDC/USD": "1"}
	info := commit(t,
		vote{1, 25, yes, all, nil},
		vote{2, 25, cmtproto.BlockIDFlagAbsent, all, nil},                             // absent: not counted as a report
		vote{3, 25, cmtproto.BlockIDFlagNil, all, nil},                                // voted nil
		vote{4, 25, yes, nil, []byte{0xff, 0xff}},                                     // undecodable
		vote{5, 25, yes, map[string]string{"DOGE/USD": "1", "BTC/USD": "70000"}, nil}, // unlisted pair skipped
	)
	reports, total := types.ReportsFromCommit(info, params)
	require.EqualValues(t, 125, total)
	aggs := types.Tally(reports, params)
	byPair := map[string]types.AggregatePrice{}
	for _, a := range aggs {
		byPair[a.Pair] = a
	}
	require.EqualValues(t, 2, byPair["BTC/USD"].Reporters)
	require.EqualValues(t, 50, byPair["BTC/USD"].ReportedPower)
	require.Equal(t, dec("60000"), byPair["BTC/USD"].Median) // lower median of an even split
	require.EqualValues(t, 1, byPair["ETH/USD"].Reporters)

	missed := types.Missed(reports, params)
	require.Len(t, missed, 4)
	require.NotContains(t, missed, []byte{1})
}

func TestTallyOrderIndependent(t *testing.T) {
	params := types.DefaultParams()
	a := vote{1, 5, yes, map[string]string{"BTC/USD": "1"}, nil}
	b := vote{2, 3, yes, map[string]string{"BTC/USD": "2"}, nil}
	c := vote{3, 3, yes, map[string]string{"BTC/USD": "3"}, nil}
	r1, _ := types.ReportsFromCommit(commit(t, a, b, c), params)
	r2, _ := types.ReportsFromCommit(commit(t, c, a, b), params)
	require.True(t, types.AggregatesEqual(types.Tally(r1, params), types.Tally(r2, params)))
	require.Equal(t, dec("2"), types.Tally(r1, params)[0].Median)
}
