package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// Close reasons (EventPositionClosed.reason).
const (
	ReasonOwner       = "owner"
	ReasonLiquidation = "liquidation"
)

// closeResult is what one unwind moved.
type closeResult struct {
	Sold, Repaid, Penalty, PaidOut, Shortfall, Covered sdk.Coin
	// Debt is the whole debt with interest before the close; Returned a
	// long's base handed back when its slice repaid the whole debt.
	Debt, Returned sdk.Coin
	// Fill is the fill price, quote per base in whole units.
	Fill              sdkmath.LegacyDec
	LendDeficit, Full bool
}

// ClosePosition closes fraction (0 or ≥ 1: all) of the owner's position
// with a price limit (whole units, 0: none) and a deadline. Closing needs
// no oracle price. An owner cannot close a position whose holdings do not
// repay its debt (ErrUnderwater): the module liquidates it.
func (k Keeper) ClosePosition(ctx context.Context, msg *types.MsgClosePosition) (sdk.Coin, error) {
	var res closeResult
	err := atomic(ctx, func(ctx sdk.Context) error {
		var err error
		res, err = k.closePosition(ctx, msg)
		return err
	})
	return res.PaidOut, err
}

// closePosition is ClosePosition's work, writing to ctx (the tx's cached
// context, or SimulateClose's discarded one).
func (k Keeper) closePosition(ctx sdk.Context, msg *types.MsgClosePosition) (closeResult, error) {
	p, err := k.ownedPosition(ctx, msg.Owner, msg.PositionId)
	if err != nil {
		return closeResult{}, err
	}
	if msg.Deadline > 0 && ctx.BlockTime().Unix() > msg.Deadline {
		return closeResult{}, errorsmod.Wrapf(types.ErrDeadlineExpired, "deadline %d passed (block time %d)", msg.Deadline, ctx.BlockTime().Unix())
	}
	frac := msg.Fraction
	if frac.IsZero() {
		frac = sdkmath.LegacyOneDec()
	}
	return k.unwind(ctx, p, frac, msg.PriceLimit, false, ReasonOwner)
}

// unwind closes frac of p: a long sells ⌊X·f⌋ base and repays ⌈D·f⌉; a
// short buys back ⌈D·f⌉ base with at most ⌊Q·f⌋ quote. limit is the worst
// whole-unit fill (long: least, short: most; 0: none). For a liquidation
// the penalty goes to the insurance fund, and on a full close a shortfall
// is paid by the fund, the rest written off in x/lend (ManagedSettle).
func (k Keeper) unwind(ctx sdk.Context, p types.Position, frac, limit sdkmath.LegacyDec, liquidation bool, reason string) (closeResult, error) {
	pair, err := k.GetPair(ctx, p.Pair)
	if err != nil {
		return closeResult{}, err
	}
	bm, err := k.lend.GetMarket(ctx, pair.BaseDenom)
	if err != nil {
		return closeResult{}, err
	}
	qm, err := k.lend.GetMarket(ctx, pair.QuoteDenom)
	if err != nil {
		return closeResult{}, err
	}
	acct := types.PositionAccount(p.Id)
	debtDenom := pair.DebtDenom(p.Side)
	debt, err := k.lend.Debt(ctx, acct, debtDenom)
	if err != nil {
		return closeResult{}, err
	}
	full := frac.GTE(sdkmath.LegacyOneDec())
	rate := sdkmath.LegacyZeroDec()
	if liquidation {
		rate = pair.LiquidationPenalty
	}
	res := closeResult{Full: full, Debt: sdk.NewCoin(debtDenom, debt), Fill: sdkmath.LegacyZeroDec()}
	zeroQ, zeroD := sdk.NewCoin(pair.QuoteDenom, sdkmath.ZeroInt()), sdk.NewCoin(debtDenom, sdkmath.ZeroInt())
	res.Penalty, res.PaidOut, res.Shortfall, res.Covered, res.Repaid = zeroQ, zeroQ, zeroD, zeroQ, zeroD
	res.Returned = sdk.NewCoin(pair.BaseDenom, sdkmath.ZeroInt())
	debtShare := debt
	if !full {
		debtShare = types.Share(debt, frac, true)
	}
	var pay sdkmath.Int // what is repaid to x/lend (by the position and the fund)
	var sizeOut sdkmath.Int

	if p.Side == types.SIDE_LONG {
		sell := p.Holdings.Amount
		if !full {
			sell = types.Share(sell, frac, false)
		}
		if !sell.IsPositive() {
			return res, errorsmod.Wrapf(types.ErrInvalidAmount, "closing %s of position %d sells nothing; close more", frac, p.Id)
		}
		res.Sold = sdk.NewCoin(pair.BaseDenom, sell)
		proceeds, err := k.swapIn(ctx, res.Sold, pair.QuoteDenom, func(out sdkmath.Int) error {
			fill := types.WholePrice(out, sell, qm.Decimals, bm.Decimals)
			if limit.IsPositive() && fill.LT(limit) {
				return errorsmod.Wrapf(types.ErrPriceLimit, "selling %s pays %s%s, a price of %s below the limit %s", res.Sold, out, pair.QuoteDenom, fill, limit)
			}
			if !liquidation && out.LT(debtShare) {
				return errorsmod.Wrapf(types.ErrUnderwater, "selling %s pays %s%s, less than the debt it must repay %s%s; the position will be liquidated",
					res.Sold, out, pair.QuoteDenom, debtShare, pair.QuoteDenom)
			}
			return nil
		})
		if err != nil {
			return res, err
		}
		res.Fill = types.WholePrice(proceeds, sell, qm.Decimals, bm.Decimals)
		penalty, repay, payout, shortfall := types.SplitLongProceeds(proceeds, debtShare, rate)
		res.Penalty, res.PaidOut = sdk.NewCoin(pair.QuoteDenom, penalty), sdk.NewCoin(pair.QuoteDenom, payout)
		pay = repay
		if full && shortfall.IsPositive() {
			res.Shortfall = sdk.NewCoin(debtDenom, shortfall)
			fund, err := k.InsuranceFund(ctx, p.Pair)
			if err != nil {
				return res, err
			}
			cover := sdkmath.MinInt(fund, shortfall)
			res.Covered = sdk.NewCoin(pair.QuoteDenom, cover)
			if err := k.addInsurance(ctx, p.Pair, cover.Neg()); err != nil {
				return res, err
			}
			pay = pay.Add(cover)
		}
		sizeOut = sell
	} else {
		budget := p.Holdings.Amount
		if !full {
			budget = types.Share(budget, frac, false)
		}
		buy := sdk.NewCoin(pair.BaseDenom, debtShare)
		if !buy.IsPositive() || !budget.IsPositive() {
			return res, errorsmod.Wrapf(types.ErrInvalidAmount, "closing %s of position %d buys back nothing; close more", frac, p.Id)
		}
		_, route, err := k.dex.BestRoute(ctx, sdk.NewCoin(pair.QuoteDenom, budget), pair.BaseDenom)
		if err != nil {
			return res, err
		}
		sim, simErr := k.dex.SimulateSwapExactOut(ctx, route, pair.QuoteDenom, buy)
		if simErr == nil && sim.TokenIn.Amount.LTE(budget) {
			cost := sim.TokenIn.Amount
			fill := types.WholePrice(cost, buy.Amount, qm.Decimals, bm.Decimals)
			if limit.IsPositive() && fill.GT(limit) {
				return res, errorsmod.Wrapf(types.ErrPriceLimit, "buying back %s costs %s%s, a price of %s above the limit %s", buy, cost, pair.QuoteDenom, fill, limit)
			}
			if _, err := k.dex.SwapExactOut(ctx, k.moduleAddr, route, pair.QuoteDenom, buy, cost); err != nil {
				return res, err
			}
			res.Fill = fill
			penalty, payout := types.SplitShortLeftover(budget, cost, rate)
			res.Sold = sdk.NewCoin(pair.QuoteDenom, cost)
			res.Penalty, res.PaidOut = sdk.NewCoin(pair.QuoteDenom, penalty), sdk.NewCoin(pair.QuoteDenom, payout)
			pay = buy.Amount
		} else {
			if !liquidation {
				return res, errorsmod.Wrapf(types.ErrUnderwater, "the position's %s%s cannot buy back its debt share %s; the position will be liquidated", budget, pair.QuoteDenom, buy)
			}
			// Under water: every unit of the slice's holdings buys base.
			got, err := k.swapIn(ctx, sdk.NewCoin(pair.QuoteDenom, budget), pair.BaseDenom, func(out sdkmath.Int) error {
				fill := types.WholePrice(budget, out, qm.Decimals, bm.Decimals)
				if limit.IsPositive() && fill.GT(limit) {
					return errorsmod.Wrapf(types.ErrPriceLimit, "buying back with %s%s pays %s%s, a price of %s above the limit %s", budget, pair.QuoteDenom, out, pair.BaseDenom, fill, limit)
				}
				return nil
			})
			if err != nil {
				return res, err
			}
			res.Sold = sdk.NewCoin(pair.QuoteDenom, budget)
			res.Fill = types.WholePrice(budget, got, qm.Decimals, bm.Decimals)
			pay = sdkmath.MinInt(got, debtShare)
			if extra := got.Sub(pay); extra.IsPositive() { // bought more than the share: the owner's
				res.PaidOut = sdk.NewCoin(pair.BaseDenom, extra)
			}
			if full && got.LT(debt) {
				short := debt.Sub(got)
				res.Shortfall = sdk.NewCoin(debtDenom, short)
				bought, spent, err := k.insuranceBuys(ctx, p.Pair, pair, short)
				if err != nil {
					return res, err
				}
				res.Covered = sdk.NewCoin(pair.QuoteDenom, spent)
				pay = pay.Add(bought)
			}
		}
		sizeOut = p.BaseSize
		if !full {
			sizeOut = types.Share(p.BaseSize, frac, false)
		}
	}

	// Repay x/lend: the whole debt, a share of it, or (full close short of
	// the debt) what there is, the rest written off.
	switch {
	case pay.GTE(debt) && debt.IsPositive():
		if _, err := k.lend.Repay(ctx, k.moduleAddr, acct, sdk.NewCoin(debtDenom, debt), true); err != nil {
			return res, err
		}
		pay = debt
	case full && debt.IsPositive():
		if err := k.lend.ManagedSettle(ctx, types.ModuleName, acct, k.moduleAddr, sdk.NewCoin(debtDenom, pay)); err != nil {
			return res, err
		}
		res.LendDeficit = true
	case pay.IsPositive():
		if _, err := k.lend.Repay(ctx, k.moduleAddr, acct, sdk.NewCoin(debtDenom, pay), false); err != nil {
			return res, err
		}
	}
	res.Repaid = sdk.NewCoin(debtDenom, pay)
	if res.Penalty.IsPositive() {
		if err := k.addInsurance(ctx, p.Pair, res.Penalty.Amount); err != nil {
			return res, err
		}
	}
	owner, err := sdk.AccAddressFromBech32(p.Owner)
	if err != nil {
		return res, err
	}
	// A long whose debt is repaid in full by a slice returns the rest of its base too.
	if !full && p.Side == types.SIDE_LONG && debt.IsPositive() && pay.GTE(debt) {
		full, res.Full = true, true
		rest := p.Holdings.Amount.Sub(res.Sold.Amount)
		res.Returned = sdk.NewCoin(pair.BaseDenom, rest)
		if rest.IsPositive() {
			if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, owner, sdk.NewCoins(sdk.NewCoin(pair.BaseDenom, rest))); err != nil {
				return res, err
			}
		}
	}
	if res.PaidOut.IsPositive() {
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, owner, sdk.NewCoins(res.PaidOut)); err != nil {
			return res, err
		}
	}
	if full {
		if err := k.deletePosition(ctx, p); err != nil {
			return res, err
		}
		if err := k.lend.UnregisterManaged(ctx, acct, types.ModuleName); err != nil {
			return res, err
		}
	} else {
		if p.Side == types.SIDE_LONG {
			p.Holdings.Amount = p.Holdings.Amount.Sub(res.Sold.Amount)
		} else {
			p.Holdings.Amount = p.Holdings.Amount.Sub(types.Share(p.Holdings.Amount, frac, false))
		}
		p.BaseSize = p.BaseSize.Sub(sizeOut)
		p.Margin = p.Margin.Sub(types.Share(p.Margin, frac, false))
		if p.ScaledDebt, err = k.lend.ScaledDebtOf(ctx, acct, debtDenom); err != nil {
			return res, err
		}
		if err := k.addOpenInterest(ctx, p.Pair, p.Side, sizeOut.Neg()); err != nil {
			return res, err
		}
		if err := k.savePosition(ctx, p); err != nil {
			return res, err
		}
	}
	return res, ctx.EventManager().EmitTypedEvent(&types.EventPositionClosed{
		PositionId: p.Id, Owner: p.Owner, Reason: reason, Sold: res.Sold, Repaid: res.Repaid, Penalty: res.Penalty,
		PaidOut: res.PaidOut, Shortfall: res.Shortfall, CoveredByInsurance: res.Covered, LendDeficit: res.LendDeficit, Full: res.Full,
	})
}

// insuranceBuys spends the pair's fund (quote) on need base for a short's
// shortfall: exactly need when the fund affords it, else the whole fund.
func (k Keeper) insuranceBuys(ctx sdk.Context, pairID string, pair types.MarginPair, need sdkmath.Int) (bought, spent sdkmath.Int, err error) {
	fund, err := k.InsuranceFund(ctx, pairID)
	if err != nil || !fund.IsPositive() {
		return sdkmath.ZeroInt(), sdkmath.ZeroInt(), err
	}
	_, route, err := k.dex.BestRoute(ctx, sdk.NewCoin(pair.QuoteDenom, fund), pair.BaseDenom)
	if err != nil {
		return sdkmath.ZeroInt(), sdkmath.ZeroInt(), nil // no route: nothing bought, the rest is a lend deficit
	}
	want := sdk.NewCoin(pair.BaseDenom, need)
	if sim, err := k.dex.SimulateSwapExactOut(ctx, route, pair.QuoteDenom, want); err == nil && sim.TokenIn.Amount.LTE(fund) {
		if _, err := k.dex.SwapExactOut(ctx, k.moduleAddr, route, pair.QuoteDenom, want, sim.TokenIn.Amount); err != nil {
			return sdkmath.ZeroInt(), sdkmath.ZeroInt(), err
		}
		return need, sim.TokenIn.Amount, k.addInsurance(ctx, pairID, sim.TokenIn.Amount.Neg())
	}
	done, err := k.dex.SwapExactIn(ctx, k.moduleAddr, route, sdk.NewCoin(pair.QuoteDenom, fund), sdkmath.ZeroInt())
	if err != nil {
		return sdkmath.ZeroInt(), sdkmath.ZeroInt(), err
	}
	return done.TokenOut.Amount, fund, k.addInsurance(ctx, pairID, fund.Neg())
}
