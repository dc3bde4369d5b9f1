package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// atomic runs fn in a cached context and writes its state (and events)
// only when it succeeds: a refused operation changes nothing, even when a
// keeper method is called outside a transaction.
func atomic(ctx context.Context, fn func(ctx sdk.Context) error) error {
	cache, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	if err := fn(cache); err != nil {
		return err
	}
	write()
	return nil
}

// Supply deposits amount of a market's underlying from supplier and mints
// receipts to it (⌊amount × supply / total⌋; amount itself for the first
// supply). Refused when paused or over the supply cap; needs no price.
func (k Keeper) Supply(ctx context.Context, supplier sdk.AccAddress, amount sdk.Coin) (sdk.Coin, error) {
	var minted sdk.Coin
	err := atomic(ctx, func(ctx sdk.Context) error {
		m, s, err := k.AccruedMarket(ctx, amount.Denom)
		if err != nil {
			return err
		}
		if err := k.checkOpen(ctx, m, "supply"); err != nil {
			return err
		}
		total, err := s.Total()
		if err != nil {
			return err
		}
		if m.SupplyCap.IsPositive() && total.Add(amount.Amount).GT(m.SupplyCap) {
			room := sdkmath.MaxInt(m.SupplyCap.Sub(total), sdkmath.ZeroInt())
			return errorsmod.Wrapf(types.ErrSupplyCapExceeded, "supplying %s would take the market to %s%s over its cap %s%s; at most %s%s can be supplied now",
				amount, total.Add(amount.Amount), m.Denom, m.SupplyCap, m.Denom, room, m.Denom)
		}
		receipts, err := types.ReceiptsForSupply(amount.Amount, s.ReceiptSupply, total)
		if err != nil {
			return err
		}
		if !receipts.IsPositive() {
			return errorsmod.Wrapf(types.ErrInvalidAmount, "supplying %s mints no receipt at the exchange rate %s; supply more",
				amount, types.ExchangeRate(s.ReceiptSupply, total))
		}
		minted = sdk.NewCoin(types.ReceiptDenom(m.Denom), receipts)
		if err := k.bank.SendCoinsFromAccountToModule(ctx, supplier, types.ModuleName, sdk.NewCoins(amount)); err != nil {
			return err
		}
		if err := k.bank.MintCoins(ctx, types.ModuleName, sdk.NewCoins(minted)); err != nil {
			return err
		}
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, supplier, sdk.NewCoins(minted)); err != nil {
			return err
		}
		s.Cash = s.Cash.Add(amount.Amount)
		s.ReceiptSupply = s.ReceiptSupply.Add(receipts)
		if err := k.MarketStates.Set(ctx, m.Denom, s); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventSupply{Supplier: supplier.String(), Amount: amount, Receipts: minted})
	})
	return minted, err
}

// Withdraw burns free receipts of the supplier for underlying. amount is
// in the underlying (receipts burned: ⌈u × supply / total⌉) or in receipts
// (underlying paid: ⌊r × total / supply⌋); with all, every free receipt of
// the market named by amount's denom is burned. Limited by the market's
// cash. Open while paused; needs no price (collateral is not free).
func (k Keeper) Withdraw(ctx context.Context, supplier sdk.AccAddress, amount sdk.Coin, all bool) (withdrawn, burned sdk.Coin, err error) {
	err = atomic(ctx, func(ctx sdk.Context) error {
		denom := amount.Denom
		byReceipts := false
		if u, ok := types.UnderlyingOf(denom); ok {
			denom, byReceipts = u, true
		}
		m, s, err := k.AccruedMarket(ctx, denom)
		if err != nil {
			return err
		}
		total, err := s.Total()
		if err != nil {
			return err
		}
		rDenom := types.ReceiptDenom(m.Denom)
		free := k.bank.GetBalance(ctx, supplier, rDenom).Amount
		var r, u sdkmath.Int
		switch {
		case all:
			r = free
			if r.IsZero() {
				return errorsmod.Wrapf(types.ErrInsufficientReceipts, "%s holds no free %s (collateralized receipts must be decollateralized first)", supplier, rDenom)
			}
			if u, err = types.UnderlyingForReceipts(r, s.ReceiptSupply, total); err != nil {
				return err
			}
		case byReceipts:
			r = amount.Amount
			if u, err = types.UnderlyingForReceipts(r, s.ReceiptSupply, total); err != nil {
				return err
			}
		default:
			u = amount.Amount
			if r, err = types.ReceiptsForUnderlying(u, s.ReceiptSupply, total); err != nil {
				return err
			}
		}
		if r.GT(free) {
			return errorsmod.Wrapf(types.ErrInsufficientReceipts, "withdrawing %s needs %s%s but %s holds %s free (collateralized receipts must be decollateralized first)",
				amount, r, rDenom, supplier, free)
		}
		if !u.IsPositive() {
			return errorsmod.Wrapf(types.ErrInvalidAmount, "%s%s is worth no %s; withdraw more", r, rDenom, m.Denom)
		}
		if u.GT(s.Cash) {
			return errorsmod.Wrapf(types.ErrInsufficientCash, "withdrawing %s%s needs more than the market's cash %s%s (the rest is lent out); try again after repayments",
				u, m.Denom, s.Cash, m.Denom)
		}
		burned = sdk.NewCoin(rDenom, r)
		withdrawn = sdk.NewCoin(m.Denom, u)
		if err := k.bank.SendCoinsFromAccountToModule(ctx, supplier, types.ModuleName, sdk.NewCoins(burned)); err != nil {
			return err
		}
		if err := k.bank.BurnCoins(ctx, types.ModuleName, sdk.NewCoins(burned)); err != nil {
			return err
		}
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, supplier, sdk.NewCoins(withdrawn)); err != nil {
			return err
		}
		s.Cash = s.Cash.Sub(u)
		s.ReceiptSupply = s.ReceiptSupply.Sub(r)
		if err := k.MarketStates.Set(ctx, m.Denom, s); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventWithdraw{Supplier: supplier.String(), Amount: withdrawn, Receipts: burned})
	})
	return withdrawn, burned, err
}
