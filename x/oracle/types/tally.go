package types

import (
	"slices"
	"strings"

	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
)

// ValidatorReport is what one validator of the last commit contributed:
// its consensus address, its voting power and its usable prices (listed
// pairs, valid prices). A validator that was absent, voted nil or sent an
// empty or unusable extension has no prices.
type ValidatorReport struct {
	ConsAddress []byte
	Power       int64
	Prices      map[string]sdkmath.LegacyDec
}

// ReportsFromCommit reads every vote of an extended commit. totalPower is
// the summed power of all validators in the commit, whether they voted or
// not: the threshold is a share of the whole validator set.
//
// Extensions are read leniently here, unlike in VerifyVoteExtension: an
// extension that cannot be decoded, exceeds the size limit or names a pair
// twice contributes nothing, and entries for pairs that are not (or no
// longer) listed or with invalid prices are skipped. Parameters may change
// between the block a vote was verified in and the block it is counted in,
// and a valid vote must never make a block invalid.
func ReportsFromCommit(info abci.ExtendedCommitInfo, params Params) (reports []ValidatorReport, totalPower int64) {
	for _, vote := range info.Votes {
		if vote.Validator.Power <= 0 {
			continue
		}
		totalPower += vote.Validator.Power
		r := ValidatorReport{ConsAddress: vote.Validator.Address, Power: vote.Validator.Power}
		if vote.BlockIdFlag == cmtproto.BlockIDFlagCommit {
			r.Prices = usablePrices(vote.VoteExtension, params)
		}
		reports = append(reports, r)
	}
	return reports, totalPower
}

func usablePrices(bz []byte, params Params) map[string]sdkmath.LegacyDec {
	if len(bz) == 0 || uint64(len(bz)) > params.MaxVoteExtensionBytes {
		return nil
	}
	var ve OracleVoteExtension
	if err := ve.Unmarshal(bz); err != nil {
		return nil
	}
	out := make(map[string]sdkmath.LegacyDec, len(ve.Prices))
	for _, v := range ve.Prices {
		if _, dup := out[v.Pair]; dup {
			return nil
		}
		out[v.Pair] = v.Price
	}
	for pair, price := range out {
		if _, listed := params.Pair(pair); !listed || !ValidPrice(price) {
			delete(out, pair)
		}
	}
	return out
}

// Tally computes, for every listed pair with at least one report, the
// stake-weighted (lower) median of the reported prices, the number of
// reporters and their summed power. The result is sorted by pair name and
// does not depend on the order of reports.
func Tally(reports []ValidatorReport, params Params) []AggregatePrice {
	names := params.PairNames()
	slices.SortFunc(names, strings.Compare)
	var out []AggregatePrice
	for _, pair := range names {
		var votes []oraclemath.Vote
		var power int64
		for _, r := range reports {
			if p, ok := r.Prices[pair]; ok && r.Power > 0 {
				votes = append(votes, oraclemath.Vote{Price: p, Power: r.Power})
				power += r.Power
			}
		}
		if len(votes) == 0 {
			continue
		}
		median, err := oraclemath.WeightedMedian(votes)
		if err != nil {
			continue // unreachable: every vote has a valid price and positive power
		}
		out = append(out, AggregatePrice{Pair: pair, Median: median, Reporters: uint32(len(votes)), ReportedPower: power})
	}
	return out
}

// Missed returns the consensus addresses of the validators that did not
// report a usable price for every listed pair.
func Missed(reports []ValidatorReport, params Params) [][]byte {
	var out [][]byte
	for _, r := range reports {
		for _, pair := range params.Pairs {
			if _, ok := r.Prices[pair.Name]; !ok {
				out = append(out, r.ConsAddress)
				break
			}
		}
	}
	return out
}

// AggregatesEqual reports whether two aggregates are identical, field by
// field.
func AggregatesEqual(a, b []AggregatePrice) bool {
	return slices.EqualFunc(a, b, func(x, y AggregatePrice) bool {
		return x.Pair == y.Pair && x.Reporters == y.Reporters && x.ReportedPower == y.ReportedPower &&
			!x.Median.IsNil() && !y.Median.IsNil() && x.Median.Equal(y.Median)
	})
}

// Absent returns the validators of an extended commit that did not vote
// for the block (absent or nil) and their summed power. A proposer may mark
// present validators absent (CometBFT accepts any last commit with +2/3 of
// the power), so the pre-blocker reports them with the proposer
// (EventVotesAbsent).
func Absent(info abci.ExtendedCommitInfo) (addrs [][]byte, power int64) {
	for _, vote := range info.Votes {
		if vote.Validator.Power <= 0 || vote.BlockIdFlag == cmtproto.BlockIDFlagCommit {
			continue
		}
		addrs = append(addrs, vote.Validator.Address)
		power += vote.Validator.Power
	}
	return addrs, power
}
