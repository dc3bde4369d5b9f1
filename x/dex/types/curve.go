package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	dexmath "github.com/agora-labs/agora/x/dex/math"
)

// PoolCurve is the formulas of one pool type. Every operation that depends
// on the type goes through it (Pool.Curve), so a new curve (e.g. weighted
// pools) is one new implementation here, not an edit at every call site.
// Amounts are in the pool's denom order; nothing here touches a store.
type PoolCurve interface {
	// ValidateShape checks the type's own rules on the number of assets and
	// the amplification (the governed bounds are Params.CheckPoolShape).
	ValidateShape(n int, amp *Amplification) error
	// InitialShares are the shares (including the locked
	// MinimumLiquidity) of a new pool holding amounts.
	InitialShares(amounts []sdkmath.Int, amp uint64) (sdkmath.Int, error)
	// SwapExactIn sells amountIn of asset i for asset j: output and fee
	// (in asset i).
	SwapExactIn(p Pool, i, j int, amountIn sdkmath.Int, now time.Time) (out, fee sdkmath.Int, err error)
	// SwapExactOut buys amountOut of asset j with asset i: input and fee
	// (in asset i).
	SwapExactOut(p Pool, i, j int, amountOut sdkmath.Int, now time.Time) (in, fee sdkmath.Int, err error)
	// SpotPrice is the marginal price of asset i in units of asset j.
	SpotPrice(p Pool, i, j int, now time.Time) (sdkmath.LegacyDec, error)
	// JoinSingleAsset deposits amountIn of asset i alone: shares minted
	// and the fee part of the deposit per asset (what the protocol's
	// share is taken from).
	JoinSingleAsset(p Pool, i int, amountIn sdkmath.Int, now time.Time) (shares sdkmath.Int, fees []sdkmath.Int, err error)
	// ExitSingleAsset burns shares for asset i alone: amount paid and the
	// fee part per asset.
	ExitSingleAsset(p Pool, i int, shares sdkmath.Int, now time.Time) (amountOut sdkmath.Int, fees []sdkmath.Int, err error)
	// SwapInvariantHolds checks that a swap from before to after did not
	// decrease the curve's invariant (ErrInvariantBroken otherwise).
	SwapInvariantHolds(before, after Pool, now time.Time) error
	// ClearBatch clears one block's exact-in orders on the pair (i, j) at
	// one uniform price (x sells asset i, y sells asset j).
	ClearBatch(p Pool, i, j int, orders []dexmath.BatchOrder, now time.Time) (dexmath.BatchClearing, error)
}

// Curve returns the formulas of the pool's type.
func (p Pool) Curve() (PoolCurve, error) { return CurveOf(p.Type) }

// CurveOf returns the formulas of pool type t.
func CurveOf(t PoolType) (PoolCurve, error) {
	switch t {
	case POOL_TYPE_CONSTANT_PRODUCT:
		return constantProduct{}, nil
	case POOL_TYPE_STABLESWAP:
		return stableSwap{}, nil
	default:
		return nil, errorsmod.Wrapf(ErrInvalidPoolType, "pool_type %v: use POOL_TYPE_CONSTANT_PRODUCT or POOL_TYPE_STABLESWAP", t)
	}
}

// constantProduct is x·y = k over two assets (Uniswap v2).
type constantProduct struct{}

func (constantProduct) ValidateShape(n int, amp *Amplification) error {
	if n != 2 {
		return errorsmod.Wrapf(ErrInvalidAssetCount, "a constant-product pool has exactly 2 assets, got %d", n)
	}
	if amp != nil && (amp.Initial != 0 || amp.Future != 0) {
		return errorsmod.Wrap(ErrInvalidAmplification, "a constant-product pool takes no amplification")
	}
	return nil
}

func (constantProduct) InitialShares(amounts []sdkmath.Int, _ uint64) (sdkmath.Int, error) {
	return dexmath.InitialSharesConstantProduct(amounts)
}

func (constantProduct) SwapExactIn(p Pool, i, j int, amountIn sdkmath.Int, _ time.Time) (sdkmath.Int, sdkmath.Int, error) {
	r := p.Amounts()
	return dexmath.SwapExactIn(r[i], r[j], amountIn, p.SwapFee)
}

func (constantProduct) SwapExactOut(p Pool, i, j int, amountOut sdkmath.Int, _ time.Time) (sdkmath.Int, sdkmath.Int, error) {
	r := p.Amounts()
	return dexmath.SwapExactOut(r[i], r[j], amountOut, p.SwapFee)
}

func (constantProduct) ClearBatch(p Pool, i, j int, orders []dexmath.BatchOrder, _ time.Time) (dexmath.BatchClearing, error) {
	r := p.Amounts()
	return dexmath.ClearConstantProduct(r[i], r[j], p.SwapFee, orders)
}

func (constantProduct) SpotPrice(p Pool, i, j int, _ time.Time) (sdkmath.LegacyDec, error) {
	r := p.Amounts()
	return dexmath.SpotPrice(r[i], r[j])
}

func (constantProduct) JoinSingleAsset(p Pool, i int, amountIn sdkmath.Int, _ time.Time) (sdkmath.Int, []sdkmath.Int, error) {
	shares, err := dexmath.JoinSingleAssetConstantProduct(p.Reserves[i].Amount, p.TotalShares, amountIn, p.SwapFee)
	if err != nil {
		return shares, nil, err
	}
	fee, err := dexmath.JoinSingleAssetFeeConstantProduct(amountIn, p.SwapFee)
	if err != nil {
		return shares, nil, err
	}
	fees := zeros(len(p.Reserves))
	fees[i] = fee
	return shares, fees, nil
}

func (constantProduct) ExitSingleAsset(p Pool, i int, shares sdkmath.Int, _ time.Time) (sdkmath.Int, []sdkmath.Int, error) {
	r := p.Amounts()
	out, fee, err := dexmath.ExitSingleAssetConstantProduct(r[i], r[1-i], p.TotalShares, shares, dexmath.ExitFee(p.SwapFee))
	if err != nil {
		return out, nil, err
	}
	fees := zeros(len(r))
	fees[1-i] = fee
	return out, fees, nil
}

func (constantProduct) SwapInvariantHolds(before, after Pool, _ time.Time) error {
	b, a := before.Amounts(), after.Amounts()
	if !dexmath.KNotDecreased(b[0], b[1], a[0], a[1]) {
		return errorsmod.Wrapf(ErrInvariantBroken, "pool %d: x·y would fall (reserves %v -> %v)", before.Id, b, a)
	}
	return nil
}

// stableSwap is Curve's invariant with amplification A over 2 to
// MaxPoolAssets assets of the same decimals.
type stableSwap struct{}

func (stableSwap) ValidateShape(n int, amp *Amplification) error {
	if n < dexmath.MinPoolAssets || n > dexmath.MaxPoolAssets {
		return errorsmod.Wrapf(ErrInvalidAssetCount, "a stableswap pool has %d to %d assets, got %d", dexmath.MinPoolAssets, dexmath.MaxPoolAssets, n)
	}
	if amp == nil {
		return errorsmod.Wrapf(ErrInvalidAmplification, "a stableswap pool needs an amplification in [1, %d], got none", dexmath.MaxAmplification)
	}
	if amp.Initial < 1 || amp.Future < 1 || amp.Initial > dexmath.MaxAmplification || amp.Future > dexmath.MaxAmplification {
		return errorsmod.Wrapf(ErrInvalidAmplification, "amplification %d (future %d) must be in [1, %d]", amp.Initial, amp.Future, dexmath.MaxAmplification)
	}
	if amp.EndTime.Before(amp.StartTime) {
		return errorsmod.Wrap(ErrInvalidAmplification, "amplification ramp ends before it starts")
	}
	return nil
}

func (stableSwap) InitialShares(amounts []sdkmath.Int, amp uint64) (sdkmath.Int, error) {
	return dexmath.InitialSharesStableSwap(amounts, sdkmath.NewIntFromUint64(amp))
}

func (stableSwap) SwapExactIn(p Pool, i, j int, amountIn sdkmath.Int, now time.Time) (sdkmath.Int, sdkmath.Int, error) {
	return dexmath.StableSwapExactIn(p.Amounts(), p.Amp(now), i, j, amountIn, p.SwapFee)
}

func (stableSwap) SwapExactOut(p Pool, i, j int, amountOut sdkmath.Int, now time.Time) (sdkmath.Int, sdkmath.Int, error) {
	return dexmath.StableSwapExactOut(p.Amounts(), p.Amp(now), i, j, amountOut, p.SwapFee)
}

func (stableSwap) ClearBatch(p Pool, i, j int, orders []dexmath.BatchOrder, now time.Time) (dexmath.BatchClearing, error) {
	return dexmath.ClearStableSwap(p.Amounts(), p.Amp(now), i, j, p.SwapFee, orders)
}

func (stableSwap) SpotPrice(p Pool, i, j int, now time.Time) (sdkmath.LegacyDec, error) {
	return dexmath.StableSwapSpotPrice(p.Amounts(), p.Amp(now), i, j)
}

func (stableSwap) JoinSingleAsset(p Pool, i int, amountIn sdkmath.Int, now time.Time) (sdkmath.Int, []sdkmath.Int, error) {
	return dexmath.JoinStableSwapSingleAsset(p.Amounts(), p.Amp(now), p.TotalShares, i, amountIn, p.SwapFee)
}

func (stableSwap) ExitSingleAsset(p Pool, i int, shares sdkmath.Int, now time.Time) (sdkmath.Int, []sdkmath.Int, error) {
	return dexmath.ExitStableSwapSingleAssetBySwaps(p.Amounts(), p.Amp(now), p.TotalShares, shares, i, dexmath.ExitFee(p.SwapFee))
}

func (stableSwap) SwapInvariantHolds(before, after Pool, now time.Time) error {
	amp := before.Amp(now)
	d0, err := dexmath.ComputeD(before.Amounts(), amp)
	if err != nil {
		return WrapMathError(err, "pool %d: invariant before swap", before.Id)
	}
	d1, err := dexmath.ComputeD(after.Amounts(), amp)
	if err != nil {
		return WrapMathError(err, "pool %d: invariant after swap", before.Id)
	}
	if d1.LT(d0) {
		return errorsmod.Wrapf(ErrInvariantBroken, "pool %d: D would fall from %s to %s", before.Id, d0, d1)
	}
	return nil
}

func zeros(n int) []sdkmath.Int {
	out := make([]sdkmath.Int, n)
	for k := range out {
		out[k] = sdkmath.ZeroInt()
	}
	return out
}

// joinProportional and exitProportional are the same for every curve.
func joinProportional(p Pool, maxAmounts []sdkmath.Int) (sdkmath.Int, []sdkmath.Int, error) {
	return dexmath.JoinProportional(p.Amounts(), p.TotalShares, maxAmounts)
}

func exitProportional(p Pool, shares sdkmath.Int) ([]sdkmath.Int, error) {
	return dexmath.ExitProportional(p.Amounts(), p.TotalShares, shares)
}
