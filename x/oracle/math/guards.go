package math

import (
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// ClampChange limits next to within maxChange (a fraction, 0.10 = 10%) of
// prev. With delta = prev*maxChange truncated to 18 decimals, a next outside
// [prev-delta, prev+delta] is replaced by the nearer bound and wasClamped is
// true. A nil or non-positive prev or maxChange disables the guard and next
// is returned unchanged. Bounds are computed in big.Int atto units, so no
// input makes this function panic; the returned value is always a valid
// LegacyDec because it lies between prev and next.
func ClampChange(prev, next, maxChange sdkmath.LegacyDec) (clamped sdkmath.LegacyDec, wasClamped bool) {
	if next.IsNil() || prev.IsNil() || !prev.IsPositive() || maxChange.IsNil() || !maxChange.IsPositive() {
		return next, false
	}
	p := prev.BigInt()
	delta := new(big.Int).Mul(p, maxChange.BigInt())
	delta.Quo(delta, precision) // truncation toward zero; delta >= 0

	upper := new(big.Int).Add(p, delta)
	lower := new(big.Int).Sub(p, delta)
	n := next.BigInt()
	switch {
	case n.Cmp(upper) > 0:
		return sdkmath.LegacyNewDecFromBigIntWithPrec(upper, sdkmath.LegacyPrecision), true
	case n.Cmp(lower) < 0:
		return sdkmath.LegacyNewDecFromBigIntWithPrec(lower, sdkmath.LegacyPrecision), true
	default:
		return next, false
	}
}

// IsStale reports whether a price last updated at lastUpdateHeight is older
// than maxAge blocks at currentHeight, i.e. currentHeight-lastUpdateHeight >
// maxAge. A lastUpdateHeight after currentHeight is not stale. The
// subtraction is done in big.Int so extreme inputs cannot wrap around.
func IsStale(lastUpdateHeight, currentHeight, maxAge int64) bool {
	age := new(big.Int).Sub(big.NewInt(currentHeight), big.NewInt(lastUpdateHeight))
	if age.Sign() < 0 {
		return false
	}
	return age.Cmp(big.NewInt(maxAge)) > 0
}
