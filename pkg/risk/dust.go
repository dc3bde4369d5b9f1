package risk

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// IsDust reports whether a remainder is dust: positive but worth less than
// minValue (amount × price < minValue). Zero is not dust (nothing is left).
// Errors: ErrInvalidAmount (amount or minValue nil or negative),
// ErrInvalidPrice.
func IsDust(amount sdkmath.Int, price, minValue sdkmath.LegacyDec) (bool, error) {
	v, err := valueOf(amount, price)
	if err != nil {
		return false, err
	}
	m, err := decNonNeg(ErrInvalidAmount, "min value", minValue)
	if err != nil {
		return false, err
	}
	return isDustBig(amount.BigInt(), v, m), nil
}

// CheckRemainder returns an error wrapping ErrDust if what a user action
// leaves (a debt after a partial repay, a vault's debt after a mint, a
// collateral after a withdrawal) is dust; nil if it is zero or worth at least
// minValue. Other errors as IsDust.
func CheckRemainder(amount sdkmath.Int, price, minValue sdkmath.LegacyDec) error {
	dust, err := IsDust(amount, price, minValue)
	if err != nil {
		return err
	}
	if dust {
		return fmt.Errorf("%w: %s units at price %s are worth less than %s; leave nothing or at least that value",
			ErrDust, amount, price, minValue)
	}
	return nil
}

// isDustBig: amount > 0 and value < minValue (values at 18 decimals).
func isDustBig(amount, value, minValue *big.Int) bool {
	return amount.Sign() > 0 && value.Cmp(minValue) < 0
}
