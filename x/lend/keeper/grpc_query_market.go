package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/lend/types"
)

// marketInfoNow describes a market as of the current block: its state
// accrued to the block time and the oracle prices it values collateral and
// debt at. A price the oracle cannot give is reported, not fatal: the
// query still answers, with a zero price and price_error saying why.
func (k Keeper) marketInfoNow(ctx context.Context, denom string) (types.MarketInfo, error) {
	m, s, err := k.AccruedMarket(ctx, denom)
	if err != nil {
		return types.MarketInfo{}, err
	}
	info, err := MarketInfo(m, s)
	if err != nil {
		return types.MarketInfo{}, err
	}
	info.CollateralPrice, info.DebtPrice = sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec()
	coll, err := k.oracle.CollateralPrice(ctx, m.OraclePair)
	if err != nil {
		info.PriceError = priceError(m, err).Error()
		return info, nil
	}
	debt, err := k.oracle.DebtPrice(ctx, m.OraclePair)
	if err != nil {
		info.PriceError = priceError(m, err).Error()
		return info, nil
	}
	info.CollateralPrice, info.DebtPrice = coll, debt
	return info, nil
}
