package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// Receipt arithmetic: the pure rules of lend/{denom}. A receipt is a claim
// on total = cash + borrows − reserves; the exchange rate total / supply
// only grows (interest raises borrows; nothing else lowers total per
// receipt). Every conversion rounds in favour of the market: receipts
// minted and underlying paid round down, receipts burned round up.

// TotalUnderlying is cash + borrows − reserves, what the receipts claim.
func TotalUnderlying(cash, borrows, reserves sdkmath.Int) (sdkmath.Int, error) {
	total := cash.Add(borrows).Sub(reserves)
	if total.IsNegative() {
		return sdkmath.Int{}, errorsmod.Wrapf(ErrMath, "reserves %s exceed cash %s + borrows %s", reserves, cash, borrows)
	}
	return total, nil
}

// ReceiptsForSupply is the receipts minted for supplying amount:
// amount when no receipts exist, else ⌊amount × supply / total⌋.
func ReceiptsForSupply(amount, supply, total sdkmath.Int) (sdkmath.Int, error) {
	if supply.IsZero() {
		return amount, nil
	}
	if !total.IsPositive() {
		return sdkmath.Int{}, errorsmod.Wrapf(ErrMarketInsolvent, "%s receipts claim no underlying", supply)
	}
	return amount.Mul(supply).Quo(total), nil
}

// UnderlyingForReceipts is the underlying paid for burning r receipts:
// ⌊r × total / supply⌋.
func UnderlyingForReceipts(r, supply, total sdkmath.Int) (sdkmath.Int, error) {
	if r.GT(supply) || !supply.IsPositive() {
		return sdkmath.Int{}, errorsmod.Wrapf(ErrInsufficientReceipts, "%s receipts of %s in existence", r, supply)
	}
	return r.Mul(total).Quo(supply), nil
}

// ReceiptsForUnderlying is the receipts burned to withdraw u underlying:
// ⌈u × supply / total⌉.
func ReceiptsForUnderlying(u, supply, total sdkmath.Int) (sdkmath.Int, error) {
	if !total.IsPositive() || !supply.IsPositive() {
		return sdkmath.Int{}, errorsmod.Wrapf(ErrInsufficientReceipts, "the market holds nothing to withdraw")
	}
	num := u.Mul(supply)
	q := num.Quo(total)
	if !num.Mod(total).IsZero() {
		q = q.AddRaw(1)
	}
	return q, nil
}

// ExchangeRate is the underlying per receipt, total / supply rounded down;
// 1 before any receipt exists.
func ExchangeRate(supply, total sdkmath.Int) sdkmath.LegacyDec {
	if !supply.IsPositive() {
		return sdkmath.LegacyOneDec()
	}
	return sdkmath.LegacyNewDecFromInt(total).QuoInt(supply) // QuoInt truncates
}
