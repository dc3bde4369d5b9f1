package risk

import (
	"errors"
	"fmt"

	sdkmath "cosmossdk.io/math"
)

// KinkedModel is the two-slope ("jump rate") interest-rate model of Aave v3
// and Compound. Rates are annual (APR):
//
//	U ≤ Uopt:  rate = Base + Slope1 × U / Uopt
//	U > Uopt:  rate = Base + Slope1 + Slope2 × (U − Uopt) / (1 − Uopt)
type KinkedModel struct {
	Base               sdkmath.LegacyDec // rate at U = 0, ≥ 0
	Slope1             sdkmath.LegacyDec // added from 0 to Uopt, ≥ 0
	Slope2             sdkmath.LegacyDec // added from Uopt to 1, ≥ 0
	OptimalUtilization sdkmath.LegacyDec // the kink, in (0, 1)
}

// Validate reports every bound the model violates, joined, each wrapping
// ErrInvalidParams: fields non-nil; Base, Slope1, Slope2 ≥ 0; 0 < Uopt < 1;
// Base + Slope1 + Slope2 ≤ MaxAnnualRate.
func (m KinkedModel) Validate() error {
	var errs []error
	check := func(name string, d sdkmath.LegacyDec) bool {
		if d.IsNil() {
			errs = append(errs, fmt.Errorf("%w: %s is nil", ErrInvalidParams, name))
			return false
		}
		return true
	}
	ok := check("base", m.Base)
	ok = check("slope1", m.Slope1) && ok
	ok = check("slope2", m.Slope2) && ok
	ok = check("optimal utilization", m.OptimalUtilization) && ok
	if !ok {
		return errors.Join(errs...)
	}
	for _, f := range []struct {
		name string
		v    sdkmath.LegacyDec
	}{{"base", m.Base}, {"slope1", m.Slope1}, {"slope2", m.Slope2}} {
		if f.v.IsNegative() {
			errs = append(errs, fmt.Errorf("%w: %s %s is negative", ErrInvalidParams, f.name, f.v))
		}
	}
	if !m.OptimalUtilization.IsPositive() || m.OptimalUtilization.GTE(sdkmath.LegacyOneDec()) {
		errs = append(errs, fmt.Errorf("%w: optimal utilization %s must be in (0, 1)", ErrInvalidParams, m.OptimalUtilization))
	}
	sum := add(add(m.Base.BigInt(), m.Slope1.BigInt()), m.Slope2.BigInt())
	if sum.Cmp(MaxAnnualRate().BigInt()) > 0 {
		errs = append(errs, fmt.Errorf("%w: base + slope1 + slope2 = %s exceeds the max annual rate %s",
			ErrInvalidParams, sdkmath.LegacyNewDecFromBigIntWithPrec(sum, 18), MaxAnnualRate()))
	}
	return errors.Join(errs...)
}

// BorrowRate returns the annual borrow rate at utilization u ∈ [0, 1],
// rounded up (the market charges at least the exact rate). Errors:
// ErrInvalidParams (the model fails Validate), ErrInvalidRate (u out of range).
func (m KinkedModel) BorrowRate(utilization sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	if err := m.Validate(); err != nil {
		return sdkmath.LegacyDec{}, err
	}
	u, err := decIn(ErrInvalidRate, "utilization", utilization, bigZero, wad)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	base, s1, s2, opt := m.Base.BigInt(), m.Slope1.BigInt(), m.Slope2.BigInt(), m.OptimalUtilization.BigInt()
	var rate = base
	if u.Cmp(opt) <= 0 {
		rate = add(base, divCeil(mul(s1, u), opt))
	} else {
		rate = add(add(base, s1), divCeil(mul(s2, sub(u, opt)), sub(wad, opt)))
	}
	return toDec("borrow rate", rate)
}
