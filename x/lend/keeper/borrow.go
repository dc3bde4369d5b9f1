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

// Borrow lends amount of a market's underlying to borrower. Refused when
// the market is paused or not borrowable, over the market's cash or borrow
// cap, when a price of the position (or of the borrowed asset) is
// unavailable, when the debt left in the market would be below its minimum
// value, and when Σ collateral × LTV < Σ debt afterwards. The debt is
// recorded as ⌈amount / index⌉ scaled units.
func (k Keeper) Borrow(ctx context.Context, borrower sdk.AccAddress, amount sdk.Coin) error {
	return k.borrow(ctx, borrower, amount, true)
}

// borrow is Borrow; checkLimit false skips only the borrow-limit check
// (ManagedBorrow: the manager checks its own margin).
func (k Keeper) borrow(ctx context.Context, borrower sdk.AccAddress, amount sdk.Coin, checkLimit bool) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		m, s, err := k.AccruedMarket(ctx, amount.Denom)
		if err != nil {
			return err
		}
		if err := k.checkOpen(ctx, m, "borrow"); err != nil {
			return err
		}
		if !m.BorrowEnabled {
			return errorsmod.Wrapf(types.ErrBorrowNotEnabled, "market %s does not lend (borrow_enabled is false)", m.Denom)
		}
		if amount.Amount.GT(s.Cash) {
			return errorsmod.Wrapf(types.ErrInsufficientCash, "borrowing %s but the market has %s%s of cash", amount, s.Cash, m.Denom)
		}
		borrows, err := s.Borrows()
		if err != nil {
			return err
		}
		if m.BorrowCap.IsPositive() && borrows.Add(amount.Amount).GT(m.BorrowCap) {
			room := sdkmath.MaxInt(m.BorrowCap.Sub(borrows), sdkmath.ZeroInt())
			return errorsmod.Wrapf(types.ErrBorrowCapExceeded, "borrowing %s would take the market's borrows to %s%s over its cap %s%s; at most %s%s can be borrowed now",
				amount, borrows.Add(amount.Amount), m.Denom, m.BorrowCap, m.Denom, room, m.Denom)
		}
		price, err := k.debtPrice(ctx, m)
		if err != nil {
			return err
		}
		before, err := k.Values(ctx, borrower)
		if err != nil {
			return err
		}

		scaled, err := risk.ScaledDebtUp(amount.Amount, s.BorrowIndex)
		if err != nil {
			return errorsmod.Wrapf(types.ErrMath, "scaled debt of %s: %s", amount, err)
		}
		key := collections.Join(borrower, m.Denom)
		held, err := getAmount(ctx, k.ScaledDebt, key)
		if err != nil {
			return err
		}
		if err := setAmount(ctx, k.ScaledDebt, key, held.Add(scaled)); err != nil {
			return err
		}
		s.ScaledBorrows = s.ScaledBorrows.Add(scaled)
		s.Cash = s.Cash.Sub(amount.Amount)
		if err := k.MarketStates.Set(ctx, m.Denom, s); err != nil {
			return err
		}

		debt, err := risk.DebtFromScaled(held.Add(scaled), s.BorrowIndex)
		if err != nil {
			return errorsmod.Wrapf(types.ErrMath, "debt: %s", err)
		}
		if err := risk.CheckRemainder(debt, price, m.MinDebtValue); err != nil {
			return errorsmod.Wrapf(types.ErrDebtBelowMinimum, "a debt of %s%s is worth less than the market's minimum %s; borrow more (%s)",
				debt, m.Denom, m.MinDebtValue, err)
		}
		after, err := k.Values(ctx, borrower)
		if err != nil {
			return err
		}
		if checkLimit && after.Debt.GT(after.BorrowLimit) {
			most, err := risk.MaxBorrow(before.BorrowLimit, before.Debt, price)
			if err != nil {
				most = sdkmath.ZeroInt()
			}
			return errorsmod.Wrapf(types.ErrUndercollateralized,
				"borrowing %s would take your debt to %s over your borrow limit %s (health factor %s); the most you can borrow now is %s%s",
				amount, after.Debt, after.BorrowLimit, after.HealthFactor, most, m.Denom)
		}
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, borrower, sdk.NewCoins(amount)); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventBorrow{Borrower: borrower.String(), Amount: amount, Scaled: scaled})
	})
}

// Repay pays borrower's debt in amount's market from sender: at most the
// debt (⌈scaled × index⌉ at this second); all repays exactly the debt.
// Repaying the whole debt retires every scaled unit; a partial repay
// retires ⌊paid / index⌋ and may not leave less than the market's minimum
// debt value (checked when the price is available: repay never needs a
// price). Open while paused.
func (k Keeper) Repay(ctx context.Context, sender, borrower sdk.AccAddress, amount sdk.Coin, all bool) (sdk.Coin, error) {
	var repaid sdk.Coin
	err := atomic(ctx, func(ctx sdk.Context) error {
		m, s, err := k.AccruedMarket(ctx, amount.Denom)
		if err != nil {
			return err
		}
		key := collections.Join(borrower, m.Denom)
		scaled, err := getAmount(ctx, k.ScaledDebt, key)
		if err != nil {
			return err
		}
		debt, err := risk.DebtFromScaled(scaled, s.BorrowIndex)
		if err != nil {
			return errorsmod.Wrapf(types.ErrMath, "debt: %s", err)
		}
		if debt.IsZero() {
			return errorsmod.Wrapf(types.ErrNoDebt, "%s owes no %s", borrower, m.Denom)
		}
		pay := debt
		if !all && amount.Amount.LT(debt) {
			pay = amount.Amount
		}
		retire := scaled
		if pay.LT(debt) {
			if retire, err = risk.ScaledDebtDown(pay, s.BorrowIndex); err != nil {
				return errorsmod.Wrapf(types.ErrMath, "scaled repay: %s", err)
			}
			if !retire.IsPositive() {
				return errorsmod.Wrapf(types.ErrInvalidAmount, "repaying %s retires no debt at index %s; repay more", amount, s.BorrowIndex)
			}
			left, err := risk.DebtFromScaled(scaled.Sub(retire), s.BorrowIndex)
			if err != nil {
				return errorsmod.Wrapf(types.ErrMath, "debt left: %s", err)
			}
			price, err := k.debtPrice(ctx, m)
			switch {
			case errors.Is(err, types.ErrPriceUnavailable):
				// Repay always works: the minimum is not enforced without a price.
			case err != nil:
				return err
			default:
				if err := risk.CheckRemainder(left, price, m.MinDebtValue); err != nil {
					return errorsmod.Wrapf(types.ErrDebtBelowMinimum, "repaying %s would leave %s%s, worth less than the market's minimum %s; repay all (--all) or less",
						amount, left, m.Denom, m.MinDebtValue)
				}
			}
		}
		repaid = sdk.NewCoin(m.Denom, pay)
		if err := k.bank.SendCoinsFromAccountToModule(ctx, sender, types.ModuleName, sdk.NewCoins(repaid)); err != nil {
			return err
		}
		if err := setAmount(ctx, k.ScaledDebt, key, scaled.Sub(retire)); err != nil {
			return err
		}
		s.ScaledBorrows = s.ScaledBorrows.Sub(retire)
		s.Cash = s.Cash.Add(pay)
		if err := k.MarketStates.Set(ctx, m.Denom, s); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventRepay{
			Sender: sender.String(), Borrower: borrower.String(), Amount: repaid, Scaled: retire,
		})
	})
	return repaid, err
}
