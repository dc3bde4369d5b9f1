package types

import (
	"errors"
	"fmt"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Bounds of the parameters.
const (
	MaxBodyBytesLimit     = 65536
	MaxEditWindowSeconds  = 7 * 24 * 3600
	MaxRetentionSeconds   = 365 * 24 * 3600
	MaxPrunePerBlockLimit = 10000
)

// DefaultParams: 1 AGR per comment to the community pool, 2,000-byte
// bodies, a 10-minute edit window, threads kept 30 days after the proposal
// ended, 200 comments pruned per block.
func DefaultParams() Params {
	return Params{
		PostFee:           sdk.NewCoins(sdk.NewCoin("uagr", sdkmath.NewInt(1_000_000))),
		MaxBodyBytes:      2000,
		EditWindowSeconds: 600,
		RetentionSeconds:  30 * 24 * 3600,
		PrunePerBlock:     200,
	}
}

// Validate reports every out-of-bounds field at once (wrapped in
// ErrInvalidParams).
func (p Params) Validate() error {
	var errs []error
	if err := validateFee(p.PostFee); err != nil {
		errs = append(errs, fmt.Errorf("post_fee: %s", err))
	}
	if p.MaxBodyBytes < 1 || p.MaxBodyBytes > MaxBodyBytesLimit {
		errs = append(errs, fmt.Errorf("max_body_bytes %d is outside [1, %d]", p.MaxBodyBytes, MaxBodyBytesLimit))
	}
	if p.EditWindowSeconds > MaxEditWindowSeconds {
		errs = append(errs, fmt.Errorf("edit_window_seconds %d is over %d", p.EditWindowSeconds, MaxEditWindowSeconds))
	}
	if p.RetentionSeconds > MaxRetentionSeconds {
		errs = append(errs, fmt.Errorf("retention_seconds %d is over %d", p.RetentionSeconds, MaxRetentionSeconds))
	}
	if p.PrunePerBlock < 1 || p.PrunePerBlock > MaxPrunePerBlockLimit {
		errs = append(errs, fmt.Errorf("prune_per_block %d is outside [1, %d]", p.PrunePerBlock, MaxPrunePerBlockLimit))
	}
	if len(errs) > 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "%s", errors.Join(errs...))
	}
	return nil
}

// validateFee checks a fee's coins (sorted, positive, no duplicates)
// without panicking on an amount left unset.
func validateFee(fee sdk.Coins) error {
	for _, c := range fee {
		if c.Amount.IsNil() {
			return fmt.Errorf("%s has no amount", c.Denom)
		}
	}
	return fee.Validate()
}
