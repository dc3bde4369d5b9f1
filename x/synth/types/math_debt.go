package types

import (
	"math/big"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// The pooled debt (README "Debt shares"). D is the pool debt in micro-USD
// as an exact decimal (Σ supply × price, each product exact at 18
// decimals); S the total debt shares; s a position's shares.

// SynthValue is supply × price: a synth's value in micro-USD, exact (every
// synth has 6 decimals and the price is per whole synth in USD, so one base
// unit is worth price micro-USD).
func SynthValue(supply sdkmath.Int, price sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	if err := nonNeg("supply", supply); err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if err := decNonNeg("price", price); err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return toDec(mul(supply.BigInt(), decBig(price)))
}

// PoolDebt is D = Σ supply_i × price_i (exact).
func PoolDebt(supplies []sdkmath.Int, prices []sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	if len(supplies) != len(prices) {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(ErrMath, "%d supplies for %d prices", len(supplies), len(prices))
	}
	total := sdkmath.LegacyZeroDec()
	for i := range supplies {
		v, err := SynthValue(supplies[i], prices[i])
		if err != nil {
			return sdkmath.LegacyDec{}, err
		}
		total = total.Add(v)
	}
	return total, nil
}

// SharesForMint is the debt shares minting amount (micro-USD) adds:
// amount when S = 0 (one share per micro-USD), else ⌈amount × S / D⌉,
// rounded up so the minter never owes less than it minted. S > 0 with D = 0
// (shares left whose debt is zero) is refused: the price of a share is then
// undefined.
func SharesForMint(amount, totalShares sdkmath.Int, debt sdkmath.LegacyDec) (sdkmath.Int, error) {
	if err := nonNeg("amount", amount); err != nil {
		return sdkmath.Int{}, err
	}
	if err := nonNeg("total shares", totalShares); err != nil {
		return sdkmath.Int{}, err
	}
	if err := decNonNeg("pool debt", debt); err != nil {
		return sdkmath.Int{}, err
	}
	if totalShares.IsZero() {
		return amount, nil
	}
	if !debt.IsPositive() {
		return sdkmath.Int{}, errorsmod.Wrapf(ErrMath, "%s debt shares exist but the pool debt is zero", totalShares)
	}
	return toInt(divCeil(mul(amount.BigInt(), totalShares.BigInt(), wad), decBig(debt)))
}

// DebtOf is a position's debt in micro-USD: ⌈s × D / S⌉ (0 when S = 0),
// rounded up so a staker never appears to owe less than its share.
func DebtOf(shares, totalShares sdkmath.Int, debt sdkmath.LegacyDec) (sdkmath.Int, error) {
	if err := nonNeg("shares", shares); err != nil {
		return sdkmath.Int{}, err
	}
	if err := nonNeg("total shares", totalShares); err != nil {
		return sdkmath.Int{}, err
	}
	if err := decNonNeg("pool debt", debt); err != nil {
		return sdkmath.Int{}, err
	}
	if shares.GT(totalShares) {
		return sdkmath.Int{}, errorsmod.Wrapf(ErrMath, "shares %s above total %s", shares, totalShares)
	}
	if totalShares.IsZero() {
		return sdkmath.ZeroInt(), nil
	}
	return toInt(divCeil(mul(shares.BigInt(), decBig(debt)), mul(totalShares.BigInt(), wad)))
}

// SharesForBurn is the shares burning amount (micro-USD) removes from a
// position with shares s: all of them when amount is the position's whole
// debt (DebtOf), else ⌊amount × S / D⌋ (rounded down, so the burner never
// sheds more debt than it repaid), at most s. An amount above the debt is
// refused.
func SharesForBurn(amount, shares, totalShares sdkmath.Int, debt sdkmath.LegacyDec) (sdkmath.Int, error) {
	owed, err := DebtOf(shares, totalShares, debt)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if err := nonNeg("amount", amount); err != nil {
		return sdkmath.Int{}, err
	}
	switch {
	case amount.GT(owed):
		return sdkmath.Int{}, errorsmod.Wrapf(ErrMath, "burn %s above the debt %s", amount, owed)
	case amount.Equal(owed):
		return shares, nil
	}
	out, err := toInt(divFloor(mul(amount.BigInt(), totalShares.BigInt(), wad), decBig(debt)))
	if err != nil {
		return sdkmath.Int{}, err
	}
	return sdkmath.MinInt(out, shares), nil
}

// CollateralValue is amount × price × 10^(6 − decimals): the micro-USD
// value of amount base units of a collateral whose whole unit (10^decimals
// base units) is worth price USD, rounded down.
func CollateralValue(amount sdkmath.Int, price sdkmath.LegacyDec, decimals uint32) (sdkmath.LegacyDec, error) {
	if err := nonNeg("amount", amount); err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if err := decNonNeg("price", price); err != nil {
		return sdkmath.LegacyDec{}, err
	}
	v := mul(amount.BigInt(), decBig(price))
	if decimals <= SynthDecimals {
		v.Mul(v, pow10(SynthDecimals-decimals))
	} else {
		v = divFloor(v, pow10(decimals-SynthDecimals))
	}
	return toDec(v)
}

func pow10(n uint32) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

// MeetsRatio reports collateralValue ≥ ratio × debt (exact; debt 0 always
// meets it).
func MeetsRatio(collateralValue sdkmath.LegacyDec, debt sdkmath.Int, ratio sdkmath.LegacyDec) bool {
	if !debt.IsPositive() {
		return true
	}
	// cv·10^18 ≥ ratio·10^18 × debt
	return decBig(collateralValue).Cmp(mul(decBig(ratio), debt.BigInt())) >= 0
}

// Ratio is collateralValue / debt (zero when debt is 0: no ratio).
func Ratio(collateralValue sdkmath.LegacyDec, debt sdkmath.Int) sdkmath.LegacyDec {
	if !debt.IsPositive() {
		return sdkmath.LegacyZeroDec()
	}
	return collateralValue.QuoInt(debt)
}

// MaxMint is the synth/USD a position can still mint at the issuance
// ratio: ⌊collateralValue / issuanceRatio⌋ − debt (0 when negative). The
// shares of a mint round up, so the last micro-USD may be refused.
func MaxMint(collateralValue sdkmath.LegacyDec, debt sdkmath.Int, issuanceRatio sdkmath.LegacyDec) sdkmath.Int {
	if !issuanceRatio.IsPositive() {
		return sdkmath.ZeroInt()
	}
	limit := divFloor(decBig(collateralValue), decBig(issuanceRatio))
	out := new(big.Int).Sub(limit, debt.BigInt())
	if out.Sign() <= 0 {
		return sdkmath.ZeroInt()
	}
	return sdkmath.NewIntFromBigInt(out)
}

// RiskKey orders a collateral's positions by nominal ratio collateral /
// shares (prices and D are common to all of them, so this is their
// collateral-ratio order): 48 bytes big-endian of ⌊c·10^18 / s⌋, the
// smallest (riskiest) first. Redistribution adds to every position in
// proportion to its stake (= collateral when last touched), which keeps the
// order (Liquity's argument), so keys need not be rewritten on it.
func RiskKey(collateral, shares sdkmath.Int) []byte {
	out := make([]byte, 48)
	if !shares.IsPositive() {
		for i := range out {
			out[i] = 0xff
		}
		return out
	}
	v := divFloor(mul(collateral.BigInt(), wad), shares.BigInt())
	if v.BitLen() > 384 {
		for i := range out {
			out[i] = 0xff
		}
		return out
	}
	return v.FillBytes(out)
}

// PricePerBase is the micro-USD value of one base unit of a collateral
// whose whole unit is worth price USD: price × 10^(6 − decimals).
func PricePerBase(price sdkmath.LegacyDec, decimals uint32) sdkmath.LegacyDec {
	if decimals <= SynthDecimals {
		return price.MulInt(sdkmath.NewIntFromBigInt(pow10(SynthDecimals - decimals)))
	}
	return price.QuoInt(sdkmath.NewIntFromBigInt(pow10(decimals - SynthDecimals)))
}
