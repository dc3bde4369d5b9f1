package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// AddMargin adds amount (the pair's quote) to the owner's position: a long
// repays that much of its debt (at most the debt), a short adds it to its
// holdings. Needs no price and works while paused.
func (k Keeper) AddMargin(ctx context.Context, owner string, id uint64, amount sdk.Coin) (sdk.Coin, error) {
	var added sdk.Coin
	err := atomic(ctx, func(ctx sdk.Context) error {
		p, err := k.ownedPosition(ctx, owner, id)
		if err != nil {
			return err
		}
		pair, err := k.GetPair(ctx, p.Pair)
		if err != nil {
			return err
		}
		if amount.Denom != pair.QuoteDenom {
			return errorsmod.Wrapf(types.ErrWrongDenom, "margin of %s is added in %s, not %s", p.Pair, pair.QuoteDenom, amount.Denom)
		}
		from := sdk.MustAccAddressFromBech32(owner)
		acct := types.PositionAccount(p.Id)
		if p.Side == types.SIDE_LONG {
			debt, err := k.lend.Debt(ctx, acct, pair.QuoteDenom)
			if err != nil {
				return err
			}
			if !debt.IsPositive() {
				return errorsmod.Wrapf(types.ErrInvalidAmount, "position %d owes nothing: a long's added margin repays its debt", p.Id)
			}
			if added, err = k.lend.Repay(ctx, from, acct, amount, amount.Amount.GTE(debt)); err != nil {
				return err
			}
			if p.ScaledDebt, err = k.lend.ScaledDebtOf(ctx, acct, pair.QuoteDenom); err != nil {
				return err
			}
		} else {
			if err := k.bank.SendCoinsFromAccountToModule(ctx, from, types.ModuleName, sdk.NewCoins(amount)); err != nil {
				return err
			}
			added = amount
			p.Holdings = p.Holdings.Add(amount)
		}
		p.Margin = p.Margin.Add(added.Amount)
		if err := k.savePosition(ctx, p); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventMarginChanged{PositionId: p.Id, Added: added, Removed: sdk.NewCoin(amount.Denom, sdkmath.ZeroInt())})
	})
	return added, err
}

// RemoveMargin pays amount (quote) out of the owner's position — a long
// borrows it, a short takes it from its holdings — only while the margin
// ratio stays at or above the initial margin (1 / max_leverage) at oracle
// prices. Refused while paused and without a price (it adds risk).
func (k Keeper) RemoveMargin(ctx context.Context, owner string, id uint64, amount sdk.Coin) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		p, err := k.ownedPosition(ctx, owner, id)
		if err != nil {
			return err
		}
		pair, err := k.GetPair(ctx, p.Pair)
		if err != nil {
			return err
		}
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		if params.Paused || pair.Paused {
			return errorsmod.Wrapf(types.ErrPaused, "removing margin in %s is paused", p.Pair)
		}
		if amount.Denom != pair.QuoteDenom {
			return errorsmod.Wrapf(types.ErrWrongDenom, "margin of %s is removed in %s, not %s", p.Pair, pair.QuoteDenom, amount.Denom)
		}
		pp, err := k.prices(ctx, pair)
		if err != nil {
			return err
		}
		acct := types.PositionAccount(p.Id)
		if p.Side == types.SIDE_LONG {
			if err := k.lend.ManagedBorrow(ctx, types.ModuleName, acct, amount); err != nil {
				return err
			}
			if err := k.bank.SendCoinsFromAccountToModule(ctx, acct, types.ModuleName, sdk.NewCoins(amount)); err != nil {
				return err
			}
			if p.ScaledDebt, err = k.lend.ScaledDebtOf(ctx, acct, pair.QuoteDenom); err != nil {
				return err
			}
		} else {
			if amount.Amount.GTE(p.Holdings.Amount) {
				return errorsmod.Wrapf(types.ErrBelowInitialMargin, "removing %s would take all of the position's %s", amount, p.Holdings)
			}
			p.Holdings = p.Holdings.Sub(amount)
		}
		v, _, err := k.value(ctx, p, pair, pp)
		if err != nil {
			return err
		}
		if im := pair.InitialMargin(); v.MarginRatio.LT(im) {
			return errorsmod.Wrapf(types.ErrBelowInitialMargin, "removing %s would leave a margin ratio of %s, below the initial margin %s (max leverage %s)",
				amount, v.MarginRatio, im, pair.MaxLeverage)
		}
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, sdk.MustAccAddressFromBech32(owner), sdk.NewCoins(amount)); err != nil {
			return err
		}
		p.Margin = p.Margin.Sub(amount.Amount)
		if err := k.savePosition(ctx, p); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventMarginChanged{PositionId: p.Id, Added: sdk.NewCoin(amount.Denom, sdkmath.ZeroInt()), Removed: amount})
	})
}

// MaxRemovable is the most RemoveMargin accepts now for p, in the pair's
// quote: types.MaxRemovable's estimate confirmed against RemoveMargin itself
// in discarded contexts (a few runs: the estimate is off by x/lend's
// rounding at most), so the preview and the tx cannot disagree. Errors
// when removing is refused whatever the amount (paused, no price).
func (k Keeper) MaxRemovable(ctx sdk.Context, p types.Position) (sdk.Coin, error) {
	pair, err := k.GetPair(ctx, p.Pair)
	if err != nil {
		return sdk.Coin{}, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return sdk.Coin{}, err
	}
	if params.Paused || pair.Paused {
		return sdk.Coin{}, errorsmod.Wrapf(types.ErrPaused, "removing margin in %s is paused", p.Pair)
	}
	pp, err := k.prices(ctx, pair)
	if err != nil {
		return sdk.Coin{}, err
	}
	v, _, err := k.value(ctx, p, pair, pp)
	if err != nil {
		return sdk.Coin{}, err
	}
	price := pp.QuoteDebt
	if p.Side == types.SIDE_SHORT {
		price = pp.QuoteColl
	}
	ok := func(a sdkmath.Int) bool {
		if !a.IsPositive() {
			return true
		}
		cache, _ := ctx.CacheContext()
		return k.RemoveMargin(cache, p.Owner, p.Id, sdk.NewCoin(pair.QuoteDenom, a)) == nil
	}
	most := searchMax(types.MaxRemovable(p.Side, v, p.Holdings.Amount, price, pair.InitialMargin()), ok)
	return sdk.NewCoin(pair.QuoteDenom, most), nil
}

// searchMax returns the largest a ≥ 0 with ok(a), searching from the
// estimate est outwards (steps 1, 2, 4, …) then bisecting; ok(0) holds and
// ok is taken as monotone (true up to the answer, false beyond).
func searchMax(est sdkmath.Int, ok func(sdkmath.Int) bool) sdkmath.Int {
	zero, one := sdkmath.ZeroInt(), sdkmath.OneInt()
	var lo, hi sdkmath.Int // ok(lo), !ok(hi)
	if ok(est) {
		lo = est
		for step, i := one, 0; ; step, i = step.MulRaw(2), i+1 {
			if i > 128 { // never refused: cannot happen for a real position
				return lo
			}
			next := lo.Add(step)
			if !ok(next) {
				hi = next
				break
			}
			lo = next
		}
	} else {
		hi = est
		for step := one; ; step = step.MulRaw(2) {
			next := hi.Sub(step)
			if !next.IsPositive() {
				lo = zero
				break
			}
			if ok(next) {
				lo = next
				break
			}
			hi = next
		}
	}
	for hi.Sub(lo).GT(one) {
		mid := lo.Add(hi).QuoRaw(2)
		if ok(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}
