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
//
// Errors: as ExitProportional and SwapExactIn (other than ErrOutputTooSmall
// on the swap leg), ErrOutputTooSmall if amountOut is zero.
func ExitSingleAssetConstantProduct(reserveOut, reserveOther, totalShares, sharesIn sdkmath.Int, fee sdkmath.LegacyDec) (amountOut sdkmath.Int, err error) {
	zero := sdkmath.ZeroInt()
	if _, err := feeNumerator(fee); err != nil {
		return zero, err
	}
	outs, err := ExitProportional([]sdkmath.Int{reserveOut, reserveOther}, totalShares, sharesIn)
	if err != nil {
		return zero, err
	}
	direct, other := outs[0], outs[1]
	total := direct
	if other.IsPositive() {
		// sharesIn < S, so both remaining reserves are positive.
		swapped, _, err := SwapExactIn(reserveOther.Sub(other), reserveOut.Sub(direct), other, fee)
		switch {
		case err == nil:
			total = total.Add(swapped)
		case !errors.Is(err, ErrOutputTooSmall):
			return zero, err
		}
	}
	if !total.IsPositive() {
		return zero, fmt.Errorf("%w: exiting %s of %s shares", ErrOutputTooSmall, sharesIn, totalShares)
	}
	return total, nil
}
