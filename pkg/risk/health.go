package risk

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// MaxHealthFactor is the health factor of a position without debt, and the
// cap of every health factor this package returns (10^18).
func MaxHealthFactor() sdkmath.LegacyDec { return sdkmath.LegacyNewDec(1_000_000_000_000_000_000) }

// Collateral is one collateral holding of a position.
type Collateral struct {
	Amount sdkmath.Int       // base units held, ≥ 0
	Price  sdkmath.LegacyDec // value of one base unit (oracle CollateralPrice), > 0
	// Factor weights the value: the liquidation threshold (LT) for the
	// health factor, the collateral factor (LTV) for a borrow limit. In [0, 1].
	Factor sdkmath.LegacyDec
}

// Debt is one debt of a position.
type Debt struct {
	Amount sdkmath.Int       // base units owed (principal + interest), ≥ 0
	Price  sdkmath.LegacyDec // value of one base unit (oracle DebtPrice), > 0
}

// CollateralValue is amount × price. The product of an integer and an
// 18-decimal price is exact at 18 decimals, so no rounding happens.
// Errors: ErrInvalidAmount, ErrInvalidPrice, ErrOverflow.
func CollateralValue(amount sdkmath.Int, price sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	v, err := valueOf(amount, price)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return toDec("collateral value", v) // amount·price18 is already exact at 18 decimals
}

// DebtValue is amount × price, exact like CollateralValue (the two names
// say which oracle price a caller should pass). Errors as CollateralValue.
func DebtValue(amount sdkmath.Int, price sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	v, err := valueOf(amount, price)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return toDec("debt value", v)
}

func valueOf(amount sdkmath.Int, price sdkmath.LegacyDec) (*big.Int, error) {
	a, err := intNonNeg("amount", amount)
	if err != nil {
		return nil, err
	}
	p, err := decPos(ErrInvalidPrice, "price", price)
	if err != nil {
		return nil, err
	}
	return mul(a, p), nil
}

// WeightedCollateral is Σ amount × price × factor over the holdings, each
// term rounded down: with Factor = LT it is the numerator of the health
// factor ("liquidation power"); with Factor = LTV it is the borrow limit.
// Errors: ErrInvalidAmount, ErrInvalidPrice, ErrInvalidRate (factor outside
// [0, 1]), ErrOverflow.
func WeightedCollateral(holdings []Collateral) (sdkmath.LegacyDec, error) {
	sum := new(big.Int)
	for i, c := range holdings {
		v, err := valueOf(c.Amount, c.Price)
		if err != nil {
			return sdkmath.LegacyDec{}, fmt.Errorf("collateral %d: %w", i, err)
		}
		f, err := decIn(ErrInvalidRate, fmt.Sprintf("collateral %d factor", i), c.Factor, bigZero, wad)
		if err != nil {
			return sdkmath.LegacyDec{}, err
		}
		sum.Add(sum, divFloor(mul(v, f), wad))
	}
	return toDec("weighted collateral", sum)
}

// TotalDebt is Σ amount × price over the debts (exact). Errors:
// ErrInvalidAmount, ErrInvalidPrice, ErrOverflow.
func TotalDebt(debts []Debt) (sdkmath.LegacyDec, error) {
	sum := new(big.Int)
	for i, d := range debts {
		v, err := valueOf(d.Amount, d.Price)
		if err != nil {
			return sdkmath.LegacyDec{}, fmt.Errorf("debt %d: %w", i, err)
		}
		sum.Add(sum, v)
	}
	return toDec("total debt", sum)
}

// HealthFactor is weightedCollateral / debt, rounded down and capped at
// MaxHealthFactor; MaxHealthFactor when debt is zero. A position is
// liquidatable when HF < 1. The same function gives a CDP's collateral ratio
// (pass the unweighted collateral value) and a margin position's health
// (weight the holdings by 1 − maintenance margin). Errors: ErrInvalidAmount
// (nil or negative values).
func HealthFactor(weightedCollateral, debt sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	p, err := decNonNeg(ErrInvalidAmount, "weighted collateral", weightedCollateral)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	d, err := decNonNeg(ErrInvalidAmount, "debt", debt)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return toDec("health factor", healthBig(p, d))
}

// healthBig is ⌊p/d⌋ at 18 decimals, capped; p, d at 18 decimals.
func healthBig(p, d *big.Int) *big.Int {
	maxHF := MaxHealthFactor().BigInt()
	if d.Sign() == 0 {
		return maxHF
	}
	return minBig(divFloor(mul(p, wad), d), maxHF)
}

// MaxBorrow is the most a position can add to its debt in an asset without
// its debt value exceeding borrowLimit (WeightedCollateral with Factor = LTV;
// for a CDP, collateral value / minimum ratio):
//
//	⌊(borrowLimit − debt) / price⌋, or 0 when debt ≥ borrowLimit
//
// Rounded down. Errors: ErrInvalidAmount (nil or negative values),
// ErrInvalidPrice, ErrOverflow.
func MaxBorrow(borrowLimit, debt, price sdkmath.LegacyDec) (sdkmath.Int, error) {
	l, err := decNonNeg(ErrInvalidAmount, "borrow limit", borrowLimit)
	if err != nil {
		return sdkmath.Int{}, err
	}
	d, err := decNonNeg(ErrInvalidAmount, "debt", debt)
	if err != nil {
		return sdkmath.Int{}, err
	}
	p, err := decPos(ErrInvalidPrice, "price", price)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if d.Cmp(l) >= 0 {
		return sdkmath.ZeroInt(), nil
	}
	return toInt("max borrow", divFloor(sub(l, d), p))
}

// LiquidationPrice is the price of one collateral holding at which the
// position's HF reaches 1, every other price unchanged:
//
//	price = (debt − otherWeighted) / (amount × factor)      rounded up
//
// where otherWeighted is the weighted value of the position's other
// collateral and factor the holding's LT (1/minimum ratio for a CDP). It is
// rounded up so a user is warned early. Zero when the other collateral alone
// covers the debt (this price cannot liquidate it). Errors: ErrInvalidAmount
// (nil or negative values, or amount × factor = 0 while the debt is not
// covered), ErrInvalidRate (factor outside [0, 1]), ErrOverflow.
func LiquidationPrice(amount sdkmath.Int, factor, otherWeighted, debt sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	a, err := intNonNeg("amount", amount)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	f, err := decIn(ErrInvalidRate, "factor", factor, bigZero, wad)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	o, err := decNonNeg(ErrInvalidAmount, "other weighted collateral", otherWeighted)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	d, err := decNonNeg(ErrInvalidAmount, "debt", debt)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if o.Cmp(d) >= 0 {
		return sdkmath.LegacyZeroDec(), nil
	}
	den := mul(a, f) // amount × factor at 18 decimals
	if den.Sign() == 0 {
		return sdkmath.LegacyDec{}, fmt.Errorf("%w: the holding has no weight, no price can cover the debt", ErrInvalidAmount)
	}
	return toDec("liquidation price", divCeil(mul(sub(d, o), wad), den))
}
