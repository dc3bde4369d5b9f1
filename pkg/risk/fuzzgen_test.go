package risk

import (
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// Generators that map plain fuzz arguments onto the whole input range.

// amount is v << (shift % 129): up to 192 bits.
func amount(v uint64, shift uint8) sdkmath.Int {
	b := new(big.Int).SetUint64(v)
	return sdkmath.NewIntFromBigInt(b.Lsh(b, uint(shift)%129))
}

// price is a positive decimal v/10^(p%19), v ≥ 1, up to ~9.2e18.
func price(v uint64, p uint8) sdkmath.LegacyDec {
	return sdkmath.LegacyNewDecWithPrec(int64(v>>1)|1, int64(p%19))
}

// frac maps v onto [0, 1] at 18 decimals.
func frac(v uint64) sdkmath.LegacyDec {
	return sdkmath.LegacyNewDecWithPrec(int64(v%(1_000_000_000_000_000_000+1)), 18)
}

// ratOf returns d as an exact rational.
func ratOf(d sdkmath.LegacyDec) *big.Rat {
	return new(big.Rat).SetFrac(d.BigInt(), wad)
}

func ratInt(i sdkmath.Int) *big.Rat { return new(big.Rat).SetInt(i.BigInt()) }

func ratMul(xs ...*big.Rat) *big.Rat {
	p := big.NewRat(1, 1)
	for _, x := range xs {
		p.Mul(p, x)
	}
	return p
}

func ratAdd(a, b *big.Rat) *big.Rat { return new(big.Rat).Add(a, b) }
func ratSub(a, b *big.Rat) *big.Rat { return new(big.Rat).Sub(a, b) }
func ratQuo(a, b *big.Rat) *big.Rat { return new(big.Rat).Quo(a, b) }

// ceilDec rounds an exact rational up to 18 decimals.
func ceilDec(r *big.Rat) sdkmath.LegacyDec {
	n := new(big.Int).Mul(r.Num(), wad)
	return sdkmath.LegacyNewDecFromBigIntWithPrec(divCeil(n, r.Denom()), 18)
}

// floorDec rounds an exact rational down to 18 decimals.
func floorDec(r *big.Rat) sdkmath.LegacyDec {
	n := new(big.Int).Mul(r.Num(), wad)
	return sdkmath.LegacyNewDecFromBigIntWithPrec(divFloor(n, r.Denom()), 18)
}
