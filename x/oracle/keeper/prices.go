package keeper

import (
	"context"
	"errors"
	"math/big"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
	"github.com/agora-labs/agora/x/oracle/types"
)

// CurrentPrice is a pair's stored price and how old it is.
type CurrentPrice struct {
	Pair          string
	Price         sdkmath.LegacyDec
	UpdatedHeight int64
	UpdatedTime   time.Time
	AgeBlocks     int64
}

// Price returns a pair's current price with its age. The error is
// ErrUnknownPair for a pair that is not listed, ErrPriceNotFound when no
// price was ever recorded and ErrPriceStale (with the price still filled
// in) when it is older than max_price_age_blocks.
func (k Keeper) Price(ctx context.Context, pair string) (CurrentPrice, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return CurrentPrice{}, err
	}
	return k.price(ctx, params, pair)
}

func (k Keeper) price(ctx context.Context, params types.Params, pair string) (CurrentPrice, error) {
	if _, ok := params.Pair(pair); !ok {
		return CurrentPrice{}, errorsmod.Wrapf(types.ErrUnknownPair, "%q", pair)
	}
	rec, err := k.Prices.Get(ctx, pair)
	if errors.Is(err, collections.ErrNotFound) {
		return CurrentPrice{}, errorsmod.Wrapf(types.ErrPriceNotFound, "%s", pair)
	}
	if err != nil {
		return CurrentPrice{}, err
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	cur := CurrentPrice{
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
// current price, the historic median and the DEX TWAP, each where
// available. It fails when the current price is missing or stale.
func (k Keeper) CollateralPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error) {
	return k.guardedPrice(ctx, pair, oraclemath.CollateralPrice)
}

// DebtPrice is the price to value debt with: the highest of the same
// inputs as CollateralPrice.
func (k Keeper) DebtPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error) {
	return k.guardedPrice(ctx, pair, oraclemath.DebtPrice)
}

func (k Keeper) guardedPrice(ctx context.Context, pair string,
	pick func(current, historicMedian sdkmath.LegacyDec, twap *sdkmath.LegacyDec) sdkmath.LegacyDec,
) (sdkmath.LegacyDec, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	cur, err := k.price(ctx, params, pair)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	historic := sdkmath.LegacyDec{}
	if hm, err := k.HistoricMedians.Get(ctx, pair); err == nil {
		historic = hm.Median
	}
	return pick(cur.Price, historic, k.twapPrice(ctx, params, pair)), nil
}

// twapPrice converts the DEX TWAP of the pair's denom against
// twap_quote_denom into a price per whole unit:
//
//	price = twap × 10^(pair decimals) / 10^(quote decimals)
//
// It returns nil when there is no DEX keeper, the guard is disabled, the
// pair's denom is the quote denom itself, or the DEX has no TWAP.
func (k Keeper) twapPrice(ctx context.Context, params types.Params, pairName string) *sdkmath.LegacyDec {
	pair, ok := params.Pair(pairName)
	if k.dex == nil || !ok || params.TwapQuoteDenom == "" || pair.Denom == params.TwapQuoteDenom {
		return nil
	}
	end := sdk.UnwrapSDKContext(ctx).BlockTime()
	start := end.Add(-time.Duration(params.TwapLookbackSeconds) * time.Second)
	twap, err := k.dex.TWAPByDenoms(ctx, pair.Denom, params.TwapQuoteDenom, start, end)
	if err != nil || twap.IsNil() || !twap.IsPositive() {
		return nil
	}
	scaled := scaleDecimals(twap, int64(pair.Decimals)-int64(params.TwapQuoteDecimals))
	if !types.ValidPrice(scaled) {
		return nil
	}
	return &scaled
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
