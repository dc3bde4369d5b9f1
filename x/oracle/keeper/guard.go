package keeper

import (
	"context"
	"fmt"
	"math/big"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/oracle/types"
)

// GuardPrice is a pair's DEX guard: the geometric TWAP of the pair's denom
// in its dex_guard_quote_denom, in the governed pool dex_guard_pool_id,
// over the twap_lookback_seconds ending at the block time, converted to a
// price per whole unit:
//
//	price = twap × 10^(pair.decimals − dex_guard_quote_decimals)
//
// It returns (nil, nil) for a pair without a guard. For a pair with one it
// never falls back silently: when the pool is missing or paused, the
// exchange is paused, the pool's records do not cover the lookback or the
// result is not a valid price, it logs, emits EventGuardUnavailable and
// returns ErrGuardUnavailable.
func (k Keeper) GuardPrice(ctx context.Context, params types.Params, pair types.Pair) (*sdkmath.LegacyDec, error) {
	if !pair.HasDexGuard() {
		return nil, nil
	}
	poolID := pair.DexGuardPoolId
	if err := k.dex.CheckPoolActive(ctx, poolID); err != nil {
		return nil, k.guardUnavailable(ctx, pair, err)
	}
	end := sdk.UnwrapSDKContext(ctx).BlockTime()
	start := end.Add(-params.TwapLookback())
	_, geometric, err := k.dex.TWAP(ctx, poolID, pair.Denom, pair.DexGuardQuoteDenom, start, end)
	if err != nil {
		return nil, k.guardUnavailable(ctx, pair, err)
	}
	scaled := scaleDecimals(geometric, int64(pair.Decimals)-int64(pair.DexGuardQuoteDecimals))
	if !types.ValidPrice(scaled) {
		return nil, k.guardUnavailable(ctx, pair, fmt.Errorf("TWAP %v scales to %v, not a valid price", geometric, scaled))
	}
	return &scaled, nil
}

// GuardPriceOf is GuardPrice for the feeder's dextwap provider: the pair is
// named, and its guard must exist and trade exactly base against quote (the
// provider's configured denoms), so the feeder reads the same governed pool
// as the guard and never another one.
func (k Keeper) GuardPriceOf(ctx context.Context, pairName, base, quote string) (sdkmath.LegacyDec, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	pair, ok := params.Pair(pairName)
	if !ok {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrUnknownPair, "%q", pairName)
	}
	if !pair.HasDexGuard() {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrGuardUnavailable, "%s has no dex_guard_pool_id in the oracle params", pairName)
	}
	if pair.Denom != base || pair.DexGuardQuoteDenom != quote {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrGuardUnavailable,
			"%s's guard pool %d trades %s against %s, the feeder is configured with %s against %s",
			pairName, pair.DexGuardPoolId, pair.Denom, pair.DexGuardQuoteDenom, base, quote)
	}
	price, err := k.GuardPrice(ctx, params, pair)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return *price, nil
}

func (k Keeper) guardUnavailable(ctx context.Context, pair types.Pair, cause error) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	k.Logger(sdkCtx).Info("oracle: DEX guard unavailable; refusing to price the pair",
		"pair", pair.Name, "pool", pair.DexGuardPoolId, "err", cause)
	_ = sdkCtx.EventManager().EmitTypedEvent(&types.EventGuardUnavailable{
		Pair: pair.Name, PoolId: pair.DexGuardPoolId, Reason: cause.Error(),
	})
	return errorsmod.Wrapf(types.ErrGuardUnavailable, "%s: guard pool %d (%s/%s): %v",
		pair.Name, pair.DexGuardPoolId, pair.Denom, pair.DexGuardQuoteDenom, cause)
}

// MaxTwapLookback is the governed twap_lookback_seconds: x/dex refuses to
// shrink its twap_window_seconds below it, so the guard's records are never pruned
// while the oracle still needs them.
func (k Keeper) MaxTwapLookback(ctx context.Context) (time.Duration, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	return params.TwapLookback(), nil
}

// checkLookbackFitsWindow refuses params whose twap_lookback_seconds is
// longer than x/dex's twap_window_seconds: such a TWAP could never be covered.
func (k Keeper) checkLookbackFitsWindow(ctx context.Context, params types.Params) error {
	window, err := k.dex.TwapWindow(ctx)
	if err != nil {
		return err
	}
	if lookback := params.TwapLookback(); lookback > window {
		return errorsmod.Wrapf(types.ErrInvalidParams,
			"twap_lookback_seconds %s is longer than x/dex's twap_window_seconds %s", lookback, window)
	}
	return nil
}

// scaleDecimals returns d × 10^exp (exp may be negative; truncates).
func scaleDecimals(d sdkmath.LegacyDec, exp int64) sdkmath.LegacyDec {
	if exp == 0 {
		return d
	}
	abs := exp
	if abs < 0 {
		abs = -abs
	}
	factor := new(big.Int).Exp(big.NewInt(10), big.NewInt(abs), nil)
	i := new(big.Int).Set(d.BigInt())
	if exp > 0 {
		i.Mul(i, factor)
	} else {
		i.Quo(i, factor)
	}
	if i.BitLen() > 300 { // beyond any valid price; avoid a LegacyDec panic
		return sdkmath.LegacyDec{}
	}
	return sdkmath.LegacyNewDecFromBigIntWithPrec(i, sdkmath.LegacyPrecision)
}
