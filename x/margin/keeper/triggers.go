package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// SetTriggers sets the owner's take-profit and stop-loss (0 clears each).
// A non-zero trigger needs the oracle price and must be on its side of it:
// a long's take-profit above the price and stop-loss below, a short's the
// reverse (ErrInvalidTrigger). priceLimit is the worst fill of the close.
func (k Keeper) SetTriggers(ctx context.Context, msg *types.MsgSetTriggers) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		p, err := k.ownedPosition(ctx, msg.Owner, msg.PositionId)
		if err != nil {
			return err
		}
		if msg.TakeProfit.IsPositive() || msg.StopLoss.IsPositive() {
			pair, err := k.GetPair(ctx, p.Pair)
			if err != nil {
				return err
			}
			pp, err := k.prices(ctx, pair)
			if err != nil {
				return err
			}
			if err := checkTriggers(p.Side, msg, pp); err != nil {
				return err
			}
		}
		p.TakeProfit, p.StopLoss, p.TriggerPriceLimit = msg.TakeProfit, msg.StopLoss, msg.PriceLimit
		if err := k.savePosition(ctx, p); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventTriggersSet{PositionId: p.Id, TakeProfit: p.TakeProfit, StopLoss: p.StopLoss})
	})
}

func checkTriggers(side types.Side, msg *types.MsgSetTriggers, pp pairPrices) error {
	tp, sl, price := msg.TakeProfit, msg.StopLoss, pp.Price
	if side == types.SIDE_LONG {
		if tp.IsPositive() && tp.LTE(price) {
			return errorsmod.Wrapf(types.ErrInvalidTrigger, "a long's take-profit %s must be above the price now %s", tp, price)
		}
		if sl.IsPositive() && sl.GTE(price) {
			return errorsmod.Wrapf(types.ErrInvalidTrigger, "a long's stop-loss %s must be below the price now %s", sl, price)
		}
		return nil
	}
	if tp.IsPositive() && tp.GTE(price) {
		return errorsmod.Wrapf(types.ErrInvalidTrigger, "a short's take-profit %s must be below the price now %s", tp, price)
	}
	if sl.IsPositive() && sl.LTE(price) {
		return errorsmod.Wrapf(types.ErrInvalidTrigger, "a short's stop-loss %s must be above the price now %s", sl, price)
	}
	return nil
}

// triggerPreview is what trigger (0: none) does when the oracle price
// reaches it: the position valued at that price (debt as now) and the worst
// fill of its close — the set limit, else the trigger price ∓ max slippage
// (EndBlock uses the oracle price then, which is at or past the trigger).
func (k Keeper) triggerPreview(ctx context.Context, p types.Position, pair types.MarginPair, pp pairPrices,
	trigger, limit sdkmath.LegacyDec, takeProfit bool,
) (types.TriggerPreview, error) {
	zero := sdkmath.LegacyZeroDec()
	out := types.TriggerPreview{Price: zero, PriceLimit: zero, Equity: zero, Pnl: zero}
	if !trigger.IsPositive() {
		return out, nil
	}
	debt, err := k.lend.Debt(ctx, types.PositionAccount(p.Id), pair.DebtDenom(p.Side))
	if err != nil {
		return out, err
	}
	at := types.UnitPrice(trigger, pp.QuoteDebt, pp.QuoteDecimals, pp.BaseDecimals)
	var v types.Valuation
	if p.Side == types.SIDE_LONG {
		v = types.Value(p.Side, p.Holdings.Amount, debt, at, pp.QuoteDebt)
	} else {
		v = types.Value(p.Side, p.Holdings.Amount, debt, pp.QuoteColl, at)
	}
	rises := (p.Side == types.SIDE_LONG) == takeProfit // long TP and short SL fire on a rise
	out.Price, out.Equity, out.Pnl = trigger, v.Equity, v.Equity.Sub(pp.QuoteColl.MulInt(p.Margin))
	out.FiresWhen = "price <= " + trigger.String()
	if rises {
		out.FiresWhen = "price >= " + trigger.String()
	}
	out.PriceLimit = limit
	if !limit.IsPositive() {
		one := sdkmath.LegacyOneDec()
		out.PriceLimit = trigger.Mul(one.Sub(pair.MaxSlippage))
		if p.Side == types.SIDE_SHORT {
			out.PriceLimit = trigger.Mul(one.Add(pair.MaxSlippage))
		}
	}
	return out, nil
}
