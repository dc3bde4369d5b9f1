package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// The stability pool (Liquity): AUSD deposits that absorb liquidated debt
// for the collateral, tracked with the product–sum accumulators of
// types.OffsetPool. The module account holds the deposits and the gains.

func (k Keeper) sum(ctx context.Context, denom string, epoch, scale uint64) (sdkmath.LegacyDec, error) {
	s, err := k.PoolSums.Get(ctx, collections.Join3(denom, epoch, scale))
	if isNotFound(err) {
		return sdkmath.LegacyZeroDec(), nil
	}
	return s, err
}

// offsetPool applies debt d and gain g of denom (types.OffsetPool) and
// stores the pool and the sum. The caller burns d and holds g.
func (k Keeper) offsetPool(ctx context.Context, denom string, d, g sdkmath.Int) error {
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return err
	}
	off, err := types.OffsetPool(pool.P, pool.Scale, pool.Epoch, pool.TotalDeposits, d, g)
	if err != nil {
		return err
	}
	if off.SGain.IsPositive() {
		s, err := k.sum(ctx, denom, pool.Epoch, pool.Scale)
		if err != nil {
			return err
		}
		if err := k.PoolSums.Set(ctx, collections.Join3(denom, pool.Epoch, pool.Scale), s.Add(off.SGain)); err != nil {
			return err
		}
	}
	pool.P, pool.Scale, pool.Epoch, pool.TotalDeposits = off.P, off.Scale, off.Epoch, off.Total
	pool.Gains = pool.Gains.Add(sdk.NewCoin(denom, g))
	return k.Pool.Set(ctx, pool)
}

// poolGain hands amt of denom (held by the module) to the depositors; it
// returns what the pool took (0 when it has no deposits).
func (k Keeper) poolGain(ctx context.Context, denom string, amt sdkmath.Int) (sdkmath.Int, error) {
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if !types.PoolUsable(pool.TotalDeposits) {
		return sdkmath.ZeroInt(), nil
	}
	return amt, k.offsetPool(ctx, denom, sdkmath.ZeroInt(), amt)
}

// gainDenoms are the denoms a depositor can have gained: every collateral
// type and AUSD (the fee yield).
func (k Keeper) gainDenoms(ctx context.Context) ([]string, error) {
	ds, err := k.typeDenoms(ctx)
	return append(ds, types.StableDenom), err
}

// DepositNow is a depositor's compounded deposit and gains now.
func (k Keeper) DepositNow(ctx context.Context, depositor sdk.AccAddress) (sdkmath.Int, sdk.Coins, error) {
	dep, err := k.PoolDeposits.Get(ctx, depositor)
	if isNotFound(err) {
		return sdkmath.ZeroInt(), sdk.NewCoins(), nil
	}
	if err != nil {
		return sdkmath.Int{}, nil, err
	}
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return sdkmath.Int{}, nil, err
	}
	compounded, err := types.CompoundedDeposit(dep.Initial, dep.P, dep.Scale, dep.Epoch, pool.P, pool.Scale, pool.Epoch)
	if err != nil {
		return sdkmath.Int{}, nil, err
	}
	denoms, err := k.gainDenoms(ctx)
	if err != nil {
		return sdkmath.Int{}, nil, err
	}
	snap := map[string]sdkmath.LegacyDec{}
	for _, s := range dep.S {
		snap[s.Denom] = s.S
	}
	gains := sdk.NewCoins()
	for _, d := range denoms {
		s0, ok := snap[d]
		if !ok {
			s0 = sdkmath.LegacyZeroDec()
		}
		at, err := k.sum(ctx, d, dep.Epoch, dep.Scale)
		if err != nil {
			return sdkmath.Int{}, nil, err
		}
		next, err := k.sum(ctx, d, dep.Epoch, dep.Scale+1)
		if err != nil {
			return sdkmath.Int{}, nil, err
		}
		g, err := types.DepositGain(dep.Initial, dep.P, s0, at, next)
		if err != nil {
			return sdkmath.Int{}, nil, err
		}
		// never more than the pool holds for depositors
		g = sdkmath.MinInt(g, pool.Gains.AmountOf(d))
		gains = gains.Add(sdk.NewCoin(d, g))
	}
	return compounded, gains, nil
}

// settle pays a depositor's gains and rewrites its deposit as
// compounded + delta with fresh snapshots; it returns the gains paid and
// the new deposit. delta < 0 withdraws (at most the deposit).
func (k Keeper) settle(ctx sdk.Context, depositor sdk.AccAddress, delta sdkmath.Int) (sdk.Coins, sdkmath.Int, error) {
	compounded, gains, err := k.DepositNow(ctx, depositor)
	if err != nil {
		return nil, sdkmath.Int{}, err
	}
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return nil, sdkmath.Int{}, err
	}
	for _, g := range gains {
		if err := k.pay(ctx, depositor, g.Denom, g.Amount); err != nil {
			return nil, sdkmath.Int{}, err
		}
	}
	pool.Gains = pool.Gains.Sub(gains...)
	// the compounded value is ≤ the depositor's true share: the dust stays
	// in total_deposits. A deposit leaving entirely takes its compounded
	// value, so the tracked total never goes below Σ deposits.
	next := compounded.Add(delta)
	if next.IsNegative() {
		return nil, sdkmath.Int{}, errorsmod.Wrapf(types.ErrInsufficientDeposit, "withdrawing %s from a deposit of %s", delta.Neg(), compounded)
	}
	pool.TotalDeposits = pool.TotalDeposits.Add(delta)
	if pool.TotalDeposits.IsNegative() {
		return nil, sdkmath.Int{}, errorsmod.Wrapf(types.ErrMath, "pool total below zero")
	}
	if err := k.Pool.Set(ctx, pool); err != nil {
		return nil, sdkmath.Int{}, err
	}
	if next.IsZero() {
		return gains, next, k.PoolDeposits.Remove(ctx, depositor)
	}
	denoms, err := k.gainDenoms(ctx)
	if err != nil {
		return nil, sdkmath.Int{}, err
	}
	dep := types.PoolDeposit{Depositor: depositor.String(), Initial: next, P: pool.P, Scale: pool.Scale, Epoch: pool.Epoch}
	for _, d := range denoms {
		s, err := k.sum(ctx, d, pool.Epoch, pool.Scale)
		if err != nil {
			return nil, sdkmath.Int{}, err
		}
		dep.S = append(dep.S, types.SumSnapshot{Denom: d, S: s})
	}
	return gains, next, k.PoolDeposits.Set(ctx, depositor, dep)
}

// PoolDeposit moves amount uausd into the stability pool (paying the
// depositor's gains so far). Refused while paused.
func (k Keeper) PoolDeposit(ctx context.Context, depositor sdk.AccAddress, amount sdkmath.Int) (sdk.Coins, error) {
	var gains sdk.Coins
	err := atomic(ctx, func(ctx sdk.Context) error {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		if params.Paused {
			return errorsmod.Wrap(types.ErrPaused, "the module is paused: stability pool deposits are refused (withdrawals stay open)")
		}
		if err := k.refuseIfShutdown(ctx, "a stability pool deposit"); err != nil {
			return err
		}
		if err := k.take(ctx, depositor, types.StableDenom, amount); err != nil {
			return err
		}
		var now sdkmath.Int
		if gains, now, err = k.settle(ctx, depositor, amount); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventPoolDeposit{Depositor: depositor.String(), Amount: amount, Deposit: now})
	})
	return gains, err
}

// PoolWithdraw pays out amount uausd of the deposit (all: the whole
// compounded deposit) and the gains. Open while paused.
func (k Keeper) PoolWithdraw(ctx context.Context, depositor sdk.AccAddress, amount sdkmath.Int, all bool) (sdkmath.Int, sdk.Coins, error) {
	var gains sdk.Coins
	err := atomic(ctx, func(ctx sdk.Context) error {
		has, err := k.PoolDeposits.Has(ctx, depositor)
		if err != nil {
			return err
		}
		if !has {
			return errorsmod.Wrapf(types.ErrNoPoolDeposit, "%s has no stability pool deposit", depositor)
		}
		if err := k.refuseWhileLiquidationPending(ctx); err != nil {
			return err
		}
		if all {
			if amount, _, err = k.DepositNow(ctx, depositor); err != nil {
				return err
			}
		}
		var now sdkmath.Int
		if gains, now, err = k.settle(ctx, depositor, amount.Neg()); err != nil {
			return err
		}
		if err := k.pay(ctx, depositor, types.StableDenom, amount); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventPoolWithdraw{Depositor: depositor.String(), Amount: amount, Deposit: now})
	})
	return amount, gains, err
}

// ClaimGains pays the depositor's gains and keeps the deposit.
func (k Keeper) ClaimGains(ctx context.Context, depositor sdk.AccAddress) (sdk.Coins, error) {
	var gains sdk.Coins
	err := atomic(ctx, func(ctx sdk.Context) error {
		has, err := k.PoolDeposits.Has(ctx, depositor)
		if err != nil {
			return err
		}
		if !has {
			return errorsmod.Wrapf(types.ErrNoPoolDeposit, "%s has no stability pool deposit", depositor)
		}
		if gains, _, err = k.settle(ctx, depositor, sdkmath.ZeroInt()); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventGainsClaimed{Depositor: depositor.String(), Gains: gains})
	})
	return gains, err
}
