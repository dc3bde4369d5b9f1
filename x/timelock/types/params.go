package types

import (
	"errors"
	"fmt"

	errorsmod "cosmossdk.io/errors"
)

// Bounds of the parameters and fixed limits.
const (
	MinDelaySeconds              = 1
	MaxDelaySeconds              = 30 * 24 * 3600
	MaxOperationsPerBlockLimit   = 100
	MaxMessagesPerOperation      = 16
	MaxTitleBytes                = 256
	DefaultDelaySeconds          = 24 * 3600
	DefaultMaxOperationsPerBlock = 10
)

// DefaultParams: the mainnet default, a 24-hour delay and at most 10
// operations executed per block.
func DefaultParams() Params {
	return Params{DelaySeconds: DefaultDelaySeconds, MaxOperationsPerBlock: DefaultMaxOperationsPerBlock}
}

// Validate reports every out-of-bounds field at once (wrapped in
// ErrInvalidParams).
func (p Params) Validate() error {
	var errs []error
	if p.DelaySeconds < MinDelaySeconds || p.DelaySeconds > MaxDelaySeconds {
		errs = append(errs, fmt.Errorf("delay_seconds %d is outside [%d, %d]", p.DelaySeconds, MinDelaySeconds, MaxDelaySeconds))
	}
	if p.MaxOperationsPerBlock < 1 || p.MaxOperationsPerBlock > MaxOperationsPerBlockLimit {
		errs = append(errs, fmt.Errorf("max_operations_per_block %d is outside [1, %d]", p.MaxOperationsPerBlock, MaxOperationsPerBlockLimit))
	}
	if len(errs) > 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "%s", errors.Join(errs...))
	}
	return nil
}
