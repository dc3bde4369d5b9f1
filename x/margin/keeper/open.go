package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// OpenPosition opens a position (see README, Opening):
//
//	long:  borrow ⌊m·(L−1)⌋ quote, buy the base with m plus that, hold it;
//	short: borrow ⌊m·q·L/p⌋ base, sell it, hold m plus the proceeds (quote).
//
// Refused (nothing changes) when the module or pair is paused, the margin is
// not the pair's quote, the leverage is above the pair's maximum, the
// deadline passed, a price is unavailable, x/lend refuses the borrow (cash,
// caps, paused market), the fill is worse than the price limit, the open
// interest would pass the side's cap, the dex could not unwind the position
// within the pair's max slippage (the JELLY check), or the position would
// start below maintenance margin.
func (k Keeper) OpenPosition(ctx context.Context, msg *types.MsgOpenPosition) (types.Position, error) {
	var pos types.Position
	err := atomic(ctx, func(ctx sdk.Context) error {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		pair, err := k.GetPair(ctx, msg.Pair)
		if err != nil {
			return err
		}
		if params.Paused || pair.Paused {
			return errorsmod.Wrapf(types.ErrPaused, "opening in %s is paused; closing and adding margin still work", msg.Pair)
		}
		if msg.Margin.Denom != pair.QuoteDenom {
			return errorsmod.Wrapf(types.ErrWrongDenom, "margin of %s is paid in %s, not %s", msg.Pair, pair.QuoteDenom, msg.Margin.Denom)
		}
		if msg.Leverage.GT(pair.MaxLeverage) {
			return errorsmod.Wrapf(types.ErrInvalidLeverage, "leverage %s is above %s's maximum %s", msg.Leverage, msg.Pair, pair.MaxLeverage)
		}
		if msg.Deadline > 0 && ctx.BlockTime().Unix() > msg.Deadline {
			return errorsmod.Wrapf(types.ErrDeadlineExpired, "deadline %d passed (block time %d)", msg.Deadline, ctx.BlockTime().Unix())
		}
		pp, err := k.prices(ctx, pair)
		if err != nil {
			return err
		}
		owner, err := sdk.AccAddressFromBech32(msg.Owner)
		if err != nil {
			return errorsmod.Wrapf(types.ErrInvalidAddress, "owner: %v", err)
		}
		id, err := k.NextID.Next(ctx)
		if err != nil {
			return err
		}
		acct := types.PositionAccount(id)
		if err := k.lend.RegisterManaged(ctx, acct, types.ModuleName); err != nil {
			return err
		}
		if err := k.bank.SendCoinsFromAccountToModule(ctx, owner, types.ModuleName, sdk.NewCoins(msg.Margin)); err != nil {
			return err
		}
		pos = types.Position{
			Id: id, Owner: msg.Owner, Pair: msg.Pair, Side: msg.Side, Account: acct.String(),
			Margin: msg.Margin.Amount, OpenedHeight: ctx.BlockHeight(),
			TakeProfit: sdkmath.LegacyZeroDec(), StopLoss: sdkmath.LegacyZeroDec(), TriggerPriceLimit: sdkmath.LegacyZeroDec(),
		}
		var borrowed sdk.Coin
		if msg.Side == types.SIDE_LONG {
			borrowed = sdk.NewCoin(pair.QuoteDenom, types.LongBorrow(msg.Margin.Amount, msg.Leverage))
		} else {
			borrowed = sdk.NewCoin(pair.BaseDenom, types.ShortBorrow(msg.Margin.Amount, msg.Leverage, pp.QuoteColl, pp.BaseDebt))
			if !borrowed.IsPositive() {
				return errorsmod.Wrapf(types.ErrInvalidAmount, "a short of %s borrows no %s; open with more margin", msg.Margin, pair.BaseDenom)
			}
		}
		if borrowed.IsPositive() {
			if err := k.lend.ManagedBorrow(ctx, types.ModuleName, acct, borrowed); err != nil {
				return err
			}
			if err := k.bank.SendCoinsFromAccountToModule(ctx, acct, types.ModuleName, sdk.NewCoins(borrowed)); err != nil {
				return err
			}
		}
		if msg.Side == types.SIDE_LONG {
			spend := sdk.NewCoin(pair.QuoteDenom, msg.Margin.Amount.Add(borrowed.Amount))
			got, err := k.swapIn(ctx, spend, pair.BaseDenom, func(out sdkmath.Int) error {
				fill := types.WholePrice(spend.Amount, out, pp.QuoteDecimals, pp.BaseDecimals)
				if msg.PriceLimit.IsPositive() && fill.GT(msg.PriceLimit) {
					return errorsmod.Wrapf(types.ErrPriceLimit, "buying with %s pays %s%s, a price of %s above your limit %s", spend, out, pair.BaseDenom, fill, msg.PriceLimit)
				}
				return nil
			})
			if err != nil {
				return err
			}
			pos.Holdings = sdk.NewCoin(pair.BaseDenom, got)
			pos.BaseSize = got
			pos.EntryPrice = types.WholePrice(spend.Amount, got, pp.QuoteDecimals, pp.BaseDecimals)
		} else {
			got, err := k.swapIn(ctx, borrowed, pair.QuoteDenom, func(out sdkmath.Int) error {
				fill := types.WholePrice(out, borrowed.Amount, pp.QuoteDecimals, pp.BaseDecimals)
				if msg.PriceLimit.IsPositive() && fill.LT(msg.PriceLimit) {
					return errorsmod.Wrapf(types.ErrPriceLimit, "selling %s pays %s%s, a price of %s below your limit %s", borrowed, out, pair.QuoteDenom, fill, msg.PriceLimit)
				}
				return nil
			})
			if err != nil {
				return err
			}
			pos.Holdings = sdk.NewCoin(pair.QuoteDenom, msg.Margin.Amount.Add(got))
			pos.BaseSize = borrowed.Amount
			pos.EntryPrice = types.WholePrice(got, borrowed.Amount, pp.QuoteDecimals, pp.BaseDecimals)
		}
		if err := checkOpenSlippage(pair, msg.Side, pos.EntryPrice, pp.Price); err != nil {
			return err
		}
		if err := k.checkOpenInterest(ctx, pair, msg.Side, pos.BaseSize); err != nil {
			return err
		}
		if pos.ScaledDebt, err = k.lend.ScaledDebtOf(ctx, acct, pair.DebtDenom(msg.Side)); err != nil {
			return err
		}
		v, debt, err := k.value(ctx, pos, pair, pp)
		if err != nil {
			return err
		}
		if err := k.checkDepth(ctx, pos, pair, pp, debt); err != nil {
			return err
		}
		if v.Liquidatable(pair.MaintenanceMargin) {
			return errorsmod.Wrapf(types.ErrBelowMaintenance, "after the fills the margin ratio would be %s, below %s's maintenance margin %s; use less leverage",
				v.MarginRatio, msg.Pair, pair.MaintenanceMargin)
		}
		if err := k.addOpenInterest(ctx, pair.ID(), msg.Side, pos.BaseSize); err != nil {
			return err
		}
		if err := k.savePosition(ctx, pos); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventPositionOpened{Position: pos, Borrowed: borrowed})
	})
	return pos, err
}

// swapIn sells tokenIn for denomOut along the best route from the module
// account; check sees the simulated output first (a price limit).
func (k Keeper) swapIn(ctx context.Context, tokenIn sdk.Coin, denomOut string, check func(out sdkmath.Int) error) (sdkmath.Int, error) {
	res, route, err := k.dex.BestRoute(ctx, tokenIn, denomOut)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if err := check(res.TokenOut.Amount); err != nil {
		return sdkmath.Int{}, err
	}
	done, err := k.dex.SwapExactIn(ctx, k.moduleAddr, route, tokenIn, res.TokenOut.Amount)
	if err != nil {
		return sdkmath.Int{}, err
	}
	return done.TokenOut.Amount, nil
}

// checkOpenInterest refuses a size that takes a side over its cap.
func (k Keeper) checkOpenInterest(ctx context.Context, pair types.MarginPair, side types.Side, size sdkmath.Int) error {
	oi, err := k.GetOpenInterest(ctx, pair.ID())
	if err != nil {
		return err
	}
	cur, capacity := oi.Long, pair.MaxOpenInterestLong
	if side == types.SIDE_SHORT {
		cur, capacity = oi.Short, pair.MaxOpenInterestShort
	}
	if cur.Add(size).GT(capacity) {
		return errorsmod.Wrapf(types.ErrOpenInterestCap, "a %s of %s%s would take %s's %s open interest to %s over its cap %s (room %s)",
			side.Word(), size, pair.BaseDenom, pair.ID(), side.Word(), cur.Add(size), capacity, sdkmath.MaxInt(capacity.Sub(cur), sdkmath.ZeroInt()))
	}
	return nil
}

// checkDepth (the JELLY lesson): the dex must be able to unwind the whole
// position now within the pair's max slippage of the oracle value — a long
// sells its base for at least (1 − s) × its value, a short buys back its
// debt for at most (1 + s) × its value.
func (k Keeper) checkDepth(ctx context.Context, p types.Position, pair types.MarginPair, pp pairPrices, debt sdkmath.Int) error {
	one := sdkmath.LegacyOneDec()
	if p.Side == types.SIDE_LONG {
		res, _, err := k.dex.BestRoute(ctx, p.Holdings, pair.QuoteDenom)
		if err != nil {
			return errorsmod.Wrapf(types.ErrDepthExceeded, "no dex route unwinds %s: %s", p.Holdings, err)
		}
		got := pp.QuoteDebt.MulInt(res.TokenOut.Amount)
		want := pp.BaseColl.MulInt(p.Holdings.Amount).Mul(one.Sub(pair.MaxSlippage))
		if got.LT(want) {
			return errorsmod.Wrapf(types.ErrDepthExceeded, "unwinding %s would pay %s, worth %s USD, less than %s USD (oracle value less %s); the pool is too thin for this size",
				p.Holdings, res.TokenOut, got, want, pair.MaxSlippage)
		}
		return nil
	}
	if !debt.IsPositive() {
		return nil
	}
	_, route, err := k.dex.BestRoute(ctx, p.Holdings, pair.BaseDenom)
	if err != nil {
		return errorsmod.Wrapf(types.ErrDepthExceeded, "no dex route buys back %s%s: %s", debt, pair.BaseDenom, err)
	}
	res, err := k.dex.SimulateSwapExactOut(ctx, route, pair.QuoteDenom, sdk.NewCoin(pair.BaseDenom, debt))
	if err != nil {
		return errorsmod.Wrapf(types.ErrDepthExceeded, "the dex cannot buy back %s%s: %s", debt, pair.BaseDenom, err)
	}
	cost := pp.QuoteColl.MulInt(res.TokenIn.Amount)
	most := pp.BaseDebt.MulInt(debt).Mul(one.Add(pair.MaxSlippage))
	if cost.GT(most) {
		return errorsmod.Wrapf(types.ErrDepthExceeded, "buying back %s%s would cost %s, worth %s USD, more than %s USD (oracle value plus %s); the pool is too thin for this size",
			debt, pair.BaseDenom, res.TokenIn, cost, most, pair.MaxSlippage)
	}
	return nil
}

// checkOpenSlippage (the JELLY lesson, first half): the open's own fill may
// not be further than the pair's max slippage from the oracle price — a
// position the pool cannot take within it is too big for the pool.
func checkOpenSlippage(pair types.MarginPair, side types.Side, fill, oracle sdkmath.LegacyDec) error {
	one := sdkmath.LegacyOneDec()
	if side == types.SIDE_LONG {
		if most := oracle.Mul(one.Add(pair.MaxSlippage)); fill.GT(most) {
			return errorsmod.Wrapf(types.ErrDepthExceeded, "the open fills at %s, more than %s (the oracle price %s plus %s); the pool is too thin for this size",
				fill, most, oracle, pair.MaxSlippage)
		}
		return nil
	}
	if least := oracle.Mul(one.Sub(pair.MaxSlippage)); fill.LT(least) {
		return errorsmod.Wrapf(types.ErrDepthExceeded, "the open fills at %s, less than %s (the oracle price %s less %s); the pool is too thin for this size",
			fill, least, oracle, pair.MaxSlippage)
	}
	return nil
}
