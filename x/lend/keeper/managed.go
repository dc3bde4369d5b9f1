package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// Managed accounts. Another module (x/margin) may register an account
// nobody holds a key for (derived from its module address) as managed by
// it. For a managed account:
//   - ManagedBorrow lends without lend's borrow-limit check: the manager
//     checks its own margin rules (x/margin: initial margin after the open)
//     and holds what was bought outside x/lend;
//   - the account is never entered in the index of positions at risk, so
//     EndBlock's protocol liquidation and bad-debt settlement never touch
//     it, and MsgLiquidate refuses it (ErrManagedAccount): the manager
//     liquidates it, and calls SettleBadDebt itself for what it cannot
//     repay;
//   - everything else (accrual, Repay, invariants) is unchanged.
// The set is not part of lend's genesis: the manager registers its accounts
// again in its own InitGenesis (which runs after lend's).

// RegisterManaged marks addr as managed by manager and drops it from the
// index of positions at risk.
func (k Keeper) RegisterManaged(ctx context.Context, addr sdk.AccAddress, manager string) error {
	if manager == "" {
		return errorsmod.Wrapf(types.ErrInvalidAddress, "a managed account needs a manager")
	}
	if cur, err := k.Managed.Get(ctx, addr); err == nil && cur != manager {
		return errorsmod.Wrapf(types.ErrManagedAccount, "%s is already managed by %s", addr, cur)
	}
	if err := k.Managed.Set(ctx, addr, manager); err != nil {
		return err
	}
	return k.Reindex(ctx, addr)
}

// UnregisterManaged returns addr to lend's ordinary rules (and index); only
// its manager may do it.
func (k Keeper) UnregisterManaged(ctx context.Context, addr sdk.AccAddress, manager string) error {
	cur, err := k.Managed.Get(ctx, addr)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if cur != manager {
		return errorsmod.Wrapf(types.ErrManagedAccount, "%s is managed by %s, not %s", addr, cur, manager)
	}
	if err := k.Managed.Remove(ctx, addr); err != nil {
		return err
	}
	return k.Reindex(ctx, addr)
}

// ManagerOf names the module managing addr ("" when none).
func (k Keeper) ManagerOf(ctx context.Context, addr sdk.AccAddress) (string, error) {
	m, err := k.Managed.Get(ctx, addr)
	if isNotFound(err) {
		return "", nil
	}
	return m, err
}

// ManagedBorrow is Borrow for an account managed by manager, without the
// borrow-limit check (every other check of Borrow applies: paused market,
// borrow_enabled, cash, borrow cap, price of the borrowed asset, minimum
// debt). Refused with ErrManagedAccount for an account manager does not
// manage.
func (k Keeper) ManagedBorrow(ctx context.Context, manager string, borrower sdk.AccAddress, amount sdk.Coin) error {
	cur, err := k.ManagerOf(ctx, borrower)
	if err != nil {
		return err
	}
	if cur == "" || cur != manager {
		return errorsmod.Wrapf(types.ErrManagedAccount, "%s is not managed by %s", borrower, manager)
	}
	return k.borrow(ctx, borrower, amount, false)
}

// refuseManaged refuses an operation that only the manager may perform on
// a managed account.
func (k Keeper) refuseManaged(ctx context.Context, addr sdk.AccAddress, op string) error {
	cur, err := k.ManagerOf(ctx, addr)
	if err != nil || cur == "" {
		return err
	}
	return errorsmod.Wrapf(types.ErrManagedAccount, "%s is managed by x/%s and cannot be %s here; x/%s does it", addr, cur, op, cur)
}

// ScaledDebtOf is addr's scaled debt in denom (zero when none).
func (k Keeper) ScaledDebtOf(ctx context.Context, addr sdk.AccAddress, denom string) (sdkmath.Int, error) {
	return getAmount(ctx, k.ScaledDebt, collections.Join(addr, denom))
}

// ManagedSettle closes the debt of an account managed by manager that its
// manager cannot repay in full: payer pays pay (at most the debt, any
// amount: no minimum-debt rule, the rest is written off at once), then the
// rest of the account's debt is settled as bad debt (SettleBadDebt:
// reserves, backstop, then the suppliers). It needs no price.
func (k Keeper) ManagedSettle(ctx context.Context, manager string, borrower, payer sdk.AccAddress, pay sdk.Coin) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		cur, err := k.ManagerOf(ctx, borrower)
		if err != nil {
			return err
		}
		if cur == "" || cur != manager {
			return errorsmod.Wrapf(types.ErrManagedAccount, "%s is not managed by %s", borrower, manager)
		}
		if pay.IsPositive() {
			if _, _, err := k.AccruedMarket(ctx, pay.Denom); err != nil {
				return err
			}
			owed, err := k.Debt(ctx, borrower, pay.Denom)
			if err != nil {
				return err
			}
			if pay.Amount.GT(owed) {
				pay.Amount = owed
			}
			if pay.IsPositive() {
				if err := k.bank.SendCoinsFromAccountToModule(ctx, payer, types.ModuleName, sdk.NewCoins(pay)); err != nil {
					return err
				}
				if err := k.retireDebt(ctx, borrower, pay.Denom, pay.Amount, owed); err != nil {
					return err
				}
				if err := ctx.EventManager().EmitTypedEvent(&types.EventRepay{
					Sender: payer.String(), Borrower: borrower.String(), Amount: pay,
				}); err != nil {
					return err
				}
			}
		}
		return k.SettleBadDebt(ctx, borrower)
	})
}
