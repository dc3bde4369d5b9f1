package types

import (
	"fmt"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dexmath "github.com/agora-labs/agora/x/dex/math"
)

// The operations of a pool, as pure functions of its state: each picks the
// formula of the pool's type from x/dex/math and returns the amounts and the
// pool after the operation. Nothing here touches a store or moves coins;
// the keeper loads the pool, calls one of these, moves the coins and stores
// the returned pool.

// HopOutcome is the result of one swap against one pool.
type HopOutcome struct {
	PoolID      uint64
	DenomIn     string
	DenomOut    string
	AmountIn    sdkmath.Int
	AmountOut   sdkmath.Int
	Fee         sdkmath.Int // swap fee, in DenomIn, part of AmountIn
	ProtocolFee sdkmath.Int // part of Fee sent to the community pool
	Before      Pool
	After       Pool
}

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

// ProtocolFee is the share of a swap fee sent to the community pool,
// rounded down: ⌊fee·share⌋.
func ProtocolFee(fee sdkmath.Int, share sdkmath.LegacyDec) sdkmath.Int {
	if share.IsNil() || !share.IsPositive() || !fee.IsPositive() {
		return sdkmath.ZeroInt()
	}
	return share.MulInt(fee).TruncateInt()
}

// SwapExactIn sells exactly amountIn of denomIn for denomOut.
func (p Pool) SwapExactIn(denomIn, denomOut string, amountIn sdkmath.Int, now time.Time, protocolShare sdkmath.LegacyDec) (HopOutcome, error) {
	i, j, err := p.Pair(denomIn, denomOut)
	if err != nil {
		return HopOutcome{}, err
	}
	r := p.Amounts()
	var out, fee sdkmath.Int
	switch p.Type {
	case POOL_TYPE_CONSTANT_PRODUCT:
		out, fee, err = dexmath.SwapExactIn(r[i], r[j], amountIn, p.SwapFee)
	case POOL_TYPE_STABLESWAP:
		out, fee, err = dexmath.StableSwapExactIn(r, p.Amp(now), i, j, amountIn, p.SwapFee)
	default:
		err = errorsmod.Wrapf(ErrInvalidPoolType, "pool %d has type %v", p.Id, p.Type)
	}
	if err != nil {
		return HopOutcome{}, WrapMathError(err, "pool %d: swap %s for %s", p.Id, FormatCoin(amountIn, denomIn), denomOut)
	}
	return p.applySwap(i, j, amountIn, out, fee, protocolShare)
}

// SwapExactOut buys exactly amountOut of denomOut with denomIn.
func (p Pool) SwapExactOut(denomIn, denomOut string, amountOut sdkmath.Int, now time.Time, protocolShare sdkmath.LegacyDec) (HopOutcome, error) {
	i, j, err := p.Pair(denomIn, denomOut)
	if err != nil {
		return HopOutcome{}, err
	}
	r := p.Amounts()
	var in, fee sdkmath.Int
	switch p.Type {
	case POOL_TYPE_CONSTANT_PRODUCT:
		in, fee, err = dexmath.SwapExactOut(r[i], r[j], amountOut, p.SwapFee)
	case POOL_TYPE_STABLESWAP:
		in, fee, err = dexmath.StableSwapExactOut(r, p.Amp(now), i, j, amountOut, p.SwapFee)
	default:
		err = errorsmod.Wrapf(ErrInvalidPoolType, "pool %d has type %v", p.Id, p.Type)
	}
	if err != nil {
		return HopOutcome{}, WrapMathError(err, "pool %d: buy %s with %s", p.Id, FormatCoin(amountOut, denomOut), denomIn)
	}
	return p.applySwap(i, j, in, amountOut, fee, protocolShare)
}

// applySwap: reserve i gains amountIn minus the protocol fee, reserve j
// loses amountOut, which must leave it positive.
func (p Pool) applySwap(i, j int, amountIn, amountOut, fee sdkmath.Int, protocolShare sdkmath.LegacyDec) (HopOutcome, error) {
	r := p.Amounts()
	pf := ProtocolFee(fee, protocolShare)
	r[i] = r[i].Add(amountIn).Sub(pf)
	r[j] = r[j].Sub(amountOut)
	if !r[j].IsPositive() {
		return HopOutcome{}, errorsmod.Wrapf(ErrInsufficientLiquidity, "swap would take pool %d's reserve of %s to zero", p.Id, p.Reserves[j].Denom)
	}
	return HopOutcome{
		PoolID: p.Id, DenomIn: p.Reserves[i].Denom, DenomOut: p.Reserves[j].Denom,
		AmountIn: amountIn, AmountOut: amountOut, Fee: fee, ProtocolFee: pf,
		Before: p, After: p.WithAmounts(r),
	}, nil
}

// SpotPrice is the marginal price of base in units of quote (18 decimals).
func (p Pool) SpotPrice(base, quote string, now time.Time) (sdkmath.LegacyDec, error) {
	i, j, err := p.Pair(base, quote)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	r := p.Amounts()
	var price sdkmath.LegacyDec
	switch p.Type {
	case POOL_TYPE_CONSTANT_PRODUCT:
		price, err = dexmath.SpotPrice(r[i], r[j])
	case POOL_TYPE_STABLESWAP:
		price, err = dexmath.StableSwapSpotPrice(r, p.Amp(now), i, j)
	default:
		err = errorsmod.Wrapf(ErrInvalidPoolType, "pool %d has type %v", p.Id, p.Type)
	}
	if err != nil {
		return sdkmath.LegacyDec{}, WrapMathError(err, "pool %d: spot price of %s in %s", p.Id, base, quote)
	}
	return price, nil
}

// InitialShares is the number of shares (including the locked
// MinimumLiquidity) minted when a pool of type t is created with amounts.
func InitialShares(t PoolType, amounts []sdkmath.Int, amp uint64) (sdkmath.Int, error) {
	var (
		shares sdkmath.Int
		err    error
	)
	switch t {
	case POOL_TYPE_CONSTANT_PRODUCT:
		shares, err = dexmath.InitialSharesConstantProduct(amounts)
	case POOL_TYPE_STABLESWAP:
		shares, err = dexmath.InitialSharesStableSwap(amounts, sdkmath.NewIntFromUint64(amp))
	default:
		return sdkmath.Int{}, errorsmod.Wrapf(ErrInvalidPoolType, "%v", t)
	}
	if err != nil {
		return sdkmath.Int{}, WrapMathError(err, "initial liquidity")
	}
	return shares, nil
}

// JoinProportional deposits at most maxIn (one coin per pool asset) in the
// pool's ratio.
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
	shares, in, err := dexmath.JoinProportional(p.Amounts(), p.TotalShares, maxAmounts)
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

// ExitProportional burns shares for each asset pro rata (rounded down).
func (p Pool) ExitProportional(shares sdkmath.Int) (amountsOut sdk.Coins, after Pool, err error) {
	out, err := dexmath.ExitProportional(p.Amounts(), p.TotalShares, shares)
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

// JoinSingleAsset deposits tokenIn alone.
func (p Pool) JoinSingleAsset(tokenIn sdk.Coin, now time.Time) (shares sdkmath.Int, after Pool, err error) {
	i, ok := p.IndexOf(tokenIn.Denom)
	if !ok {
		return shares, p, p.notInPool(tokenIn.Denom)
	}
	r := p.Amounts()
	switch p.Type {
	case POOL_TYPE_CONSTANT_PRODUCT:
		shares, err = dexmath.JoinSingleAssetConstantProduct(r[i], p.TotalShares, tokenIn.Amount, p.SwapFee)
	case POOL_TYPE_STABLESWAP:
		shares, _, err = dexmath.JoinStableSwapSingleAsset(r, p.Amp(now), p.TotalShares, i, tokenIn.Amount, p.SwapFee)
	default:
		err = errorsmod.Wrapf(ErrInvalidPoolType, "pool %d has type %v", p.Id, p.Type)
	}
	if err != nil {
		return shares, p, WrapMathError(err, "pool %d: join with %s", p.Id, tokenIn)
	}
	r[i] = r[i].Add(tokenIn.Amount)
	after = p.WithAmounts(r)
	after.TotalShares = p.TotalShares.Add(shares)
	return shares, after, nil
}

// ExitSingleAsset burns shares for denomOut alone.
func (p Pool) ExitSingleAsset(shares sdkmath.Int, denomOut string, now time.Time) (amountOut sdkmath.Int, after Pool, err error) {
	i, ok := p.IndexOf(denomOut)
	if !ok {
		return amountOut, p, p.notInPool(denomOut)
	}
	r := p.Amounts()
	switch p.Type {
	case POOL_TYPE_CONSTANT_PRODUCT:
		amountOut, err = dexmath.ExitSingleAssetConstantProduct(r[i], r[1-i], p.TotalShares, shares, p.SwapFee)
	case POOL_TYPE_STABLESWAP:
		amountOut, _, err = dexmath.ExitStableSwapSingleAsset(r, p.Amp(now), p.TotalShares, shares, i, p.SwapFee)
	default:
		err = errorsmod.Wrapf(ErrInvalidPoolType, "pool %d has type %v", p.Id, p.Type)
	}
	if err != nil {
		return amountOut, p, p.sharesError(err, shares)
	}
	r[i] = r[i].Sub(amountOut)
	if !r[i].IsPositive() {
		return amountOut, p, errorsmod.Wrapf(ErrInsufficientLiquidity, "exit would take pool %d's reserve of %s to zero", p.Id, denomOut)
	}
	after = p.WithAmounts(r)
	after.TotalShares = p.TotalShares.Sub(shares)
	return amountOut, after, nil
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

// String is a short description for logs.
func (o HopOutcome) String() string {
	return fmt.Sprintf("pool %d: %s%s -> %s%s (fee %s)", o.PoolID, o.AmountIn, o.DenomIn, o.AmountOut, o.DenomOut, o.Fee)
}
