package keeper

import (
	"fmt"
	"strings"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/lend/types"
)

// largest picks, among a position's markets, the one whose amount is worth
// the most at price (ties: the first).
type valued struct {
	market types.Market
	state  types.MarketState
	amount sdkmath.Int // underlying
	held   sdkmath.Int // receipts (collateral only)
	price  sdkmath.LegacyDec
	value  sdkmath.LegacyDec
}

// ProtocolLiquidate liquidates a position below HF 1 on the protocol's own
// account (no liquidator): it sizes the liquidation of the position's
// largest debt against its largest collateral with risk.SizeLiquidation
// (Dutch bonus at the current HF, toward params.target_health_factor),
// redeems the seized receipts for the underlying out of the collateral
// market's cash, sells it on the dex along BestRoute with the lend module
// account as sender for at least oracle value × (1 − max slippage), repays
// the debt with the proceeds and keeps the rest (the bonus) in the repay
// market's reserves. A position left with debt and no collateral is then
// settled as bad debt (SettleBadDebt). Any failure (price unavailable, no
// route, the pool cannot pay the floor, the collateral market is short of
// cash) returns an error and the caller discards every write.
func (k Keeper) ProtocolLiquidate(ctx sdk.Context, params types.Params, borrower sdk.AccAddress, v PositionValues) error {
	collDenoms, debtDenoms, err := k.positionDenoms(ctx, borrower)
	if err != nil {
		return err
	}
	var coll, debt *valued
	for _, d := range collDenoms {
		m, s, err := k.AccruedMarket(ctx, d)
		if err != nil {
			return err
		}
		held, err := getAmount(ctx, k.Collateral, collections.Join(borrower, d))
		if err != nil {
			return err
		}
		amount, err := CollateralUnderlying(s, held)
		if err != nil {
			return err
		}
		p, err := k.collateralPrice(ctx, m)
		if err != nil {
			return err
		}
		c := &valued{market: m, state: s, amount: amount, held: held, price: p, value: p.MulInt(amount)}
		if amount.IsPositive() && (coll == nil || c.value.GT(coll.value)) {
			coll = c
		}
	}
	for _, d := range debtDenoms {
		m, s, err := k.AccruedMarket(ctx, d)
		if err != nil {
			return err
		}
		amount, err := k.Debt(ctx, borrower, d)
		if err != nil {
			return err
		}
		p, err := k.debtPrice(ctx, m)
		if err != nil {
			return err
		}
		c := &valued{market: m, state: s, amount: amount, price: p, value: p.MulInt(amount)}
		if amount.IsPositive() && (debt == nil || c.value.GT(debt.value)) {
			debt = c
		}
	}
	if coll == nil || debt == nil {
		return k.SettleBadDebt(ctx, borrower)
	}
	bonus, err := risk.DutchBonus(coll.market.BonusParams(), v.HealthFactor)
	if err != nil {
		return mapRiskError(err)
	}
	liq, err := risk.SizeLiquidation(risk.LiquidationInput{
		WeightedCollateral: v.WeightedCollateral, TotalDebt: v.Debt,
		DebtAmount: debt.amount, DebtPrice: debt.price, CollateralAmount: coll.amount, CollateralPrice: coll.price,
		LiquidationThreshold: coll.market.LiquidationThreshold, Bonus: bonus,
		ProtocolShare: coll.market.LiquidationProtocolShare, TargetHealthFactor: params.TargetHealthFactor,
		DustValue: debt.market.MinDebtValue, MaxRepay: sdkmath.ZeroInt(),
	})
	if err != nil {
		return mapRiskError(err)
	}
	sale, err := k.saleSize(ctx, params, coll, debt, liq)
	if err != nil {
		return err
	}
	seized := sdk.NewCoin(coll.market.Denom, sale.amount)
	if err := k.redeemCollateral(ctx, borrower, coll, sale.amount); err != nil {
		return err
	}
	minOut := sdk.NewCoin(debt.market.Denom, sale.floor)
	sold, err := k.dex.SwapExactIn(ctx, k.moduleAddr, sale.route, seized, sale.floor)
	if err != nil {
		return errorsmod.Wrapf(types.ErrSaleBelowFloor, "selling %s for at least %s: %s", seized, minOut, err)
	}
	route := sale.route
	out := sold.TokenOut.Amount
	// Repay what the liquidation was sized for, in proportion to what was
	// sold (less if the sale brought less); the rest of the proceeds is the
	// bonus, kept in reserves. When this sale takes the position's last
	// collateral, every unit of the proceeds repays debt first (a bonus
	// kept while debt is written off would only move the loss from reserves
	// to suppliers).
	repay := sdkmath.MinInt(out, sale.repay)
	if sale.amount.Equal(coll.amount) && len(collDenoms) == 1 {
		repay = sdkmath.MinInt(out, debt.amount)
	}
	if err := k.retireDebt(ctx, borrower, debt.market.Denom, repay, debt.amount); err != nil {
		return err
	}
	toReserves := out.Sub(repay)
	if toReserves.IsPositive() {
		s, err := k.MarketStates.Get(ctx, debt.market.Denom)
		if err != nil {
			return err
		}
		s.Cash = s.Cash.Add(toReserves)
		s.Reserves = s.Reserves.Add(toReserves)
		if err := k.MarketStates.Set(ctx, debt.market.Denom, s); err != nil {
			return err
		}
	}
	hops := make([]string, len(route))
	for i, h := range route {
		hops[i] = fmt.Sprint(h.PoolId)
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventProtocolLiquidation{
		Borrower: borrower.String(), Repaid: sdk.NewCoin(debt.market.Denom, repay), Seized: seized,
		SoldFor: sold.TokenOut, MinOut: minOut, ToReserves: sdk.NewCoin(debt.market.Denom, toReserves),
		Route: strings.Join(hops, ","), HealthFactorBefore: v.HealthFactor,
	}); err != nil {
		return err
	}
	return k.SettleBadDebt(ctx, borrower)
}

// redeemCollateral takes seize underlying of borrower's collateral out of
// the market: it burns the receipts that pay for it (⌈seize × supply /
// total⌉, all of them when all is seized) and lowers the market's cash.
// The underlying stays in the module account, ready to be sold.
func (k Keeper) redeemCollateral(ctx sdk.Context, borrower sdk.AccAddress, coll *valued, seize sdkmath.Int) error {
	s := coll.state
	if s.Cash.LT(seize) {
		return errorsmod.Wrapf(types.ErrInsufficientCash, "market %s has %s cash, the liquidation seizes %s",
			coll.market.Denom, s.Cash, seize)
	}
	burn := coll.held
	if seize.LT(coll.amount) {
		total, err := s.Total()
		if err != nil {
			return err
		}
		if burn, err = types.ReceiptsForUnderlying(seize, s.ReceiptSupply, total); err != nil {
			return err
		}
		burn = sdkmath.MinInt(burn, coll.held)
	}
	if err := setAmount(ctx, k.Collateral, collections.Join(borrower, coll.market.Denom), coll.held.Sub(burn)); err != nil {
		return err
	}
	if err := k.bank.BurnCoins(ctx, types.ModuleName, sdk.NewCoins(sdk.NewCoin(types.ReceiptDenom(coll.market.Denom), burn))); err != nil {
		return err
	}
	s.ReceiptSupply = s.ReceiptSupply.Sub(burn)
	s.Cash = s.Cash.Sub(seize)
	return k.MarketStates.Set(ctx, coll.market.Denom, s)
}
