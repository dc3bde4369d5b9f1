package math

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// Constant-product (x·y = k) swaps.
//
// Notation: x = reserveIn, y = reserveOut, Δx = amountIn, Δy = amountOut,
// P = 10^18 and F = fee·10^18, so the fee f = F/P is an exact rational and
// (1−f) = (P−F)/P. Every formula below is evaluated exactly in integers; the
// only rounding is the final division.

// SwapExactIn returns the amount of the out-asset paid for exactly amountIn of
// the in-asset:
//
//	amountOut = ⌊ y·Δx·(P−F) / (x·P + Δx·(P−F)) ⌋   (= ⌊ y·Δx(1−f) / (x + Δx(1−f)) ⌋)
//	feeAmount = ⌊ Δx·F / P ⌋                        (= ⌊ Δx·f ⌋)
//
// amountOut is rounded down (in favour of the pool). With fee 0.3% this is
// exactly Uniswap v2's getAmountOut.
//
// The caller adds all of amountIn to reserveIn and removes amountOut from
// reserveOut. feeAmount is the fee portion of amountIn, for accounting and
// events; it is rounded down so that x·y does not decrease even if the caller
// forwards feeAmount out of the pool (e.g. as a protocol fee), because the
// pricing above only credited the pool with Δx(1−f) ≤ Δx − feeAmount.
//
// Errors: non-positive reserves or amountIn, fee outside [0,1), ErrOverflow
// if reserveIn + amountIn needs more than 256 bits, ErrOutputTooSmall if
// amountOut rounds to 0, ErrInsufficientLiquidity if
// amountOut ≥ reserveOut (impossible for valid input, checked anyway).
func SwapExactIn(reserveIn, reserveOut, amountIn sdkmath.Int, fee sdkmath.LegacyDec) (amountOut, feeAmount sdkmath.Int, err error) {
	zero := sdkmath.ZeroInt()
	x, y, dx, f, err := swapInputs(reserveIn, reserveOut, amountIn, "amountIn", fee)
	if err != nil {
		return zero, zero, err
	}
	if err := checkNewReserve("reserveIn", x, dx); err != nil {
		return zero, zero, err
	}
	pf := sub(decScale, f) // P − F
	num := mul(y, dx, pf)
	den := add(mul(x, decScale), mul(dx, pf))
	out := floorDiv(num, den)
	if out.Sign() == 0 {
		return zero, zero, fmt.Errorf("%w: swapping %s into reserves %s/%s returns 0", ErrOutputTooSmall, amountIn, reserveIn, reserveOut)
	}
	if out.Cmp(y) >= 0 {
		return zero, zero, fmt.Errorf("%w: output %s would drain reserve %s", ErrInsufficientLiquidity, out, reserveOut)
	}
	feeAmt := floorDiv(mul(dx, f), decScale)
	// out < y and feeAmt ≤ dx, so both fit in 256 bits.
	return sdkmath.NewIntFromBigInt(out), sdkmath.NewIntFromBigInt(feeAmt), nil
}

// SwapExactOut returns the amount of the in-asset that must be paid to receive
// exactly amountOut of the out-asset:
//
//	amountIn  = ⌈ x·Δy·P / ((y−Δy)·(P−F)) ⌉   (= ⌈ x·Δy / ((y−Δy)(1−f)) ⌉)
//	feeAmount = ⌊ amountIn·F / P ⌋           (same definition as SwapExactIn)
//
// amountIn is rounded up (in favour of the pool). Uniswap v2's getAmountIn
// computes ⌊·⌋+1 of the same quotient, which equals this value when the
// quotient is not an integer and exceeds it by one when it is.
//
// Paying amountIn to SwapExactIn on the same reserves yields at least
// amountOut, and x·y does not decrease.
//
// Errors: non-positive reserves or amountOut, fee outside [0,1),
// ErrInsufficientLiquidity if amountOut ≥ reserveOut, ErrOverflow if
// reserveIn + amountIn needs more than 256 bits.
func SwapExactOut(reserveIn, reserveOut, amountOut sdkmath.Int, fee sdkmath.LegacyDec) (amountIn, feeAmount sdkmath.Int, err error) {
	zero := sdkmath.ZeroInt()
	x, y, dy, f, err := swapInputs(reserveIn, reserveOut, amountOut, "amountOut", fee)
	if err != nil {
		return zero, zero, err
	}
	if dy.Cmp(y) >= 0 {
		return zero, zero, fmt.Errorf("%w: amountOut %s must be less than reserve %s", ErrInsufficientLiquidity, amountOut, reserveOut)
	}
	num := mul(x, dy, decScale)
	den := mul(sub(y, dy), sub(decScale, f))
	in := ceilDiv(num, den)
	feeAmt := floorDiv(mul(in, f), decScale)
	if err := checkNewReserve("reserveIn", x, in); err != nil {
		return zero, zero, err
	}
	return sdkmath.NewIntFromBigInt(in), sdkmath.NewIntFromBigInt(feeAmt), nil
}

// swapInputs validates the common swap arguments.
func swapInputs(reserveIn, reserveOut, amount sdkmath.Int, amountName string, fee sdkmath.LegacyDec) (x, y, a, f *big.Int, err error) {
	if x, err = requirePositive(ErrInvalidReserve, "reserveIn", reserveIn); err != nil {
		return
	}
	if y, err = requirePositive(ErrInvalidReserve, "reserveOut", reserveOut); err != nil {
		return
	}
	if a, err = requirePositive(ErrInvalidAmount, amountName, amount); err != nil {
		return
	}
	f, err = feeNumerator(fee)
	return
}

// SpotPrice returns the marginal price of the base asset in units of the
// quote asset, reserveQuote / reserveBase, truncated to 18 decimals.
//
// Errors: non-positive reserves, ErrInvalidPrice if the price is below 10^-18
// and so truncates to zero.
func SpotPrice(reserveBase, reserveQuote sdkmath.Int) (sdkmath.LegacyDec, error) {
	b, err := requirePositive(ErrInvalidReserve, "reserveBase", reserveBase)
	if err != nil {
		return sdkmath.LegacyZeroDec(), err
	}
	q, err := requirePositive(ErrInvalidReserve, "reserveQuote", reserveQuote)
	if err != nil {
		return sdkmath.LegacyZeroDec(), err
	}
	scaled := floorDiv(mul(q, decScale), b)
	if scaled.Sign() == 0 {
		return sdkmath.LegacyZeroDec(), fmt.Errorf("%w: spot price %s/%s is below 10^-18", ErrInvalidPrice, reserveQuote, reserveBase)
	}
	// q < 2^256 and b ≥ 1, so the value is always in LegacyDec range.
	return toDec("spot price", scaled)
}

// KNotDecreased reports whether xAfter·yAfter ≥ xBefore·yBefore, evaluated
// exactly. It returns false if any argument is nil or negative.
func KNotDecreased(xBefore, yBefore, xAfter, yAfter sdkmath.Int) bool {
	for _, v := range []sdkmath.Int{xBefore, yBefore, xAfter, yAfter} {
		if v.IsNil() || v.IsNegative() {
			return false
		}
	}
	kBefore := mul(xBefore.BigInt(), yBefore.BigInt())
	kAfter := mul(xAfter.BigInt(), yAfter.BigInt())
	return kAfter.Cmp(kBefore) >= 0
}
