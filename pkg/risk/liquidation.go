package risk

import (
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// MaxTargetHealthFactor bounds LiquidationInput.TargetHealthFactor.
func MaxTargetHealthFactor() sdkmath.LegacyDec { return sdkmath.LegacyNewDec(10) }

// LiquidationInput describes one liquidation: the whole position (its
// weighted collateral and total debt, as for HealthFactor) and the one debt
// asset repaid and the one collateral asset seized. Values use the same unit
// as the prices (the oracle's quote).
type LiquidationInput struct {
	// WeightedCollateral is Σ value × LT over all the position's collateral
	// (WeightedCollateral with Factor = LT), including the seized asset.
	WeightedCollateral sdkmath.LegacyDec
	// TotalDebt is Σ value over all the position's debts (TotalDebt),
	// including the repaid asset.
	TotalDebt sdkmath.LegacyDec

	DebtAmount       sdkmath.Int       // owed in the repaid asset, > 0
	DebtPrice        sdkmath.LegacyDec // > 0
	CollateralAmount sdkmath.Int       // held in the seized asset, > 0
	CollateralPrice  sdkmath.LegacyDec // > 0
	// LiquidationThreshold is the LT of the seized collateral, in [0, 1].
	LiquidationThreshold sdkmath.LegacyDec

	// Bonus is the liquidation bonus (DutchBonus), in [0, 1]: the liquidator
	// receives collateral worth (1 + Bonus) × the debt value repaid.
	Bonus sdkmath.LegacyDec
	// ProtocolShare is the share of the bonus collateral kept by the
	// protocol (reserves, insurance fund), in [0, 1].
	ProtocolShare sdkmath.LegacyDec
	// TargetHealthFactor is the HF the liquidation aims for, in [1, 10].
	TargetHealthFactor sdkmath.LegacyDec
	// DustValue is the minimum value a remainder may have, ≥ 0: no debt or
	// collateral remainder below it is left unless the other side is empty.
	DustValue sdkmath.LegacyDec
	// MaxRepay caps the repay (the liquidator's limit); nil or zero: no cap.
	MaxRepay sdkmath.Int
}

// LiquidationLimit says what sized a liquidation.
type LiquidationLimit int

const (
	// LimitTarget: sized so that the position reaches the target HF.
	LimitTarget LiquidationLimit = iota + 1
	// LimitDebt: the whole debt of the repaid asset (the target needs more,
	// cannot be reached because (1 + bonus) × LT ≥ target, or the remainder
	// would have been dust).
	LimitDebt
	// LimitCollateral: all the seized asset (it runs out before the target,
	// or the remainder would have been dust).
	LimitCollateral
	// LimitMaxRepay: the liquidator's MaxRepay.
	LimitMaxRepay
)

// String names the limit for events and logs.
func (l LiquidationLimit) String() string {
	switch l {
	case LimitTarget:
		return "target"
	case LimitDebt:
		return "debt"
	case LimitCollateral:
		return "collateral"
	case LimitMaxRepay:
		return "max_repay"
	default:
		return "unknown"
	}
}

// Liquidation is the outcome of SizeLiquidation.
type Liquidation struct {
	Repay          sdkmath.Int // debt repaid, in the debt asset
	Seize          sdkmath.Int // collateral taken from the position = ToLiquidator + ToProtocol
	ToLiquidator   sdkmath.Int // collateral paid to the liquidator
	ToProtocol     sdkmath.Int // the protocol's share of the bonus collateral
	DebtLeft       sdkmath.Int // DebtAmount − Repay
	CollateralLeft sdkmath.Int // CollateralAmount − Seize
	// HealthFactorAfter is the position's HF afterwards, computed exactly
	// from the inputs and rounded down (MaxHealthFactor if no debt is left).
	HealthFactorAfter sdkmath.LegacyDec
	Limit             LiquidationLimit
}

// SizeLiquidation sizes a liquidation to a target health factor (Aave v4's
// liquidation engine). With P = WeightedCollateral, D = TotalDebt, HF = P/D,
// LB = 1 + Bonus, LT the seized collateral's threshold and THF the target,
// repaying debt value l and seizing collateral value l·LB gives
// HF' = (P − l·LB·LT)/(D − l), so HF' = THF at
//
//	l = (THF·D − P) / (THF − LB·LT) = D·(THF − HF) / (THF − LB·LT)
//
// Steps, in debt units r and collateral units s:
//  1. r = ⌈l / DebtPrice⌉ (LimitTarget); the whole debt when LB·LT ≥ THF.
//  2. r ≤ DebtAmount (LimitDebt); if DebtAmount − r would be dust, r = DebtAmount.
//  3. s = ⌊r·DebtPrice·LB / CollateralPrice⌋. If s ≥ CollateralAmount: s = all,
//     r = min(DebtAmount, ⌈s·CollateralPrice / (DebtPrice·LB)⌉) (LimitCollateral).
//  4. If CollateralAmount − s would be dust while debt of the asset remains:
//     seize all and repay for all as in 3 (LimitCollateral).
//  5. If MaxRepay > 0 and < r: r = MaxRepay, s as in 3; if that leaves a dust
//     remainder on either side: ErrMustNotLeaveDust (LimitMaxRepay).
//  6. Of s, the bonus part is s − ⌊s / LB⌋; the protocol takes
//     ⌈bonus part × ProtocolShare⌉, the liquidator the rest.
//
// Rounding is against the liquidator: r up, s down, the protocol's share up.
// Guarantees (fuzzed): s ≤ CollateralAmount, r ≤ DebtAmount; with LimitTarget
// HealthFactorAfter ≥ THF; when (1+Bonus)·LT ≤ HF the HF does not fall; no
// remainder is dust unless the other side is empty. A position left with
// debt and no collateral at all is bad debt: see CoverDeficit.
//
// Errors: ErrInvalidAmount (nil or negative values, or a WeightedCollateral
// or TotalDebt smaller than the seized or repaid asset's own part of it),
// ErrInvalidPrice, ErrInvalidRate (Bonus,
// ProtocolShare, LT out of [0, 1]), ErrInvalidParams (target out of [1, 10]),
// ErrNotLiquidatable (P ≥ D), ErrNothingToSeize (no debt or collateral in the
// assets, or s rounds to 0), ErrMustNotLeaveDust, ErrOverflow.
func SizeLiquidation(in LiquidationInput) (Liquidation, error) {
	v, err := parseLiquidation(in)
	if err != nil {
		return Liquidation{}, err
	}
	return v.size()
}

// liq holds the inputs as integers: values, prices, factors at 18 decimals.
type liq struct {
	p, d, debt, dp, coll, cp, lt, lb, share, thf, dust, maxRepay *big.Int
}

func parseLiquidation(in LiquidationInput) (*liq, error) {
	var v liq
	var err error
	if v.p, err = decNonNeg(ErrInvalidAmount, "weighted collateral", in.WeightedCollateral); err != nil {
		return nil, err
	}
	if v.d, err = decNonNeg(ErrInvalidAmount, "total debt", in.TotalDebt); err != nil {
		return nil, err
	}
	if v.debt, err = intNonNeg("debt amount", in.DebtAmount); err != nil {
		return nil, err
	}
	if v.dp, err = decPos(ErrInvalidPrice, "debt price", in.DebtPrice); err != nil {
		return nil, err
	}
	if v.coll, err = intNonNeg("collateral amount", in.CollateralAmount); err != nil {
		return nil, err
	}
	if v.cp, err = decPos(ErrInvalidPrice, "collateral price", in.CollateralPrice); err != nil {
		return nil, err
	}
	if v.lt, err = decIn(ErrInvalidRate, "liquidation threshold", in.LiquidationThreshold, bigZero, wad); err != nil {
		return nil, err
	}
	bonus, err := decIn(ErrInvalidRate, "bonus", in.Bonus, bigZero, wad)
	if err != nil {
		return nil, err
	}
	v.lb = add(wad, bonus)
	if v.share, err = decIn(ErrInvalidRate, "protocol share", in.ProtocolShare, bigZero, wad); err != nil {
		return nil, err
	}
	if v.thf, err = decIn(ErrInvalidParams, "target health factor", in.TargetHealthFactor, wad, MaxTargetHealthFactor().BigInt()); err != nil {
		return nil, err
	}
	if v.dust, err = decNonNeg(ErrInvalidAmount, "dust value", in.DustValue); err != nil {
		return nil, err
	}
	v.maxRepay = new(big.Int)
	if !in.MaxRepay.IsNil() {
		if v.maxRepay, err = intNonNeg("max repay", in.MaxRepay); err != nil {
			return nil, err
		}
	}
	if v.debt.Sign() == 0 {
		return nil, fmt.Errorf("%w: the position owes none of the debt asset", ErrNothingToSeize)
	}
	if v.coll.Sign() == 0 {
		return nil, fmt.Errorf("%w: the position holds none of the collateral asset", ErrNothingToSeize)
	}
	if mul(v.debt, v.dp).Cmp(v.d) > 0 {
		return nil, fmt.Errorf("%w: total debt %s is below the repaid asset's debt value", ErrInvalidAmount, in.TotalDebt)
	}
	if divFloor(mul(v.coll, v.cp, v.lt), wad).Cmp(v.p) > 0 {
		return nil, fmt.Errorf("%w: weighted collateral %s is below the seized asset's weighted value", ErrInvalidAmount, in.WeightedCollateral)
	}
	if v.p.Cmp(v.d) >= 0 {
		return nil, fmt.Errorf("%w: weighted collateral %s ≥ debt %s", ErrNotLiquidatable, in.WeightedCollateral, in.TotalDebt)
	}
	return &v, nil
}

// seizeFor is min(coll, ⌊r·dp·lb / (cp·wad)⌋).
func (v *liq) seizeFor(r *big.Int) *big.Int {
	return minBig(v.coll, divFloor(mul(r, v.dp, v.lb), mul(v.cp, wad)))
}

// repayForAll is min(debt, ⌈coll·cp·wad / (dp·lb)⌉): the repay that buys all
// the collateral.
func (v *liq) repayForAll() *big.Int {
	return minBig(v.debt, divCeil(mul(v.coll, v.cp, wad), mul(v.dp, v.lb)))
}

func (v *liq) debtDust(r *big.Int) bool {
	left := sub(v.debt, r)
	return isDustBig(left, mul(left, v.dp), v.dust)
}

func (v *liq) collDust(s *big.Int) bool {
	left := sub(v.coll, s)
	return isDustBig(left, mul(left, v.cp), v.dust)
}

func (v *liq) size() (Liquidation, error) {
	// 1. Debt to reach the target.
	limit := LimitTarget
	var r *big.Int
	den := sub(mul(v.thf, wad), mul(v.lb, v.lt)) // (THF − LB·LT) at 36 decimals
	if den.Sign() <= 0 {
		r, limit = v.debt, LimitDebt
	} else {
		num := sub(mul(v.thf, v.d), mul(v.p, wad)) // (THF·D − P) at 36 decimals, > 0
		r = divCeil(mul(num, wad), mul(den, v.dp))
	}
	// 2. Capped by the debt; no debt dust.
	if r.Cmp(v.debt) >= 0 || v.debtDust(r) {
		r, limit = v.debt, LimitDebt
	}
	// 3. Capped by the collateral.
	s := divFloor(mul(r, v.dp, v.lb), mul(v.cp, wad))
	if s.Cmp(v.coll) >= 0 {
		s, r, limit = v.coll, v.repayForAll(), LimitCollateral
	}
	// 4. No collateral dust while debt remains.
	if v.collDust(s) && r.Cmp(v.debt) < 0 {
		r, limit = v.repayForAll(), LimitCollateral
		s = v.seizeFor(r)
	}
	// 5. The liquidator's cap.
	if v.maxRepay.Sign() > 0 && v.maxRepay.Cmp(r) < 0 {
		r, limit = v.maxRepay, LimitMaxRepay
		s = v.seizeFor(r)
		if v.debtDust(r) || v.collDust(s) {
			return Liquidation{}, fmt.Errorf("%w: max repay %s leaves a remainder worth less than %s",
				ErrMustNotLeaveDust, v.maxRepay, sdkmath.LegacyNewDecFromBigIntWithPrec(v.dust, 18))
		}
	}
	if s.Sign() == 0 || r.Sign() == 0 {
		return Liquidation{}, fmt.Errorf("%w: repaying %s seizes no collateral", ErrNothingToSeize, r)
	}
	// 6. The protocol's share of the bonus.
	bonusPart := sub(s, divFloor(mul(s, wad), v.lb))
	fee := divCeil(mul(bonusPart, v.share), wad)
	return v.result(r, s, fee, limit)
}

func (v *liq) result(r, s, fee *big.Int, limit LiquidationLimit) (Liquidation, error) {
	// HF' = (P − s·cp·LT) / (D − r·dp), exactly, then rounded down.
	pAfter := sub(mul(v.p, wad), mul(s, v.cp, v.lt)) // 36 decimals
	if pAfter.Sign() < 0 {
		pAfter = new(big.Int)
	}
	dAfter := mul(sub(v.d, mul(r, v.dp)), wad) // 36 decimals
	hf := MaxHealthFactor().BigInt()
	if dAfter.Sign() > 0 {
		hf = minBig(divFloor(mul(pAfter, wad), dAfter), hf)
	}
	out := Liquidation{Limit: limit}
	var err error
	for _, f := range []struct {
		dst *sdkmath.Int
		v   *big.Int
	}{
		{&out.Repay, r}, {&out.Seize, s}, {&out.ToLiquidator, sub(s, fee)}, {&out.ToProtocol, fee},
		{&out.DebtLeft, sub(v.debt, r)}, {&out.CollateralLeft, sub(v.coll, s)},
	} {
		*f.dst = sdkmath.NewIntFromBigInt(f.v) // each ≤ an input Int: fits
	}
	out.HealthFactorAfter, err = toDec("health factor", hf)
	return out, err
}
