package math

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// Imbalanced and single-asset join, and single-asset exit, for stableswap
// pools, following Curve's add_liquidity and calc_withdraw_one_coin.
//
// A deposit or withdrawal that does not follow the pool's ratio is partly a
// swap, so it pays the swap fee on the deviation from the ideal (proportional)
// balances, at Curve's rate
//
//	f_imb = f·n / (4·(n−1))
//
// (f/2 for two assets), which approximates charging the full swap fee on the
// half of the deviation that is effectively traded.
//
// Rounding: the invariant before the operation is rounded up (⌈D*⌉), the
// invariant after it is rounded down (⌊D*⌋) or the target invariant is rounded
// up, fees are rounded up, balances solved for are rounded up and shares and
// amounts paid out are rounded down, so the invariant per share never
// decreases.

// JoinStableSwap deposits amountsIn (zero entries allowed, at least one
// positive) into a stableswap pool with balances and total shares S:
//
//	D0      = ⌈D*(x)⌉,  x' = x + amountsIn,  D1 = ⌊D*(x')⌋
//	fee_k   = ⌈ f_imb · | D1·x_k/D0 − x'_k | ⌉          (ideal balance D1·x_k/D0)
//	D2      = ⌊D*(x' − fee)⌋
//	shares  = ⌊ S·(D2 − D0) / D0 ⌋
//
// fees[k] is the imbalance fee in asset k. The fees stay in the pool (all of
// amountsIn is added to the balances); they only reduce the shares minted. A
// proportional deposit pays (almost) no fee.
//
// Errors: as ComputeD, length mismatch, negative amounts or all zero,
// non-positive totalShares, fee outside [0,1), ErrInsufficientLiquidity if a
// fee would exceed the balance it is charged on, ErrZeroShares if no share is
// minted, ErrOverflow if the new total supply or a new balance would need
// more than 256 bits.
func JoinStableSwap(balances []sdkmath.Int, amp, totalShares sdkmath.Int, amountsIn []sdkmath.Int, fee sdkmath.LegacyDec) (sharesOut sdkmath.Int, fees []sdkmath.Int, err error) {
	zero := sdkmath.ZeroInt()
	p, err := newSSPool(balances, amp)
	if err != nil {
		return zero, nil, err
	}
	s, err := requirePositive(ErrInvalidShares, "total shares", totalShares)
	if err != nil {
		return zero, nil, err
	}
	if len(amountsIn) != p.n {
		return zero, nil, fmt.Errorf("%w: %d amounts for %d balances", ErrInvalidAssetCount, len(amountsIn), p.n)
	}
	f, err := feeNumerator(fee)
	if err != nil {
		return zero, nil, err
	}
	newX := make([]*big.Int, p.n)
	anyPositive := false
	for k, a := range amountsIn {
		ak, err := requireNonNegative(ErrInvalidAmount, fmt.Sprintf("amount %d", k), a)
		if err != nil {
			return zero, nil, err
		}
		anyPositive = anyPositive || ak.Sign() > 0
		if err := checkNewReserve(fmt.Sprintf("balance %d", k), p.x[k], ak); err != nil {
			return zero, nil, err
		}
		newX[k] = add(p.x[k], ak)
	}
	if !anyPositive {
		return zero, nil, fmt.Errorf("%w: all deposit amounts are zero", ErrInvalidAmount)
	}

	d0, err := p.dCeil()
	if err != nil {
		return zero, nil, err
	}
	d1, err := p.withBalances(newX).dFloor()
	if err != nil {
		return zero, nil, err
	}
	feeNum, feeDen := imbalanceFee(f, p.n)
	feeDen.Mul(feeDen, d0)
	adjusted := make([]*big.Int, p.n)
	feeBig := make([]*big.Int, p.n)
	for k := range newX {
		// |D1·x_k/D0 − x'_k| = |D1·x_k − x'_k·D0| / D0
		dev := new(big.Int).Abs(sub(mul(d1, p.x[k]), mul(newX[k], d0)))
		feeBig[k] = ceilDiv(mul(feeNum, dev), feeDen)
		adjusted[k] = sub(newX[k], feeBig[k])
		if adjusted[k].Sign() <= 0 {
			return zero, nil, fmt.Errorf("%w: imbalance fee %s exceeds balance %s of asset %d; deposit is too imbalanced", ErrInsufficientLiquidity, feeBig[k], newX[k], k)
		}
	}
	d2, err := p.withBalances(adjusted).dFloor()
	if err != nil {
		return zero, nil, err
	}
	shares := floorDiv(mul(s, sub(d2, d0)), d0)
	if shares.Sign() <= 0 {
		return zero, nil, fmt.Errorf("%w: deposit %v into balances %v", ErrZeroShares, amountsIn, balances)
	}
	if add(s, shares).BitLen() > sdkmath.MaxBitLen {
		return zero, nil, fmt.Errorf("%w: total shares after join", ErrOverflow)
	}
	if fees, err = bigsToInts("fee", feeBig); err != nil {
		return zero, nil, err
	}
	return sdkmath.NewIntFromBigInt(shares), fees, nil
}

// JoinStableSwapSingleAsset deposits amountIn of asset i alone; it is
// JoinStableSwap with all other amounts zero.
func JoinStableSwapSingleAsset(balances []sdkmath.Int, amp, totalShares sdkmath.Int, i int, amountIn sdkmath.Int, fee sdkmath.LegacyDec) (sharesOut sdkmath.Int, fees []sdkmath.Int, err error) {
	if i < 0 || i >= len(balances) {
		return sdkmath.ZeroInt(), nil, fmt.Errorf("%w: i=%d for a pool of %d assets", ErrInvalidAssetIndex, i, len(balances))
	}
	if _, err := requirePositive(ErrInvalidAmount, "amountIn", amountIn); err != nil {
		return sdkmath.ZeroInt(), nil, err
	}
	amounts := make([]sdkmath.Int, len(balances))
	for k := range amounts {
		amounts[k] = sdkmath.ZeroInt()
	}
	amounts[i] = amountIn
	return JoinStableSwap(balances, amp, totalShares, amounts, fee)
}

// ExitStableSwapSingleAsset burns sharesIn and pays out only asset i
// (Curve's calc_withdraw_one_coin):
//
//	D0        = ⌈D*(x)⌉
//	D1        = ⌈ D0·(S − sharesIn) / S ⌉
//	y0        = ⌈y⌉ for asset i at invariant D1, other balances unchanged
//	exp_k     = x_k·(D0−D1)/D0            for k ≠ i   (proportional share)
//	exp_i     = | x_i·D1/D0 − y0 |
//	xr_k      = x_k − ⌈ f_imb · exp_k ⌉   (fee-reduced balances)
//	y1        = ⌈y⌉ for asset i at invariant D1, other balances xr_k
//	amountOut = xr_i − y1 − 1             (Curve's extra unit)
//	feeAmount = (x_i − y0) − amountOut    (what the fee and rounding cost, in asset i)
//
// The caller removes amountOut from balance i and burns sharesIn.
//
// Errors: as ComputeD, invalid index, ErrInvalidShares unless
// 0 < sharesIn < S, fee outside [0,1), ErrInsufficientLiquidity if a fee
// exceeds a balance, ErrOutputTooSmall if amountOut ≤ 0.
func ExitStableSwapSingleAsset(balances []sdkmath.Int, amp, totalShares, sharesIn sdkmath.Int, i int, fee sdkmath.LegacyDec) (amountOut, feeAmount sdkmath.Int, err error) {
	zero := sdkmath.ZeroInt()
	p, err := newSSPool(balances, amp)
	if err != nil {
		return zero, zero, err
	}
	if i < 0 || i >= p.n {
		return zero, zero, fmt.Errorf("%w: i=%d for a pool of %d assets", ErrInvalidAssetIndex, i, p.n)
	}
	s, err := requirePositive(ErrInvalidShares, "total shares", totalShares)
	if err != nil {
		return zero, zero, err
	}
	in, err := requireSharesIn(sharesIn, s)
	if err != nil {
		return zero, zero, err
	}
	f, err := feeNumerator(fee)
	if err != nil {
		return zero, zero, err
	}

	d0, err := p.dCeil()
	if err != nil {
		return zero, zero, err
	}
	d1 := ceilDiv(mul(d0, sub(s, in)), s)
	y0, err := p.yCeil(i, d1)
	if err != nil {
		return zero, zero, err
	}
	feeNum, feeDen := imbalanceFee(f, p.n)
	feeDen.Mul(feeDen, d0)
	reduced := make([]*big.Int, p.n)
	for k, xk := range p.x {
		var dev *big.Int // deviation times D0
		if k == i {
			dev = new(big.Int).Abs(sub(mul(xk, d1), mul(y0, d0)))
		} else {
			dev = mul(xk, sub(d0, d1))
		}
		reduced[k] = sub(xk, ceilDiv(mul(feeNum, dev), feeDen))
		if reduced[k].Sign() <= 0 {
			return zero, zero, fmt.Errorf("%w: withdrawal fee exceeds balance %s of asset %d", ErrInsufficientLiquidity, xk, k)
		}
	}
	y1, err := p.withBalances(reduced).yCeil(i, d1)
	if err != nil {
		return zero, zero, err
	}
	out := sub(sub(reduced[i], y1), bigOne)
	if out.Sign() <= 0 {
		return zero, zero, fmt.Errorf("%w: exiting %s of %s shares as asset %d", ErrOutputTooSmall, sharesIn, totalShares, i)
	}
	noFee := sub(p.x[i], y0)
	// out ≤ noFee − 1 (y1 ≥ y0 and reduced[i] ≤ x_i), so both are in range.
	return sdkmath.NewIntFromBigInt(out), sdkmath.NewIntFromBigInt(sub(noFee, out)), nil
}

// imbalanceFee returns Curve's imbalance fee rate f·n/(4(n−1)) as the
// fraction num/den with f = F/P.
func imbalanceFee(f *big.Int, n int) (num, den *big.Int) {
	return mul(f, newInt(int64(n))), mul(decScale, newInt(int64(4*(n-1))))
}
