package types

import (
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// Vault rules. The oracle prices one whole unit of collateral (10^decimals
// base units) in USD; one uausd is 10^-6 USD. So amount base units are worth
//
//	value = amount × price × 10^6 / 10^decimals   uausd
//
// and a vault with debt d meets a ratio m when value ≥ m × d, i.e. exactly
//
//	amount × price × 10^6 ≥ m × d × 10^decimals.

// CollateralValue is ⌊amount × price × 10^6 / 10^decimals⌋ uausd.
func CollateralValue(amount sdkmath.Int, price sdkmath.LegacyDec, decimals uint32) (sdkmath.Int, error) {
	num := mulBig(bigOf(amount), rawOf(price), stableUnit)
	return toInt(divFloor(num, mulBig(decUnit, pow10(decimals))))
}

// MeetsRatio reports, exactly, whether amount at price covers debt × ratio.
// No debt always meets it.
func MeetsRatio(amount sdkmath.Int, price sdkmath.LegacyDec, decimals uint32, debt sdkmath.Int, ratio sdkmath.LegacyDec) bool {
	if !debt.IsPositive() {
		return true
	}
	lhs := mulBig(bigOf(amount), rawOf(price), stableUnit)
	rhs := mulBig(rawOf(ratio), bigOf(debt), pow10(decimals))
	return lhs.Cmp(rhs) >= 0
}

// CollateralRatio is value / debt, rounded down (0 without debt).
func CollateralRatio(amount sdkmath.Int, price sdkmath.LegacyDec, decimals uint32, debt sdkmath.Int) (sdkmath.LegacyDec, error) {
	if !debt.IsPositive() {
		return sdkmath.LegacyZeroDec(), nil
	}
	// raw(CR) = amount × raw(price) × 10^6 / (debt × 10^decimals)
	num := mulBig(bigOf(amount), rawOf(price), stableUnit)
	return toDec(divFloor(num, mulBig(bigOf(debt), pow10(decimals))))
}

// MaxDebt is the largest debt amount at price supports at ratio:
// ⌊amount × price × 10^6 / (ratio × 10^decimals)⌋ uausd.
func MaxDebt(amount sdkmath.Int, price sdkmath.LegacyDec, decimals uint32, ratio sdkmath.LegacyDec) (sdkmath.Int, error) {
	num := mulBig(bigOf(amount), rawOf(price), stableUnit)
	return toInt(divFloor(num, mulBig(rawOf(ratio), pow10(decimals))))
}

// MaxMintable is MaxDebt − debt, 0 when the debt is at or above it.
func MaxMintable(amount sdkmath.Int, price sdkmath.LegacyDec, decimals uint32, ratio sdkmath.LegacyDec, debt sdkmath.Int) (sdkmath.Int, error) {
	m, err := MaxDebt(amount, price, decimals, ratio)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if m.LTE(debt) {
		return sdkmath.ZeroInt(), nil
	}
	return m.Sub(debt), nil
}

// LiquidationPrice is the price of one whole unit at which the vault's
// ratio reaches ratio: ⌈ratio × debt × 10^decimals / (amount × 10^6)⌉
// (rounded up: the owner is warned early); 0 without debt or collateral.
func LiquidationPrice(amount sdkmath.Int, decimals uint32, debt sdkmath.Int, ratio sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	if !debt.IsPositive() || !amount.IsPositive() {
		return sdkmath.LegacyZeroDec(), nil
	}
	num := mulBig(rawOf(ratio), bigOf(debt), pow10(decimals))
	return toDec(divCeil(num, mulBig(bigOf(amount), stableUnit)))
}

// CollateralFor is the collateral worth value uausd at price, rounded up
// (what a liquidation seizes for debt × (1 + penalty)):
// ⌈value × 10^decimals / (price × 10^6)⌉.
func CollateralFor(value sdkmath.Int, price sdkmath.LegacyDec, decimals uint32) (sdkmath.Int, error) {
	num := mulBig(bigOf(value), pow10(decimals), decUnit)
	return toInt(divCeil(num, mulBig(rawOf(price), stableUnit)))
}

// riskKeyOffset keeps every risk key non-negative.
var riskKeyOffset = new(big.Int).Lsh(big.NewInt(1), 319)

// RiskKeyLen is the length of a risk key.
const RiskKeyLen = 41

// RiskKey orders a type's vaults by risk, independent of price and rate:
// the vault's normalized debt per unit of collateral, carried back to the
// frame before any redistribution, r₀ = n × K / c − B (K, B the type's
// redistribution accumulators, n and c the vault's normalized debt and
// collateral with its pending share applied). A redistribution maps every
// vault's n/c by the same increasing function, so the order of r₀ is the
// order of n/c now: the largest r₀ is the lowest collateral ratio. Encoded
// as ⌊r₀ × 10^18⌋ + 2^319, 41 bytes big-endian (clamped), so byte order is
// numeric order. A vault without collateral gets the largest key.
func RiskKey(n, c sdkmath.Int, k, b sdkmath.LegacyDec) []byte {
	var v *big.Int
	if !c.IsPositive() {
		v = new(big.Int).Lsh(big.NewInt(1), 8*RiskKeyLen)
	} else {
		// ⌊r₀ × 10^18⌋ = ⌊(n × raw(K) − raw(B) × c) / c⌋
		num := new(big.Int).Sub(mulBig(bigOf(n), rawOf(k)), mulBig(rawOf(b), bigOf(c)))
		v = divFloor(num, bigOf(c))
		v.Add(v, riskKeyOffset)
	}
	if v.Sign() < 0 {
		v = big.NewInt(0)
	}
	maxKey := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 8*RiskKeyLen), big.NewInt(1))
	if v.Cmp(maxKey) > 0 {
		v = maxKey
	}
	out := make([]byte, RiskKeyLen)
	return v.FillBytes(out)
}
