package app

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	incentivestypes "github.com/agora-labs/agora/x/incentives/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// incentivesPrices values one base unit of a denom in USD for x/incentives'
// APRs: the oracle's current price of the "…/USD" pair listing the denom,
// divided by 10^decimals. It fails when no pair lists the denom or the
// price is missing or stale.
type incentivesPrices struct{ app *AgoraApp }

var _ incentivestypes.PriceSource = incentivesPrices{}

func (p incentivesPrices) UnitPriceUSD(ctx context.Context, denom string) (sdkmath.LegacyDec, error) {
	params, err := p.app.OracleKeeper.Params.Get(ctx)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	for _, pair := range params.Pairs {
		if pair.Denom != denom || len(pair.Name) < 4 || pair.Name[len(pair.Name)-4:] != "/USD" {
			continue
		}
		cur, err := p.app.OracleKeeper.Price(ctx, pair.Name)
		if err != nil {
			return sdkmath.LegacyDec{}, err
		}
		return cur.Price.Quo(sdkmath.LegacyNewDecFromInt(sdkmath.NewIntWithDecimal(1, int(pair.Decimals)))), nil
	}
	return sdkmath.LegacyDec{}, errorsmod.Wrapf(oracletypes.ErrUnknownPair, "no USD pair prices %s", denom)
}

// mintBlocksPerYear is x/mint's blocks_per_year (x/incentives' yearly
// emission rate).
type mintBlocksPerYear struct{ app *AgoraApp }

func (m mintBlocksPerYear) BlocksPerYear(ctx context.Context) (uint64, error) {
	p, err := m.app.MintKeeper.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	return p.BlocksPerYear, nil
}
