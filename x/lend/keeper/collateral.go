package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// Collateralize moves free receipts of borrower into its collateral (the
// module holds them). Only markets with collateral_enabled accept it; it
// needs no price and stays open while paused.
func (k Keeper) Collateralize(ctx context.Context, borrower sdk.AccAddress, receipts sdk.Coin) error {
	return atomic(ctx, func(ctx sdk.Context) error { return k.collateralize(ctx, borrower, receipts) })
}

func (k Keeper) collateralize(ctx sdk.Context, borrower sdk.AccAddress, receipts sdk.Coin) error {
	denom, ok := types.UnderlyingOf(receipts.Denom)
	if !ok {
		return errorsmod.Wrapf(types.ErrInvalidAmount, "%s is not a receipt denom (lend/{denom})", receipts.Denom)
	}
	m, err := k.GetMarket(ctx, denom)
	if err != nil {
		return err
	}
	if !m.CollateralEnabled {
		return errorsmod.Wrapf(types.ErrCollateralNotEnabled, "market %s does not accept collateral (collateral_enabled is false)", denom)
	}
	free := k.bank.GetBalance(ctx, borrower, receipts.Denom).Amount
	if free.LT(receipts.Amount) {
		return errorsmod.Wrapf(types.ErrInsufficientReceipts, "collateralizing %s but %s holds %s%s; supply first", receipts, borrower, free, receipts.Denom)
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, borrower, types.ModuleName, sdk.NewCoins(receipts)); err != nil {
		return err
	}
	key := collections.Join(borrower, denom)
	held, err := getAmount(ctx, k.Collateral, key)
	if err != nil {
		return err
	}
	if err := setAmount(ctx, k.Collateral, key, held.Add(receipts.Amount)); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventCollateralize{Borrower: borrower.String(), Receipts: receipts})
}

// Decollateralize moves collateral receipts back to the borrower, refused
// when Σ collateral × LTV < Σ debt afterwards (which needs every price of
// the position when the borrower owes anything).
func (k Keeper) Decollateralize(ctx context.Context, borrower sdk.AccAddress, receipts sdk.Coin) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		denom, ok := types.UnderlyingOf(receipts.Denom)
		if !ok {
			return errorsmod.Wrapf(types.ErrInvalidAmount, "%s is not a receipt denom (lend/{denom})", receipts.Denom)
		}
		if _, err := k.GetMarket(ctx, denom); err != nil {
			return err
		}
		key := collections.Join(borrower, denom)
		held, err := getAmount(ctx, k.Collateral, key)
		if err != nil {
			return err
		}
		if held.LT(receipts.Amount) {
			return errorsmod.Wrapf(types.ErrInsufficientCollateral, "decollateralizing %s but %s has %s%s as collateral", receipts, borrower, held, receipts.Denom)
		}
		if err := setAmount(ctx, k.Collateral, key, held.Sub(receipts.Amount)); err != nil {
			return err
		}
		if err := k.checkBorrowLimit(ctx, borrower, "decollateralizing "+receipts.String()); err != nil {
			return err
		}
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, borrower, sdk.NewCoins(receipts)); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventDecollateralize{Borrower: borrower.String(), Receipts: receipts})
	})
}

// SupplyCollateral supplies amount and collateralizes the receipts minted.
func (k Keeper) SupplyCollateral(ctx context.Context, borrower sdk.AccAddress, amount sdk.Coin) (sdk.Coin, error) {
	var minted sdk.Coin
	err := atomic(ctx, func(ctx sdk.Context) error {
		m, err := k.GetMarket(ctx, amount.Denom)
		if err != nil {
			return err
		}
		if !m.CollateralEnabled {
			return errorsmod.Wrapf(types.ErrCollateralNotEnabled, "market %s does not accept collateral (collateral_enabled is false)", m.Denom)
		}
		if minted, err = k.Supply(ctx, borrower, amount); err != nil {
			return err
		}
		return k.collateralize(ctx, borrower, minted)
	})
	return minted, err
}
