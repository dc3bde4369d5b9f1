package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/synth/types"
)

// synthPrice is a synth's price now (USD per whole synth) and the height
// the oracle published it at: exactly 1 for synth/USD (height 0), else the
// oracle's current price of its pair. A missing or stale price is
// ErrPriceUnavailable.
func (k Keeper) synthPrice(ctx context.Context, s types.Synth) (sdkmath.LegacyDec, int64, error) {
	if s.Symbol == types.USDSymbol {
		return sdkmath.LegacyOneDec(), 0, nil
	}
	cur, err := k.oracle.Price(ctx, s.OraclePair)
	if err != nil {
		return sdkmath.LegacyDec{}, 0, errorsmod.Wrapf(types.ErrPriceUnavailable, "%s (%s): %v", s.Denom(), s.OraclePair, err)
	}
	return cur.Price, cur.UpdatedHeight, nil
}

// SynthAmounts is one synth's supply, price and value in the pool debt.
type synthAmount struct {
	synth  types.Synth
	supply sdkmath.Int
	price  sdkmath.LegacyDec
	value  sdkmath.LegacyDec
	err    error
}

// composition reads every listed synth's supply and price.
func (k Keeper) composition(ctx context.Context) ([]synthAmount, error) {
	var out []synthAmount
	err := k.Synths.Walk(ctx, nil, func(_ string, s types.Synth) (bool, error) {
		a := synthAmount{synth: s, supply: k.bank.GetSupply(ctx, s.Denom()).Amount}
		a.price, _, a.err = k.synthPrice(ctx, s)
		if a.err == nil {
			v, err := types.SynthValue(a.supply, a.price)
			if err != nil {
				return true, err
			}
			a.value = v
		}
		out = append(out, a)
		return false, nil
	})
	return out, err
}

// PoolDebt is D, the micro-USD value of every synth in existence (Σ supply ×
// price, exact). It fails closed (ErrPriceUnavailable) when a synth with a
// supply has no fresh price: then no action that needs the pool debt runs.
func (k Keeper) PoolDebt(ctx context.Context) (sdkmath.LegacyDec, error) {
	comp, err := k.composition(ctx)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	d := sdkmath.LegacyZeroDec()
	for _, a := range comp {
		if a.supply.IsZero() {
			continue
		}
		if a.err != nil {
			return sdkmath.LegacyDec{}, a.err
		}
		d = d.Add(a.value)
	}
	return d, nil
}

// collateralPricePerBase is the micro-USD value of one base unit of a
// collateral at the oracle's guarded collateral price.
func (k Keeper) collateralPricePerBase(ctx context.Context, c types.Collateral) (sdkmath.LegacyDec, error) {
	p, err := k.oracle.CollateralPrice(ctx, c.OraclePair)
	if err != nil {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrPriceUnavailable, "%s (%s): %v", c.Denom, c.OraclePair, err)
	}
	return types.PricePerBase(p, c.Decimals), nil
}
