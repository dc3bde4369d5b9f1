package types

import (
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Bounds of the parameters.
const (
	MaxCollateralsLimit      = 20
	MaxSynthsLimit           = 50
	MaxSettlementsLimit      = 10000
	MaxLiquidationsLimit     = 1000
	MaxExchangeTimeoutBlocks = 100000
	MaxRetentionBlocks       = 1000000
	MaxCollateralDecimals    = 18
)

var (
	maxDynamicFeeFactor  = sdkmath.LegacyNewDec(10)
	maxFee               = sdkmath.LegacyNewDecWithPrec(1, 1) // 0.1
	maxLiquidationReward = sdkmath.LegacyNewDecWithPrec(5, 2) // 0.05
	maxPenalty           = sdkmath.LegacyNewDecWithPrec(5, 1) // 0.5
	maxIssuanceRatio     = sdkmath.LegacyNewDec(100)
)

// DefaultParams: not paused, up to 10 collaterals and 20 synths, 100
// pending exchanges examined and 20 liquidations per block, pending
// exchanges refunded after 50 blocks, a 10 % circuit breaker, a dynamic fee
// of 1 × the recent volatility of the two prices capped at 1 %, fading by
// 10 % a block, a 1 % liquidation reward, finished exchanges kept 10,000
// blocks.
func DefaultParams() Params {
	return Params{
		MaxCollaterals:          10,
		MaxSynths:               20,
		MaxSettlementsPerBlock:  100,
		MaxLiquidationsPerBlock: 20,
		ExchangeTimeoutBlocks:   50,
		CircuitBreakerBound:     sdkmath.LegacyNewDecWithPrec(1, 1),
		DynamicFeeFactor:        sdkmath.LegacyOneDec(),
		MaxDynamicFee:           sdkmath.LegacyNewDecWithPrec(1, 2),
		VolatilityDecay:         sdkmath.LegacyNewDecWithPrec(1, 1),
		LiquidationReward:       sdkmath.LegacyNewDecWithPrec(1, 2),
		ResultRetentionBlocks:   10000,
	}
}

// problems collects every violated bound, so Validate reports all at once.
type problems []string

func (p *problems) addf(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

func (p *problems) decIn(name string, d, lo, hi sdkmath.LegacyDec, loOpen bool) {
	switch {
	case d.IsNil():
		p.addf("%s is not set", name)
	case loOpen && d.LTE(lo), !loOpen && d.LT(lo), d.GT(hi):
		open := "["
		if loOpen {
			open = "("
		}
		p.addf("%s %s is outside %s%s, %s]", name, d, open, lo, hi)
	}
}

func (p *problems) uintIn(name string, v, lo, hi uint64) {
	if v < lo || v > hi {
		p.addf("%s %d is outside [%d, %d]", name, v, lo, hi)
	}
}

func (p problems) err(sentinel *errorsmod.Error) error {
	if len(p) == 0 {
		return nil
	}
	return errorsmod.Wrap(sentinel, strings.Join(p, "; "))
}

// Validate checks every bound and reports every problem at once, wrapped in
// ErrInvalidParams.
func (p Params) Validate() error {
	var ps problems
	zero, one := sdkmath.LegacyZeroDec(), sdkmath.LegacyOneDec()
	ps.uintIn("max_collaterals", uint64(p.MaxCollaterals), 1, MaxCollateralsLimit)
	ps.uintIn("max_synths", uint64(p.MaxSynths), 1, MaxSynthsLimit)
	ps.uintIn("max_settlements_per_block", uint64(p.MaxSettlementsPerBlock), 1, MaxSettlementsLimit)
	ps.uintIn("max_liquidations_per_block", uint64(p.MaxLiquidationsPerBlock), 0, MaxLiquidationsLimit)
	ps.uintIn("exchange_timeout_blocks", p.ExchangeTimeoutBlocks, 1, MaxExchangeTimeoutBlocks)
	ps.uintIn("result_retention_blocks", p.ResultRetentionBlocks, 1, MaxRetentionBlocks)
	ps.decIn("circuit_breaker_bound", p.CircuitBreakerBound, zero, one, true)
	ps.decIn("dynamic_fee_factor", p.DynamicFeeFactor, zero, maxDynamicFeeFactor, false)
	ps.decIn("max_dynamic_fee", p.MaxDynamicFee, zero, maxFee, false)
	ps.decIn("volatility_decay", p.VolatilityDecay, zero, one, true)
	ps.decIn("liquidation_reward", p.LiquidationReward, zero, maxLiquidationReward, false)
	return ps.err(ErrInvalidParams)
}

// Validate checks a collateral's parameters, reporting every problem at
// once, wrapped in ErrInvalidCollateral: the denom is valid and not a
// synth, the pair is set, liquidation_ratio > 1, issuance_ratio >
// liquidation_ratio and ≤ 100, the penalty in [0, 0.5], cap ≥ 0.
func (c Collateral) Validate() error {
	var ps problems
	if err := sdk.ValidateDenom(c.Denom); err != nil {
		ps.addf("denom %q: %v", c.Denom, err)
	}
	if strings.HasPrefix(c.Denom, DenomPrefix) {
		ps.addf("denom %q is a synth: synths cannot be staked", c.Denom)
	}
	if strings.TrimSpace(c.OraclePair) == "" {
		ps.addf("oracle_pair is empty")
	}
	ps.uintIn("decimals", uint64(c.Decimals), 0, MaxCollateralDecimals)
	one := sdkmath.LegacyOneDec()
	ps.decIn("liquidation_ratio", c.LiquidationRatio, one, maxIssuanceRatio, true)
	ps.decIn("issuance_ratio", c.IssuanceRatio, one, maxIssuanceRatio, true)
	if !c.IssuanceRatio.IsNil() && !c.LiquidationRatio.IsNil() && c.IssuanceRatio.LTE(c.LiquidationRatio) {
		ps.addf("issuance_ratio %s must be above liquidation_ratio %s", c.IssuanceRatio, c.LiquidationRatio)
	}
	ps.decIn("liquidation_penalty", c.LiquidationPenalty, sdkmath.LegacyZeroDec(), maxPenalty, false)
	if c.Cap.IsNil() || c.Cap.IsNegative() {
		ps.addf("cap %v must be ≥ 0", c.Cap)
	}
	return ps.err(ErrInvalidCollateral)
}

// Validate checks a synth's parameters, reporting every problem at once,
// wrapped in ErrInvalidSynth: the symbol is valid, USD has no oracle pair
// and every other synth has one, supply_cap ≥ 0, base_fee in [0, 0.1].
func (s Synth) Validate() error {
	var ps problems
	if !ValidSymbol(s.Symbol) {
		ps.addf("symbol %q must be 1 to 12 upper-case letters or digits", s.Symbol)
	}
	switch {
	case s.Symbol == USDSymbol && s.OraclePair != "":
		ps.addf("synth/USD is worth exactly $1: its oracle_pair must be empty, not %q", s.OraclePair)
	case s.Symbol != USDSymbol && strings.TrimSpace(s.OraclePair) == "":
		ps.addf("oracle_pair is empty")
	}
	if s.SupplyCap.IsNil() || s.SupplyCap.IsNegative() {
		ps.addf("supply_cap %v must be ≥ 0", s.SupplyCap)
	}
	ps.decIn("base_fee", s.BaseFee, sdkmath.LegacyZeroDec(), maxFee, false)
	return ps.err(ErrInvalidSynth)
}

// Denom is the synth's denom, synth/{symbol}.
func (s Synth) Denom() string { return SynthDenom(s.Symbol) }
