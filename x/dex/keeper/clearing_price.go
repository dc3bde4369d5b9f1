package keeper

import (
	"time"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dexmath "github.com/agora-labs/agora/x/dex/math"
	"github.com/agora-labs/agora/x/dex/types"
)

// The TWAP reads the clearing price once per block (x/dex/README.md,
// "TWAP"): when a pair's batch fills, its uniform price is kept in the
// transient store for both orders of the pair, and EndBlock's TWAP record
// of that pair carries it instead of the pool's spot price after the batch.
// Depths clear in order, so a pair cleared at several depths keeps the last
// one's price (the pool's state the block ends with came from it).

// recordClearingPrice keeps price (of x in y, exact) for the pair (x, y) of
// pool and its inverse for (y, x), each rounded down at 18 decimals. A price
// that does not fit a decimal or rounds to zero is not kept (the TWAP then
// uses the spot price, as for a pool without a batch).
func (k Keeper) recordClearingPrice(ctx sdk.Context, poolID uint64, x, y string, price dexmath.Rate) error {
	if price.Num == nil || price.Den == nil || price.Num.Sign() <= 0 || price.Den.Sign() <= 0 {
		return nil
	}
	xy, err := price.Dec()
	if err != nil || !xy.IsPositive() {
		return nil
	}
	yx, err := dexmath.Rate{Num: price.Den, Den: price.Num}.Dec()
	if err != nil || !yx.IsPositive() {
		return nil
	}
	if err := k.BlockClearingPrices.Set(ctx, collections.Join(poolID, types.TwapPair(x, y)), xy); err != nil {
		return err
	}
	return k.BlockClearingPrices.Set(ctx, collections.Join(poolID, types.TwapPair(y, x)), yx)
}

// twapPrice is the price the TWAP records for (base, quote) of pool p at
// the end of this block: the pair's clearing price if its batch filled in
// this block, else the pool's spot price.
func (k Keeper) twapPrice(ctx sdk.Context, p types.Pool, base, quote string, now time.Time) (sdkmath.LegacyDec, error) {
	price, err := k.BlockClearingPrices.Get(ctx, collections.Join(p.Id, types.TwapPair(base, quote)))
	if err == nil {
		return price, nil
	}
	if !errorsIsNotFound(err) {
		return sdkmath.LegacyDec{}, err
	}
	return p.SpotPrice(base, quote, now)
}
