package math

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// Deterministic base-2 logarithm and exponential for LegacyDec, in integer
// fixed-point arithmetic (no float64, so every node computes the same bits).
//
// Internally values are binary fixed-point numbers with fixedBits fractional
// bits. The fractional part of a logarithm is computed to log2FracBits binary
// digits (2^-64 ≈ 5.4·10^-20, below the 10^-18 resolution of LegacyDec, and a
// logarithm is at most 256 in magnitude). Exp2 converts the fractional part of
// its argument to exp2FracBits binary digits, so its relative error
// (≈ 2^-128) is far below 10^-18 for any result that fits in a LegacyDec's
// significant digits.

const (
	fixedBits    = 256
	log2FracBits = 64
	exp2FracBits = 128
)

var (
	fixedOne = new(big.Int).Lsh(bigOne, fixedBits) // 1.0
	fixedTwo = new(big.Int).Lsh(bigOne, fixedBits+1)

	// exp2Roots[k] = 2^(2^-(k+1)) in fixed point (√2, ⁴√2, …), computed by
	// repeated integer square roots.
	exp2Roots = func() []*big.Int {
		roots := make([]*big.Int, exp2FracBits)
		r := new(big.Int).Set(fixedTwo)
		for k := range roots {
			r = isqrt(new(big.Int).Lsh(r, fixedBits)) // √(r/2^W)·2^W
			roots[k] = r
		}
		return roots
	}()

	// maxExp2Exponent: 2^k overflows LegacyDec for k ≥ 256.
	maxExp2Exponent = big.NewInt(sdkmath.MaxBitLen)
	// minExp2Exponent: 2^k < 10^-18 for k ≤ −60, so the result truncates to 0.
	minExp2Exponent = big.NewInt(-61)
)

// Log2 returns log₂(x) for x > 0, rounded down (towards −∞) to 18 decimals.
//
// Algorithm: x = 2^k·m with integer k and m ∈ [1, 2). k is found from bit
// lengths. The fractional bits of log₂(m) are produced one at a time by
// squaring: if m² ≥ 2 the next bit is 1 and m ← m²/2, else it is 0 and
// m ← m². Each step truncates, and every step is non-decreasing in m, so Log2
// is monotone (non-decreasing) in x and exact to within 2^-64 + 10^-18.
func Log2(x sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	if x.IsNil() || !x.IsPositive() {
		return sdkmath.LegacyZeroDec(), fmt.Errorf("%w: log2 of %v", ErrInvalidPrice, x)
	}
	a := x.BigInt() // x = a / P

	// k = ⌊log₂(a/P)⌋: 2^k·P ≤ a < 2^(k+1)·P.
	k := a.BitLen() - decScale.BitLen()
	for !pow2TimesLE(k, decScale, a) {
		k--
	}
	for pow2TimesLE(k+1, decScale, a) {
		k++
	}

	// m = a / (P·2^k) in fixed point, in [1, 2).
	var m *big.Int
	if k >= 0 {
		m = new(big.Int).Lsh(a, fixedBits)
		m.Quo(m, new(big.Int).Lsh(decScale, uint(k)))
	} else {
		m = new(big.Int).Lsh(a, uint(fixedBits-k))
		m.Quo(m, decScale)
	}

	frac := new(big.Int)
	for bit := log2FracBits - 1; bit >= 0; bit-- {
		m.Mul(m, m)
		m.Rsh(m, fixedBits)
		if m.Cmp(fixedTwo) >= 0 {
			m.Rsh(m, 1)
			frac.SetBit(frac, bit, 1)
		}
	}

	// result = (k·2^64 + frac) / 2^64, scaled by P and floored.
	r := new(big.Int).Lsh(big.NewInt(int64(k)), log2FracBits)
	r.Add(r, frac)
	r.Mul(r, decScale)
	return toDec("log2", floorDiv(r, new(big.Int).Lsh(bigOne, log2FracBits)))
}

// pow2TimesLE reports whether 2^k·p ≤ a (k may be negative).
func pow2TimesLE(k int, p, a *big.Int) bool {
	if k >= 0 {
		return new(big.Int).Lsh(p, uint(k)).Cmp(a) <= 0
	}
	return p.Cmp(new(big.Int).Lsh(a, uint(-k))) <= 0
}

// Exp2 returns 2^y rounded down to 18 decimals.
//
// Algorithm: y = k + r with integer k = ⌊y⌋ and r ∈ [0, 1). r is converted to
// 128 binary digits, r ≈ Σ b_i·2^-i (rounded down), and
// 2^r = Π_{b_i = 1} 2^(2^-i) is multiplied out from precomputed fixed-point
// roots 2^(1/2), 2^(1/4), …; finally the result is shifted by k. Every step
// truncates, so the result never exceeds the true 2^y; the relative error
// before the final truncation to 18 decimals is below 10^-38.
//
// Errors: ErrOverflow if 2^y is outside the LegacyDec range (y ≥ 256).
func Exp2(y sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	if y.IsNil() {
		return sdkmath.LegacyZeroDec(), fmt.Errorf("%w: exp2 of nil", ErrInvalidPrice)
	}
	yi := y.BigInt()
	k := floorDiv(yi, decScale)
	if k.Cmp(maxExp2Exponent) >= 0 {
		return sdkmath.LegacyZeroDec(), fmt.Errorf("%w: 2^%s", ErrOverflow, y)
	}
	if k.Cmp(minExp2Exponent) <= 0 {
		return sdkmath.LegacyZeroDec(), nil
	}
	r := sub(yi, mul(k, decScale)) // r·P, in [0, P)
	bits := floorDiv(new(big.Int).Lsh(r, exp2FracBits), decScale)

	acc := new(big.Int).Set(fixedOne)
	for idx := 0; idx < exp2FracBits; idx++ {
		if bits.Bit(exp2FracBits-1-idx) == 1 {
			acc.Mul(acc, exp2Roots[idx])
			acc.Rsh(acc, fixedBits)
		}
	}

	// result·P = acc·P·2^k / 2^W, floored.
	acc.Mul(acc, decScale)
	shift := int(k.Int64()) - fixedBits
	if shift >= 0 {
		acc.Lsh(acc, uint(shift))
	} else {
		acc.Rsh(acc, uint(-shift)) // acc ≥ 0: truncation is the floor
	}
	return toDec("exp2", acc)
}
