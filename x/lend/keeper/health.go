package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/lend/types"
)

// PositionValues are an account's position valued at oracle prices, in
// the oracle's quote: collateral at CollateralPrice, debt at DebtPrice.
type PositionValues struct {
	BorrowLimit        sdkmath.LegacyDec // Σ ⌊underlying × price × LTV⌋ (LTV 0 where collateral is disabled)
	WeightedCollateral sdkmath.LegacyDec // Σ ⌊underlying × price × LT⌋: the HF numerator
	Debt               sdkmath.LegacyDec // Σ debt × price
	HealthFactor       sdkmath.LegacyDec // WeightedCollateral / Debt, rounded down
}

// positionDenoms lists the markets an account has collateral or debt in.
func (k Keeper) positionDenoms(ctx context.Context, addr sdk.AccAddress) (collateral, debt []string, err error) {
	rng := collections.NewPrefixedPairRange[sdk.AccAddress, string](addr)
	err = k.Collateral.Walk(ctx, rng, func(key PositionKey, _ sdkmath.Int) (bool, error) {
		collateral = append(collateral, key.K2())
		return false, nil
	})
	if err != nil {
		return nil, nil, err
	}
	err = k.ScaledDebt.Walk(ctx, rng, func(key PositionKey, _ sdkmath.Int) (bool, error) {
		debt = append(debt, key.K2())
		return false, nil
	})
	return collateral, debt, err
}

func priceError(m types.Market, err error) error {
	return errorsmod.Wrapf(types.ErrPriceUnavailable,
		"price of %s (oracle pair %s) is unavailable (%s); borrowing, decollateralizing and withdrawing collateral are refused until it updates; supply, repay and adding collateral still work",
		m.Denom, m.OraclePair, err)
}

// collateralPrice and debtPrice fail closed with ErrPriceUnavailable.
func (k Keeper) collateralPrice(ctx context.Context, m types.Market) (sdkmath.LegacyDec, error) {
	p, err := k.oracle.CollateralPrice(ctx, m.OraclePair)
	if err != nil {
		return sdkmath.LegacyDec{}, priceError(m, err)
	}
	p = types.BaseUnitPrice(p, m.Decimals, false)
	if p.IsNil() || !p.IsPositive() {
		return sdkmath.LegacyDec{}, priceError(m, errorsmod.Wrapf(types.ErrMath, "non-positive price"))
	}
	return p, nil
}

func (k Keeper) debtPrice(ctx context.Context, m types.Market) (sdkmath.LegacyDec, error) {
	p, err := k.oracle.DebtPrice(ctx, m.OraclePair)
	if err != nil {
		return sdkmath.LegacyDec{}, priceError(m, err)
	}
	p = types.BaseUnitPrice(p, m.Decimals, true)
	if p.IsNil() || !p.IsPositive() {
		return sdkmath.LegacyDec{}, priceError(m, errorsmod.Wrapf(types.ErrMath, "non-positive price"))
	}
	return p, nil
}

// Debt returns an account's debt in one market, ⌈scaled × index⌉, with
// the market accrued to now.
func (k Keeper) Debt(ctx context.Context, addr sdk.AccAddress, denom string) (sdkmath.Int, error) {
	_, s, err := k.AccruedMarket(ctx, denom)
	if err != nil {
		return sdkmath.Int{}, err
	}
	scaled, err := getAmount(ctx, k.ScaledDebt, collections.Join(addr, denom))
	if err != nil {
		return sdkmath.Int{}, err
	}
	d, err := risk.DebtFromScaled(scaled, s.BorrowIndex)
	if err != nil {
		return sdkmath.Int{}, errorsmod.Wrapf(types.ErrMath, "debt in %s: %s", denom, err)
	}
	return d, nil
}

// CollateralUnderlying is the underlying an amount of a market's receipts
// is worth, rounded down.
func CollateralUnderlying(s types.MarketState, receipts sdkmath.Int) (sdkmath.Int, error) {
	total, err := s.Total()
	if err != nil {
		return sdkmath.Int{}, err
	}
	if receipts.IsZero() {
		return receipts, nil
	}
	return types.UnderlyingForReceipts(receipts, s.ReceiptSupply, total)
}

// Values values an account's whole position with every market it touches
// accrued to now. Any unavailable price fails with ErrPriceUnavailable.
func (k Keeper) Values(ctx context.Context, addr sdk.AccAddress) (PositionValues, error) {
	collDenoms, debtDenoms, err := k.positionDenoms(ctx, addr)
	if err != nil {
		return PositionValues{}, err
	}
	var byLTV, byLT []risk.Collateral
	for _, d := range collDenoms {
		m, s, err := k.AccruedMarket(ctx, d)
		if err != nil {
			return PositionValues{}, err
		}
		receipts, err := getAmount(ctx, k.Collateral, collections.Join(addr, d))
		if err != nil {
			return PositionValues{}, err
		}
		amount, err := CollateralUnderlying(s, receipts)
		if err != nil {
			return PositionValues{}, err
		}
		price, err := k.collateralPrice(ctx, m)
		if err != nil {
			return PositionValues{}, err
		}
		ltv := m.CollateralFactor
		if !m.CollateralEnabled {
			ltv = sdkmath.LegacyZeroDec()
		}
		byLTV = append(byLTV, risk.Collateral{Amount: amount, Price: price, Factor: ltv})
		byLT = append(byLT, risk.Collateral{Amount: amount, Price: price, Factor: m.LiquidationThreshold})
	}
	var debts []risk.Debt
	for _, d := range debtDenoms {
		m, _, err := k.AccruedMarket(ctx, d)
		if err != nil {
			return PositionValues{}, err
		}
		amount, err := k.Debt(ctx, addr, d)
		if err != nil {
			return PositionValues{}, err
		}
		price, err := k.debtPrice(ctx, m)
		if err != nil {
			return PositionValues{}, err
		}
		debts = append(debts, risk.Debt{Amount: amount, Price: price})
	}
	var v PositionValues
	if v.BorrowLimit, err = risk.WeightedCollateral(byLTV); err != nil {
		return PositionValues{}, errorsmod.Wrapf(types.ErrMath, "borrow limit: %s", err)
	}
	if v.WeightedCollateral, err = risk.WeightedCollateral(byLT); err != nil {
		return PositionValues{}, errorsmod.Wrapf(types.ErrMath, "weighted collateral: %s", err)
	}
	if v.Debt, err = risk.TotalDebt(debts); err != nil {
		return PositionValues{}, errorsmod.Wrapf(types.ErrMath, "debt: %s", err)
	}
	if v.HealthFactor, err = risk.HealthFactor(v.WeightedCollateral, v.Debt); err != nil {
		return PositionValues{}, errorsmod.Wrapf(types.ErrMath, "health factor: %s", err)
	}
	return v, nil
}

// hasDebt reports whether an account owes anything in any market.
func (k Keeper) hasDebt(ctx context.Context, addr sdk.AccAddress) (bool, error) {
	found := false
	err := k.ScaledDebt.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, string](addr),
		func(PositionKey, sdkmath.Int) (bool, error) {
			found = true
			return true, nil
		})
	return found, err
}

// checkBorrowLimit refuses a state in which the account's debt exceeds its
// borrow limit (Σ collateral × LTV ≥ Σ debt must hold). An account without
// debt needs no price.
func (k Keeper) checkBorrowLimit(ctx context.Context, addr sdk.AccAddress, op string) error {
	owes, err := k.hasDebt(ctx, addr)
	if err != nil || !owes {
		return err
	}
	v, err := k.Values(ctx, addr)
	if err != nil {
		return err
	}
	if v.Debt.GT(v.BorrowLimit) {
		return errorsmod.Wrapf(types.ErrUndercollateralized,
			"%s would leave debt worth %s above the borrow limit %s (Σ collateral × LTV); health factor would be %s",
			op, v.Debt, v.BorrowLimit, v.HealthFactor)
	}
	return nil
}
