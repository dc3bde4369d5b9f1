package math

import (
	"errors"
	"fmt"
	"slices"

	sdkmath "cosmossdk.io/math"
)

// ErrNoPrices is returned by Median when there is nothing to aggregate.
var ErrNoPrices = errors.New("oracle math: no prices")

// Median returns the plain median of prices: the middle value for an odd
// count, and for an even count the mean of the two middle values rounded down
// to 18 decimal places. The input slice is not modified. Empty input and nil
// or non-positive prices are errors.
func Median(prices []sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	if len(prices) == 0 {
		return sdkmath.LegacyDec{}, ErrNoPrices
	}
	for i, p := range prices {
		if p.IsNil() || !p.IsPositive() {
			return sdkmath.LegacyDec{}, fmt.Errorf("oracle math: price %d must be positive, got %v", i, p)
		}
	}
	sorted := slices.Clone(prices)
	slices.SortFunc(sorted, comparePrice)

	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2].Clone(), nil
	}
	lo, hi := sorted[n/2-1], sorted[n/2]
	// lo + floor((hi-lo)/2): exact floor of the mean in atto units, and hi-lo
	// cannot leave the valid range because both are positive. QuoInt64
	// truncates, which is a floor for the non-negative difference.
	return lo.Add(hi.Sub(lo).QuoInt64(2)), nil
}
