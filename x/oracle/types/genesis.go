package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultGenesis is the default params and no prices.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams()}
}

// Validate checks the params and that every stored record names a listed
// pair, carries a valid price and appears once.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	seen := make(map[string]bool)
	for _, p := range gs.Prices {
		if _, ok := gs.Params.Pair(p.Pair); !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "price for unlisted pair %q", p.Pair)
		}
		if seen[p.Pair] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "price for %s listed twice", p.Pair)
		}
		seen[p.Pair] = true
		if !ValidPrice(p.Price) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s: invalid price %v", p.Pair, p.Price)
		}
		if p.UpdatedHeight < 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s: negative updated_height", p.Pair)
		}
	}
	type sampleKey struct {
		pair   string
		height int64
	}
	samples := make(map[sampleKey]bool)
	for _, s := range gs.HistoricSamples {
		if _, ok := gs.Params.Pair(s.Pair); !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "historic sample for unlisted pair %q", s.Pair)
		}
		k := sampleKey{s.Pair, s.Height}
		if samples[k] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "historic sample %s@%d listed twice", s.Pair, s.Height)
		}
		samples[k] = true
		if !ValidPrice(s.Price) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "historic sample %s@%d: invalid price", s.Pair, s.Height)
		}
	}
	medians := make(map[string]bool)
	for _, m := range gs.HistoricMedians {
		if _, ok := gs.Params.Pair(m.Pair); !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "historic median for unlisted pair %q", m.Pair)
		}
		if medians[m.Pair] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "historic median for %s listed twice", m.Pair)
		}
		medians[m.Pair] = true
		if !ValidPrice(m.Median) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "historic median %s: invalid price", m.Pair)
		}
	}
	validators := make(map[string]bool)
	for _, mc := range gs.MissCounters {
		if mc.Validator == "" || validators[mc.Validator] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "miss counter validator %q empty or listed twice", mc.Validator)
		}
		validators[mc.Validator] = true
		if _, err := sdk.ConsAddressFromBech32(mc.Validator); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "miss counter validator %q is not a consensus address: %v", mc.Validator, err)
		}
	}
	return nil
}

// ValidateHeights refuses records stamped after height (the chain's initial
// height at InitGenesis): staleness is measured from the recorded height, so
// a price "updated" in the future would never become stale.
func (gs GenesisState) ValidateHeights(height int64) error {
	for _, p := range gs.Prices {
		if p.UpdatedHeight > height {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s: updated_height %d is after the initial height %d", p.Pair, p.UpdatedHeight, height)
		}
	}
	for _, s := range gs.HistoricSamples {
		if s.Height > height {
			return errorsmod.Wrapf(ErrInvalidGenesis, "historic sample %s@%d is after the initial height %d", s.Pair, s.Height, height)
		}
	}
	for _, m := range gs.HistoricMedians {
		if m.UpdatedHeight > height {
			return errorsmod.Wrapf(ErrInvalidGenesis, "historic median %s: updated_height %d is after the initial height %d", m.Pair, m.UpdatedHeight, height)
		}
	}
	return nil
}
