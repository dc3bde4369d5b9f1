package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// NewPoolState is an empty pool.
func NewPoolState() PoolState {
	return PoolState{
		TotalShares: sdkmath.ZeroInt(), FeePerShare: sdkmath.LegacyZeroDec(), FeePool: sdkmath.ZeroInt(),
		DeficitShares: sdkmath.ZeroInt(), DeficitCollateral: sdk.NewCoins(),
	}
}

// NewCollateralState is the state of a newly listed collateral.
func NewCollateralState(denom string) CollateralState {
	return CollateralState{
		Denom: denom, TotalCollateral: sdkmath.ZeroInt(), TotalStakes: sdkmath.ZeroInt(),
		LColl: sdkmath.LegacyZeroDec(), LShares: sdkmath.LegacyZeroDec(), UnappliedShares: sdkmath.ZeroInt(),
	}
}

// NewSynthState is the state of a newly listed synth (no reference price).
func NewSynthState(symbol string) SynthState {
	return SynthState{Symbol: symbol, ReferencePrice: sdkmath.LegacyZeroDec(), Volatility: sdkmath.LegacyZeroDec()}
}

// DefaultGenesis: default params, nothing listed.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), Pool: NewPoolState(), NextExchangeId: 1}
}

// Validate checks the genesis state: params, each collateral and synth
// (unique, within the limits, each with its state), positions of listed
// collaterals with non-negative amounts, and share totals that add up:
// Σ position shares + Σ unapplied shares + deficit shares = total shares.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	fail := func(format string, args ...any) error {
		return errorsmod.Wrapf(ErrInvalidGenesis, format, args...)
	}
	colls := map[string]bool{}
	for _, c := range gs.Collaterals {
		if err := c.Validate(); err != nil {
			return fail("collateral %s: %v", c.Denom, err)
		}
		if colls[c.Denom] {
			return fail("collateral %s listed twice", c.Denom)
		}
		colls[c.Denom] = true
	}
	if len(colls) > int(gs.Params.MaxCollaterals) {
		return fail("%d collaterals, max %d", len(colls), gs.Params.MaxCollaterals)
	}
	states := map[string]CollateralState{}
	unapplied := sdkmath.ZeroInt()
	for _, s := range gs.CollateralStates {
		if !colls[s.Denom] {
			return fail("state of unlisted collateral %s", s.Denom)
		}
		if _, dup := states[s.Denom]; dup {
			return fail("collateral state %s twice", s.Denom)
		}
		if s.TotalCollateral.IsNil() || s.TotalCollateral.IsNegative() || s.TotalStakes.IsNil() || s.TotalStakes.IsNegative() ||
			s.UnappliedShares.IsNil() || s.UnappliedShares.IsNegative() || s.LColl.IsNil() || s.LColl.IsNegative() || s.LShares.IsNil() || s.LShares.IsNegative() {
			return fail("collateral state %s has a nil or negative field", s.Denom)
		}
		states[s.Denom] = s
		unapplied = unapplied.Add(s.UnappliedShares)
	}
	if len(states) != len(colls) {
		return fail("%d collaterals but %d collateral states", len(colls), len(states))
	}
	synths := map[string]bool{}
	for _, s := range gs.Synths {
		if err := s.Validate(); err != nil {
			return fail("synth %s: %v", s.Symbol, err)
		}
		if synths[s.Symbol] {
			return fail("synth %s listed twice", s.Symbol)
		}
		synths[s.Symbol] = true
	}
	if len(synths) > int(gs.Params.MaxSynths) {
		return fail("%d synths, max %d", len(synths), gs.Params.MaxSynths)
	}
	seenStates := map[string]bool{}
	for _, s := range gs.SynthStates {
		if !synths[s.Symbol] || seenStates[s.Symbol] {
			return fail("synth state %s is unlisted or twice", s.Symbol)
		}
		if s.ReferencePrice.IsNil() || s.ReferencePrice.IsNegative() || s.Volatility.IsNil() || s.Volatility.IsNegative() {
			return fail("synth state %s has a nil or negative field", s.Symbol)
		}
		seenStates[s.Symbol] = true
	}
	if len(seenStates) != len(synths) {
		return fail("%d synths but %d synth states", len(synths), len(seenStates))
	}
	p := gs.Pool
	if p.TotalShares.IsNil() || p.TotalShares.IsNegative() || p.FeePool.IsNil() || p.FeePool.IsNegative() ||
		p.DeficitShares.IsNil() || p.DeficitShares.IsNegative() || p.FeePerShare.IsNil() || p.FeePerShare.IsNegative() {
		return fail("pool has a nil or negative field")
	}
	if err := p.DeficitCollateral.Validate(); err != nil {
		return fail("deficit collateral: %v", err)
	}
	shares := p.DeficitShares.Add(unapplied)
	type key struct{ owner, denom string }
	seen := map[key]bool{}
	for _, pos := range gs.Positions {
		if _, err := sdk.AccAddressFromBech32(pos.Owner); err != nil {
			return fail("position owner %q: %v", pos.Owner, err)
		}
		if !colls[pos.Denom] {
			return fail("position of %s in unlisted collateral %s", pos.Owner, pos.Denom)
		}
		k := key{pos.Owner, pos.Denom}
		if seen[k] {
			return fail("position %s/%s twice", pos.Owner, pos.Denom)
		}
		seen[k] = true
		for name, v := range map[string]sdkmath.Int{"collateral": pos.Collateral, "shares": pos.Shares, "stake": pos.Stake, "unclaimed_fees": pos.UnclaimedFees} {
			if v.IsNil() || v.IsNegative() {
				return fail("position %s/%s: %s is nil or negative", pos.Owner, pos.Denom, name)
			}
		}
		shares = shares.Add(pos.Shares)
	}
	if !shares.Equal(p.TotalShares) {
		return fail("shares add up to %s, pool total is %s", shares, p.TotalShares)
	}
	var maxID uint64
	for _, ex := range gs.Exchanges {
		if ex.Id == 0 {
			return fail("exchange id 0")
		}
		if ex.Id > maxID {
			maxID = ex.Id
		}
		if ex.Status == ExchangeStatus_EXCHANGE_STATUS_UNSPECIFIED {
			return fail("exchange %d has no status", ex.Id)
		}
	}
	if gs.NextExchangeId <= maxID {
		return fail("next_exchange_id %d not above the largest exchange id %d", gs.NextExchangeId, maxID)
	}
	return nil
}

// String names a position (for errors and events).
func (p Position) Key() string { return fmt.Sprintf("%s/%s", p.Owner, p.Denom) }
