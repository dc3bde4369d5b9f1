package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/cdp/types"
)

func debtOf(n sdkmath.Int, rate sdkmath.LegacyDec) (sdkmath.Int, error) {
	d, err := risk.DebtFromScaled(n, rate)
	if err != nil {
		return sdkmath.Int{}, errorsmod.Wrapf(types.ErrMath, "%s", err)
	}
	return d, nil
}

func checkOwner(v types.Vault, sender sdk.AccAddress) error {
	if v.Owner != sender.String() {
		return errorsmod.Wrapf(types.ErrNotOwner, "vault %d belongs to %s, not %s", v.Id, v.Owner, sender)
	}
	return nil
}

// checkRisk verifies, after a risk-increasing change, that the vault is at
// or above its type's MCR at the oracle's collateral price (failing closed
// when the price is unavailable), that its debt is 0 or at least the
// floor, and that the type's and the global debt ceilings hold.
func (k Keeper) checkRisk(ctx sdk.Context, params types.Params, ct types.CollateralType, st types.CollateralState, v types.Vault, minted bool) error {
	debt, err := vaultDebt(v, st)
	if err != nil {
		return err
	}
	if debt.IsPositive() && debt.LT(ct.DebtFloor) {
		return errorsmod.Wrapf(types.ErrDebtFloor, "vault %d would owe %suausd, below the %s debt floor of %suausd; mint more or repay all", v.Id, debt, ct.Denom, ct.DebtFloor)
	}
	if minted {
		typeDebt, err := debtOf(st.NormalizedDebt, st.Rate)
		if err != nil {
			return err
		}
		if typeDebt.GT(ct.DebtCeiling) {
			return errorsmod.Wrapf(types.ErrDebtCeiling, "%s vaults would owe %suausd, above the type's ceiling of %suausd", ct.Denom, typeDebt, ct.DebtCeiling)
		}
		total := typeDebt
		err = k.CollateralStates.Walk(ctx, nil, func(d string, other types.CollateralState) (bool, error) {
			if d != st.Denom {
				total = total.Add(other.Issued)
			}
			return false, nil
		})
		if err != nil {
			return err
		}
		if total.GT(params.GlobalDebtCeiling) {
			return errorsmod.Wrapf(types.ErrDebtCeiling, "all vaults would owe %suausd, above the global ceiling of %suausd", total, params.GlobalDebtCeiling)
		}
	}
	if !debt.IsPositive() {
		return nil
	}
	price, err := k.price(ctx, ct)
	if err != nil {
		return err
	}
	if st.FrozenPrice.IsPositive() {
		// after the shutdown: only the collateral beyond the debt leaves
		if !types.MeetsRatio(v.Collateral, price, ct.Decimals, debt, sdkmath.LegacyOneDec()) {
			return errorsmod.Wrapf(types.ErrUndercollateralized, "vault %d: after the shutdown only the collateral beyond the debt (%suausd at the frozen price %s) can be withdrawn", v.Id, debt, price)
		}
		return nil
	}
	if !types.MeetsRatio(v.Collateral, price, ct.Decimals, debt, ct.MinCollateralRatio) {
		cr, _ := types.CollateralRatio(v.Collateral, price, ct.Decimals, debt)
		maxDebt, _ := types.MaxDebt(v.Collateral, price, ct.Decimals, ct.MinCollateralRatio)
		return errorsmod.Wrapf(types.ErrUndercollateralized,
			"vault %d: %s%s at %s against %suausd is a ratio of %s, below the minimum %s (at most %suausd of debt)",
			v.Id, v.Collateral, ct.Denom, price, debt, cr, ct.MinCollateralRatio, maxDebt)
	}
	return nil
}

func (k Keeper) checkOpen(ctx context.Context, params types.Params, ct types.CollateralType) error {
	if err := k.refuseIfShutdown(ctx, "new debt"); err != nil {
		return err
	}
	if params.Paused {
		return errorsmod.Wrap(types.ErrPaused, "the module is paused: opening vaults and minting are refused (repay, deposit and close stay open)")
	}
	if ct.Paused {
		return errorsmod.Wrapf(types.ErrPaused, "collateral type %s is paused: opening vaults and minting are refused", ct.Denom)
	}
	return nil
}

// mintTo adds amount of debt to v (normalized ⌈amount / rate⌉) and mints
// amount uausd to the owner; the rounding goes to the surplus (sync).
func (k Keeper) mintTo(ctx sdk.Context, owner sdk.AccAddress, v *types.Vault, st *types.CollateralState, amount sdkmath.Int) error {
	if !amount.IsPositive() {
		return nil
	}
	n, err := risk.ScaledDebtUp(amount, st.Rate)
	if err != nil {
		return errorsmod.Wrapf(types.ErrMath, "%s", err)
	}
	v.NormalizedDebt = v.NormalizedDebt.Add(n)
	st.NormalizedDebt = st.NormalizedDebt.Add(n)
	if err := k.sync(ctx, st, st.Issued.Add(amount)); err != nil {
		return err
	}
	if err := k.mintStable(ctx, amount); err != nil {
		return err
	}
	return k.pay(ctx, owner, types.StableDenom, amount)
}

// OpenVault opens a vault of collateral's type for owner and mints mint
// uausd against it.
func (k Keeper) OpenVault(ctx context.Context, owner sdk.AccAddress, collateral sdk.Coin, mint sdkmath.Int) (uint64, error) {
	var id uint64
	err := atomic(ctx, func(ctx sdk.Context) error {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		ct, st, err := k.AccruedType(ctx, collateral.Denom)
		if err != nil {
			return err
		}
		if err := k.checkOpen(ctx, params, ct); err != nil {
			return err
		}
		if id, err = k.NextVaultID.Next(ctx); err != nil {
			return err
		}
		v := types.Vault{
			Id: id, Owner: owner.String(), CollateralType: ct.Denom, Collateral: collateral.Amount,
			NormalizedDebt: sdkmath.ZeroInt(), LCollateralSnapshot: st.LCollateral, LDebtSnapshot: st.LDebt,
		}
		if err := k.take(ctx, owner, ct.Denom, collateral.Amount); err != nil {
			return err
		}
		st.Collateral = st.Collateral.Add(collateral.Amount)
		if err := k.mintTo(ctx, owner, &v, &st, mint); err != nil {
			return err
		}
		if err := k.checkRisk(ctx, params, ct, st, v, mint.IsPositive()); err != nil {
			return err
		}
		if err := k.VaultsByOwner.Set(ctx, collections.Join(owner, id)); err != nil {
			return err
		}
		if err := k.saveVault(ctx, nil, v, st); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventVaultOpened{VaultId: id, Owner: owner.String(), Collateral: collateral, Minted: mint})
	})
	return id, err
}

// update loads a vault, lets change modify it and its type's state, stores
// both and emits EventVaultUpdated. change returns the amount for the event.
func (k Keeper) update(ctx context.Context, id uint64, action string, sender sdk.AccAddress,
	change func(ctx sdk.Context, params types.Params, ct types.CollateralType, st *types.CollateralState, v *types.Vault) (sdkmath.Int, error),
) (sdkmath.Int, error) {
	var amount sdkmath.Int
	err := atomic(ctx, func(ctx sdk.Context) error {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		stored, v, ct, st, err := k.loadVault(ctx, id)
		if err != nil {
			return err
		}
		if amount, err = change(ctx, params, ct, &st, &v); err != nil {
			return err
		}
		if err := k.saveVault(ctx, &stored, v, st); err != nil {
			return err
		}
		debt, err := vaultDebt(v, st)
		if err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventVaultUpdated{
			VaultId: id, Action: action, Sender: sender.String(), Amount: amount, Collateral: v.Collateral, Debt: debt,
		})
	})
	return amount, err
}

// Deposit adds collateral to any vault; always open (it only lowers risk).
func (k Keeper) Deposit(ctx context.Context, sender sdk.AccAddress, id uint64, amount sdkmath.Int) error {
	_, err := k.update(ctx, id, "deposit", sender, func(ctx sdk.Context, _ types.Params, ct types.CollateralType, st *types.CollateralState, v *types.Vault) (sdkmath.Int, error) {
		if err := k.take(ctx, sender, ct.Denom, amount); err != nil {
			return amount, err
		}
		v.Collateral = v.Collateral.Add(amount)
		st.Collateral = st.Collateral.Add(amount)
		return amount, nil
	})
	return err
}

// Withdraw takes collateral out of the owner's vault; the vault must stay
// at or above its MCR (fails closed without a price).
func (k Keeper) Withdraw(ctx context.Context, owner sdk.AccAddress, id uint64, amount sdkmath.Int) error {
	_, err := k.update(ctx, id, "withdraw", owner, func(ctx sdk.Context, params types.Params, ct types.CollateralType, st *types.CollateralState, v *types.Vault) (sdkmath.Int, error) {
		if err := checkOwner(*v, owner); err != nil {
			return amount, err
		}
		if v.Collateral.LT(amount) {
			return amount, errorsmod.Wrapf(types.ErrInsufficientCollat, "vault %d holds %s%s, cannot withdraw %s", v.Id, v.Collateral, ct.Denom, amount)
		}
		v.Collateral = v.Collateral.Sub(amount)
		st.Collateral = st.Collateral.Sub(amount)
		if err := k.checkRisk(ctx, params, ct, *st, *v, false); err != nil {
			return amount, err
		}
		return amount, k.pay(ctx, owner, ct.Denom, amount)
	})
	return err
}

// Mint mints AUSD against the owner's vault within the MCR, the floor and
// the ceilings.
func (k Keeper) Mint(ctx context.Context, owner sdk.AccAddress, id uint64, amount sdkmath.Int) error {
	_, err := k.update(ctx, id, "mint", owner, func(ctx sdk.Context, params types.Params, ct types.CollateralType, st *types.CollateralState, v *types.Vault) (sdkmath.Int, error) {
		if err := checkOwner(*v, owner); err != nil {
			return amount, err
		}
		if err := k.checkOpen(ctx, params, ct); err != nil {
			return amount, err
		}
		if err := k.mintTo(ctx, owner, v, st, amount); err != nil {
			return amount, err
		}
		return amount, k.checkRisk(ctx, params, ct, *st, *v, true)
	})
	return err
}

// repayFrom burns up to amount of payer's uausd against v's debt (all: the
// whole debt) and returns what it took: never more than owed; a partial
// repayment must leave at least the debt floor.
func (k Keeper) repayFrom(ctx sdk.Context, payer sdk.AccAddress, ct types.CollateralType, st *types.CollateralState, v *types.Vault, amount sdkmath.Int, all bool) (sdkmath.Int, error) {
	debt, err := vaultDebt(*v, *st)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if !debt.IsPositive() {
		return sdkmath.Int{}, errorsmod.Wrapf(types.ErrNoDebt, "vault %d owes nothing", v.Id)
	}
	pay := sdkmath.MinInt(amount, debt)
	if all {
		pay = debt
	}
	retire := v.NormalizedDebt
	if pay.LT(debt) {
		if left := debt.Sub(pay); left.LT(ct.DebtFloor) {
			return sdkmath.Int{}, errorsmod.Wrapf(types.ErrDebtFloor, "repaying %suausd of %suausd would leave %suausd, below the %suausd debt floor; repay all (--all) or less",
				pay, debt, left, ct.DebtFloor)
		}
		if retire, err = risk.ScaledDebtDown(pay, st.Rate); err != nil {
			return sdkmath.Int{}, errorsmod.Wrapf(types.ErrMath, "%s", err)
		}
		retire = sdkmath.MinInt(retire, v.NormalizedDebt)
	}
	if err := k.take(ctx, payer, types.StableDenom, pay); err != nil {
		return sdkmath.Int{}, err
	}
	if err := k.burnStable(ctx, pay); err != nil {
		return sdkmath.Int{}, err
	}
	v.NormalizedDebt = v.NormalizedDebt.Sub(retire)
	st.NormalizedDebt = st.NormalizedDebt.Sub(retire)
	return pay, k.sync(ctx, st, st.Issued.Sub(pay))
}

// Repay burns the sender's AUSD against any vault's debt; always open.
func (k Keeper) Repay(ctx context.Context, sender sdk.AccAddress, id uint64, amount sdkmath.Int, all bool) (sdkmath.Int, error) {
	return k.update(ctx, id, "repay", sender, func(ctx sdk.Context, _ types.Params, ct types.CollateralType, st *types.CollateralState, v *types.Vault) (sdkmath.Int, error) {
		return k.repayFrom(ctx, sender, ct, st, v, amount, all)
	})
}

// CloseVault repays the whole debt from the owner and returns all the
// collateral; always open.
func (k Keeper) CloseVault(ctx context.Context, owner sdk.AccAddress, id uint64) (sdkmath.Int, sdk.Coin, error) {
	repaid, returned := sdkmath.ZeroInt(), sdk.Coin{}
	err := atomic(ctx, func(ctx sdk.Context) error {
		stored, v, ct, st, err := k.loadVault(ctx, id)
		if err != nil {
			return err
		}
		if err := checkOwner(v, owner); err != nil {
			return err
		}
		if v.NormalizedDebt.IsPositive() {
			if repaid, err = k.repayFrom(ctx, owner, ct, &st, &v, sdkmath.ZeroInt(), true); err != nil {
				return err
			}
		}
		returned = sdk.NewCoin(ct.Denom, v.Collateral)
		st.Collateral = st.Collateral.Sub(v.Collateral)
		if err := k.pay(ctx, owner, ct.Denom, v.Collateral); err != nil {
			return err
		}
		if err := k.removeVault(ctx, stored); err != nil {
			return err
		}
		if err := k.CollateralStates.Set(ctx, st.Denom, st); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventVaultClosed{VaultId: id, Owner: owner.String(), Repaid: repaid, Returned: returned})
	})
	return repaid, returned, err
}

// TransferVault makes newOwner the owner of the vault.
func (k Keeper) TransferVault(ctx context.Context, owner sdk.AccAddress, id uint64, newOwner sdk.AccAddress) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		v, err := k.storedVault(ctx, id)
		if err != nil {
			return err
		}
		if err := checkOwner(v, owner); err != nil {
			return err
		}
		if err := k.VaultsByOwner.Remove(ctx, collections.Join(owner, id)); err != nil {
			return err
		}
		if err := k.VaultsByOwner.Set(ctx, collections.Join(newOwner, id)); err != nil {
			return err
		}
		v.Owner = newOwner.String()
		if err := k.Vaults.Set(ctx, id, v); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventVaultTransferred{VaultId: id, From: owner.String(), To: newOwner.String()})
	})
}
