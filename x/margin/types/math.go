package types

import (
	"math/big"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// The formulas of x/margin, pure (no store, no context). Amounts are base
// units; prices are USD per base unit (x/lend's BaseUnitPrice of the
// oracle's whole-unit price): holdings at the collateral price, debt at
// the debt price. Rounding favours the protocol: borrows and payouts round
// down, debts and penalties round up, margin ratios round down.

// Valuation is a position valued at oracle prices (USD).
type Valuation struct {
	Holdings sdkmath.LegacyDec // holdings × holding price
	Debt     sdkmath.LegacyDec // debt × debt price
	Equity   sdkmath.LegacyDec // Holdings − Debt (may be negative)
	Exposure sdkmath.LegacyDec // long: Holdings; short: Debt
	// MarginRatio = Equity / Exposure, rounded down (1 when there is no exposure).
	MarginRatio sdkmath.LegacyDec
}

// Value values a position: holdings (long: base, short: quote) at
// holdPrice, debt (long: quote, short: base) at debtPrice.
func Value(side Side, holdings, debt sdkmath.Int, holdPrice, debtPrice sdkmath.LegacyDec) Valuation {
	v := Valuation{Holdings: holdPrice.MulInt(holdings), Debt: debtPrice.MulInt(debt)}
	v.Equity = v.Holdings.Sub(v.Debt)
	v.Exposure = v.Holdings
	if side == SIDE_SHORT {
		v.Exposure = v.Debt
	}
	v.MarginRatio = sdkmath.LegacyOneDec()
	if v.Exposure.IsPositive() {
		v.MarginRatio = v.Equity.QuoTruncate(v.Exposure)
		if v.Equity.IsNegative() { // truncation rounds toward zero: round down instead
			v.MarginRatio = v.Equity.Neg().QuoRoundUp(v.Exposure).Neg()
		}
	}
	return v
}

// Leverage is Exposure / Equity (0 when the equity is not positive).
func (v Valuation) Leverage() sdkmath.LegacyDec {
	if !v.Equity.IsPositive() {
		return sdkmath.LegacyZeroDec()
	}
	return v.Exposure.Quo(v.Equity)
}

// Liquidatable: the margin ratio is below the maintenance margin.
func (v Valuation) Liquidatable(mm sdkmath.LegacyDec) bool { return v.MarginRatio.LT(mm) }

// LongBorrow is what a long of margin m (quote) at leverage L borrows:
// ⌊m × (L − 1)⌋ quote; it buys the base with m plus that.
func LongBorrow(margin sdkmath.Int, leverage sdkmath.LegacyDec) sdkmath.Int {
	return leverage.Sub(sdkmath.LegacyOneDec()).MulInt(margin).TruncateInt()
}

// ShortBorrow is what a short of margin m (quote) at leverage L borrows:
// ⌊m × quotePrice × L / basePrice⌋ base (its exposure m × L in value), sold
// for the quote. Zero when a price is not positive.
func ShortBorrow(margin sdkmath.Int, leverage, quotePrice, basePrice sdkmath.LegacyDec) sdkmath.Int {
	if !basePrice.IsPositive() || !quotePrice.IsPositive() {
		return sdkmath.ZeroInt()
	}
	return quotePrice.MulInt(margin).Mul(leverage).QuoTruncate(basePrice).TruncateInt()
}

// LiquidationPrice is the base price (USD per base unit) at which the
// margin ratio reaches mm, the quote's price held:
//
//	long:  X·p − D·q = mm·X·p  ⇒  p = D·q / (X·(1 − mm))
//	short: Q·q − B·p = mm·B·p  ⇒  p = Q·q / (B·(1 + mm))
//
// with v.Debt = D·q (long) and v.Holdings = Q·q (short); amount is X (long
// holdings) or B (short debt). Zero when there is no such price (no debt,
// or nothing held).
func LiquidationPrice(side Side, v Valuation, amount sdkmath.Int, mm sdkmath.LegacyDec) sdkmath.LegacyDec {
	if !amount.IsPositive() {
		return sdkmath.LegacyZeroDec()
	}
	if side == SIDE_LONG {
		den := sdkmath.LegacyOneDec().Sub(mm).MulInt(amount)
		if !den.IsPositive() {
			return sdkmath.LegacyZeroDec()
		}
		return v.Debt.Quo(den)
	}
	return v.Holdings.Quo(sdkmath.LegacyOneDec().Add(mm).MulInt(amount))
}

// WholePrice is quote per base in whole units of a trade of quoteAmt for
// baseAmt: (quoteAmt / 10^qd) / (baseAmt / 10^bd). Zero when baseAmt is 0.
func WholePrice(quoteAmt, baseAmt sdkmath.Int, quoteDecimals, baseDecimals uint32) sdkmath.LegacyDec {
	if !baseAmt.IsPositive() {
		return sdkmath.LegacyZeroDec()
	}
	num := sdkmath.LegacyNewDecFromInt(quoteAmt).Mul(pow10(baseDecimals))
	return num.Quo(sdkmath.LegacyNewDecFromInt(baseAmt).Mul(pow10(quoteDecimals)))
}

func pow10(n uint32) sdkmath.LegacyDec {
	return sdkmath.LegacyNewDecFromInt(sdkmath.NewIntFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)))
}

// QuoteForBase is the quote amount worth baseAmt at a whole-unit price
// (quote per base); rounded up when up, else down.
func QuoteForBase(baseAmt sdkmath.Int, price sdkmath.LegacyDec, quoteDecimals, baseDecimals uint32, up bool) sdkmath.Int {
	v := price.MulInt(baseAmt).Mul(pow10(quoteDecimals)).Quo(pow10(baseDecimals))
	if up {
		return v.Ceil().TruncateInt()
	}
	return v.TruncateInt()
}

// SplitLongProceeds splits what selling a long's slice paid: the penalty
// (liquidation only, rate r; from the slice's equity only) goes to the
// insurance fund, then the slice's debt share is repaid, then the rest is
// the owner's:
//
//	penalty   = min(⌈P·r⌉, max(P − ds, 0))
//	repay     = min(P − penalty, ds)
//	payout    = P − penalty − repay
//	shortfall = ds − repay
func SplitLongProceeds(proceeds, debtShare sdkmath.Int, rate sdkmath.LegacyDec) (penalty, repay, payout, shortfall sdkmath.Int) {
	surplus := sdkmath.MaxInt(proceeds.Sub(debtShare), sdkmath.ZeroInt())
	penalty = sdkmath.MinInt(rate.MulInt(proceeds).Ceil().TruncateInt(), surplus)
	repay = sdkmath.MinInt(proceeds.Sub(penalty), debtShare)
	payout = proceeds.Sub(penalty).Sub(repay)
	shortfall = debtShare.Sub(repay)
	return
}

// SplitShortLeftover splits what is left of a short's slice of holdings q
// after buying back its debt share for cost c ≤ q: penalty (liquidation
// only, rate r, on the cost) = min(⌈c·r⌉, q − c) to the insurance fund, the
// rest to the owner.
func SplitShortLeftover(holdingShare, cost sdkmath.Int, rate sdkmath.LegacyDec) (penalty, payout sdkmath.Int) {
	left := sdkmath.MaxInt(holdingShare.Sub(cost), sdkmath.ZeroInt())
	penalty = sdkmath.MinInt(rate.MulInt(cost).Ceil().TruncateInt(), left)
	return penalty, left.Sub(penalty)
}

// Share is ⌈a × f⌉ when up, else ⌊a × f⌋; all of a when f ≥ 1.
func Share(a sdkmath.Int, f sdkmath.LegacyDec, up bool) sdkmath.Int {
	if f.GTE(sdkmath.LegacyOneDec()) {
		return a
	}
	if up {
		return f.MulInt(a).Ceil().TruncateInt()
	}
	return f.MulInt(a).TruncateInt()
}

// Index keys. A long (holdings X base, scaled quote debt S) is below
// maintenance when S·I·q > (1 − mm)·X·p, i.e. when its key S / X exceeds
// LongThreshold = (1 − mm)·p / (I·q); a short (holdings Q quote, scaled base
// debt S) when Q·q < (1 + mm)·S·I·p, i.e. when its key Q / S is below
// ShortThreshold = (1 + mm)·I·p / q (p, q: the base and quote prices, I
// the debt market's borrow index). Keys do not move with interest or prices;
// only thresholds do, so EndBlock reads the riskiest first and stops at the
// first key on the safe side of the threshold: its cost follows the
// positions at risk.

// LongKey is S / X; ShortKey is Q / S (the largest key when S is 0).
func LongKey(scaledDebt, holdings sdkmath.Int) sdkmath.LegacyDec {
	if !holdings.IsPositive() {
		return maxKey()
	}
	return sdkmath.LegacyNewDecFromInt(scaledDebt).QuoTruncate(sdkmath.LegacyNewDecFromInt(holdings))
}

// ShortKey is Q / S.
func ShortKey(holdings, scaledDebt sdkmath.Int) sdkmath.LegacyDec {
	if !scaledDebt.IsPositive() {
		return maxKey()
	}
	return sdkmath.LegacyNewDecFromInt(holdings).QuoTruncate(sdkmath.LegacyNewDecFromInt(scaledDebt))
}

// LongThreshold is (1 − mm)·p / (I·q).
func LongThreshold(mm, basePrice, index, quotePrice sdkmath.LegacyDec) sdkmath.LegacyDec {
	return sdkmath.LegacyOneDec().Sub(mm).Mul(basePrice).Quo(index.Mul(quotePrice))
}

// ShortThreshold is (1 + mm)·I·p / q.
func ShortThreshold(mm, basePrice, index, quotePrice sdkmath.LegacyDec) sdkmath.LegacyDec {
	return sdkmath.LegacyOneDec().Add(mm).Mul(index).Mul(basePrice).Quo(quotePrice)
}

const keyDigits = 48

func maxKey() sdkmath.LegacyDec {
	return sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).Exp(big.NewInt(10), big.NewInt(keyDigits), nil), 18)
}

// EncodeKey writes a non-negative decimal as a fixed-width string whose
// order is the numbers' order (10^-18 units, 48 digits; negative → 0,
// larger → the largest key).
func EncodeKey(d sdkmath.LegacyDec) string {
	if d.IsNil() || d.IsNegative() {
		return strings.Repeat("0", keyDigits)
	}
	s := d.BigInt().String()
	if len(s) > keyDigits {
		return strings.Repeat("9", keyDigits)
	}
	return strings.Repeat("0", keyDigits-len(s)) + s
}

// DecodeKey reads EncodeKey's string back.
func DecodeKey(s string) (sdkmath.LegacyDec, error) {
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(ErrMath, "bad index key %q", s)
	}
	return sdkmath.LegacyNewDecFromBigIntWithPrec(b, 18), nil
}

// UnitPrice is the base's price per base unit (in the quote price's unit,
// USD) at a whole-unit price (quote per base): whole × quoteUnitPrice ×
// 10^qd / 10^bd — WholePrice's scaling undone.
func UnitPrice(whole, quoteUnitPrice sdkmath.LegacyDec, quoteDecimals, baseDecimals uint32) sdkmath.LegacyDec {
	return whole.Mul(quoteUnitPrice).Mul(pow10(quoteDecimals)).Quo(pow10(baseDecimals))
}

// MaxRemovable estimates the most quote a position can pay out while its
// margin ratio stays at or above im (the initial margin), rounded down:
//
//	long (borrows a, valued at the quote's debt price q):
//	    (H − V − a·q) / H ≥ im  ⇒  a ≤ ((1 − im)·H − V) / q
//	short (its quote holdings Q shrink, valued at q):
//	    ((Q − a)·q − V) / V ≥ im  ⇒  a ≤ Q − (1 + im)·V / q
//
// Zero when nothing can be removed. The keeper confirms it against the
// handler itself (rounding of the debt in x/lend may move it by a unit).
func MaxRemovable(side Side, v Valuation, holdings sdkmath.Int, quotePrice, im sdkmath.LegacyDec) sdkmath.Int {
	if !quotePrice.IsPositive() {
		return sdkmath.ZeroInt()
	}
	one := sdkmath.LegacyOneDec()
	var a sdkmath.Int
	if side == SIDE_LONG {
		a = one.Sub(im).Mul(v.Holdings).Sub(v.Debt).QuoTruncate(quotePrice).TruncateInt()
	} else {
		a = holdings.Sub(one.Add(im).Mul(v.Debt).Quo(quotePrice).Ceil().TruncateInt())
	}
	return sdkmath.MaxInt(a, sdkmath.ZeroInt())
}
