package types

import (
	"math/big"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// Exact integer helpers for the pure rules of this package. A LegacyDec is
// handled as its 10^18-scaled integer; every rounding is explicit.

var (
	decUnit = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil) // 10^18
	// StableUnit is 10^6: uausd per AUSD (= per USD).
	stableUnit = new(big.Int).Exp(big.NewInt(10), big.NewInt(StableDecimals), nil)
)

func pow10(n uint32) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

func bigOf(i sdkmath.Int) *big.Int { return i.BigInt() }

func rawOf(d sdkmath.LegacyDec) *big.Int { return new(big.Int).Set(d.BigInt()) }

func mulBig(xs ...*big.Int) *big.Int {
	out := big.NewInt(1)
	for _, x := range xs {
		out.Mul(out, x)
	}
	return out
}

func divFloor(a, b *big.Int) *big.Int {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
	}
	return q
}

func divCeil(a, b *big.Int) *big.Int {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() > 0) == (b.Sign() > 0) {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// toInt converts, failing with ErrMath beyond 256 bits.
func toInt(v *big.Int) (sdkmath.Int, error) {
	if v.BitLen() > 256 {
		return sdkmath.Int{}, errorsmod.Wrapf(ErrMath, "amount %s overflows", v)
	}
	return sdkmath.NewIntFromBigInt(v), nil
}

// toDec converts a 10^18-scaled integer, failing with ErrMath on overflow.
func toDec(raw *big.Int) (sdkmath.LegacyDec, error) {
	if raw.BitLen() > 300 {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(ErrMath, "decimal %s overflows", raw)
	}
	return sdkmath.LegacyNewDecFromBigIntWithPrec(raw, 18), nil
}
