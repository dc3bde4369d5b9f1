package types

import (
	"errors"
	"fmt"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Parameter bounds checked by Params.Validate.
const (
	MaxPairs                 = 64
	MaxDecimals              = 18
	MaxPriceAgeBlocksLimit   = 100_000
	MaxHistoricWindowBlocks  = 1_000_000
	MaxHistoricSamples       = 1_000 // historic_window_blocks / historic_sample_blocks
	MinMissWindowBlocks      = 10
	MaxMissWindowBlocks      = 1_000_000
	MinVoteExtensionBytes    = 64
	MaxVoteExtensionBytes    = 64 * 1024
	MaxTWAPLookbackSeconds   = 7 * 24 * 3600
	DefaultMaxPriceAgeBlocks = 60
)

var (
	// MinVoteThreshold: fewer than a third of the voting power can never set
	// a price on its own.
	MinVoteThreshold = sdkmath.LegacyNewDecWithPrec(34, 2)
	// DefaultVoteThreshold: two thirds of the power must report a pair. A
	// proposer can leave validators out of the tally (see the README, "What
	// a proposer can do"), but only as long as the reported share stays at
	// or above this threshold, so the higher it is the fewer reports it can
	// drop; a pair then stops updating when more than a third of the power
	// does not report it.
	DefaultVoteThreshold = sdkmath.LegacyNewDecWithPrec(67, 2)
	// MaxSlashFraction caps what a miss window can cost a validator.
	MaxSlashFraction = sdkmath.LegacyNewDecWithPrec(10, 2)
	// MaxMaxChangePerBlock keeps a clamped price positive: it can fall at
	// most by half in one block.
	MaxMaxChangePerBlock = sdkmath.LegacyNewDecWithPrec(5, 1)
)

// DefaultPairs are the pairs of Agora's assets: the staking token, the
// stand-ins for bridged BTC and ETH, and USDC.
func DefaultPairs() []Pair {
	return []Pair{
		{Name: "AGR/USD", Denom: "uagr", Decimals: 6},
		{Name: "BTC/USD", Denom: "ubtc", Decimals: 6},
		{Name: "ETH/USD", Denom: "ueth", Decimals: 6},
		{Name: "USDC/USD", Denom: "uusdc", Decimals: 6},
	}
}

// DefaultParams: the four default pairs, updated when 67% of the voting
// power reports, stale after 60 blocks, at most 10% move per block, a one-hour
// historic median (3600 one-second blocks) sampled every 60 blocks, a
// one-hour miss window, slashing off, 4 KiB vote extensions and a 10-minute
// DEX TWAP lookback. No pair has a DEX guard by default: pool ids exist only
// once pools do, so governance (or a network's genesis) sets each pair's
// dex_guard_pool_id.
func DefaultParams() Params {
	return Params{
		Pairs:                 DefaultPairs(),
		VoteThreshold:         DefaultVoteThreshold,
		MaxPriceAgeBlocks:     DefaultMaxPriceAgeBlocks,
		MaxChangePerBlock:     sdkmath.LegacyNewDecWithPrec(1, 1),
		HistoricWindowBlocks:  3600,
		HistoricSampleBlocks:  60,
		MissWindowBlocks:      3600,
		MinValidPerWindow:     sdkmath.LegacyNewDecWithPrec(5, 2),
		SlashFraction:         sdkmath.LegacyZeroDec(),
		MaxVoteExtensionBytes: 4096,
		TwapLookbackSeconds:   600,
	}
}

// Validate checks every parameter against its bounds (see README
// "Parameters").
func (p Params) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	if len(p.Pairs) > MaxPairs {
		add("pairs: at most %d, got %d", MaxPairs, len(p.Pairs))
	}
	seen := make(map[string]bool, len(p.Pairs))
	for i, pair := range p.Pairs {
		if err := ValidatePairName(pair.Name); err != nil {
			add("pairs[%d]: %v", i, err)
		}
		if seen[pair.Name] {
			add("pairs[%d]: %s listed twice", i, pair.Name)
		}
		seen[pair.Name] = true
		if err := sdk.ValidateDenom(pair.Denom); err != nil {
			add("pairs[%d] %s: denom: %v", i, pair.Name, err)
		}
		if pair.Decimals > MaxDecimals {
			add("pairs[%d] %s: decimals must be at most %d, got %d", i, pair.Name, MaxDecimals, pair.Decimals)
		}
		for _, problem := range pair.guardProblems() {
			add("pairs[%d] %s: %s", i, pair.Name, problem)
		}
	}
	checkDec := func(name string, v, lo, hi sdkmath.LegacyDec) {
		if v.IsNil() {
			add("%s must be set", name)
			return
		}
		if v.LT(lo) || v.GT(hi) {
			add("%s must be in [%s, %s], got %s", name, lo, hi, v)
		}
	}
	checkDec("vote_threshold", p.VoteThreshold, MinVoteThreshold, sdkmath.LegacyOneDec())
	checkDec("max_change_per_block", p.MaxChangePerBlock, sdkmath.LegacyZeroDec(), MaxMaxChangePerBlock)
	checkDec("min_valid_per_window", p.MinValidPerWindow, sdkmath.LegacyZeroDec(), sdkmath.LegacyOneDec())
	checkDec("slash_fraction", p.SlashFraction, sdkmath.LegacyZeroDec(), MaxSlashFraction)

	if p.MaxPriceAgeBlocks < 1 || p.MaxPriceAgeBlocks > MaxPriceAgeBlocksLimit {
		add("max_price_age_blocks must be in [1, %d], got %d", MaxPriceAgeBlocksLimit, p.MaxPriceAgeBlocks)
	}
	if p.HistoricWindowBlocks < 1 || p.HistoricWindowBlocks > MaxHistoricWindowBlocks {
		add("historic_window_blocks must be in [1, %d], got %d", MaxHistoricWindowBlocks, p.HistoricWindowBlocks)
	}
	if p.HistoricSampleBlocks < 1 || p.HistoricSampleBlocks > p.HistoricWindowBlocks {
		add("historic_sample_blocks must be in [1, historic_window_blocks=%d], got %d", p.HistoricWindowBlocks, p.HistoricSampleBlocks)
	} else if p.HistoricWindowBlocks/p.HistoricSampleBlocks > MaxHistoricSamples {
		add("historic_window_blocks / historic_sample_blocks must be at most %d samples, got %d",
			MaxHistoricSamples, p.HistoricWindowBlocks/p.HistoricSampleBlocks)
	}
	if p.MissWindowBlocks < MinMissWindowBlocks || p.MissWindowBlocks > MaxMissWindowBlocks {
		add("miss_window_blocks must be in [%d, %d], got %d", MinMissWindowBlocks, MaxMissWindowBlocks, p.MissWindowBlocks)
	}
	if p.MaxVoteExtensionBytes < MinVoteExtensionBytes || p.MaxVoteExtensionBytes > MaxVoteExtensionBytes {
		add("max_vote_extension_bytes must be in [%d, %d], got %d", MinVoteExtensionBytes, MaxVoteExtensionBytes, p.MaxVoteExtensionBytes)
	} else if need := MaxExtensionSize(p.Pairs); uint64(need) > p.MaxVoteExtensionBytes {
		add("max_vote_extension_bytes %d is too small for an extension carrying every pair (%d bytes)", p.MaxVoteExtensionBytes, need)
	}
	if p.TwapLookbackSeconds < 1 || p.TwapLookbackSeconds > MaxTWAPLookbackSeconds {
		add("twap_lookback_seconds must be in [1, %d], got %d", MaxTWAPLookbackSeconds, p.TwapLookbackSeconds)
	}
	if err := errors.Join(errs...); err != nil {
		// errorsmod.Wrapf keeps ErrInvalidParams' ABCI code; every problem
		// is listed, one per line.
		return errorsmod.Wrapf(ErrInvalidParams, "%v", err)
	}
	return nil
}

// TwapLookback is twap_lookback_seconds as a duration.
func (p Params) TwapLookback() time.Duration {
	return time.Duration(p.TwapLookbackSeconds) * time.Second
}

// HasDexGuard reports whether the pair's prices are guarded by a DEX pool.
func (p Pair) HasDexGuard() bool { return p.DexGuardPoolId != 0 }

// guardProblems checks the three guard fields together: either all unset
// (no guard) or a pool id, a valid quote denom other than the pair's denom
// and its decimals.
func (p Pair) guardProblems() []string {
	if !p.HasDexGuard() {
		if p.DexGuardQuoteDenom != "" || p.DexGuardQuoteDecimals != 0 {
			return []string{"dex_guard_quote_denom and dex_guard_quote_decimals must be empty without dex_guard_pool_id"}
		}
		return nil
	}
	var out []string
	if err := sdk.ValidateDenom(p.DexGuardQuoteDenom); err != nil {
		out = append(out, fmt.Sprintf("dex_guard_quote_denom: %v", err))
	} else if p.DexGuardQuoteDenom == p.Denom {
		out = append(out, fmt.Sprintf("dex_guard_quote_denom must differ from the pair's denom %s", p.Denom))
	}
	if p.DexGuardQuoteDecimals > MaxDecimals {
		out = append(out, fmt.Sprintf("dex_guard_quote_decimals must be at most %d, got %d", MaxDecimals, p.DexGuardQuoteDecimals))
	}
	return out
}

// Pair returns the listed pair with the given name.
func (p Params) Pair(name string) (Pair, bool) {
	for _, pair := range p.Pairs {
		if pair.Name == name {
			return pair, true
		}
	}
	return Pair{}, false
}

// PairNames returns the listed pair names in parameter order.
func (p Params) PairNames() []string {
	out := make([]string, len(p.Pairs))
	for i, pair := range p.Pairs {
		out[i] = pair.Name
	}
	return out
}
