package keeper

import (
	"fmt"
	"math"

	sdkmath "cosmossdk.io/math"
)

// The pure rules of the index of positions at risk (README, "Index of
// positions at risk"). No store access here.
//
// A position is keyed by its reference health h: its health factor with
// every market at the market's reference point (prices, exchange rate,
// borrow index, liquidation threshold), each term rounded against the
// position so that for any later state
//
//	HF_now ≥ h × r_c / r_d
//
// where r_c is the lowest collateral ratio and r_d the highest debt ratio
// among the markets the position holds (CollateralRatio, DebtRatio). A
// position can only be below HF 1 when h < r_d / r_c.

// keyScale: a health key is ⌊h × 10⁶⌋ (saturating at MaxUint64).
const keyScale = 1_000_000

// RefPoint is a market's reference point. Version 0 means no reference yet
// (the market never had a price at EndBlock): positions in it are keyed 0,
// examined first.
type RefPoint struct {
	Version              uint64            `json:"version"`
	CollateralPrice      sdkmath.LegacyDec `json:"collateral_price"` // per base unit
	DebtPrice            sdkmath.LegacyDec `json:"debt_price"`       // per base unit
	ExchangeRate         sdkmath.LegacyDec `json:"exchange_rate"`    // underlying per receipt, rounded down
	BorrowIndex          sdkmath.LegacyDec `json:"borrow_index"`
	LiquidationThreshold sdkmath.LegacyDec `json:"liquidation_threshold"`
}

// heldCollateral and heldDebt are one market of a position with that
// market's reference point.
type heldCollateral struct {
	Receipts sdkmath.Int
	Ref      RefPoint
}

type heldDebt struct {
	Scaled sdkmath.Int
	Ref    RefPoint
}

// ReferenceHealth is
//
//	h = Σ max(R·ER_ref − 1, 0)·P_ref·LT_ref / Σ (S·I_ref + 1)·Q_ref
//
// (R receipts, S scaled debt; numerator rounded down, denominator up,
// quotient down). The −1 and +1 bound the module's own roundings of
// ⌊R × total / supply⌋ and ⌈S × index⌉. Zero when a market has no
// reference; MaxUint64's worth when there is no debt.
func ReferenceHealth(colls []heldCollateral, debts []heldDebt) (h sdkmath.LegacyDec, err error) {
	defer func() {
		if r := recover(); r != nil { // LegacyDec overflow: key the position 0, examined first
			h, err = sdkmath.LegacyZeroDec(), fmt.Errorf("reference health: %v", r)
		}
	}()
	num, den := sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec()
	one := sdkmath.LegacyOneDec()
	for _, c := range colls {
		if c.Ref.Version == 0 {
			return sdkmath.LegacyZeroDec(), nil
		}
		u := c.Ref.ExchangeRate.MulInt(c.Receipts).Sub(one)
		if !u.IsPositive() {
			continue
		}
		num = num.Add(u.MulTruncate(c.Ref.CollateralPrice).MulTruncate(c.Ref.LiquidationThreshold))
	}
	for _, d := range debts {
		if d.Ref.Version == 0 {
			return sdkmath.LegacyZeroDec(), nil
		}
		den = den.Add(d.Ref.BorrowIndex.MulInt(d.Scaled).Add(one).MulRoundUp(d.Ref.DebtPrice))
	}
	if !den.IsPositive() {
		return sdkmath.LegacyNewDec(math.MaxInt64), nil
	}
	return num.QuoTruncate(den), nil
}

// HealthKey is ⌊h × 10⁶⌋, saturating.
func HealthKey(h sdkmath.LegacyDec) uint64 {
	if !h.IsPositive() {
		return 0
	}
	v := h.MulInt64(keyScale).TruncateInt()
	if !v.IsUint64() {
		return math.MaxUint64
	}
	return v.Uint64()
}

// NowPoint is a market's state at this block, as EndBlock sees it.
type NowPoint struct {
	CollateralPrice, DebtPrice, ExchangeRate, BorrowIndex, LiquidationThreshold sdkmath.LegacyDec
}

// CollateralRatio bounds how much a market's collateral lost in weighted
// value per receipt since ref, rounded down:
//
//	r_c = min(ER_now / ER_ref, 1) × P_now / P_ref × LT_now / LT_ref
//
// (the exchange rate is capped at 1 so the −1 of ReferenceHealth still
// bounds the rounding). Zero when ref has no version (no bound).
func CollateralRatio(now NowPoint, ref RefPoint) sdkmath.LegacyDec {
	if ref.Version == 0 || !ref.CollateralPrice.IsPositive() || !ref.ExchangeRate.IsPositive() || !ref.LiquidationThreshold.IsPositive() {
		return sdkmath.LegacyZeroDec()
	}
	er := sdkmath.LegacyMinDec(now.ExchangeRate.QuoTruncate(ref.ExchangeRate), sdkmath.LegacyOneDec())
	return er.MulTruncate(now.CollateralPrice.QuoTruncate(ref.CollateralPrice)).
		MulTruncate(now.LiquidationThreshold.QuoTruncate(ref.LiquidationThreshold))
}

// DebtRatio bounds how much a market's debt grew in value per scaled unit
// since ref, rounded up:
//
//	r_d = Q_now / Q_ref × max(I_now / I_ref, 1)
//
// (the index only grows; capping at 1 keeps the +1 of ReferenceHealth a
// bound). Nil (no bound) when ref has no version.
func DebtRatio(now NowPoint, ref RefPoint) (sdkmath.LegacyDec, bool) {
	if ref.Version == 0 || !ref.DebtPrice.IsPositive() || !ref.BorrowIndex.IsPositive() {
		return sdkmath.LegacyDec{}, false
	}
	idx := sdkmath.LegacyMaxDec(now.BorrowIndex.QuoRoundUp(ref.BorrowIndex), sdkmath.LegacyOneDec())
	return now.DebtPrice.QuoRoundUp(ref.DebtPrice).MulRoundUp(idx), true
}

// ThresholdKey is the largest health key that may hide a position below
// HF 1 given the pair's ratios: ⌈r_d / r_c × 10⁶⌉, saturating (MaxUint64:
// examine every entry when there is no bound). Entries with key ≤ the
// threshold are examined.
func ThresholdKey(rc, rd sdkmath.LegacyDec, ok bool) uint64 {
	if !ok || rc.IsNil() || !rc.IsPositive() {
		return math.MaxUint64
	}
	v := rd.MulInt64(keyScale).QuoRoundUp(rc).Ceil().TruncateInt()
	if !v.IsUint64() {
		return math.MaxUint64
	}
	return v.Uint64()
}

// LowerBound is the health factor a key guarantees under the pair's
// ratios, key / 10⁶ × r_c / r_d: the order in which EndBlock examines
// entries (lowest first). Zero when there is no bound.
func LowerBound(key uint64, rc, rd sdkmath.LegacyDec, ok bool) sdkmath.LegacyDec {
	if !ok || rc.IsNil() || !rc.IsPositive() || !rd.IsPositive() {
		return sdkmath.LegacyZeroDec()
	}
	h := sdkmath.LegacyNewDecFromInt(sdkmath.NewIntFromUint64(key)).QuoInt64(keyScale)
	return h.MulTruncate(rc).QuoTruncate(rd)
}

// rebaseDrift: a market's reference point is moved to the current state
// when its collateral ratio falls below 1/(1 + rebaseDrift) or its debt
// ratio rises above 1 + rebaseDrift (2 %).
var rebaseDrift = sdkmath.LegacyNewDecWithPrec(2, 2)

// NeedsRebase reports whether a market drifted far enough from its
// reference point (or has none) that the index should re-key its
// positions.
func NeedsRebase(now NowPoint, ref RefPoint) bool {
	if ref.Version == 0 {
		return true
	}
	limit := sdkmath.LegacyOneDec().Add(rebaseDrift)
	rd, ok := DebtRatio(now, ref)
	if !ok || rd.GT(limit) {
		return true
	}
	return CollateralRatio(now, ref).Mul(limit).LT(sdkmath.LegacyOneDec())
}
