package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// The operations of a pool, as pure functions of its state: each calls the
// pool type's formulas (PoolCurve) and returns the amounts and the pool
// after the operation. Nothing here touches a store or moves coins; the
// keeper loads the pool, calls one of these, moves the coins and stores the
// returned pool.
//
// Protocol fee: every operation that charges a fee (swaps, single-asset
// joins and exits) sends ⌊fee·protocol_fee_share⌋ of each fee to the
// community pool (Curve's admin fee); the reserves keep the rest. The
// operations return it so the keeper can move it.

// Pair returns the positions of denomIn and denomOut in the pool.
func (p Pool) Pair(denomIn, denomOut string) (i, j int, err error) {
	if denomIn == denomOut {
		return 0, 0, errorsmod.Wrapf(ErrSameDenom, "pool %d: %s for %s", p.Id, denomIn, denomOut)
	}
	i, ok := p.IndexOf(denomIn)
	if !ok {
		return 0, 0, p.notInPool(denomIn)
	}
	j, ok = p.IndexOf(denomOut)
	if !ok {
		return 0, 0, p.notInPool(denomOut)
	}
	return i, j, nil
}

func (p Pool) notInPool(denom string) error {
	return errorsmod.Wrapf(ErrDenomNotInPool, "denom %s is not in pool %d (it holds %v)", denom, p.Id, p.Denoms())
}

// Amp is a stableswap pool's amplification at time now, as an Int.
func (p Pool) Amp(now time.Time) sdkmath.Int {
	return sdkmath.NewIntFromUint64(p.AmplificationAt(now))
}

// ProtocolFee is the share of a fee sent to the community pool, rounded
// down: ⌊fee·share⌋.
func ProtocolFee(fee sdkmath.Int, share sdkmath.LegacyDec) sdkmath.Int {
	if share.IsNil() || !share.IsPositive() || fee.IsNil() || !fee.IsPositive() {
		return sdkmath.ZeroInt()
	}
	return share.MulInt(fee).TruncateInt()
}

// SwapExactIn sells exactly amountIn of denomIn for denomOut. It returns
// the hop record and the pool after the swap.
func (p Pool) SwapExactIn(denomIn, denomOut string, amountIn sdkmath.Int, now time.Time, protocolShare sdkmath.LegacyDec) (SwapHop, Pool, error) {
	i, j, err := p.Pair(denomIn, denomOut)
	if err != nil {
		return SwapHop{}, p, err
	}
	curve, err := p.Curve()
	if err != nil {
		return SwapHop{}, p, err
	}
	out, fee, err := curve.SwapExactIn(p, i, j, amountIn, now)
	if err != nil {
		return SwapHop{}, p, WrapMathError(err, "pool %d: swap %s for %s", p.Id, FormatCoin(amountIn, denomIn), denomOut)
	}
	return p.applySwap(i, j, amountIn, out, fee, protocolShare)
}

// SwapExactOut buys exactly amountOut of denomOut with denomIn. It returns
// the hop record and the pool after the swap.
func (p Pool) SwapExactOut(denomIn, denomOut string, amountOut sdkmath.Int, now time.Time, protocolShare sdkmath.LegacyDec) (SwapHop, Pool, error) {
	i, j, err := p.Pair(denomIn, denomOut)
	if err != nil {
		return SwapHop{}, p, err
	}
	curve, err := p.Curve()
	if err != nil {
		return SwapHop{}, p, err
	}
	in, fee, err := curve.SwapExactOut(p, i, j, amountOut, now)
	if err != nil {
		return SwapHop{}, p, WrapMathError(err, "pool %d: buy %s with %s", p.Id, FormatCoin(amountOut, denomOut), denomIn)
	}
	return p.applySwap(i, j, in, amountOut, fee, protocolShare)
}

// applySwap: reserve i gains amountIn minus the protocol fee, reserve j
// loses amountOut, which must leave it positive.
func (p Pool) applySwap(i, j int, amountIn, amountOut, fee sdkmath.Int, protocolShare sdkmath.LegacyDec) (SwapHop, Pool, error) {
	r := p.Amounts()
	pf := ProtocolFee(fee, protocolShare)
	r[i] = r[i].Add(amountIn).Sub(pf)
	r[j] = r[j].Sub(amountOut)
	if !r[j].IsPositive() {
		return SwapHop{}, p, errorsmod.Wrapf(ErrInsufficientLiquidity, "swap would take pool %d's reserve of %s to zero", p.Id, p.Reserves[j].Denom)
	}
	after := p.WithAmounts(r)
	in, out := p.Reserves[i].Denom, p.Reserves[j].Denom
	return SwapHop{
		PoolId:        p.Id,
		TokenIn:       sdk.Coin{Denom: in, Amount: amountIn},
		TokenOut:      sdk.Coin{Denom: out, Amount: amountOut},
		Fee:           sdk.Coin{Denom: in, Amount: fee},
		ProtocolFee:   sdk.Coin{Denom: in, Amount: pf},
		ReservesAfter: after.Reserves,
	}, after, nil
}

// SpotPrice is the marginal price of base in units of quote (18 decimals).
func (p Pool) SpotPrice(base, quote string, now time.Time) (sdkmath.LegacyDec, error) {
	i, j, err := p.Pair(base, quote)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	curve, err := p.Curve()
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	price, err := curve.SpotPrice(p, i, j, now)
	if err != nil {
		return sdkmath.LegacyDec{}, WrapMathError(err, "pool %d: spot price of %s in %s", p.Id, base, quote)
	}
	return price, nil
}

// InitialShares is the number of shares (including the locked
// MinimumLiquidity) minted when a pool of type t is created with amounts.
func InitialShares(t PoolType, amounts []sdkmath.Int, amp uint64) (sdkmath.Int, error) {
	curve, err := CurveOf(t)
	if err != nil {
		return sdkmath.Int{}, err
	}
	shares, err := curve.InitialShares(amounts, amp)
	if err != nil {
		return sdkmath.Int{}, WrapMathError(err, "initial liquidity")
	}
	return shares, nil
}

// JoinProportional deposits at most maxIn (one coin per pool asset) in the
// pool's ratio. It charges no fee.
func (p Pool) JoinProportional(maxIn sdk.Coins) (shares sdkmath.Int, amountsIn sdk.Coins, after Pool, err error) {
	maxAmounts := make([]sdkmath.Int, len(p.Reserves))
	for _, c := range maxIn {
		k, ok := p.IndexOf(c.Denom)
		if !ok {
			return shares, nil, p, p.notInPool(c.Denom)
		}
		maxAmounts[k] = c.Amount
	}
	for k, m := range maxAmounts {
		if m.IsNil() {
			return shares, nil, p, errorsmod.Wrapf(ErrInvalidAmount, "max_amounts_in must name every asset of pool %d: %s is missing", p.Id, p.Reserves[k].Denom)
		}
	}
	shares, in, err := joinProportional(p, maxAmounts)
	if err != nil {
		return shares, nil, p, WrapMathError(err, "pool %d: join with at most %s", p.Id, maxIn)
	}
	r := p.Amounts()
	for k := range r {
		r[k] = r[k].Add(in[k])
	}
	after = p.WithAmounts(r)
	after.TotalShares = p.TotalShares.Add(shares)
	return shares, p.coins(in), after, nil
}

// ExitProportional burns shares for each asset pro rata (rounded down). It
// charges no fee.
func (p Pool) ExitProportional(shares sdkmath.Int) (amountsOut sdk.Coins, after Pool, err error) {
	out, err := exitProportional(p, shares)
	if err != nil {
		return nil, p, p.sharesError(err, shares)
	}
	r := p.Amounts()
	for k := range r {
		r[k] = r[k].Sub(out[k])
	}
	after = p.WithAmounts(r)
	after.TotalShares = p.TotalShares.Sub(shares)
	return p.coins(out), after, nil
}

// SingleAssetResult is a single-asset join or exit: shares minted or
// burned, the amount in or out, its fee (protocol share included) and the
// protocol's share of it (sent to the community pool, not kept in the
// reserves).
type SingleAssetResult struct {
	Shares      sdkmath.Int
	Token       sdk.Coin
	Fee         sdk.Coins
	ProtocolFee sdk.Coins
	After       Pool
}

// JoinSingleAsset deposits tokenIn alone. The fee part of the deposit stays
// in the pool except its protocol share.
func (p Pool) JoinSingleAsset(tokenIn sdk.Coin, now time.Time, protocolShare sdkmath.LegacyDec) (SingleAssetResult, error) {
	i, ok := p.IndexOf(tokenIn.Denom)
	if !ok {
		return SingleAssetResult{}, p.notInPool(tokenIn.Denom)
	}
	curve, err := p.Curve()
	if err != nil {
		return SingleAssetResult{}, err
	}
	shares, fees, err := curve.JoinSingleAsset(p, i, tokenIn.Amount, now)
	if err != nil {
		return SingleAssetResult{}, WrapMathError(err, "pool %d: join with %s", p.Id, tokenIn)
	}
	r := p.Amounts()
	r[i] = r[i].Add(tokenIn.Amount)
	pf, err := p.takeProtocolFee(r, fees, protocolShare)
	if err != nil {
		return SingleAssetResult{}, err
	}
	after := p.WithAmounts(r)
	after.TotalShares = p.TotalShares.Add(shares)
	return SingleAssetResult{Shares: shares, Token: tokenIn, Fee: p.coins(fees), ProtocolFee: pf, After: after}, nil
}

// ExitSingleAsset burns shares for denomOut alone. The fee part stays in the
// pool except its protocol share.
func (p Pool) ExitSingleAsset(shares sdkmath.Int, denomOut string, now time.Time, protocolShare sdkmath.LegacyDec) (SingleAssetResult, error) {
	i, ok := p.IndexOf(denomOut)
	if !ok {
		return SingleAssetResult{}, p.notInPool(denomOut)
	}
	curve, err := p.Curve()
	if err != nil {
		return SingleAssetResult{}, err
	}
	amountOut, fees, err := curve.ExitSingleAsset(p, i, shares, now)
	if err != nil {
		return SingleAssetResult{}, p.sharesError(err, shares)
	}
	r := p.Amounts()
	r[i] = r[i].Sub(amountOut)
	pf, err := p.takeProtocolFee(r, fees, protocolShare)
	if err != nil {
		return SingleAssetResult{}, err
	}
	after := p.WithAmounts(r)
	after.TotalShares = p.TotalShares.Sub(shares)
	return SingleAssetResult{Shares: shares, Token: sdk.Coin{Denom: denomOut, Amount: amountOut}, Fee: p.coins(fees), ProtocolFee: pf, After: after}, nil
}

// takeProtocolFee removes ⌊fee_k·share⌋ from each reserve r_k and returns
// it; every reserve must stay positive.
func (p Pool) takeProtocolFee(r, fees []sdkmath.Int, share sdkmath.LegacyDec) (sdk.Coins, error) {
	pf := make([]sdkmath.Int, len(r))
	for k := range r {
		pf[k] = sdkmath.ZeroInt()
		if k < len(fees) {
			pf[k] = ProtocolFee(fees[k], share)
		}
		r[k] = r[k].Sub(pf[k])
		if !r[k].IsPositive() {
			return nil, errorsmod.Wrapf(ErrInsufficientLiquidity, "the operation would take pool %d's reserve of %s to zero", p.Id, p.Reserves[k].Denom)
		}
	}
	return p.coins(pf), nil
}

func (p Pool) sharesError(err error, shares sdkmath.Int) error {
	return WrapMathError(err, "pool %d: exit with %s shares of %s outstanding", p.Id, shares, p.TotalShares)
}

// coins turns amounts in the pool's denom order into sdk.Coins, dropping
// zeros.
func (p Pool) coins(amounts []sdkmath.Int) sdk.Coins {
	out := sdk.Coins{}
	for k, a := range amounts {
		if a.IsPositive() {
			out = append(out, sdk.Coin{Denom: p.Reserves[k].Denom, Amount: a})
		}
	}
	return out
}
