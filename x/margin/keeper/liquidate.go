package keeper

import (
	"context"
	"errors"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
	"github.com/agora-labs/agora/x/margin/types"
)

// MaxSliceHalvings bounds the slices a liquidation tries: the whole
// position, then 1/2, 1/4, … 1/64 of it (one slice per block at most).
const MaxSliceHalvings = 6

// LiquidatePosition closes a position below maintenance margin (anyone may
// ask; EndBlock does it unasked). It needs the oracle price (fail closed).
func (k Keeper) LiquidatePosition(ctx context.Context, id uint64) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		p, err := k.GetPosition(ctx, id)
		if err != nil {
			return err
		}
		return k.liquidate(ctx, p)
	})
}

// liquidate sells the position through the dex at no worse than the oracle
// price ∓ the pair's max slippage: all of it if the pool takes it at that
// floor, else the largest of 1/2 … 1/64 that it takes (the rest waits for
// the next block). The penalty goes to the insurance fund; on the last
// slice a shortfall is paid by the fund, then written off in x/lend.
func (k Keeper) liquidate(ctx sdk.Context, p types.Position) error {
	pair, err := k.GetPair(ctx, p.Pair)
	if err != nil {
		return err
	}
	pp, err := k.prices(ctx, pair)
	if err != nil {
		return err
	}
	v, _, err := k.value(ctx, p, pair, pp)
	if err != nil {
		return err
	}
	if !v.Liquidatable(pair.MaintenanceMargin) {
		return errorsmod.Wrapf(types.ErrNotLiquidatable, "position %d has a margin ratio of %s, not below %s's maintenance margin %s",
			p.Id, v.MarginRatio, p.Pair, pair.MaintenanceMargin)
	}
	one := sdkmath.LegacyOneDec()
	limit := pp.Price.Mul(one.Sub(pair.MaxSlippage))
	if p.Side == types.SIDE_SHORT {
		limit = pp.Price.Mul(one.Add(pair.MaxSlippage))
	}
	frac := one
	var last error
	for i := 0; i <= MaxSliceHalvings; i++ {
		cache, write := ctx.CacheContext()
		if _, err := k.unwind(cache, p, frac, limit, true, ReasonLiquidation); err == nil {
			write()
			return k.clearDeferral(ctx, p.Id)
		} else if !retryable(err) {
			return err
		} else {
			last = err
		}
		frac = frac.QuoInt64(2)
	}
	return last
}

// retryable: a smaller slice may succeed (the pool is too thin for this one).
func retryable(err error) bool {
	return errors.Is(err, types.ErrPriceLimit) || errors.Is(err, dextypes.ErrInsufficientLiquidity)
}
