package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

// BeginBlock runs after the oracle's pre-blocker has published this
// block's prices: it checks every synth's price (circuit breaker, staleness,
// volatility), settles the pending exchanges that can settle (oldest first,
// at most max_settlements_per_block examined), and prunes old records. Each
// step runs isolated: an error is emitted as an event and the chain goes on.
func (k Keeper) BeginBlock(ctx context.Context) error {
	sctx := sdk.UnwrapSDKContext(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if err := isolated(sctx, func(c sdk.Context) error { return k.refreshSynths(c, params) }); err != nil {
		k.blockError(sctx, "refresh synths", err)
	}
	if err := k.settlePending(sctx, params); err != nil {
		k.blockError(sctx, "settle", err)
	}
	if err := isolated(sctx, func(c sdk.Context) error { return k.pruneFinished(c, params) }); err != nil {
		k.blockError(sctx, "prune", err)
	}
	return nil
}

func (k Keeper) blockError(ctx sdk.Context, step string, err error) {
	ctx.Logger().Error("x/synth per-block step failed", "step", step, "err", err)
	_ = emit(ctx, &types.EventBlockError{Step: step, Error: err.Error()})
}

// refreshSynths updates each synth's reference price, volatility and
// suspension from the oracle price now (README "Circuit breaker").
func (k Keeper) refreshSynths(ctx sdk.Context, params types.Params) error {
	var synths []types.Synth
	if err := k.Synths.Walk(ctx, nil, func(_ string, s types.Synth) (bool, error) {
		synths = append(synths, s)
		return false, nil
	}); err != nil {
		return err
	}
	for _, s := range synths {
		if s.Symbol == types.USDSymbol {
			continue
		}
		st, err := k.SynthStates.Get(ctx, s.Symbol)
		if err != nil {
			return err
		}
		price, height, perr := k.synthPrice(ctx, s)
		next, events := types.NextSynthState(st, price, height, perr, params)
		for _, ev := range events {
			if err := emit(ctx, ev); err != nil {
				return err
			}
		}
		if err := k.SynthStates.Set(ctx, s.Symbol, next); err != nil {
			return err
		}
	}
	return nil
}

// settlePending examines up to max_settlements_per_block pending exchanges,
// oldest first: each one whose synths have a price published after its
// block settles (or is refunded when min_out or the cap is not met); one
// older than exchange_timeout_blocks is refunded; the others wait.
func (k Keeper) settlePending(ctx sdk.Context, params types.Params) error {
	var ids []uint64
	err := k.Pending.Walk(ctx, nil, func(id uint64) (bool, error) {
		ids = append(ids, id)
		return len(ids) >= int(params.MaxSettlementsPerBlock), nil
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := isolated(ctx, func(c sdk.Context) error { return k.trySettle(c, params, id) }); err != nil {
			k.blockError(ctx, fmt.Sprintf("settle exchange %d", id), err)
		}
	}
	return nil
}

// settlementPrice is a synth's price for an exchange included at height h:
// ready is false while the synth is suspended or paused or its price was
// not published after h (or is stale).
func (k Keeper) settlementPrice(ctx context.Context, denom string, h int64) (types.Synth, types.SynthState, sdkmath.LegacyDec, string, error) {
	sym, _ := types.SymbolOf(denom)
	s, err := k.Synths.Get(ctx, sym)
	if isNotFound(err) {
		return s, types.SynthState{}, sdkmath.LegacyDec{}, denom + " is no longer listed", nil
	}
	if err != nil {
		return s, types.SynthState{}, sdkmath.LegacyDec{}, "", err
	}
	st, err := k.SynthStates.Get(ctx, sym)
	if err != nil {
		return s, st, sdkmath.LegacyDec{}, "", err
	}
	switch {
	case s.Paused:
		return s, st, sdkmath.LegacyDec{}, denom + " is paused", nil
	case st.Suspended:
		return s, st, sdkmath.LegacyDec{}, denom + " is suspended (" + st.SuspendReason + ")", nil
	}
	price, height, err := k.synthPrice(ctx, s)
	if err != nil {
		return s, st, sdkmath.LegacyDec{}, err.Error(), nil
	}
	if s.Symbol != types.USDSymbol && height <= h {
		return s, st, sdkmath.LegacyDec{}, fmt.Sprintf("waiting for a %s price published after block %d", denom, h), nil
	}
	return s, st, price, "", nil
}

// Waiting says what a pending exchange waits for ("" when it can settle now).
func (k Keeper) Waiting(ctx context.Context, ex types.Exchange) (string, error) {
	if ex.Status != types.ExchangeStatus_EXCHANGE_STATUS_PENDING {
		return "", nil
	}
	if ex.BurnDenom != "" {
		if _, err := k.PoolDebt(ctx); err != nil {
			return "a deferred burn waits for the pool debt: " + err.Error(), nil
		}
		return "", nil
	}
	for _, d := range []string{ex.FromDenom, ex.ToDenom} {
		_, _, _, why, err := k.settlementPrice(ctx, d, ex.Height)
		if err != nil || why != "" {
			return why, err
		}
	}
	return "", nil
}

func (k Keeper) trySettle(ctx sdk.Context, params types.Params, id uint64) error {
	ex, err := k.Exchanges.Get(ctx, id)
	if err != nil {
		return err
	}
	if ex.BurnDenom != "" {
		return k.trySettleBurn(ctx, params, ex)
	}
	_, fromSt, fromPrice, whyFrom, err := k.settlementPrice(ctx, ex.FromDenom, ex.Height)
	if err != nil {
		return err
	}
	to, toSt, toPrice, whyTo, err := k.settlementPrice(ctx, ex.ToDenom, ex.Height)
	if err != nil {
		return err
	}
	if whyFrom != "" || whyTo != "" {
		if uint64(ctx.BlockHeight()-ex.Height) > params.ExchangeTimeoutBlocks {
			return k.refund(ctx, ex, fmt.Sprintf("timed out after %d blocks: %s%s", params.ExchangeTimeoutBlocks, whyFrom, whyTo))
		}
		return nil // waits
	}
	rate := types.FeeRate(to.BaseFee, params.DynamicFeeFactor, params.MaxDynamicFee, fromSt.Volatility, toSt.Volatility)
	res, err := types.ExchangeOut(ex.Amount, fromPrice, toPrice, rate)
	if err != nil {
		return err
	}
	if res.Out.LT(ex.MinOut) {
		return k.refund(ctx, ex, fmt.Sprintf("output %s%s is below min_out %s at the settlement prices", res.Out, ex.ToDenom, ex.MinOut))
	}
	if supply := k.bank.GetSupply(ctx, ex.ToDenom).Amount.Add(res.Out); supply.GT(to.SupplyCap) {
		return k.refund(ctx, ex, fmt.Sprintf("%s supply would be %s, cap %s", ex.ToDenom, supply, to.SupplyCap))
	}
	owner, err := sdk.AccAddressFromBech32(ex.Owner)
	if err != nil {
		return err
	}
	if err := k.burn(ctx, ex.FromDenom, ex.Amount); err != nil {
		return err
	}
	if err := k.mint(ctx, ex.ToDenom, res.Out); err != nil {
		return err
	}
	if err := k.pay(ctx, owner, ex.ToDenom, res.Out); err != nil {
		return err
	}
	if err := k.addFees(ctx, res.Fee); err != nil {
		return err
	}
	ex.Out, ex.Fee, ex.FromPrice, ex.ToPrice = res.Out, res.Fee, fromPrice, toPrice
	if err := k.finish(ctx, ex, types.ExchangeStatus_EXCHANGE_STATUS_SETTLED, ""); err != nil {
		return err
	}
	return emit(ctx, &types.EventExchangeSettled{
		Id: ex.Id, Owner: ex.Owner, Out: res.Out, Fee: res.Fee, FeeRate: rate, FromPrice: fromPrice, ToPrice: toPrice,
	})
}

// addFees mints fee synth/USD to the module for the stakers: the fee per
// share grows by fee / S (rounded down).
func (k Keeper) addFees(ctx context.Context, fee sdkmath.Int) error {
	if !fee.IsPositive() {
		return nil
	}
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return err
	}
	if err := k.mint(ctx, types.USDDenom, fee); err != nil {
		return err
	}
	acc, err := types.FeePerShareAfter(pool.FeePerShare, fee, pool.TotalShares)
	if err != nil {
		return err
	}
	pool.FeePerShare = acc
	pool.FeePool = pool.FeePool.Add(fee)
	return k.Pool.Set(ctx, pool)
}

func (k Keeper) refund(ctx sdk.Context, ex types.Exchange, reason string) error {
	owner, err := sdk.AccAddressFromBech32(ex.Owner)
	if err != nil {
		return err
	}
	if err := k.pay(ctx, owner, ex.FromDenom, ex.Amount); err != nil {
		return err
	}
	if err := k.finish(ctx, ex, types.ExchangeStatus_EXCHANGE_STATUS_REFUNDED, reason); err != nil {
		return err
	}
	return emit(ctx, &types.EventExchangeRefunded{Id: ex.Id, Owner: ex.Owner, Amount: ex.Amount, Reason: reason})
}

func (k Keeper) finish(ctx sdk.Context, ex types.Exchange, status types.ExchangeStatus, reason string) error {
	ex.Status, ex.Reason, ex.FinishedHeight = status, reason, ctx.BlockHeight()
	if err := k.Exchanges.Set(ctx, ex.Id, ex); err != nil {
		return err
	}
	if err := k.Pending.Remove(ctx, ex.Id); err != nil {
		return err
	}
	return k.Finished.Set(ctx, collections.Join(ex.FinishedHeight, ex.Id))
}

// pruneFinished deletes finished exchanges older than
// result_retention_blocks, at most max_settlements_per_block per block.
func (k Keeper) pruneFinished(ctx sdk.Context, params types.Params) error {
	cutoff := ctx.BlockHeight() - int64(params.ResultRetentionBlocks)
	var keys []collections.Pair[int64, uint64]
	err := k.Finished.Walk(ctx, nil, func(key collections.Pair[int64, uint64]) (bool, error) {
		if key.K1() >= cutoff {
			return true, nil
		}
		keys = append(keys, key)
		return len(keys) >= int(params.MaxSettlementsPerBlock), nil
	})
	if err != nil {
		return err
	}
	for _, key := range keys {
		ex, err := k.Exchanges.Get(ctx, key.K2())
		if err != nil {
			return err
		}
		owner, err := sdk.AccAddressFromBech32(ex.Owner)
		if err != nil {
			return err
		}
		if err := k.ExchangesByOwner.Remove(ctx, collections.Join(owner, ex.Id)); err != nil {
			return err
		}
		if err := k.Exchanges.Remove(ctx, ex.Id); err != nil {
			return err
		}
		if err := k.Finished.Remove(ctx, key); err != nil {
			return err
		}
	}
	return nil
}

// trySettleBurn burns a deferred burn's escrow against its position once
// the pool debt can be computed: at most the position's debt then (the
// rest, if any, is refunded); refunded whole after the timeout.
func (k Keeper) trySettleBurn(ctx sdk.Context, params types.Params, ex types.Exchange) error {
	d, err := k.PoolDebt(ctx)
	if err != nil {
		if uint64(ctx.BlockHeight()-ex.Height) > params.ExchangeTimeoutBlocks {
			return k.refund(ctx, ex, fmt.Sprintf("deferred burn timed out after %d blocks: %v", params.ExchangeTimeoutBlocks, err))
		}
		return nil
	}
	owner, err := sdk.AccAddressFromBech32(ex.Owner)
	if err != nil {
		return err
	}
	b, err := k.loadBook(ctx, owner, ex.BurnDenom)
	if err != nil {
		return err
	}
	owed, err := b.debt(d)
	if err != nil {
		return err
	}
	amt := sdkmath.MinInt(owed, ex.Amount)
	if _, err := k.burnShares(ctx, b, d, nil, amt); err != nil {
		return err
	}
	if err := k.pay(ctx, owner, types.USDDenom, ex.Amount.Sub(amt)); err != nil {
		return err
	}
	ex.Out = amt
	reason := ""
	if amt.LT(ex.Amount) {
		reason = fmt.Sprintf("the debt was %s: %s refunded", owed, ex.Amount.Sub(amt))
	}
	return k.finish(ctx, ex, types.ExchangeStatus_EXCHANGE_STATUS_SETTLED, reason)
}
