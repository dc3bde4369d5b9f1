package keeper

import (
	"errors"
	"fmt"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// Invariant is a named check of x/cdp's state.
type Invariant struct {
	Name  string
	Check func(ctx sdk.Context) error
}

// Invariants lists x/cdp's invariants (app/invariants.go asserts them after
// every block in tests).
func (k Keeper) Invariants() []Invariant {
	return []Invariant{
		{Name: "cdp/ausd-supply", Check: k.SupplyInvariant},
		{Name: "cdp/module-balance", Check: k.ModuleBalanceInvariant},
		{Name: "cdp/vault-totals", Check: k.VaultTotalsInvariant},
		{Name: "cdp/pool", Check: k.PoolInvariant},
	}
}

// SupplyInvariant: supply(uausd) = Σ issued_t + psm_reserve + system_debt
// + settled_debt (0 until the shutdown's settlement),
// and each type's issued_t = ⌈normalized debt × rate⌉ ≤ Σ its vaults' debt.
func (k Keeper) SupplyInvariant(ctx sdk.Context) error {
	b, err := k.Books.Get(ctx)
	if err != nil {
		return err
	}
	want := b.PsmReserve.Add(b.SystemDebt).Add(b.SettledDebt)
	var errs []error
	err = k.CollateralStates.Walk(ctx, nil, func(d string, st types.CollateralState) (bool, error) {
		want = want.Add(st.Issued)
		debt, err := debtOf(st.NormalizedDebt, st.Rate)
		if err != nil {
			return true, err
		}
		if !debt.Equal(st.Issued) {
			errs = append(errs, fmt.Errorf("%s: issued %s ≠ ⌈normalized debt × rate⌉ %s", d, st.Issued, debt))
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	if got := k.bank.GetSupply(ctx, types.StableDenom).Amount; !got.Equal(want) {
		errs = append(errs, fmt.Errorf("uausd supply %s ≠ Σ issued + psm reserve %s + system debt %s + settled debt %s = %s", got, b.PsmReserve, b.SystemDebt, b.SettledDebt, want))
	}
	return errors.Join(errs...)
}

// ModuleBalanceInvariant: the module holds exactly the recorded AUSD
// (surplus + pool deposits + pool AUSD gains) and, per denom, the recorded
// collateral (types' collateral incl. pending, pool gains, surplus
// collateral, the PSM reserve, the settlement's basket not yet paid).
func (k Keeper) ModuleBalanceInvariant(ctx sdk.Context) error {
	b, err := k.Books.Get(ctx)
	if err != nil {
		return err
	}
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	want := sdk.NewCoins(sdk.NewCoin(types.StableDenom, b.Surplus.Add(pool.TotalDeposits))).Add(pool.Gains...).Add(b.SurplusCollateral...).Add(b.SettlementLeft...)
	if params.PsmDenom != "" {
		want = want.Add(sdk.NewCoin(params.PsmDenom, b.PsmReserve))
	}
	if err := k.CollateralStates.Walk(ctx, nil, func(d string, st types.CollateralState) (bool, error) {
		want = want.Add(sdk.NewCoin(d, st.Collateral))
		return false, nil
	}); err != nil {
		return err
	}
	var errs []error
	for _, c := range want {
		if got := k.bank.GetBalance(ctx, k.moduleAddr, c.Denom).Amount; !got.Equal(c.Amount) {
			errs = append(errs, fmt.Errorf("module holds %s%s, records %s", got, c.Denom, c.Amount))
		}
	}
	if got := k.bank.GetBalance(ctx, k.moduleAddr, types.StableDenom).Amount; !want.AmountOf(types.StableDenom).Equal(got) && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("module holds %suausd, records %s", got, want.AmountOf(types.StableDenom)))
	}
	return errors.Join(errs...)
}

// VaultTotalsInvariant: per type, collateral = Σ vaults' collateral +
// pending_collateral and normalized debt = Σ vaults' + pending_debt; every
// vault is in the risk index and its owner's index.
func (k Keeper) VaultTotalsInvariant(ctx sdk.Context) error {
	coll, debt := map[string]sdkmath.Int{}, map[string]sdkmath.Int{}
	var errs []error
	err := k.Vaults.Walk(ctx, nil, func(id uint64, v types.Vault) (bool, error) {
		if _, ok := coll[v.CollateralType]; !ok {
			coll[v.CollateralType], debt[v.CollateralType] = sdkmath.ZeroInt(), sdkmath.ZeroInt()
		}
		coll[v.CollateralType] = coll[v.CollateralType].Add(v.Collateral)
		debt[v.CollateralType] = debt[v.CollateralType].Add(v.NormalizedDebt)
		if has, err := k.RiskIndex.Has(ctx, riskKeyOf(v)); err != nil || !has {
			errs = append(errs, fmt.Errorf("vault %d missing from the risk index", id))
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.CollateralStates.Walk(ctx, nil, func(d string, st types.CollateralState) (bool, error) {
		c, n := coll[d], debt[d]
		if c.IsNil() {
			c, n = sdkmath.ZeroInt(), sdkmath.ZeroInt()
		}
		if !st.Collateral.Equal(c.Add(st.PendingCollateral)) {
			errs = append(errs, fmt.Errorf("%s: collateral %s ≠ Σ vaults %s + pending %s", d, st.Collateral, c, st.PendingCollateral))
		}
		if !st.NormalizedDebt.Equal(n.Add(st.PendingDebt)) {
			errs = append(errs, fmt.Errorf("%s: normalized debt %s ≠ Σ vaults %s + pending %s", d, st.NormalizedDebt, n, st.PendingDebt))
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	return errors.Join(errs...)
}

// PoolInvariant: Σ depositors' compounded deposits ≤ the pool's total and
// Σ their gains ≤ the gains it holds.
func (k Keeper) PoolInvariant(ctx sdk.Context) error {
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return err
	}
	deposits, gains := sdkmath.ZeroInt(), sdk.NewCoins()
	err = k.PoolDeposits.Walk(ctx, nil, func(a sdk.AccAddress, _ types.PoolDeposit) (bool, error) {
		d, g, err := k.DepositNow(ctx, a)
		if err != nil {
			return true, err
		}
		deposits, gains = deposits.Add(d), gains.Add(g...)
		return false, nil
	})
	if err != nil {
		return err
	}
	if deposits.GT(pool.TotalDeposits) {
		return fmt.Errorf("depositors are owed %suausd, the pool holds %s", deposits, pool.TotalDeposits)
	}
	if !pool.Gains.IsAllGTE(gains) {
		return fmt.Errorf("depositors have gained %s, the pool holds %s", gains, pool.Gains)
	}
	return nil
}
