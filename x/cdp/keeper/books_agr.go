package keeper

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// The books' AGR legs (EndBlock, after the surplus covered what system
// debt it could): surplus above surplus_buffer buys AGR through the dex and
// burns it; system debt left once the surplus is spent is covered by
// minting AGR and selling it for AUSD through the dex (Maker's flap and
// flop, without auctions). One bounded lot (book_lot) per block; a leg
// fails closed — no price, no route, or the dex paying less than the floor
// (oracle value × (1 − book_max_slippage)) — and is skipped with
// EventBookLegSkipped, moving nothing. Off while agr_oracle_pair is empty
// and after the shutdown.

const (
	legBuyback  = "surplus_buyback"
	legDebtSale = "debt_sale"
)

// agrLegs runs at most one of the two legs (after coverSystemDebt, the
// surplus is 0 or the system debt is).
func (k Keeper) agrLegs(ctx sdk.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	b, err := k.Books.Get(ctx)
	if err != nil {
		return err
	}
	if params.AgrOraclePair == "" || b.Shutdown {
		return nil
	}
	if target := types.DebtSaleLot(b.SystemDebt, b.Surplus, params.BookLot); target.IsPositive() {
		if err := isolated(ctx, func(ctx sdk.Context) error { return k.debtSale(ctx, params, target) }); err != nil {
			k.legSkipped(ctx, legDebtSale, err)
		}
		return nil
	}
	if spend := types.BuybackLot(b.Surplus, params.SurplusBuffer, params.BookLot); spend.IsPositive() {
		if err := isolated(ctx, func(ctx sdk.Context) error { return k.buyback(ctx, params, spend) }); err != nil {
			k.legSkipped(ctx, legBuyback, err)
		}
	}
	return nil
}

// buyback spends spend uausd of the surplus on AGR along the dex's best
// route, for at least types.BuybackFloor at the oracle's collateral price
// of AGR (the lowest of its inputs: the floor asks for the most AGR), and
// burns the AGR bought.
func (k Keeper) buyback(ctx sdk.Context, params types.Params, spend sdkmath.Int) error {
	price, err := k.agrPrice(ctx, params, false)
	if err != nil {
		return err
	}
	floor, err := types.BuybackFloor(spend, price, params.BookMaxSlippage)
	if err != nil {
		return err
	}
	in := sdk.NewCoin(types.StableDenom, spend)
	_, route, err := k.dex.BestRoute(ctx, in, types.AgrDenom)
	if err != nil {
		return err
	}
	res, err := k.dex.SwapExactIn(ctx, k.moduleAddr, route, in, floor)
	if err != nil {
		return err
	}
	got := res.TokenOut.Amount
	if err := k.bank.BurnCoins(ctx, types.ModuleName, sdk.NewCoins(sdk.NewCoin(types.AgrDenom, got))); err != nil {
		return err
	}
	if err := k.updateBooks(ctx, func(b *types.Books) {
		b.Surplus = b.Surplus.Sub(spend)
		b.SurplusSpent, b.AgrBoughtBurned = b.SurplusSpent.Add(spend), b.AgrBoughtBurned.Add(got)
	}); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventSurplusBuyback{AusdSpent: spend, AgrBurned: got, Price: price})
}

// debtSale mints ⌈target at the AGR price⌉ uagr and sells it along the
// dex's best route for at least its value × (1 − book_max_slippage), at the
// oracle's debt price of AGR (the highest of its inputs: the floor asks for
// the most AUSD); the proceeds are burned against system debt, any excess
// is surplus.
func (k Keeper) debtSale(ctx sdk.Context, params types.Params, target sdkmath.Int) error {
	price, err := k.agrPrice(ctx, params, true)
	if err != nil {
		return err
	}
	agr, floor, err := types.DebtSaleAgr(target, price, params.BookMaxSlippage)
	if err != nil {
		return err
	}
	in := sdk.NewCoin(types.AgrDenom, agr)
	if err := k.bank.MintCoins(ctx, types.ModuleName, sdk.NewCoins(in)); err != nil {
		return err
	}
	_, route, err := k.dex.BestRoute(ctx, in, types.StableDenom)
	if err != nil {
		return err
	}
	res, err := k.dex.SwapExactIn(ctx, k.moduleAddr, route, in, floor)
	if err != nil {
		return err
	}
	got := res.TokenOut.Amount
	b, err := k.Books.Get(ctx)
	if err != nil {
		return err
	}
	cover := sdkmath.MinInt(got, b.SystemDebt)
	if err := k.burnStable(ctx, cover); err != nil {
		return err
	}
	b.SystemDebt, b.Surplus = b.SystemDebt.Sub(cover), b.Surplus.Add(got.Sub(cover))
	b.AgrMintedSold, b.AgrSaleProceeds = b.AgrMintedSold.Add(agr), b.AgrSaleProceeds.Add(got)
	if err := k.Books.Set(ctx, b); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventDebtSale{
		AgrMinted: agr, AusdRaised: got, DebtCovered: cover, ToSurplus: got.Sub(cover), Price: price,
	})
}

// agrPrice is AGR's oracle price: the debt price (highest) when selling
// AGR, the collateral price (lowest) when buying it; unavailable → refused.
func (k Keeper) agrPrice(ctx sdk.Context, params types.Params, selling bool) (sdkmath.LegacyDec, error) {
	get := k.oracle.CollateralPrice
	if selling {
		get = k.oracle.DebtPrice
	}
	p, err := get(ctx, params.AgrOraclePair)
	if err != nil {
		return p, errorsmod.Wrapf(types.ErrPriceUnavailable, "price of AGR (%s) is unavailable (%s)", params.AgrOraclePair, err)
	}
	if p.IsNil() || !p.IsPositive() {
		return p, errorsmod.Wrapf(types.ErrPriceUnavailable, "price of AGR (%s) is not positive", params.AgrOraclePair)
	}
	return p, nil
}

func (k Keeper) legSkipped(ctx sdk.Context, leg string, reason error) {
	_ = ctx.EventManager().EmitTypedEvent(&types.EventBookLegSkipped{Leg: leg, Reason: reason.Error()})
	ctx.Logger().Info("cdp book leg skipped", "leg", leg, "reason", reason.Error())
}
