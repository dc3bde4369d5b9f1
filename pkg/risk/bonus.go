package risk

import (
	"errors"
	"fmt"

	sdkmath "cosmossdk.io/math"
)

// MaxLiquidationBonus bounds MaxBonus (50 % above par).
func MaxLiquidationBonus() sdkmath.LegacyDec { return sdkmath.LegacyNewDecWithPrec(5, 1) }

// BonusParams configure the Dutch (health-dependent) liquidation bonus. A
// bonus b means the liquidator receives collateral worth (1 + b) × the debt
// value repaid; LB = 1 + b is the "liquidation bonus" of Aave's notation.
type BonusParams struct {
	MinBonus                sdkmath.LegacyDec // bonus just below HF = 1, in [0, MaxBonus]
	MaxBonus                sdkmath.LegacyDec // bonus at HF ≤ HealthFactorForMaxBonus, ≤ MaxLiquidationBonus
	HealthFactorForMaxBonus sdkmath.LegacyDec // in (0, 1)
}

// Validate reports every bound the parameters violate, joined, each wrapping
// ErrInvalidParams: fields non-nil; 0 ≤ MinBonus ≤ MaxBonus ≤
// MaxLiquidationBonus; 0 < HealthFactorForMaxBonus < 1.
func (p BonusParams) Validate() error {
	if p.MinBonus.IsNil() || p.MaxBonus.IsNil() || p.HealthFactorForMaxBonus.IsNil() {
		return fmt.Errorf("%w: bonus parameters must all be set", ErrInvalidParams)
	}
	var errs []error
	if p.MinBonus.IsNegative() || p.MinBonus.GT(p.MaxBonus) {
		errs = append(errs, fmt.Errorf("%w: min bonus %s must be in [0, max bonus %s]", ErrInvalidParams, p.MinBonus, p.MaxBonus))
	}
	if p.MaxBonus.IsNegative() || p.MaxBonus.GT(MaxLiquidationBonus()) {
		errs = append(errs, fmt.Errorf("%w: max bonus %s must be in [0, %s]", ErrInvalidParams, p.MaxBonus, MaxLiquidationBonus()))
	}
	if !p.HealthFactorForMaxBonus.IsPositive() || p.HealthFactorForMaxBonus.GTE(sdkmath.LegacyOneDec()) {
		errs = append(errs, fmt.Errorf("%w: health factor for max bonus %s must be in (0, 1)", ErrInvalidParams, p.HealthFactorForMaxBonus))
	}
	return errors.Join(errs...)
}

// CheckSplitProof checks the bonus parameters against the liquidation
// threshold lt ∈ (0, 1] of a collateral they apply to:
//
//	(1 + MaxBonus) × LT ≤ HealthFactorForMaxBonus
//
// Under it every liquidation in the Dutch region (HF > HealthFactorForMaxBonus)
// seizes collateral weighted less than the debt it repays relative to HF, so
// it raises the position's HF; a later piece then earns a bonus no larger than
// the first, and splitting one liquidation into pieces never pays more
// (below HealthFactorForMaxBonus the bonus is flat). It implies the frontier
// (1 + MaxBonus) × LT < 1, past which every liquidation lowers the HF.
// Errors: ErrInvalidParams (invalid params or lt), ErrSplitProfitable.
func CheckSplitProof(p BonusParams, lt sdkmath.LegacyDec) error {
	if err := p.Validate(); err != nil {
		return err
	}
	l, err := decIn(ErrInvalidParams, "liquidation threshold", lt, bigOne, wad)
	if err != nil {
		return err
	}
	lhs := mul(add(wad, p.MaxBonus.BigInt()), l)
	if lhs.Cmp(mul(p.HealthFactorForMaxBonus.BigInt(), wad)) > 0 {
		return fmt.Errorf("%w: (1 + max bonus %s) × LT %s = %s exceeds the health factor for max bonus %s",
			ErrSplitProfitable, p.MaxBonus, lt, sdkmath.LegacyNewDecFromBigIntWithPrec(divCeil(lhs, wad), 18), p.HealthFactorForMaxBonus)
	}
	return nil
}

// DutchBonus is the bonus for liquidating a position at health factor hf < 1:
//
//	hf ≤ Hmax:  MaxBonus
//	hf > Hmax:  MinBonus + (MaxBonus − MinBonus) × (1 − hf) / (1 − Hmax)     rounded down
//
// (Hmax = HealthFactorForMaxBonus). It rises linearly as HF falls, so the
// first liquidator to act pays the borrower the least. Errors:
// ErrInvalidParams, ErrInvalidRate (hf nil or negative), ErrNotLiquidatable
// (hf ≥ 1).
func DutchBonus(p BonusParams, hf sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	if err := p.Validate(); err != nil {
		return sdkmath.LegacyDec{}, err
	}
	h, err := decNonNeg(ErrInvalidRate, "health factor", hf)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if h.Cmp(wad) >= 0 {
		return sdkmath.LegacyDec{}, fmt.Errorf("%w: health factor %s", ErrNotLiquidatable, hf)
	}
	hmax := p.HealthFactorForMaxBonus.BigInt()
	if h.Cmp(hmax) <= 0 {
		return p.MaxBonus.Clone(), nil
	}
	lo, hi := p.MinBonus.BigInt(), p.MaxBonus.BigInt()
	b := add(lo, divFloor(mul(sub(hi, lo), sub(wad, h)), sub(wad, hmax)))
	return toDec("bonus", b)
}
