package risk

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// Internal exact arithmetic. Inputs are converted to *big.Int (LegacyDec as
// its 10^18-scaled integer), every formula is evaluated on unbounded integers
// and rounded once where the rounding table says, and results are converted
// back with a range check, so no function panics on large inputs.

const (
	// maxIntBits is the bit length limit of sdkmath.Int.
	maxIntBits = sdkmath.MaxBitLen
	// maxDecBits is the bit length limit of LegacyDec's scaled integer.
	maxDecBits = 315
)

var (
	bigZero = big.NewInt(0)
	bigOne  = big.NewInt(1)
	// wad is 10^18, the scale of LegacyDec.
	wad = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
)

// decOf returns the scaled integer of d (d·10^18), or an error wrapping
// sentinel if d is nil.
func decOf(sentinel error, name string, d sdkmath.LegacyDec) (*big.Int, error) {
	if d.IsNil() {
		return nil, fmt.Errorf("%w: %s is nil", sentinel, name)
	}
	return d.BigInt(), nil
}

// decNonNeg is decOf that also rejects negative values.
func decNonNeg(sentinel error, name string, d sdkmath.LegacyDec) (*big.Int, error) {
	v, err := decOf(sentinel, name, d)
	if err != nil {
		return nil, err
	}
	if v.Sign() < 0 {
		return nil, fmt.Errorf("%w: %s is %s", sentinel, name, d)
	}
	return v, nil
}

// decPos is decOf that also rejects zero and negative values.
func decPos(sentinel error, name string, d sdkmath.LegacyDec) (*big.Int, error) {
	v, err := decOf(sentinel, name, d)
	if err != nil {
		return nil, err
	}
	if v.Sign() <= 0 {
		return nil, fmt.Errorf("%w: %s is %s", sentinel, name, d)
	}
	return v, nil
}

// decIn is decOf that requires lo ≤ d ≤ hi (scaled integers).
func decIn(sentinel error, name string, d sdkmath.LegacyDec, lo, hi *big.Int) (*big.Int, error) {
	v, err := decOf(sentinel, name, d)
	if err != nil {
		return nil, err
	}
	if v.Cmp(lo) < 0 || v.Cmp(hi) > 0 {
		return nil, fmt.Errorf("%w: %s is %s, want [%s, %s]", sentinel, name, d,
			sdkmath.LegacyNewDecFromBigIntWithPrec(lo, 18), sdkmath.LegacyNewDecFromBigIntWithPrec(hi, 18))
	}
	return v, nil
}

// intNonNeg returns a copy of v, or ErrInvalidAmount if v is nil or negative.
func intNonNeg(name string, v sdkmath.Int) (*big.Int, error) {
	if v.IsNil() {
		return nil, fmt.Errorf("%w: %s is nil", ErrInvalidAmount, name)
	}
	if v.IsNegative() {
		return nil, fmt.Errorf("%w: %s is %s", ErrInvalidAmount, name, v)
	}
	return v.BigInt(), nil
}

// divFloor returns ⌊a/b⌋ for a ≥ 0, b > 0.
func divFloor(a, b *big.Int) *big.Int {
	return new(big.Int).Quo(a, b)
}

// divCeil returns ⌈a/b⌉ for a ≥ 0, b > 0.
func divCeil(a, b *big.Int) *big.Int {
	q, r := new(big.Int).QuoRem(a, b, new(big.Int))
	if r.Sign() > 0 {
		q.Add(q, bigOne)
	}
	return q
}

// mul returns the product of its arguments.
func mul(xs ...*big.Int) *big.Int {
	p := big.NewInt(1)
	for _, x := range xs {
		p.Mul(p, x)
	}
	return p
}

func add(a, b *big.Int) *big.Int { return new(big.Int).Add(a, b) }
func sub(a, b *big.Int) *big.Int { return new(big.Int).Sub(a, b) }

func minBig(a, b *big.Int) *big.Int {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

// toDec converts a 10^18-scaled integer to LegacyDec, or ErrOverflow.
func toDec(name string, v *big.Int) (sdkmath.LegacyDec, error) {
	if v.BitLen() > maxDecBits {
		return sdkmath.LegacyDec{}, fmt.Errorf("%w: %s needs %d bits", ErrOverflow, name, v.BitLen())
	}
	return sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).Set(v), 18), nil
}

// toInt converts v to sdkmath.Int, or ErrOverflow.
func toInt(name string, v *big.Int) (sdkmath.Int, error) {
	if v.BitLen() > maxIntBits {
		return sdkmath.Int{}, fmt.Errorf("%w: %s needs %d bits", ErrOverflow, name, v.BitLen())
	}
	return sdkmath.NewIntFromBigInt(v), nil
}
