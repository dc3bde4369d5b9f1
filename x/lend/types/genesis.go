package types

import (
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultGenesis: default params, no markets.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams()}
}

// Validate checks the params, every market, that each market has exactly
// one state with sane amounts, and that positions are in listed markets,
// unique, non-negative and add up to the markets' scaled borrows.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if len(gs.Markets) > int(gs.Params.MaxMarkets) {
		add("%d markets exceed max_markets %d", len(gs.Markets), gs.Params.MaxMarkets)
	}
	markets := map[string]bool{}
	for _, m := range gs.Markets {
		if err := m.Validate(); err != nil {
			add("%s", err)
		}
		if markets[m.Denom] {
			add("market %q listed twice", m.Denom)
		}
		markets[m.Denom] = true
	}
	states := map[string]MarketState{}
	for _, s := range gs.MarketStates {
		if !markets[s.Denom] {
			add("market state for unlisted denom %q", s.Denom)
		}
		if _, dup := states[s.Denom]; dup {
			add("market state %q given twice", s.Denom)
		}
		states[s.Denom] = s
		if s.Cash.IsNil() || s.Cash.IsNegative() || s.ScaledBorrows.IsNil() || s.ScaledBorrows.IsNegative() ||
			s.Reserves.IsNil() || s.Reserves.IsNegative() || s.ReceiptSupply.IsNil() || s.ReceiptSupply.IsNegative() {
			add("market state %q: amounts must be set and ≥ 0", s.Denom)
			continue
		}
		if s.BorrowIndex.IsNil() || !s.BorrowIndex.IsPositive() || s.RateAtTarget.IsNil() || s.RateAtTarget.IsNegative() {
			add("market state %q: borrow_index must be > 0 and rate_at_target ≥ 0", s.Denom)
			continue
		}
		if _, err := s.Total(); err != nil {
			add("market state %q: %s", s.Denom, err)
		}
	}
	for d := range markets {
		if _, ok := states[d]; !ok {
			add("market %q has no state", d)
		}
	}
	seen := map[string]bool{}
	scaled := map[string]sdkmath.Int{}
	for _, p := range gs.Positions {
		if _, err := sdk.AccAddressFromBech32(p.Address); err != nil {
			add("position address %q: %s", p.Address, err)
		}
		if !markets[p.Denom] {
			add("position of %s in unlisted market %q", p.Address, p.Denom)
		}
		key := p.Address + "|" + p.Denom
		if seen[key] {
			add("position %s in %q given twice", p.Address, p.Denom)
		}
		seen[key] = true
		if p.Collateral.IsNil() || p.Collateral.IsNegative() || p.ScaledDebt.IsNil() || p.ScaledDebt.IsNegative() {
			add("position %s in %q: amounts must be set and ≥ 0", p.Address, p.Denom)
			continue
		}
		if s, ok := scaled[p.Denom]; ok {
			scaled[p.Denom] = s.Add(p.ScaledDebt)
		} else {
			scaled[p.Denom] = p.ScaledDebt
		}
	}
	for d, sum := range scaled {
		if s, ok := states[d]; ok && !s.ScaledBorrows.IsNil() && !sum.Equal(s.ScaledBorrows) {
			add("market %q: positions' scaled debt %s differs from scaled_borrows %s", d, sum, s.ScaledBorrows)
		}
	}
	problems = append(problems, gs.backstopGenesisProblems(markets)...)
	if len(problems) > 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, strings.Join(problems, "; "))
	}
	return nil
}
