package types

import (
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"
)

// Bounds of the module parameters.
const (
	DefaultMaxLiquidationsPerBlock = 100
	DefaultMaxTriggersPerBlock     = 50
	DefaultScanPerBlock            = 1000
	MaxPerBlockLimit               = 1000
	MaxScanPerBlock                = 10_000
	// A failing liquidation waits 2, 4, 8, … blocks, at most 128 (as x/lend's deferral).
	DefaultLiquidationBackoffBlocks    = 2
	DefaultMaxLiquidationBackoffBlocks = 128
	MaxLiquidationBackoffBlocks        = 1000
	MaxMaxLiquidationBackoffBlocks     = 10_000
)

// DefaultParams: not paused; EndBlock examines up to 1,000 index entries and
// closes up to 100 positions below maintenance and 50 triggered positions per
// block; a failing liquidation backs off 2, 4, … 128 blocks.
func DefaultParams() Params {
	return Params{
		MaxLiquidationsPerBlock: DefaultMaxLiquidationsPerBlock,
		MaxTriggersPerBlock:     DefaultMaxTriggersPerBlock,
		ScanPerBlock:            DefaultScanPerBlock,

		LiquidationBackoffBlocks:    DefaultLiquidationBackoffBlocks,
		MaxLiquidationBackoffBlocks: DefaultMaxLiquidationBackoffBlocks,
	}
}

// Validate reports every out-of-bounds parameter at once (ErrInvalidParams).
func (p Params) Validate() error {
	var problems []string
	if p.MaxLiquidationsPerBlock > MaxPerBlockLimit {
		problems = append(problems, fmt.Sprintf("max_liquidations_per_block %d is not in [0, %d]", p.MaxLiquidationsPerBlock, MaxPerBlockLimit))
	}
	if p.MaxTriggersPerBlock > MaxPerBlockLimit {
		problems = append(problems, fmt.Sprintf("max_triggers_per_block %d is not in [0, %d]", p.MaxTriggersPerBlock, MaxPerBlockLimit))
	}
	if p.ScanPerBlock < 1 || p.ScanPerBlock > MaxScanPerBlock {
		problems = append(problems, fmt.Sprintf("scan_per_block %d is not in [1, %d]", p.ScanPerBlock, MaxScanPerBlock))
	}
	if p.LiquidationBackoffBlocks < 1 || p.LiquidationBackoffBlocks > MaxLiquidationBackoffBlocks {
		problems = append(problems, fmt.Sprintf("liquidation_backoff_blocks %d is not in [1, %d]", p.LiquidationBackoffBlocks, MaxLiquidationBackoffBlocks))
	}
	if p.MaxLiquidationBackoffBlocks < p.LiquidationBackoffBlocks || p.MaxLiquidationBackoffBlocks > MaxMaxLiquidationBackoffBlocks {
		problems = append(problems, fmt.Sprintf("max_liquidation_backoff_blocks %d is not in [liquidation_backoff_blocks %d, %d]",
			p.MaxLiquidationBackoffBlocks, p.LiquidationBackoffBlocks, MaxMaxLiquidationBackoffBlocks))
	}
	if len(problems) > 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "%s", strings.Join(problems, "; "))
	}
	return nil
}

// BackoffDelay is the wait, in blocks, after a position's attempts-th
// failed liquidation in a row: base × 2^(attempts−1), at most most
// (0 before any failure).
func BackoffDelay(attempts, base, most uint32) int64 {
	if attempts == 0 {
		return 0
	}
	d := int64(base)
	for i := uint32(1); i < attempts && d < int64(most); i++ {
		d *= 2
	}
	return min(d, int64(most))
}
