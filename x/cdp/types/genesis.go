package types

import (
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// DefaultGenesis: default params, no collateral types, an empty pool and
// books, vault ids from 1.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextVaultId: 1, Pool: NewPoolState(), Books: NewBooks()}
}

// Validate checks the params, every collateral type (one state each), that
// vaults are in listed types with unique ids below next_vault_id and
// non-negative amounts, and that the pool and books are set.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if len(gs.CollateralTypes) > int(gs.Params.MaxCollateralTypes) {
		add("%d collateral types exceed max_collateral_types %d", len(gs.CollateralTypes), gs.Params.MaxCollateralTypes)
	}
	types := map[string]bool{}
	for _, c := range gs.CollateralTypes {
		if err := c.Validate(); err != nil {
			add("%s", err)
		}
		if types[c.Denom] {
			add("collateral type %q listed twice", c.Denom)
		}
		types[c.Denom] = true
	}
	states := map[string]bool{}
	for _, s := range gs.CollateralStates {
		if !types[s.Denom] {
			add("state for unlisted collateral type %q", s.Denom)
		}
		if states[s.Denom] {
			add("two states for %q", s.Denom)
		}
		states[s.Denom] = true
		if s.Rate.IsNil() || s.Rate.LT(sdkmath.LegacyOneDec()) || s.LCollateral.IsNil() || s.LCollateral.LT(sdkmath.LegacyOneDec()) ||
			s.LDebt.IsNil() || s.LDebt.IsNegative() {
			add("state of %q: rate and l_collateral must be ≥ 1, l_debt ≥ 0", s.Denom)
		}
		if s.FrozenPrice.IsNil() || s.FrozenPrice.IsNegative() || (gs.Books.Shutdown && !s.FrozenPrice.IsPositive()) {
			add("state of %q: frozen_price must be ≥ 0 (positive after a shutdown)", s.Denom)
		}
		for _, v := range []sdkmath.Int{s.NormalizedDebt, s.Collateral, s.Issued, s.PendingCollateral, s.PendingDebt} {
			if v.IsNil() || v.IsNegative() {
				add("state of %q: negative or unset amount", s.Denom)
				break
			}
		}
	}
	for d := range types {
		if !states[d] {
			add("collateral type %q has no state", d)
		}
	}
	ids := map[uint64]bool{}
	for _, v := range gs.Vaults {
		if v.Id == 0 || v.Id >= gs.NextVaultId || ids[v.Id] {
			add("vault id %d is zero, duplicated or not below next_vault_id %d", v.Id, gs.NextVaultId)
		}
		ids[v.Id] = true
		if !types[v.CollateralType] {
			add("vault %d: unknown collateral type %q", v.Id, v.CollateralType)
		}
		if v.Collateral.IsNil() || v.Collateral.IsNegative() || v.NormalizedDebt.IsNil() || v.NormalizedDebt.IsNegative() {
			add("vault %d: negative or unset amounts", v.Id)
		}
		if err := validAddress("owner", v.Owner); err != nil {
			add("vault %d: %s", v.Id, err)
		}
	}
	if gs.NextVaultId == 0 {
		add("next_vault_id must be ≥ 1")
	}
	if gs.Pool.P.IsNil() || !gs.Pool.P.IsPositive() || gs.Pool.TotalDeposits.IsNil() || gs.Pool.TotalDeposits.IsNegative() {
		add("pool: p must be positive and total_deposits ≥ 0")
	}
	b := gs.Books
	for _, v := range []sdkmath.Int{b.Surplus, b.SystemDebt, b.PsmReserve, b.AgrBoughtBurned, b.SurplusSpent,
		b.AgrMintedSold, b.AgrSaleProceeds, b.SettledDebt, b.SettlementOutstanding} {
		if v.IsNil() || v.IsNegative() {
			add("books: negative or unset amount")
			break
		}
	}
	if b.RedemptionBaseRate.IsNil() || b.RedemptionBaseRate.IsNegative() || b.RedemptionBaseRate.GT(sdkmath.LegacyOneDec()) {
		add("books: redemption_base_rate must be in [0, 1]")
	}
	if len(problems) > 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, strings.Join(problems, "; "))
	}
	return nil
}
