package math

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// StableSwapSpotPrice returns the marginal price of asset i in units of
// asset j of a stableswap pool, truncated to 18 decimals. Along the
// invariant surface F(x) = Ann·S + D − Ann·D − D^(n+1)/(n^n·Π) = 0 at fixed D,
// the price is the ratio of partial derivatives ∂F/∂x_i / ∂F/∂x_j with
// ∂F/∂x_k = Ann + D^(n+1)/(n^n·Π·x_k), i.e.
//
//	price = x_j·(Ann·x_i·n^n·Π + D^(n+1)) / (x_i·(Ann·x_j·n^n·Π + D^(n+1)))
//
// with D = ComputeD(balances, amp) (⌊D*⌋). For balanced pools it is 1; as
// A → 0 it tends to the constant-product price x_j/x_i.
//
// Errors: as ComputeD, invalid or equal indices, ErrInvalidPrice if the
// price truncates to zero.
func StableSwapSpotPrice(balances []sdkmath.Int, amp sdkmath.Int, i, j int) (sdkmath.LegacyDec, error) {
	zero := sdkmath.LegacyZeroDec()
	n := len(balances)
	if i < 0 || j < 0 || i >= n || j >= n || i == j {
		return zero, fmt.Errorf("%w: pair (%d, %d) of %d assets", ErrInvalidAssetIndex, i, j, n)
	}
	dInt, err := ComputeD(balances, amp)
	if err != nil {
		return zero, err
	}
	d := dInt.BigInt()
	nn := new(big.Int).Exp(big.NewInt(int64(n)), big.NewInt(int64(n)), nil)
	ann := new(big.Int).Mul(amp.BigInt(), nn)
	prod := new(big.Int).Set(nn) // n^n·Π
	for _, b := range balances {
		prod.Mul(prod, b.BigInt())
	}
	dn1 := new(big.Int).Exp(d, big.NewInt(int64(n+1)), nil)
	xi, xj := balances[i].BigInt(), balances[j].BigInt()
	term := func(x *big.Int) *big.Int { // Ann·x·n^n·Π + D^(n+1)
		t := new(big.Int).Mul(ann, x)
		t.Mul(t, prod)
		return t.Add(t, dn1)
	}
	num := new(big.Int).Mul(xj, term(xi))
	num.Mul(num, decScale)
	den := new(big.Int).Mul(xi, term(xj))
	scaled := new(big.Int).Quo(num, den)
	if scaled.Sign() == 0 {
		return zero, fmt.Errorf("%w: stableswap spot price of asset %d in asset %d is below 10^-18", ErrInvalidPrice, i, j)
	}
	return toDec("stableswap spot price", scaled)
}
