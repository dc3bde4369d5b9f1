package math

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// LP shares: creation, proportional join and proportional exit.
//
// Notation: R_k = reserve of asset k, S = total shares outstanding (including
// the MinimumLiquidity locked at creation).

const (
	// MinimumLiquidity is the number of shares locked forever when a pool is
	// created (as in Uniswap v2): the creator receives the initial shares
	// minus MinimumLiquidity, so the total supply never returns to zero and
	// the first depositor cannot inflate the value of a share to grief later
	// depositors.
	MinimumLiquidity = 1000

	// MinPoolAssets and MaxPoolAssets bound the number of assets of any pool
	// (the governed max_pool_assets lies within them). This is their one
	// home: x/dex/types and the stableswap functions use these.
	MinPoolAssets = 2
	MaxPoolAssets = 4
)

var minimumLiquidity = big.NewInt(MinimumLiquidity)

// InitialSharesConstantProduct returns the total shares minted when a
// constant-product pool is created with the given amounts: the geometric mean
// rounded down,
//
//	shares = ⌊ (a_1·a_2·…·a_n)^(1/n) ⌋     (for two assets ⌊√(x·y)⌋, as Uniswap v2)
//
// The caller locks MinimumLiquidity of them and credits the creator with
// shares − MinimumLiquidity.
//
// Errors: 2..MaxPoolAssets positive amounts, ErrInsufficientInitialLiquidity
// if shares ≤ MinimumLiquidity.
func InitialSharesConstantProduct(amounts []sdkmath.Int) (sdkmath.Int, error) {
	if err := checkAssetCount(len(amounts)); err != nil {
		return sdkmath.ZeroInt(), err
	}
	a, err := requireAmounts(amounts)
	if err != nil {
		return sdkmath.ZeroInt(), err
	}
	shares := iroot(mul(a...), len(a))
	return initialShares(shares)
}

// InitialSharesStableSwap returns the total shares minted when a stableswap
// pool is created: the invariant D of the (normalised) amounts, rounded down
// (ComputeD). The caller locks MinimumLiquidity and credits the creator with
// shares − MinimumLiquidity.
//
// Errors: as ComputeD, ErrInsufficientInitialLiquidity if
// shares ≤ MinimumLiquidity.
func InitialSharesStableSwap(amounts []sdkmath.Int, amp sdkmath.Int) (sdkmath.Int, error) {
	p, err := newSSPool(amounts, amp)
	if err != nil {
		return sdkmath.ZeroInt(), err
	}
	d, err := p.dFloor()
	if err != nil {
		return sdkmath.ZeroInt(), err
	}
	return initialShares(d)
}

func initialShares(shares *big.Int) (sdkmath.Int, error) {
	if shares.Cmp(minimumLiquidity) <= 0 {
		return sdkmath.ZeroInt(), fmt.Errorf("%w: deposit mints %s shares, need more than %d", ErrInsufficientInitialLiquidity, shares, MinimumLiquidity)
	}
	return toInt("initial shares", shares)
}

// JoinProportional deposits at most maxAmounts in the pool's current ratio:
//
//	sharesOut    = ⌊ min_k ( max_k·S / R_k ) ⌋       (rounded down)
//	amountsIn_k  = ⌈ sharesOut·R_k / S ⌉             (rounded up, ≤ max_k)
//
// so each asset's reserve per share never decreases. amountsIn_k ≤ max_k
// always holds because sharesOut ≤ max_k·S/R_k; it is asserted anyway.
//
// Errors: invalid reserves, non-positive totalShares, negative maxAmounts,
// length mismatch, ErrZeroShares if sharesOut rounds to 0, ErrOverflow if the
// new total supply or a new reserve would need more than 256 bits.
func JoinProportional(reserves []sdkmath.Int, totalShares sdkmath.Int, maxAmounts []sdkmath.Int) (sharesOut sdkmath.Int, amountsIn []sdkmath.Int, err error) {
	zero := sdkmath.ZeroInt()
	r, s, err := poolState(reserves, totalShares)
	if err != nil {
		return zero, nil, err
	}
	if len(maxAmounts) != len(r) {
		return zero, nil, fmt.Errorf("%w: %d max amounts for %d reserves", ErrInvalidAssetCount, len(maxAmounts), len(r))
	}
	var shares *big.Int
	for k, m := range maxAmounts {
		mk, err := requireNonNegative(ErrInvalidAmount, fmt.Sprintf("max amount %d", k), m)
		if err != nil {
			return zero, nil, err
		}
		sk := floorDiv(mul(mk, s), r[k])
		if shares == nil || sk.Cmp(shares) < 0 {
			shares = sk
		}
	}
	if shares.Sign() == 0 {
		return zero, nil, fmt.Errorf("%w: max amounts %v against reserves %v and %s shares", ErrZeroShares, maxAmounts, reserves, totalShares)
	}
	if add(s, shares).BitLen() > sdkmath.MaxBitLen {
		return zero, nil, fmt.Errorf("%w: total shares after join", ErrOverflow)
	}
	amountsIn = make([]sdkmath.Int, len(r))
	for k := range r {
		ak := ceilDiv(mul(shares, r[k]), s)
		if ak.Cmp(maxAmounts[k].BigInt()) > 0 {
			return zero, nil, fmt.Errorf("%w: amount in %s exceeds max %s", ErrInternal, ak, maxAmounts[k])
		}
		if err := checkNewReserve(fmt.Sprintf("reserve %d", k), r[k], ak); err != nil {
			return zero, nil, err
		}
		amountsIn[k] = sdkmath.NewIntFromBigInt(ak)
	}
	return sdkmath.NewIntFromBigInt(shares), amountsIn, nil
}

// ExitProportional burns sharesIn and returns each asset pro rata, rounded
// down:
//
//	amountsOut_k = ⌊ sharesIn·R_k / S ⌋
//
// Requires 0 < sharesIn < S; since the MinimumLiquidity locked at creation is
// held by nobody, at least that many shares always remain, and every reserve
// stays positive.
//
// Errors: invalid reserves or totalShares, ErrInvalidShares if sharesIn is
// not in (0, S).
func ExitProportional(reserves []sdkmath.Int, totalShares, sharesIn sdkmath.Int) (amountsOut []sdkmath.Int, err error) {
	r, s, err := poolState(reserves, totalShares)
	if err != nil {
		return nil, err
	}
	in, err := requireSharesIn(sharesIn, s)
	if err != nil {
		return nil, err
	}
	out := make([]*big.Int, len(r))
	for k := range r {
		out[k] = floorDiv(mul(in, r[k]), s)
	}
	return bigsToInts("amount out", out)
}

// poolState validates reserves (2..MaxPoolAssets, positive) and a positive
// total share supply.
func poolState(reserves []sdkmath.Int, totalShares sdkmath.Int) ([]*big.Int, *big.Int, error) {
	if err := checkAssetCount(len(reserves)); err != nil {
		return nil, nil, err
	}
	r, err := requireReserves(reserves)
	if err != nil {
		return nil, nil, err
	}
	s, err := requirePositive(ErrInvalidShares, "total shares", totalShares)
	if err != nil {
		return nil, nil, err
	}
	return r, s, nil
}

// requireSharesIn validates 0 < sharesIn < totalShares.
func requireSharesIn(sharesIn sdkmath.Int, total *big.Int) (*big.Int, error) {
	in, err := requirePositive(ErrInvalidShares, "shares in", sharesIn)
	if err != nil {
		return nil, err
	}
	if in.Cmp(total) >= 0 {
		return nil, fmt.Errorf("%w: shares in %s must be less than total shares %s", ErrInvalidShares, sharesIn, total)
	}
	return in, nil
}

func checkAssetCount(n int) error {
	if n < MinPoolAssets || n > MaxPoolAssets {
		return fmt.Errorf("%w: expected %d to %d assets, got %d", ErrInvalidAssetCount, MinPoolAssets, MaxPoolAssets, n)
	}
	return nil
}

func requireAmounts(amounts []sdkmath.Int) ([]*big.Int, error) {
	out := make([]*big.Int, len(amounts))
	for k, a := range amounts {
		b, err := requirePositive(ErrInvalidAmount, fmt.Sprintf("amount %d", k), a)
		if err != nil {
			return nil, err
		}
		out[k] = b
	}
	return out, nil
}
