package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
	"github.com/agora-labs/agora/x/oracle/types"
)

// Price returns a pair's current price with its age. The error is
// ErrUnknownPair for a pair that is not listed, ErrPriceNotFound when no
// price was ever recorded and ErrPriceStale (with the price still filled
// in) when it is older than max_price_age_blocks.
func (k Keeper) Price(ctx context.Context, pair string) (types.CurrentPrice, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return types.CurrentPrice{}, err
	}
	return k.price(ctx, params, pair)
}

func (k Keeper) price(ctx context.Context, params types.Params, pair string) (types.CurrentPrice, error) {
	if _, ok := params.Pair(pair); !ok {
		return types.CurrentPrice{}, errorsmod.Wrapf(types.ErrUnknownPair, "%q", pair)
	}
	rec, err := k.Prices.Get(ctx, pair)
	if errors.Is(err, collections.ErrNotFound) {
		return types.CurrentPrice{}, errorsmod.Wrapf(types.ErrPriceNotFound, "%s", pair)
	}
	if err != nil {
		return types.CurrentPrice{}, err
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	cur := types.CurrentPrice{
		Pair: pair, Price: rec.Price, UpdatedHeight: rec.UpdatedHeight, UpdatedTime: rec.UpdatedTime,
		AgeBlocks: height - rec.UpdatedHeight,
	}
	if oraclemath.IsStale(rec.UpdatedHeight, height, int64(params.MaxPriceAgeBlocks)) {
		return cur, errorsmod.Wrapf(types.ErrPriceStale, "%s was last updated %d blocks ago (max %d)",
			pair, cur.AgeBlocks, params.MaxPriceAgeBlocks)
	}
	return cur, nil
}

// CollateralPrice is the price to value collateral with: the lowest of the
// current price, the historic median (when the window has samples) and the
// DEX guard TWAP (when the pair has a guard). It fails when the current
// price is missing or stale, and fails closed (ErrGuardUnavailable) when
// the pair has a guard whose TWAP cannot be computed.
func (k Keeper) CollateralPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error) {
	return k.guardedPrice(ctx, pair, oraclemath.CollateralPrice)
}

// DebtPrice is the price to value debt with: the highest of the same
// inputs as CollateralPrice, failing in the same cases.
func (k Keeper) DebtPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error) {
	return k.guardedPrice(ctx, pair, oraclemath.DebtPrice)
}

func (k Keeper) guardedPrice(ctx context.Context, pairName string,
	pick func(current, historicMedian sdkmath.LegacyDec, twap *sdkmath.LegacyDec) sdkmath.LegacyDec,
) (sdkmath.LegacyDec, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	cur, err := k.price(ctx, params, pairName)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	historic := sdkmath.LegacyDec{} // none yet: the window has no samples
	hm, err := k.HistoricMedians.Get(ctx, pairName)
	switch {
	case err == nil:
		historic = hm.Median
	case !errors.Is(err, collections.ErrNotFound):
		return sdkmath.LegacyDec{}, err
	}
	pair, _ := params.Pair(pairName) // listed: price checked it
	twap, err := k.GuardPrice(ctx, params, pair)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return pick(cur.Price, historic, twap), nil
}
