package types

import (
	"fmt"

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
			return fmt.Errorf("%w: price for unlisted pair %q", ErrInvalidGenesis, p.Pair)
		}
		if seen[p.Pair] {
			return fmt.Errorf("%w: price for %s listed twice", ErrInvalidGenesis, p.Pair)
		}
		seen[p.Pair] = true
		if !ValidPrice(p.Price) {
			return fmt.Errorf("%w: %s: invalid price %v", ErrInvalidGenesis, p.Pair, p.Price)
		}
		if p.UpdatedHeight < 0 {
			return fmt.Errorf("%w: %s: negative updated_height", ErrInvalidGenesis, p.Pair)
		}
	}
	type sampleKey struct {
		pair   string
		height int64
	}
	samples := make(map[sampleKey]bool)
	for _, s := range gs.HistoricSamples {
		if _, ok := gs.Params.Pair(s.Pair); !ok {
			return fmt.Errorf("%w: historic sample for unlisted pair %q", ErrInvalidGenesis, s.Pair)
		}
		k := sampleKey{s.Pair, s.Height}
		if samples[k] {
			return fmt.Errorf("%w: historic sample %s@%d listed twice", ErrInvalidGenesis, s.Pair, s.Height)
		}
		samples[k] = true
		if !ValidPrice(s.Price) {
			return fmt.Errorf("%w: historic sample %s@%d: invalid price", ErrInvalidGenesis, s.Pair, s.Height)
		}
	}
	medians := make(map[string]bool)
	for _, m := range gs.HistoricMedians {
		if _, ok := gs.Params.Pair(m.Pair); !ok {
			return fmt.Errorf("%w: historic median for unlisted pair %q", ErrInvalidGenesis, m.Pair)
		}
		if medians[m.Pair] {
			return fmt.Errorf("%w: historic median for %s listed twice", ErrInvalidGenesis, m.Pair)
		}
		medians[m.Pair] = true
		if !ValidPrice(m.Median) {
			return fmt.Errorf("%w: historic median %s: invalid price", ErrInvalidGenesis, m.Pair)
		}
	}
	validators := make(map[string]bool)
	for _, mc := range gs.MissCounters {
		if mc.Validator == "" || validators[mc.Validator] {
			return fmt.Errorf("%w: miss counter validator %q empty or listed twice", ErrInvalidGenesis, mc.Validator)
		}
		validators[mc.Validator] = true
		if _, err := sdk.ConsAddressFromBech32(mc.Validator); err != nil {
			return fmt.Errorf("%w: miss counter validator %q is not a consensus address: %v", ErrInvalidGenesis, mc.Validator, err)
		}
	}
	return nil
}
