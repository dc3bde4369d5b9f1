package types

import (
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// Redemptions (Liquity). The base rate b decays with a half-life h and rises
// with each redemption of r AUSD out of a supply S:
//
//	decayed(b, t) = b × 2^(−⌊t/h⌋) × (1 − (t mod h) / (2h))     (rounded up)
//	b'            = min(1, decayed + r / (2 × S))                (rounded up)
//	fee rate      = min(1, floor + b')
//
// Between two half-lives the decay is the chord of the exponential, which
// lies above it: the fee never decays faster than 2^(−t/h), and equals it at
// every multiple of h.

// DecayedBaseRate is b after elapsed seconds (see above).
func DecayedBaseRate(b sdkmath.LegacyDec, elapsed int64, halfLife uint64) sdkmath.LegacyDec {
	if elapsed <= 0 || halfLife == 0 || !b.IsPositive() {
		return b
	}
	h := big.NewInt(int64(halfLife))
	halvings := new(big.Int).Quo(big.NewInt(elapsed), h)
	if halvings.Cmp(big.NewInt(128)) >= 0 {
		return sdkmath.LegacyZeroDec()
	}
	rem := new(big.Int).Rem(big.NewInt(elapsed), h)
	// raw × (2h − rem) / (2h × 2^halvings), rounded up
	num := mulBig(rawOf(b), new(big.Int).Sub(new(big.Int).Mul(big.NewInt(2), h), rem))
	den := mulBig(big.NewInt(2), h, new(big.Int).Lsh(big.NewInt(1), uint(halvings.Uint64())))
	d, err := toDec(divCeil(num, den))
	if err != nil {
		return b
	}
	return d
}

// RaisedBaseRate is min(1, b + redeemed / (2 × supply)), rounded up.
func RaisedBaseRate(b sdkmath.LegacyDec, redeemed, supply sdkmath.Int) sdkmath.LegacyDec {
	if !supply.IsPositive() {
		return sdkmath.LegacyOneDec()
	}
	add := divCeil(mulBig(bigOf(redeemed), decUnit), mulBig(big.NewInt(2), bigOf(supply)))
	d, err := toDec(new(big.Int).Add(rawOf(b), add))
	if err != nil || d.GT(sdkmath.LegacyOneDec()) {
		return sdkmath.LegacyOneDec()
	}
	return d
}

// RedemptionFeeRate is min(1, floor + b).
func RedemptionFeeRate(floor, b sdkmath.LegacyDec) sdkmath.LegacyDec {
	return sdkmath.LegacyMinDec(sdkmath.LegacyOneDec(), floor.Add(b))
}

// CollateralForRedemption is the collateral worth x uausd at price,
// rounded down (the redeemer receives at most $1 per AUSD):
// ⌊x × 10^decimals / (price × 10^6)⌋.
func CollateralForRedemption(x sdkmath.Int, price sdkmath.LegacyDec, decimals uint32) (sdkmath.Int, error) {
	num := mulBig(bigOf(x), pow10(decimals), decUnit)
	return toInt(divFloor(num, mulBig(rawOf(price), stableUnit)))
}
