package keeper

import (
	"errors"
	"fmt"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

// SharesInvariant: Σ position shares + Σ unapplied redistributed shares +
// deficit shares = total shares (exact), and per collateral Σ stakes =
// total_stakes and Σ position collateral ≤ total_collateral.
func (k Keeper) SharesInvariant(ctx sdk.Context) error {
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return err
	}
	sum := pool.DeficitShares
	stakes, colls := map[string]sdkmath.Int{}, map[string]sdkmath.Int{}
	var errs []error
	if err := k.CollateralStates.Walk(ctx, nil, func(d string, cs types.CollateralState) (bool, error) {
		sum = sum.Add(cs.UnappliedShares)
		stakes[d], colls[d] = sdkmath.ZeroInt(), sdkmath.ZeroInt()
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.Positions.Walk(ctx, nil, func(_ PositionKey, p types.Position) (bool, error) {
		sum = sum.Add(p.Shares)
		stakes[p.Denom] = stakes[p.Denom].Add(p.Stake)
		colls[p.Denom] = colls[p.Denom].Add(p.Collateral)
		return false, nil
	}); err != nil {
		return err
	}
	if !sum.Equal(pool.TotalShares) {
		errs = append(errs, fmt.Errorf("sum of position, unapplied and deficit shares %s ≠ total shares %s", sum, pool.TotalShares))
	}
	if err := k.CollateralStates.Walk(ctx, nil, func(d string, cs types.CollateralState) (bool, error) {
		if !stakes[d].Equal(cs.TotalStakes) {
			errs = append(errs, fmt.Errorf("%s: Σ stakes %s ≠ total_stakes %s", d, stakes[d], cs.TotalStakes))
		}
		if colls[d].GT(cs.TotalCollateral) {
			errs = append(errs, fmt.Errorf("%s: Σ position collateral %s > total_collateral %s", d, colls[d], cs.TotalCollateral))
		}
		return false, nil
	}); err != nil {
		return err
	}
	return errors.Join(errs...)
}

// ModuleBalanceInvariant: the module holds, per collateral denom, at least
// the collateral recorded for stakers plus the deficit's collateral; per
// synth, exactly the escrow of its pending exchanges (plus, for synth/USD,
// the unclaimed fee pool).
func (k Keeper) ModuleBalanceInvariant(ctx sdk.Context) error {
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return err
	}
	var errs []error
	if err := k.CollateralStates.Walk(ctx, nil, func(d string, cs types.CollateralState) (bool, error) {
		want := cs.TotalCollateral.Add(pool.DeficitCollateral.AmountOf(d))
		if have := k.bank.GetBalance(ctx, k.moduleAddr, d).Amount; have.LT(want) {
			errs = append(errs, fmt.Errorf("%s: module holds %s < staked %s + deficit %s", d, have, cs.TotalCollateral, pool.DeficitCollateral.AmountOf(d)))
		}
		return false, nil
	}); err != nil {
		return err
	}
	escrow := map[string]sdkmath.Int{types.USDDenom: pool.FeePool}
	if err := k.Pending.Walk(ctx, nil, func(id uint64) (bool, error) {
		ex, err := k.Exchanges.Get(ctx, id)
		if err != nil {
			return true, err
		}
		if cur, ok := escrow[ex.FromDenom]; ok {
			escrow[ex.FromDenom] = cur.Add(ex.Amount)
		} else {
			escrow[ex.FromDenom] = ex.Amount
		}
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.Synths.Walk(ctx, nil, func(_ string, s types.Synth) (bool, error) {
		want, ok := escrow[s.Denom()]
		if !ok {
			want = sdkmath.ZeroInt()
		}
		if have := k.bank.GetBalance(ctx, k.moduleAddr, s.Denom()).Amount; !have.Equal(want) {
			errs = append(errs, fmt.Errorf("%s: module holds %s ≠ escrowed in pending exchanges (+ fee pool) %s", s.Denom(), have, want))
		}
		return false, nil
	}); err != nil {
		return err
	}
	return errors.Join(errs...)
}

// DebtInvariant: when every price is available, the stakers' debts (each
// ⌈s_i × D / S⌉ with pending redistribution applied) plus the deficit's
// debt cover the pool debt D and exceed it by at most the rounding
// tolerance (n + 1) × (2 + ⌈D / S⌉) micro-USD for n positions (README
// "Invariants"): rounding favours the pool. Without prices it checks
// nothing (the pool debt cannot be computed).
func (k Keeper) DebtInvariant(ctx sdk.Context) error {
	d, err := k.PoolDebt(ctx)
	if err != nil {
		return nil //nolint:nilerr // no prices: nothing to compare against
	}
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return err
	}
	if pool.TotalShares.IsZero() {
		if d.IsPositive() {
			return fmt.Errorf("pool debt %s with no debt shares", d)
		}
		return nil
	}
	sum, err := types.DebtOf(pool.DeficitShares, pool.TotalShares, d)
	if err != nil {
		return err
	}
	n := int64(0)
	states := map[string]types.CollateralState{}
	if err := k.CollateralStates.Walk(ctx, nil, func(den string, cs types.CollateralState) (bool, error) {
		states[den] = cs
		return false, nil
	}); err != nil {
		return err
	}
	var walkErr error
	if err := k.Positions.Walk(ctx, nil, func(_ PositionKey, p types.Position) (bool, error) {
		cs := states[p.Denom]
		_, ds, err := types.PendingRedistribution(p.Stake, cs.LColl, cs.LShares, p.LCollSnapshot, p.LSharesSnapshot)
		if err != nil {
			walkErr = err
			return true, nil
		}
		shares := p.Shares.Add(ds)
		total := sdkmath.MaxInt(pool.TotalShares, shares)
		debt, err := types.DebtOf(shares, total, d)
		if err != nil {
			walkErr = err
			return true, nil
		}
		sum = sum.Add(debt)
		n++
		return false, nil
	}); err != nil {
		return err
	}
	if walkErr != nil {
		return walkErr
	}
	dUp := d.Ceil().TruncateInt()
	perShare := d.QuoInt(pool.TotalShares).Ceil().TruncateInt()
	tol := sdkmath.NewInt(n + 1).Mul(perShare.AddRaw(2))
	if sum.LT(d.TruncateInt()) {
		return fmt.Errorf("staker debts + deficit %s < pool debt %s", sum, d)
	}
	if sum.GT(dUp.Add(tol)) {
		return fmt.Errorf("staker debts + deficit %s > pool debt %s + tolerance %s", sum, d, tol)
	}
	return nil
}
