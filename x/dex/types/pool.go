package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
	"sort"
	"strconv"
	"strings"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dexmath "github.com/agora-labs/agora/x/dex/math"
)

// ShareDenomPrefix starts the denom of every pool's LP shares.
const ShareDenomPrefix = "dex/pool/"

// MinimumLiquidity is the number of shares locked (counted in total_shares,
// never minted) when a pool is created: x/dex/math's MinimumLiquidity (its
// one home) as an Int.
var MinimumLiquidity = sdkmath.NewInt(dexmath.MinimumLiquidity)

// ShareDenom is the bank denom of pool id's LP shares: "dex/pool/{id}".
func ShareDenom(id uint64) string { return ShareDenomPrefix + strconv.FormatUint(id, 10) }

// PoolIDFromShareDenom parses "dex/pool/{id}".
func PoolIDFromShareDenom(denom string) (uint64, bool) {
	rest, ok := strings.CutPrefix(denom, ShareDenomPrefix)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseUint(rest, 10, 64)
	if err != nil || ShareDenom(id) != denom {
		return 0, false
	}
	return id, true
}

// PoolKey identifies a pool's (set of denoms, type, fee tier); at most one
// pool exists per key. denoms must be sorted.
func PoolKey(t PoolType, fee sdkmath.LegacyDec, denoms []string) string {
	return fmt.Sprintf("%d|%s|%s", t, fee.String(), strings.Join(denoms, ","))
}

// Key is the pool's PoolKey.
func (p Pool) Key() string { return PoolKey(p.Type, p.SwapFee, p.Denoms()) }

// Denoms returns the pool's denoms, sorted.
func (p Pool) Denoms() []string {
	out := make([]string, len(p.Reserves))
	for i, c := range p.Reserves {
		out[i] = c.Denom
	}
	return out
}

// IndexOf returns the position of denom in the pool's reserves.
func (p Pool) IndexOf(denom string) (int, bool) {
	i := sort.Search(len(p.Reserves), func(i int) bool { return p.Reserves[i].Denom >= denom })
	if i < len(p.Reserves) && p.Reserves[i].Denom == denom {
		return i, true
	}
	return 0, false
}

// Amounts returns the reserve amounts in denom order.
func (p Pool) Amounts() []sdkmath.Int {
	out := make([]sdkmath.Int, len(p.Reserves))
	for i, c := range p.Reserves {
		out[i] = c.Amount
	}
	return out
}

// WithAmounts returns a copy of the pool with new reserve amounts (same
// denoms, same order).
func (p Pool) WithAmounts(amounts []sdkmath.Int) Pool {
	reserves := make(sdk.Coins, len(p.Reserves))
	for i, c := range p.Reserves {
		reserves[i] = sdk.Coin{Denom: c.Denom, Amount: amounts[i]}
	}
	p.Reserves = reserves
	return p
}

// AmplificationAt is a stableswap pool's A at time t: linear between
// (start_time, initial) and (end_time, future), rounded towards initial,
// and future from end_time on. It is 0 for other pools.
func (p Pool) AmplificationAt(t time.Time) uint64 {
	a := p.Amplification
	if a == nil {
		return 0
	}
	if !t.Before(a.EndTime) || a.Initial == a.Future {
		return a.Future
	}
	if !t.After(a.StartTime) {
		return a.Initial
	}
	elapsed := uint64(t.Sub(a.StartTime) / time.Second)
	total := uint64(a.EndTime.Sub(a.StartTime) / time.Second)
	if total == 0 {
		return a.Future
	}
	// A ≤ 10^6 and total ≤ 30 years in seconds (< 10^9): no overflow.
	if a.Future > a.Initial {
		return a.Initial + (a.Future-a.Initial)*elapsed/total
	}
	return a.Initial - (a.Initial-a.Future)*elapsed/total
}

// ValidatePoolShape checks the rules every pool of type t obeys, whatever
// the parameters: the type's number of assets and amplification (PoolCurve),
// and no LP share denom as an asset. It is the one home of the pool-shape
// rules: MsgCreatePool.ValidateBasic, Pool.Validate (genesis) and the keeper
// call it; the governed bounds are Params.CheckPoolShape.
func ValidatePoolShape(t PoolType, denoms []string, amp *Amplification) error {
	curve, err := CurveOf(t)
	if err != nil {
		return err
	}
	if err := curve.ValidateShape(len(denoms), amp); err != nil {
		return err
	}
	for _, d := range denoms {
		if strings.HasPrefix(d, ShareDenomPrefix) {
			return errorsmod.Wrapf(ErrInvalidDenom, "LP shares %s cannot be a pool asset", d)
		}
	}
	return nil
}

// Validate checks a stored pool's internal consistency (used by genesis).
// Each failure carries its registered error.
func (p Pool) Validate() error {
	if p.Id == 0 {
		return errorsmod.Wrap(ErrPoolNotFound, "pool id must be positive")
	}
	if p.ShareDenom != ShareDenom(p.Id) {
		return errorsmod.Wrapf(ErrInvalidDenom, "pool %d: share denom %q must be %q", p.Id, p.ShareDenom, ShareDenom(p.Id))
	}
	if err := p.Reserves.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidAmount, "pool %d: reserves: %v", p.Id, err)
	}
	if err := ValidatePoolShape(p.Type, p.Denoms(), p.Amplification); err != nil {
		return errorsmod.Wrapf(err, "pool %d", p.Id)
	}
	if p.SwapFee.IsNil() || p.SwapFee.IsNegative() || p.SwapFee.GTE(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidFeeTier, "pool %d: swap fee %v must be in [0, 1)", p.Id, p.SwapFee)
	}
	if p.TotalShares.IsNil() || p.TotalShares.LTE(MinimumLiquidity) {
		return errorsmod.Wrapf(ErrInvalidAmount, "pool %d: total shares %v must exceed the locked %s", p.Id, p.TotalShares, MinimumLiquidity)
	}
	if p.Creator != "" {
		if _, err := sdk.AccAddressFromBech32(p.Creator); err != nil {
			return errorsmod.Wrapf(ErrInvalidAddress, "pool %d: creator: %v", p.Id, err)
		}
	}
	return nil
}

// TwapPair is the key of a TWAP series within a pool: "base|quote". Denoms
// never contain '|'.
func TwapPair(base, quote string) string { return base + "|" + quote }
