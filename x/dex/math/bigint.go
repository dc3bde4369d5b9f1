package math

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// All formulas are evaluated on unbounded *big.Int values so that
// intermediate products (which can exceed 256 bits even when every input and
// output fits) never overflow. Only the results are converted back to
// sdkmath.Int, and that conversion is checked (toInt), so no function in this
// package panics on large inputs.

var (
	bigOne = big.NewInt(1)
	bigTwo = big.NewInt(2)

	// decScale is 10^18, the fixed-point scale of LegacyDec. It is written P
	// in the formulas of this package.
	decScale = new(big.Int).Exp(big.NewInt(10), big.NewInt(sdkmath.LegacyPrecision), nil)

	// maxDecScaled is the largest |d.BigInt()| of a LegacyDec in valid range:
	// 2^256 * 10^18 - 1.
	maxDecScaled = new(big.Int).Sub(new(big.Int).Lsh(decScale, sdkmath.MaxBitLen), bigOne)
)

// requirePositive returns a copy of v, or an error wrapping sentinel if v is
// nil, zero or negative.
func requirePositive(sentinel error, name string, v sdkmath.Int) (*big.Int, error) {
	if v.IsNil() {
		return nil, fmt.Errorf("%w: %s is nil", sentinel, name)
	}
	if !v.IsPositive() {
		return nil, fmt.Errorf("%w: %s is %s", sentinel, name, v)
	}
	return v.BigInt(), nil
}

// requireNonNegative returns a copy of v, or an error wrapping sentinel if v
// is nil or negative.
func requireNonNegative(sentinel error, name string, v sdkmath.Int) (*big.Int, error) {
	if v.IsNil() {
		return nil, fmt.Errorf("%w: %s is nil", sentinel, name)
	}
	if v.IsNegative() {
		return nil, fmt.Errorf("%w: %s is %s", sentinel, name, v)
	}
	return v.BigInt(), nil
}

// requireReserves validates a slice of positive pool reserves.
func requireReserves(reserves []sdkmath.Int) ([]*big.Int, error) {
	out := make([]*big.Int, len(reserves))
	for k, r := range reserves {
		b, err := requirePositive(ErrInvalidReserve, fmt.Sprintf("reserve %d", k), r)
		if err != nil {
			return nil, err
		}
		out[k] = b
	}
	return out, nil
}

// feeNumerator validates fee ∈ [0, 1) and returns F = fee·10^18, so that the
// fee is exactly the rational F/P.
func feeNumerator(fee sdkmath.LegacyDec) (*big.Int, error) {
	if fee.IsNil() {
		return nil, fmt.Errorf("%w: fee is nil", ErrInvalidFee)
	}
	f := fee.BigInt()
	if f.Sign() < 0 || f.Cmp(decScale) >= 0 {
		return nil, fmt.Errorf("%w: fee is %s", ErrInvalidFee, fee)
	}
	return f, nil
}

// toInt converts b to sdkmath.Int, returning ErrOverflow instead of panicking
// if b needs more than 256 bits.
func toInt(what string, b *big.Int) (sdkmath.Int, error) {
	if b.BitLen() > sdkmath.MaxBitLen {
		return sdkmath.ZeroInt(), fmt.Errorf("%w: %s needs %d bits", ErrOverflow, what, b.BitLen())
	}
	return sdkmath.NewIntFromBigInt(b), nil
}

// toDec converts a value already scaled by 10^18 to LegacyDec, returning
// ErrOverflow if it is outside the valid LegacyDec range.
func toDec(what string, scaled *big.Int) (sdkmath.LegacyDec, error) {
	if new(big.Int).Abs(scaled).Cmp(maxDecScaled) > 0 {
		return sdkmath.LegacyZeroDec(), fmt.Errorf("%w: %s is out of the LegacyDec range", ErrOverflow, what)
	}
	return sdkmath.LegacyNewDecFromBigIntWithPrec(scaled, sdkmath.LegacyPrecision), nil
}

// newInt is a shorthand for big.NewInt.
func newInt(v int64) *big.Int { return big.NewInt(v) }

// mul returns the product of all factors as a new big.Int.
func mul(factors ...*big.Int) *big.Int {
	r := big.NewInt(1)
	for _, f := range factors {
		r.Mul(r, f)
	}
	return r
}

// add returns a+b as a new big.Int.
func add(a, b *big.Int) *big.Int { return new(big.Int).Add(a, b) }

// sub returns a-b as a new big.Int.
func sub(a, b *big.Int) *big.Int { return new(big.Int).Sub(a, b) }

// floorDiv returns ⌊a/b⌋ for b > 0 (rounds towards −∞ also for negative a).
func floorDiv(a, b *big.Int) *big.Int {
	return new(big.Int).Div(a, b) // Euclidean division == floor for b > 0
}

// ceilDiv returns ⌈a/b⌉ for b > 0.
func ceilDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).DivMod(a, b, new(big.Int)) // Euclidean: 0 <= m < b
	if m.Sign() != 0 {
		q.Add(q, bigOne)
	}
	return q
}

// isqrt returns ⌊√a⌋ for a ≥ 0.
func isqrt(a *big.Int) *big.Int { return new(big.Int).Sqrt(a) }

// iroot returns ⌊a^(1/n)⌋ for a ≥ 0 and n ≥ 1, by integer Newton iteration
// from above (which decreases monotonically to the floor root).
func iroot(a *big.Int, n int) *big.Int {
	switch {
	case a.Sign() == 0:
		return new(big.Int)
	case n == 1:
		return new(big.Int).Set(a)
	case n == 2:
		return isqrt(a)
	}
	bn := newInt(int64(n))
	bn1 := newInt(int64(n - 1))
	// x0 = 2^⌈bitlen/n⌉ ≥ a^(1/n).
	x := new(big.Int).Lsh(bigOne, uint((a.BitLen()+n-1)/n))
	for {
		// y = ((n−1)·x + ⌊a / x^(n−1)⌋) / n
		xp := new(big.Int).Exp(x, bn1, nil)
		y := new(big.Int).Quo(a, xp)
		y.Add(y, mul(bn1, x))
		y.Quo(y, bn)
		if y.Cmp(x) >= 0 {
			return x
		}
		x = y
	}
}

// sum returns Σ xs.
func sum(xs []*big.Int) *big.Int {
	s := new(big.Int)
	for _, x := range xs {
		s.Add(s, x)
	}
	return s
}

// bigsToInts converts big values to sdkmath.Ints, checking the 256-bit range.
func bigsToInts(what string, xs []*big.Int) ([]sdkmath.Int, error) {
	out := make([]sdkmath.Int, len(xs))
	for k, x := range xs {
		v, err := toInt(fmt.Sprintf("%s %d", what, k), x)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

// checkNewReserve returns ErrOverflow if reserve + amount, the reserve the
// caller will store after the operation, needs more than 256 bits.
func checkNewReserve(what string, reserve, amount *big.Int) error {
	if add(reserve, amount).BitLen() > sdkmath.MaxBitLen {
		return fmt.Errorf("%w: %s plus the deposited amount", ErrOverflow, what)
	}
	return nil
}
