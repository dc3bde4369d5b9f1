package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

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
