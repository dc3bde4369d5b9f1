package types

import (
	"errors"
	"fmt"

	errorsmod "cosmossdk.io/errors"

	dexmath "github.com/agora-labs/agora/x/dex/math"
)

// WrapMathError turns an error of x/dex/math into the registered error a
// user sees, keeping the math package's detail: e.g. "hop 1: pool 3: not
// enough liquidity in the pool: output 10 would drain reserve 10".
func WrapMathError(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	var reg *errorsmod.Error
	if errors.As(err, &reg) {
		return errorsmod.Wrapf(err, format, args...)
	}
	target := ErrMath
	switch {
	case errors.Is(err, dexmath.ErrOverflow):
		target = ErrOverflow
	case errors.Is(err, dexmath.ErrInsufficientLiquidity):
		target = ErrInsufficientLiquidity
	case errors.Is(err, dexmath.ErrOutputTooSmall), errors.Is(err, dexmath.ErrZeroShares),
		errors.Is(err, dexmath.ErrInvalidAmount), errors.Is(err, dexmath.ErrInsufficientInitialLiquidity):
		target = ErrInvalidAmount
	case errors.Is(err, dexmath.ErrInvalidShares):
		target = ErrInsufficientShares
	case errors.Is(err, dexmath.ErrInvalidAmplification):
		target = ErrInvalidAmplification
	case errors.Is(err, dexmath.ErrInvalidAssetCount):
		target = ErrInvalidAssetCount
	case errors.Is(err, dexmath.ErrInvalidTimeRange):
		target = ErrInvalidTime
	}
	return errorsmod.Wrapf(target, "%s: %v", fmt.Sprintf(format, args...), err)
}
