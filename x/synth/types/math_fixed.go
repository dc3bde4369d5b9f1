package types

import (
	"math/big"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// Fixed-point helpers over big.Int: a LegacyDec d is the integer d·10^18.

var wad = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

func decBig(d sdkmath.LegacyDec) *big.Int { return new(big.Int).Set(d.BigInt()) }

func divFloor(a, b *big.Int) *big.Int { return new(big.Int).Quo(a, b) } // a, b ≥ 0

func divCeil(a, b *big.Int) *big.Int {
	q, r := new(big.Int).QuoRem(a, b, new(big.Int))
	if r.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

func mul(xs ...*big.Int) *big.Int {
	out := big.NewInt(1)
	for _, x := range xs {
		out.Mul(out, x)
	}
	return out
}

func toInt(v *big.Int) (sdkmath.Int, error) {
	if v.BitLen() > sdkmath.MaxBitLen {
		return sdkmath.Int{}, errorsmod.Wrapf(ErrMath, "%s overflows", v)
	}
	return sdkmath.NewIntFromBigInt(v), nil
}

func toDec(v *big.Int) (sdkmath.LegacyDec, error) {
	if v.BitLen() > sdkmath.MaxBitLen+60 {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(ErrMath, "%s·10^-18 overflows", v)
	}
	return sdkmath.LegacyNewDecFromBigIntWithPrec(v, sdkmath.LegacyPrecision), nil
}

func nonNeg(name string, v sdkmath.Int) error {
	if v.IsNil() || v.IsNegative() {
		return errorsmod.Wrapf(ErrMath, "%s %v must be ≥ 0", name, v)
	}
	return nil
}

func decNonNeg(name string, d sdkmath.LegacyDec) error {
	if d.IsNil() || d.IsNegative() {
		return errorsmod.Wrapf(ErrMath, "%s %v must be ≥ 0", name, d)
	}
	return nil
}
