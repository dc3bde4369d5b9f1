package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// Price impact of single-asset joins and exits, as pure functions of the
// pool before the operation. A single-asset join is a balanced join plus
// swaps of part of the deposit into the other assets; its price impact is
// what it loses against the shares' value at the spot prices before it:
//
//	value(s, d)  = s / total_shares · Σ_k reserve_k · spot(k in d)   (spot(d in d) = 1)
//	join impact  = 1 − value(shares_out, denom_in) / amount_in
//	exit impact  = 1 − amount_out / value(shares_in, denom_out)
//
// Both include the fee. Worked example: an x·y pool of 1000 ETH and
// 2 500 000 USDC (spot 2500 USDC/ETH) with 1000 shares; if a join of 10 ETH
// mints 4.97 shares, they are worth 4.97/1000 · (1000 + 2 500 000/2500) =
// 9.94 ETH, an impact of 1 − 9.94/10 = 0.6 %.

// ShareValue is value(shares, denom): what shares of the pool are worth in
// denom at the pool's spot prices at now.
func (p Pool) ShareValue(shares sdkmath.Int, denom string, now time.Time) (sdkmath.LegacyDec, error) {
	if _, ok := p.IndexOf(denom); !ok {
		return sdkmath.LegacyDec{}, p.notInPool(denom)
	}
	if !p.TotalShares.IsPositive() {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(ErrInsufficientLiquidity, "pool %d has no shares", p.Id)
	}
	total := sdkmath.LegacyZeroDec()
	for _, r := range p.Reserves {
		if r.Denom == denom {
			total = total.Add(sdkmath.LegacyNewDecFromInt(r.Amount))
			continue
		}
		price, err := p.SpotPrice(r.Denom, denom, now)
		if err != nil {
			return sdkmath.LegacyDec{}, err
		}
		total = total.Add(price.MulInt(r.Amount))
	}
	return total.MulInt(shares).QuoInt(p.TotalShares), nil
}

// JoinPriceImpact is 1 − value(sharesOut, amountIn's denom) / amountIn for
// a single-asset join of amountIn into p (the pool before the join).
func (p Pool) JoinPriceImpact(denomIn string, amountIn, sharesOut sdkmath.Int, now time.Time) (sdkmath.LegacyDec, error) {
	if !amountIn.IsPositive() {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(ErrInvalidAmount, "amount in must be positive, got %s", amountIn)
	}
	v, err := p.ShareValue(sharesOut, denomIn, now)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return sdkmath.LegacyOneDec().Sub(v.QuoInt(amountIn)), nil
}

// ExitPriceImpact is 1 − amountOut / value(sharesIn, denomOut) for a
// single-asset exit of sharesIn from p (the pool before the exit).
func (p Pool) ExitPriceImpact(denomOut string, sharesIn, amountOut sdkmath.Int, now time.Time) (sdkmath.LegacyDec, error) {
	v, err := p.ShareValue(sharesIn, denomOut, now)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if !v.IsPositive() {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(ErrInvalidAmount, "%s shares of pool %d are worth nothing", sharesIn, p.Id)
	}
	return sdkmath.LegacyOneDec().Sub(sdkmath.LegacyNewDecFromInt(amountOut).Quo(v)), nil
}
