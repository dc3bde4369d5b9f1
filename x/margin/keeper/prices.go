package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	lendtypes "github.com/agora-labs/agora/x/lend/types"
	"github.com/agora-labs/agora/x/margin/types"
)

// pairPrices are a pair's oracle prices now: per base unit (USD) for
// valuation, and the whole-unit price (quote per base) for users.
type pairPrices struct {
	BaseColl, BaseDebt, QuoteColl, QuoteDebt sdkmath.LegacyDec // USD per base unit
	// Price is quote per base in whole units: the base's collateral price
	// over the quote's debt price (oracle whole-unit prices).
	Price                       sdkmath.LegacyDec
	BaseDecimals, QuoteDecimals uint32
}

func priceErr(denom, oraclePair string, err error) error {
	return errorsmod.Wrapf(types.ErrPriceUnavailable,
		"price of %s (oracle pair %s) is unavailable (%s); opening, increasing and removing margin are refused until it updates; closing and adding margin still work",
		denom, oraclePair, err)
}

// prices reads both sides' guarded oracle prices; fails closed with
// ErrPriceUnavailable.
func (k Keeper) prices(ctx context.Context, pair types.MarginPair) (pairPrices, error) {
	bm, err := k.lend.GetMarket(ctx, pair.BaseDenom)
	if err != nil {
		return pairPrices{}, err
	}
	qm, err := k.lend.GetMarket(ctx, pair.QuoteDenom)
	if err != nil {
		return pairPrices{}, err
	}
	get := func(m lendtypes.Market, debt bool) (sdkmath.LegacyDec, error) {
		var p sdkmath.LegacyDec
		var err error
		if debt {
			p, err = k.oracle.DebtPrice(ctx, m.OraclePair)
		} else {
			p, err = k.oracle.CollateralPrice(ctx, m.OraclePair)
		}
		if err != nil {
			return sdkmath.LegacyDec{}, priceErr(m.Denom, m.OraclePair, err)
		}
		if p.IsNil() || !p.IsPositive() {
			return sdkmath.LegacyDec{}, priceErr(m.Denom, m.OraclePair, errorsmod.Wrapf(types.ErrMath, "non-positive price"))
		}
		return p, nil
	}
	var pp pairPrices
	baseColl, err := get(bm, false)
	if err != nil {
		return pp, err
	}
	baseDebt, err := get(bm, true)
	if err != nil {
		return pp, err
	}
	quoteColl, err := get(qm, false)
	if err != nil {
		return pp, err
	}
	quoteDebt, err := get(qm, true)
	if err != nil {
		return pp, err
	}
	pp.BaseColl = lendtypes.BaseUnitPrice(baseColl, bm.Decimals, false)
	pp.BaseDebt = lendtypes.BaseUnitPrice(baseDebt, bm.Decimals, true)
	pp.QuoteColl = lendtypes.BaseUnitPrice(quoteColl, qm.Decimals, false)
	pp.QuoteDebt = lendtypes.BaseUnitPrice(quoteDebt, qm.Decimals, true)
	pp.Price = baseColl.Quo(quoteDebt)
	pp.BaseDecimals, pp.QuoteDecimals = bm.Decimals, qm.Decimals
	return pp, nil
}

// value values a position now (its debt accrued in x/lend).
func (k Keeper) value(ctx context.Context, p types.Position, pair types.MarginPair, pp pairPrices) (types.Valuation, sdkmath.Int, error) {
	debt, err := k.lend.Debt(ctx, types.PositionAccount(p.Id), pair.DebtDenom(p.Side))
	if err != nil {
		return types.Valuation{}, sdkmath.Int{}, err
	}
	if p.Side == types.SIDE_LONG {
		return types.Value(p.Side, p.Holdings.Amount, debt, pp.BaseColl, pp.QuoteDebt), debt, nil
	}
	return types.Value(p.Side, p.Holdings.Amount, debt, pp.QuoteColl, pp.BaseDebt), debt, nil
}

// liquidationPriceWhole is the liquidation price in quote per base, whole units.
func liquidationPriceWhole(p types.Position, pair types.MarginPair, v types.Valuation, debt sdkmath.Int, pp pairPrices) sdkmath.LegacyDec {
	amount := p.Holdings.Amount
	if p.Side == types.SIDE_SHORT {
		amount = debt
	}
	perUnit := types.LiquidationPrice(p.Side, v, amount, pair.MaintenanceMargin) // USD per base unit
	if perUnit.IsZero() {
		return perUnit
	}
	// quote per base (whole) = per-unit USD × 10^bd / (quote USD per unit × 10^qd)
	return types.WholePrice(sdkmath.OneInt(), sdkmath.OneInt(), pp.QuoteDecimals, pp.BaseDecimals).
		Mul(perUnit).Quo(pp.QuoteDebt)
}
