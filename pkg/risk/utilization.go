package risk

import (
	sdkmath "cosmossdk.io/math"
)

// Utilization of a lending market:
//
//	U = borrows / (cash + borrows − reserves)      rounded up, clamped to [0, 1]
//
// U = 0 when borrows = 0. When reserves ≥ cash (the suppliers' share of the
// market is all lent out, or the denominator is not positive) U is 1. Rounding
// up makes the borrow rate err towards the market. Errors: ErrInvalidAmount
// (nil or negative inputs).
func Utilization(cash, borrows, reserves sdkmath.Int) (sdkmath.LegacyDec, error) {
	c, err := intNonNeg("cash", cash)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	b, err := intNonNeg("borrows", borrows)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	r, err := intNonNeg("reserves", reserves)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if b.Sign() == 0 {
		return sdkmath.LegacyZeroDec(), nil
	}
	den := sub(add(c, b), r)
	if den.Cmp(b) <= 0 {
		return sdkmath.LegacyOneDec(), nil
	}
	return toDec("utilization", divCeil(mul(b, wad), den))
}

// SupplyRate is the annual rate suppliers earn:
//
//	supplyRate = borrowRate × U × (1 − reserveFactor)      rounded down
//
// It is informational (queries, APY display): suppliers' real earnings come
// from the exchange rate (cash + borrows − reserves) / receipt supply.
// Requires borrowRate in [0, MaxAnnualRate], U and reserveFactor in [0, 1];
// otherwise ErrInvalidRate.
func SupplyRate(borrowRate, utilization, reserveFactor sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	br, err := decIn(ErrInvalidRate, "borrow rate", borrowRate, bigZero, MaxAnnualRate().BigInt())
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	u, err := decIn(ErrInvalidRate, "utilization", utilization, bigZero, wad)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	rf, err := decIn(ErrInvalidRate, "reserve factor", reserveFactor, bigZero, wad)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return toDec("supply rate", divFloor(mul(br, u, sub(wad, rf)), mul(wad, wad)))
}
