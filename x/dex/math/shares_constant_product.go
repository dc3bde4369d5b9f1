package math

import (
	"errors"
	"fmt"

	sdkmath "cosmossdk.io/math"
)

// Single-asset join and exit for two-asset 50/50 constant-product pools.

// JoinSingleAssetConstantProduct deposits amountIn of one asset alone into a
// two-asset constant-product pool whose reserve of that asset is reserveIn.
// It uses Balancer's single-asset join for weight 1/2: half of the deposit is
// in effect swapped for the other asset, so the swap fee is charged on half of
// it:
//
//	sharesOut = ⌊ S·( √(1 + Δx·(1 − f/2)/x) − 1 ) ⌋
//	          = ⌊ √( S²·(2P·x + (2P−F)·Δx) / (2P·x) ) ⌋ − S
//
// The second form is exact in integers: ⌊√⌊q⌋⌋ = ⌊√q⌋ for rational q ≥ 0, and
// S is an integer. Because (1 − f/2) ≤ 1, √(x·y)/S never decreases.
//
// Errors: non-positive reserveIn, totalShares or amountIn, fee outside [0,1),
// ErrZeroShares if sharesOut rounds to 0, ErrOverflow if the new total supply
// or reserveIn + amountIn would need more than 256 bits.
func JoinSingleAssetConstantProduct(reserveIn, totalShares, amountIn sdkmath.Int, fee sdkmath.LegacyDec) (sharesOut sdkmath.Int, err error) {
	zero := sdkmath.ZeroInt()
	x, err := requirePositive(ErrInvalidReserve, "reserveIn", reserveIn)
	if err != nil {
		return zero, err
	}
	s, err := requirePositive(ErrInvalidShares, "total shares", totalShares)
	if err != nil {
		return zero, err
	}
	dx, err := requirePositive(ErrInvalidAmount, "amountIn", amountIn)
	if err != nil {
		return zero, err
	}
	f, err := feeNumerator(fee)
	if err != nil {
		return zero, err
	}
	if err := checkNewReserve("reserveIn", x, dx); err != nil {
		return zero, err
	}
	twoP := mul(bigTwo, decScale)
	num := mul(s, s, add(mul(twoP, x), mul(sub(twoP, f), dx)))
	den := mul(twoP, x)
	shares := sub(isqrt(floorDiv(num, den)), s)
	if shares.Sign() <= 0 {
		return zero, fmt.Errorf("%w: single-asset deposit %s into reserve %s", ErrZeroShares, amountIn, reserveIn)
	}
	if add(s, shares).BitLen() > sdkmath.MaxBitLen {
		return zero, fmt.Errorf("%w: total shares after join", ErrOverflow)
	}
	return sdkmath.NewIntFromBigInt(shares), nil
}

// ExitSingleAssetConstantProduct burns sharesIn of a two-asset
// constant-product pool and pays out only the asset whose reserve is
// reserveOut. It is the composition of the two primitives, each rounding in
// favour of the pool:
//
//	(a, b)    = ExitProportional([reserveOut, reserveOther], S, sharesIn)
//	swapOut   = SwapExactIn(reserveOther − b, reserveOut − a, b, fee)
//	amountOut = a + swapOut
//
// i.e. the other asset's share b is sold back to the remaining pool. If b is
// zero or too small to buy anything, it stays in the pool and amountOut = a.
// fee is the rate of the swap leg: callers pass ExitFee(f), so that a
// single-asset join followed by a single-asset exit never pays less than
// a direct swap (see ExitFee). swapFee is the swap leg's fee, in the other
// asset (part of b).
//
// Errors: as ExitProportional and SwapExactIn (other than ErrOutputTooSmall
// on the swap leg), ErrOutputTooSmall if amountOut is zero.
func ExitSingleAssetConstantProduct(reserveOut, reserveOther, totalShares, sharesIn sdkmath.Int, fee sdkmath.LegacyDec) (amountOut, swapFee sdkmath.Int, err error) {
	zero := sdkmath.ZeroInt()
	if _, err := feeNumerator(fee); err != nil {
		return zero, zero, err
	}
	outs, err := ExitProportional([]sdkmath.Int{reserveOut, reserveOther}, totalShares, sharesIn)
	if err != nil {
		return zero, zero, err
	}
	direct, other := outs[0], outs[1]
	total, swapFee := direct, zero
	if other.IsPositive() {
		// sharesIn < S, so both remaining reserves are positive.
		swapped, legFee, err := SwapExactIn(reserveOther.Sub(other), reserveOut.Sub(direct), other, fee)
		switch {
		case err == nil:
			total, swapFee = total.Add(swapped), legFee
		case !errors.Is(err, ErrOutputTooSmall):
			return zero, zero, err
		}
	}
	if !total.IsPositive() {
		return zero, zero, fmt.Errorf("%w: exiting %s of %s shares", ErrOutputTooSmall, sharesIn, totalShares)
	}
	return total, swapFee, nil
}

// JoinSingleAssetFeeConstantProduct is the fee part of a single-asset join
// of amountIn into a constant-product pool (the swap fee on the half that
// is in effect swapped), in the deposited asset, rounded down:
//
//	fee = ⌊ Δx·F / (2P) ⌋
//
// It is what the protocol's share of a single-asset join is taken from.
func JoinSingleAssetFeeConstantProduct(amountIn sdkmath.Int, fee sdkmath.LegacyDec) (sdkmath.Int, error) {
	f, err := feeNumerator(fee)
	if err != nil {
		return sdkmath.ZeroInt(), err
	}
	dx, err := requireNonNegative(ErrInvalidAmount, "amountIn", amountIn)
	if err != nil {
		return sdkmath.ZeroInt(), err
	}
	return toInt("join fee", floorDiv(mul(dx, f), mul(bigTwo, decScale)))
}

// ExitFee is the fee rate of a single-asset exit given the pool's swap fee
// f, rounded up at 18 decimals:
//
//	f_exit = ⌈ 2f / (2 − f) ⌉,  so that  (1 − f/2)·(1 − f_exit/2) ≤ 1 − f.
//
// A single-asset join charges f on the half it swaps (a factor 1 − f/2 on
// the whole); an exit at the plain rate would do the same, and the two
// half-fees compound to (1 − f/2)² = 1 − f + f²/4 > 1 − f: a join followed by
// an exit (a "zap") would beat the direct swap. At f_exit the zap pays at
// least the swap fee.
func ExitFee(fee sdkmath.LegacyDec) sdkmath.LegacyDec {
	if fee.IsNil() || !fee.IsPositive() {
		return sdkmath.LegacyZeroDec()
	}
	two := sdkmath.LegacyNewDec(2)
	return fee.Mul(two).QuoRoundUp(two.Sub(fee))
}
