package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Pool statistics as pure functions: a pool's swap totals grow by each
// swap hop through it (volume by token_in, fees by the hop's fee and
// protocol fee); the totals over a window are the cumulative totals at its
// end minus those at its start.

// AddHop returns s plus one swap hop.
func (s PoolStats) AddHop(h SwapHop) PoolStats {
	return PoolStats{
		Volume:       addCoin(s.Volume, h.TokenIn),
		Fees:         addCoin(s.Fees, h.Fee),
		ProtocolFees: addCoin(s.ProtocolFees, h.ProtocolFee),
	}
}

// Add returns s + o.
func (s PoolStats) Add(o PoolStats) PoolStats {
	return PoolStats{
		Volume:       sdk.NewCoins(s.Volume...).Add(o.Volume...),
		Fees:         sdk.NewCoins(s.Fees...).Add(o.Fees...),
		ProtocolFees: sdk.NewCoins(s.ProtocolFees...).Add(o.ProtocolFees...),
	}
}

// Sub returns s − earlier, the totals between two cumulative records. The
// totals only grow, so a negative difference means broken records.
func (s PoolStats) Sub(earlier PoolStats) (PoolStats, error) {
	v, neg1 := sdk.NewCoins(s.Volume...).SafeSub(earlier.Volume...)
	f, neg2 := sdk.NewCoins(s.Fees...).SafeSub(earlier.Fees...)
	pf, neg3 := sdk.NewCoins(s.ProtocolFees...).SafeSub(earlier.ProtocolFees...)
	if neg1 || neg2 || neg3 {
		return PoolStats{}, errorsmod.Wrapf(ErrInvariantBroken, "pool stats went down: %v then %v", earlier, s)
	}
	return PoolStats{Volume: v, Fees: f, ProtocolFees: pf}, nil
}

// addCoin adds c to coins, ignoring a zero or empty coin.
func addCoin(coins sdk.Coins, c sdk.Coin) sdk.Coins {
	coins = sdk.NewCoins(coins...)
	if c.Denom == "" || c.Amount.IsNil() || !c.Amount.IsPositive() {
		return coins
	}
	return coins.Add(c)
}
