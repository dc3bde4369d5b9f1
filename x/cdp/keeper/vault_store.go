package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// riskKeyOf is the vault's entry in the risk index, computed from what is
// stored (its amounts and snapshots), so it can be found again.
func riskKeyOf(v types.Vault) RiskKey {
	return collections.Join3(v.CollateralType, types.RiskKey(v.NormalizedDebt, v.Collateral, v.LCollateralSnapshot, v.LDebtSnapshot), v.Id)
}

// storedVault loads a vault as stored (pending redistribution not applied).
func (k Keeper) storedVault(ctx context.Context, id uint64) (types.Vault, error) {
	v, err := k.Vaults.Get(ctx, id)
	if isNotFound(err) {
		return v, errorsmod.Wrapf(types.ErrVaultNotFound, "no vault %d; see `agorad q cdp vaults-by-owner`", id)
	}
	return v, err
}

// withPending applies the vault's share of redistributions since its last
// update (types.PendingShare, capped by what the type still has pending)
// to v and st, and moves its snapshots to now. Totals do not change: the
// pending amounts are already in st's collateral and normalized debt.
func withPending(v *types.Vault, st *types.CollateralState) error {
	coll, debt, err := types.PendingShare(v.Collateral, v.LCollateralSnapshot, v.LDebtSnapshot, st.LCollateral, st.LDebt)
	if err != nil {
		return err
	}
	coll = sdkmath.MinInt(coll, st.PendingCollateral)
	debt = sdkmath.MinInt(debt, st.PendingDebt)
	v.Collateral, v.NormalizedDebt = v.Collateral.Add(coll), v.NormalizedDebt.Add(debt)
	st.PendingCollateral, st.PendingDebt = st.PendingCollateral.Sub(coll), st.PendingDebt.Sub(debt)
	v.LCollateralSnapshot, v.LDebtSnapshot = st.LCollateral, st.LDebt
	return nil
}

// loadVault loads a vault with its type accrued to now and its pending
// share applied (in memory: saveVault stores both).
func (k Keeper) loadVault(ctx sdk.Context, id uint64) (types.Vault, types.Vault, types.CollateralType, types.CollateralState, error) {
	stored, err := k.storedVault(ctx, id)
	if err != nil {
		return stored, stored, types.CollateralType{}, types.CollateralState{}, err
	}
	ct, st, err := k.AccruedType(ctx, stored.CollateralType)
	if err != nil {
		return stored, stored, ct, st, err
	}
	v := stored
	if err := withPending(&v, &st); err != nil {
		return stored, v, ct, st, err
	}
	return stored, v, ct, st, nil
}

// saveVault stores the vault, its risk-index entry (old one removed) and
// the type's state.
func (k Keeper) saveVault(ctx context.Context, old *types.Vault, v types.Vault, st types.CollateralState) error {
	if old != nil {
		if err := k.RiskIndex.Remove(ctx, riskKeyOf(*old)); err != nil {
			return err
		}
	}
	if err := k.RiskIndex.Set(ctx, riskKeyOf(v)); err != nil {
		return err
	}
	if err := k.Vaults.Set(ctx, v.Id, v); err != nil {
		return err
	}
	return k.CollateralStates.Set(ctx, st.Denom, st)
}

// removeVault deletes a vault and its index entries (the type's state is
// the caller's).
func (k Keeper) removeVault(ctx context.Context, stored types.Vault) error {
	if err := k.RiskIndex.Remove(ctx, riskKeyOf(stored)); err != nil {
		return err
	}
	owner, err := sdk.AccAddressFromBech32(stored.Owner)
	if err != nil {
		return err
	}
	if err := k.VaultsByOwner.Remove(ctx, collections.Join(owner, stored.Id)); err != nil {
		return err
	}
	return k.Vaults.Remove(ctx, stored.Id)
}

// vaultDebt is ⌈normalized debt × rate⌉.
func vaultDebt(v types.Vault, st types.CollateralState) (sdkmath.Int, error) {
	return debtOf(v.NormalizedDebt, st.Rate)
}
