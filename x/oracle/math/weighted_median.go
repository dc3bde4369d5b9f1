package math

import (
	"errors"
	"fmt"
	"slices"

	sdkmath "cosmossdk.io/math"
)

// Vote is one validator's price for a pair, weighted by its voting power.
type Vote struct {
	Price sdkmath.LegacyDec
	Power int64
}

// ErrNoVotes is returned by WeightedMedian when there is nothing to aggregate.
var ErrNoVotes = errors.New("oracle math: no votes")

// WeightedMedian returns the lower stake-weighted median of votes: after
// sorting by price, the first price at which the cumulative power times two
// reaches the total power. On an exact half split the lower price wins, and
// the result is always one of the input prices. The input slice is not
// modified. It returns an error for no votes, a nil or non-positive price, or
// a non-positive power. Power is summed in arbitrary precision, so any number
// of int64 powers is accepted.
func WeightedMedian(votes []Vote) (sdkmath.LegacyDec, error) {
	if len(votes) == 0 {
		return sdkmath.LegacyDec{}, ErrNoVotes
	}
	total := sdkmath.ZeroInt()
	for i, v := range votes {
		if v.Price.IsNil() || !v.Price.IsPositive() {
			return sdkmath.LegacyDec{}, fmt.Errorf("oracle math: vote %d: price must be positive, got %v", i, v.Price)
		}
		if v.Power <= 0 {
			return sdkmath.LegacyDec{}, fmt.Errorf("oracle math: vote %d: power must be positive, got %d", i, v.Power)
		}
		total = total.AddRaw(v.Power)
	}

	sorted := slices.Clone(votes)
	slices.SortStableFunc(sorted, func(a, b Vote) int { return comparePrice(a.Price, b.Price) })

	cumulative := sdkmath.ZeroInt()
	for _, v := range sorted {
		cumulative = cumulative.AddRaw(v.Power)
		if cumulative.MulRaw(2).GTE(total) {
			return v.Price.Clone(), nil
		}
	}
	// Unreachable: after the last vote cumulative == total > 0.
	return sorted[len(sorted)-1].Price.Clone(), nil
}

// comparePrice orders two non-nil decimals ascending.
func comparePrice(a, b sdkmath.LegacyDec) int {
	switch {
	case a.LT(b):
		return -1
	case a.GT(b):
		return 1
	default:
		return 0
	}
}
