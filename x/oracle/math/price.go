package math

import sdkmath "cosmossdk.io/math"

// CollateralPrice returns the lowest available price among current,
// historicMedian and twap (nil pointer = no TWAP). A value is available when
// it is non-nil and positive. It returns zero when none is available.
func CollateralPrice(current, historicMedian sdkmath.LegacyDec, twap *sdkmath.LegacyDec) sdkmath.LegacyDec {
	return pick(current, historicMedian, twap, func(a, b sdkmath.LegacyDec) bool { return a.LT(b) })
}

// DebtPrice returns the highest available price among current,
// historicMedian and twap (nil pointer = no TWAP). A value is available when
// it is non-nil and positive. It returns zero when none is available.
func DebtPrice(current, historicMedian sdkmath.LegacyDec, twap *sdkmath.LegacyDec) sdkmath.LegacyDec {
	return pick(current, historicMedian, twap, func(a, b sdkmath.LegacyDec) bool { return a.GT(b) })
}

// pick returns the best available candidate, where better(a, b) reports that
// a is preferred over b, or zero when no candidate is available.
func pick(current, historicMedian sdkmath.LegacyDec, twap *sdkmath.LegacyDec, better func(a, b sdkmath.LegacyDec) bool) sdkmath.LegacyDec {
	candidates := []sdkmath.LegacyDec{current, historicMedian}
	if twap != nil {
		candidates = append(candidates, *twap)
	}
	var best sdkmath.LegacyDec
	found := false
	for _, c := range candidates {
		if c.IsNil() || !c.IsPositive() {
			continue
		}
		if !found || better(c, best) {
			best, found = c, true
		}
	}
	if !found {
		return sdkmath.LegacyZeroDec()
	}
	return best.Clone()
}
