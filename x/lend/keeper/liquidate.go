package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/lend/types"
)

// LiquidationResult is what a liquidation moved.
type LiquidationResult struct {
	Repaid        sdk.Coin    // debt repaid by the liquidator
	Receipts      sdk.Coin    // lend/{collateral} receipts the liquidator received
	CollateralOut sdkmath.Int // their underlying value (risk's ToLiquidator)
}

// mapRiskError turns a pkg/risk sentinel into the module's registered error.
func mapRiskError(err error) error {
	switch {
	case errors.Is(err, risk.ErrNotLiquidatable):
		return errorsmod.Wrapf(types.ErrNotLiquidatable, "%s", err)
	case errors.Is(err, risk.ErrMustNotLeaveDust):
		return errorsmod.Wrapf(types.ErrMustNotLeaveDust, "%s", err)
	case errors.Is(err, risk.ErrNothingToSeize):
		return errorsmod.Wrapf(types.ErrInvalidAmount, "%s", err)
	default:
		return errorsmod.Wrapf(types.ErrMath, "liquidation sizing: %s", err)
	}
}

// Liquidate repays part of borrower's debt in repayDenom from liquidator and
// hands it collateral of collDenom as receipts. Only a position with HF < 1
// at oracle prices (every price needed: fails closed) can be liquidated.
// risk.SizeLiquidation sizes it: toward params.target_health_factor with
// the collateral market's Dutch bonus at the current HF, no dust left below
// the repay market's min_debt_value, capped by maxRepay (0: none). The
// protocol's share of the bonus is burned from the seized receipts and
// added to the collateral market's reserves (the exchange rate does not
// fall). A position left with debt and no collateral is settled as bad
// debt at once (SettleBadDebt).
func (k Keeper) Liquidate(ctx context.Context, liquidator, borrower sdk.AccAddress, repayDenom, collDenom string,
	maxRepay, minCollateralOut sdkmath.Int,
) (LiquidationResult, error) {
	var res LiquidationResult
	err := atomic(ctx, func(ctx sdk.Context) error {
		if liquidator.Equals(borrower) {
			return errorsmod.Wrapf(types.ErrSelfLiquidation, "%s is both liquidator and borrower", borrower)
		}
		if err := k.refuseManaged(ctx, borrower, "liquidated"); err != nil {
			return err
		}
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		repayMarket, _, err := k.AccruedMarket(ctx, repayDenom)
		if err != nil {
			return err
		}
		collMarket, collState, err := k.AccruedMarket(ctx, collDenom)
		if err != nil {
			return err
		}
		v, err := k.Values(ctx, borrower)
		if err != nil {
			return err
		}
		if v.HealthFactor.GTE(sdkmath.LegacyOneDec()) {
			return errorsmod.Wrapf(types.ErrNotLiquidatable, "health factor of %s is %s (≥ 1)", borrower, v.HealthFactor)
		}
		debt, err := k.Debt(ctx, borrower, repayDenom)
		if err != nil {
			return err
		}
		if debt.IsZero() {
			return errorsmod.Wrapf(types.ErrNoDebt, "%s owes no %s", borrower, repayDenom)
		}
		collKey := collections.Join(borrower, collDenom)
		held, err := getAmount(ctx, k.Collateral, collKey)
		if err != nil {
			return err
		}
		collAmount, err := CollateralUnderlying(collState, held)
		if err != nil {
			return err
		}
		if !collAmount.IsPositive() {
			return errorsmod.Wrapf(types.ErrInsufficientCollateral, "%s has no %s collateral", borrower, collDenom)
		}
		dp, err := k.debtPrice(ctx, repayMarket)
		if err != nil {
			return err
		}
		cp, err := k.collateralPrice(ctx, collMarket)
		if err != nil {
			return err
		}
		bonus, err := risk.DutchBonus(collMarket.BonusParams(), v.HealthFactor)
		if err != nil {
			return mapRiskError(err)
		}
		liq, err := risk.SizeLiquidation(risk.LiquidationInput{
			WeightedCollateral: v.WeightedCollateral, TotalDebt: v.Debt,
			DebtAmount: debt, DebtPrice: dp, CollateralAmount: collAmount, CollateralPrice: cp,
			LiquidationThreshold: collMarket.LiquidationThreshold, Bonus: bonus,
			ProtocolShare: collMarket.LiquidationProtocolShare, TargetHealthFactor: params.TargetHealthFactor,
			DustValue: repayMarket.MinDebtValue, MaxRepay: maxRepay,
		})
		if err != nil {
			return mapRiskError(err)
		}
		if liq.ToLiquidator.LT(minCollateralOut) {
			return errorsmod.Wrapf(types.ErrMinCollateralOut, "the liquidation pays %s%s of collateral, below min_collateral_out %s",
				liq.ToLiquidator, collDenom, minCollateralOut)
		}

		// Debt side: the liquidator pays, the borrower's scaled debt falls.
		repaid := sdk.NewCoin(repayDenom, liq.Repay)
		if err := k.bank.SendCoinsFromAccountToModule(ctx, liquidator, types.ModuleName, sdk.NewCoins(repaid)); err != nil {
			return err
		}
		if err := k.retireDebt(ctx, borrower, repayDenom, liq.Repay, debt); err != nil {
			return err
		}

		// Collateral side, at the collateral market's exchange rate after
		// the repay: the liquidator's part rounded down; the protocol's
		// part burned into reserves; all receipts when all was seized.
		collState, err = k.MarketStates.Get(ctx, collDenom)
		if err != nil {
			return err
		}
		total, err := collState.Total()
		if err != nil {
			return err
		}
		rLiq := liq.ToLiquidator.Mul(collState.ReceiptSupply).Quo(total)
		rProt := liq.ToProtocol.Mul(collState.ReceiptSupply).Quo(total)
		if liq.Seize.Equal(collAmount) {
			rProt = held.Sub(sdkmath.MinInt(rLiq, held))
		}
		if rLiq.Add(rProt).GT(held) {
			rLiq = held.Sub(rProt)
		}
		uProt, err := types.UnderlyingForReceipts(rProt, collState.ReceiptSupply, total)
		if err != nil && rProt.IsPositive() {
			return err
		}
		if rProt.IsZero() {
			uProt = sdkmath.ZeroInt()
		}
		if err := setAmount(ctx, k.Collateral, collKey, held.Sub(rLiq).Sub(rProt)); err != nil {
			return err
		}
		rd := types.ReceiptDenom(collDenom)
		receipts := sdk.NewCoin(rd, rLiq)
		if rLiq.IsPositive() {
			if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, liquidator, sdk.NewCoins(receipts)); err != nil {
				return err
			}
		}
		if rProt.IsPositive() {
			if err := k.bank.BurnCoins(ctx, types.ModuleName, sdk.NewCoins(sdk.NewCoin(rd, rProt))); err != nil {
				return err
			}
			collState.ReceiptSupply = collState.ReceiptSupply.Sub(rProt)
			collState.Reserves = collState.Reserves.Add(uProt)
			if err := k.MarketStates.Set(ctx, collDenom, collState); err != nil {
				return err
			}
		}
		res = LiquidationResult{Repaid: repaid, Receipts: receipts, CollateralOut: liq.ToLiquidator}
		if err := ctx.EventManager().EmitTypedEvent(&types.EventLiquidate{
			Liquidator: liquidator.String(), Borrower: borrower.String(), Repaid: repaid,
			Seized: sdk.NewCoin(collDenom, liq.Seize), ToLiquidator: sdk.NewCoin(collDenom, liq.ToLiquidator),
			ToProtocol: sdk.NewCoin(collDenom, liq.ToProtocol), Receipts: receipts, Bonus: bonus,
			HealthFactorBefore: v.HealthFactor, HealthFactorAfter: liq.HealthFactorAfter, Limit: liq.Limit.String(),
		}); err != nil {
			return err
		}
		// Debt left with no collateral is bad debt: written off at once.
		return k.SettleBadDebt(ctx, borrower)
	})
	return res, err
}

// retireDebt lowers borrower's debt in denom by pay (of a debt of owed):
// every scaled unit when pay covers it, else ⌊pay / index⌋; the market's
// cash rises by pay.
func (k Keeper) retireDebt(ctx context.Context, borrower sdk.AccAddress, denom string, pay, owed sdkmath.Int) error {
	s, err := k.MarketStates.Get(ctx, denom)
	if err != nil {
		return err
	}
	key := collections.Join(borrower, denom)
	scaled, err := getAmount(ctx, k.ScaledDebt, key)
	if err != nil {
		return err
	}
	retire := scaled
	if pay.LT(owed) {
		if retire, err = risk.ScaledDebtDown(pay, s.BorrowIndex); err != nil {
			return errorsmod.Wrapf(types.ErrMath, "scaled repay: %s", err)
		}
	}
	if err := setAmount(ctx, k.ScaledDebt, key, scaled.Sub(retire)); err != nil {
		return err
	}
	s.ScaledBorrows = s.ScaledBorrows.Sub(retire)
	s.Cash = s.Cash.Add(pay)
	return k.MarketStates.Set(ctx, denom, s)
}
