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
)

// DefaultParams: not paused; EndBlock examines up to 1,000 index entries and
// closes up to 100 positions below maintenance and 50 triggered positions per block.
func DefaultParams() Params {
	return Params{
		MaxLiquidationsPerBlock: DefaultMaxLiquidationsPerBlock,
		MaxTriggersPerBlock:     DefaultMaxTriggersPerBlock,
		ScanPerBlock:            DefaultScanPerBlock,
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
	if len(problems) > 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "%s", strings.Join(problems, "; "))
	}
	return nil
}
