package types

import (
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// AgrDenom is AGR's base denom (6 decimals, like uausd): the books buy it
// with surplus and burn it, or mint and sell it to cover system debt.
const AgrDenom = "uagr"

// AgrDecimals is AGR's decimals.
const AgrDecimals = 6

// BuybackLot is the surplus above the buffer spent buying AGR in one block:
// min(surplus − buffer, lot), 0 when the surplus is at or below the buffer.
func BuybackLot(surplus, buffer, lot sdkmath.Int) sdkmath.Int {
	above := surplus.Sub(buffer)
	if !above.IsPositive() || !lot.IsPositive() {
		return sdkmath.ZeroInt()
	}
	return sdkmath.MinInt(above, lot)
}

// BuybackFloor is the least uagr a buyback of spend uausd must return:
// ⌈spend × (1 − slippage) at the AGR price⌉ (rounded up: the protocol asks
// for at least its floor).
func BuybackFloor(spend sdkmath.Int, agrPrice, slippage sdkmath.LegacyDec) (sdkmath.Int, error) {
	v := sdkmath.LegacyOneDec().Sub(slippage).MulInt(spend).Ceil().TruncateInt()
	return CollateralFor(v, agrPrice, AgrDecimals)
}

// DebtSaleLot is the uausd a sale of minted AGR aims to raise in one block:
// min(system debt, lot), only when the surplus is spent (0 otherwise).
func DebtSaleLot(systemDebt, surplus, lot sdkmath.Int) sdkmath.Int {
	if surplus.IsPositive() || !systemDebt.IsPositive() || !lot.IsPositive() {
		return sdkmath.ZeroInt()
	}
	return sdkmath.MinInt(systemDebt, lot)
}

// DebtSaleAgr is the uagr minted to raise target uausd: ⌈target at the AGR
// price⌉, and the least uausd its sale may return, ⌈value × (1 −
// slippage)⌉ of what is minted (rounded up: the floor favours the
// protocol).
func DebtSaleAgr(target sdkmath.Int, agrPrice, slippage sdkmath.LegacyDec) (agr, floor sdkmath.Int, err error) {
	agr, err = CollateralFor(target, agrPrice, AgrDecimals)
	if err != nil {
		return agr, floor, err
	}
	v, err := CollateralValue(agr, agrPrice, AgrDecimals)
	if err != nil {
		return agr, floor, err
	}
	return agr, sdkmath.LegacyOneDec().Sub(slippage).MulInt(v).Ceil().TruncateInt(), nil
}

// SettlementSetAside is what the shutdown's settlement takes from a vault
// for AUSD holders: its debt's worth of collateral at the frozen price,
// rounded up, capped at its collateral (a vault under water gives all).
func SettlementSetAside(coll, debt sdkmath.Int, frozen sdkmath.LegacyDec, decimals uint32) (sdkmath.Int, error) {
	if !debt.IsPositive() {
		return sdkmath.ZeroInt(), nil
	}
	need, err := CollateralFor(debt, frozen, decimals)
	if err != nil {
		return need, err
	}
	return sdkmath.MinInt(need, coll), nil
}

// SettlementPayout is what amount uausd redeems for once the settlement is
// fixed: ⌊amount × basket_d / outstanding⌋ of each denom d (rounded down,
// against the redeemer). It depends on nothing else, so every holder gets
// the same basket per AUSD whatever the order, and Σ payouts ≤ the basket.
func SettlementPayout(amount, outstanding sdkmath.Int, basket sdk.Coins) sdk.Coins {
	out := sdk.NewCoins()
	if !outstanding.IsPositive() || !amount.IsPositive() {
		return out
	}
	for _, c := range basket {
		x, err := toInt(divFloor(mulBig(bigOf(c.Amount), bigOf(amount)), bigOf(outstanding)))
		if err == nil && x.IsPositive() { // x ≤ the basket's amount when amount ≤ outstanding
			out = out.Add(sdk.NewCoin(c.Denom, x))
		}
	}
	return out
}
