package math

import (
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// ReportedShare returns reportedPower/totalPower truncated to 18 decimal
// places and clamped to [0, 1]. It returns zero when totalPower is not
// positive.
func ReportedShare(reportedPower, totalPower int64) sdkmath.LegacyDec {
	if totalPower <= 0 || reportedPower <= 0 {
		return sdkmath.LegacyZeroDec()
	}
	if reportedPower >= totalPower {
		return sdkmath.LegacyOneDec()
	}
	return sdkmath.LegacyNewDec(reportedPower).QuoInt64(totalPower)
}

// MeetsThreshold reports whether reportedPower/totalPower >= threshold,
// compared exactly (reportedPower*10^18 >= threshold_atto*totalPower) so no
// rounding can let a short quorum pass. It is false when totalPower is not
// positive or threshold is nil.
func MeetsThreshold(reportedPower, totalPower int64, threshold sdkmath.LegacyDec) bool {
	if totalPower <= 0 || threshold.IsNil() {
		return false
	}
	lhs := new(big.Int).Mul(big.NewInt(reportedPower), precision)
	rhs := new(big.Int).Mul(threshold.BigInt(), big.NewInt(totalPower))
	return lhs.Cmp(rhs) >= 0
}

// precision is 10^18, the atto-units per LegacyDec unit.
var precision = new(big.Int).Exp(big.NewInt(10), big.NewInt(sdkmath.LegacyPrecision), nil)
