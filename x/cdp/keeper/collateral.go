package keeper

import (
	"context"
	"sort"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/cdp/types"
)

// SetCollateralType lists a collateral type (rate 1 from now) or updates
// one (its fee accrued at the old rate first). A stablecoin (AUSD, the PSM's
// dollar) is refused.
func (k Keeper) SetCollateralType(ctx sdk.Context, ct types.CollateralType) error {
	if err := ct.Validate(); err != nil {
		return err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if types.IsStablecoin(ct.Denom, ct.OraclePair, params.PsmDenom) {
		return errorsmod.Wrapf(types.ErrInvalidCollateralType, "%s (%s) is a stablecoin: it is never vault collateral (the PSM takes dollars)", ct.Denom, ct.OraclePair)
	}
	listed, err := k.CollateralTypes.Has(ctx, ct.Denom)
	if err != nil {
		return err
	}
	if listed {
		if _, _, err := k.AccruedType(ctx, ct.Denom); err != nil {
			return err
		}
	} else {
		n := 0
		if err := k.CollateralTypes.Walk(ctx, nil, func(string, types.CollateralType) (bool, error) { n++; return false, nil }); err != nil {
			return err
		}
		if n >= int(params.MaxCollateralTypes) {
			return errorsmod.Wrapf(types.ErrTooManyTypes, "%d collateral types are listed (max_collateral_types %d)", n, params.MaxCollateralTypes)
		}
		if err := k.CollateralStates.Set(ctx, ct.Denom, types.NewCollateralState(ct.Denom, ctx.BlockTime())); err != nil {
			return err
		}
	}
	if err := k.CollateralTypes.Set(ctx, ct.Denom, ct); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventCollateralTypeSet{CollateralType: ct, Listed: !listed})
}

// collateralType loads a listed type.
func (k Keeper) collateralType(ctx context.Context, denom string) (types.CollateralType, error) {
	ct, err := k.CollateralTypes.Get(ctx, denom)
	if isNotFound(err) {
		return ct, errorsmod.Wrapf(types.ErrUnknownCollateralType, "%q is not a collateral type; see `agorad q cdp collateral-types`", denom)
	}
	return ct, err
}

// AccruedType loads a type and its state with the stability fee accrued to
// the block time: rate' = AccrueIndex(rate, fee, Δt); the new debt
// (⌈N × rate'⌉ − issued) is minted as fees (stability_pool_fee_share to the
// pool's depositors, the rest to the surplus). The state is stored.
func (k Keeper) AccruedType(ctx sdk.Context, denom string) (types.CollateralType, types.CollateralState, error) {
	ct, err := k.collateralType(ctx, denom)
	if err != nil {
		return ct, types.CollateralState{}, err
	}
	st, err := k.CollateralStates.Get(ctx, denom)
	if err != nil {
		return ct, st, err
	}
	elapsed := int64(ctx.BlockTime().Sub(st.LastAccrual).Seconds())
	if elapsed <= 0 || st.FrozenPrice.IsPositive() { // no fee after the shutdown
		return ct, st, nil
	}
	rate, err := risk.AccrueIndex(st.Rate, ct.StabilityFee, elapsed)
	if err != nil {
		return ct, st, errorsmod.Wrapf(types.ErrMath, "accrue %s: %s", denom, err)
	}
	st.Rate, st.LastAccrual = rate, st.LastAccrual.Add(sdkTime(elapsed))
	debt, err := risk.DebtFromScaled(st.NormalizedDebt, rate)
	if err != nil {
		return ct, st, errorsmod.Wrapf(types.ErrMath, "debt of %s: %s", denom, err)
	}
	fees := debt.Sub(st.Issued)
	st.Issued = debt
	if err := k.CollateralStates.Set(ctx, denom, st); err != nil {
		return ct, st, err
	}
	if fees.IsPositive() {
		if err := k.payFees(ctx, denom, rate, fees); err != nil {
			return ct, st, err
		}
	}
	return ct, st, nil
}

// payFees mints fees: the pool's share as AUSD yield (when it has
// deposits), the rest to the surplus.
func (k Keeper) payFees(ctx sdk.Context, denom string, rate sdkmath.LegacyDec, fees sdkmath.Int) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if err := k.mintStable(ctx, fees); err != nil {
		return err
	}
	toPool := params.StabilityPoolFeeShare.MulInt(fees).TruncateInt()
	if toPool.IsPositive() {
		paid, err := k.poolGain(ctx, types.StableDenom, toPool)
		if err != nil {
			return err
		}
		toPool = paid
	}
	if err := k.addSurplus(ctx, fees.Sub(toPool)); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventFeesAccrued{Denom: denom, Rate: rate, ToPool: toPool, ToSurplus: fees.Sub(toPool)})
}

// sync sets the type's issued AUSD to ⌈N × rate⌉ after an operation that
// expected it to be expected: a positive difference (rounding in the
// protocol's favour) is minted to the surplus, a negative one is recorded
// as system debt.
func (k Keeper) sync(ctx sdk.Context, st *types.CollateralState, expected sdkmath.Int) error {
	debt, err := risk.DebtFromScaled(st.NormalizedDebt, st.Rate)
	if err != nil {
		return errorsmod.Wrapf(types.ErrMath, "debt of %s: %s", st.Denom, err)
	}
	st.Issued = debt
	diff := debt.Sub(expected)
	switch {
	case diff.IsPositive():
		if err := k.mintStable(ctx, diff); err != nil {
			return err
		}
		return k.addSurplus(ctx, diff)
	case diff.IsNegative():
		return k.addSystemDebt(ctx, diff.Neg())
	}
	return nil
}

// totalDebt is Σ types' issued AUSD (their debt at the last accrual).
func (k Keeper) totalDebt(ctx context.Context) (sdkmath.Int, error) {
	total := sdkmath.ZeroInt()
	err := k.CollateralStates.Walk(ctx, nil, func(_ string, st types.CollateralState) (bool, error) {
		total = total.Add(st.Issued)
		return false, nil
	})
	return total, err
}

// typeDenoms lists the collateral types in denom order.
func (k Keeper) typeDenoms(ctx context.Context) ([]string, error) {
	var out []string
	err := k.CollateralTypes.Walk(ctx, nil, func(d string, _ types.CollateralType) (bool, error) {
		out = append(out, d)
		return false, nil
	})
	sort.Strings(out)
	return out, err
}

// price is the oracle's collateral price of one whole unit, failing closed
// with ErrPriceUnavailable.
func (k Keeper) price(ctx context.Context, ct types.CollateralType) (sdkmath.LegacyDec, error) {
	if st, err := k.CollateralStates.Get(ctx, ct.Denom); err == nil && st.FrozenPrice.IsPositive() {
		return st.FrozenPrice, nil // after the emergency shutdown: the frozen price
	}
	p, err := k.oracle.CollateralPrice(ctx, ct.OraclePair)
	if err != nil {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrPriceUnavailable,
			"price of %s (oracle pair %s) is unavailable (%s); minting and withdrawing collateral are refused until it updates; deposit and repay still work",
			ct.Denom, ct.OraclePair, err)
	}
	if p.IsNil() || !p.IsPositive() {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrPriceUnavailable, "price of %s is not positive", ct.Denom)
	}
	return p, nil
}
