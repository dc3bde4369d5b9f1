package types

import (
	"errors"
	"fmt"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	maxUnbondingSeconds = 30 * 24 * 3600
	maxGaugeMinSeconds  = 365 * 24 * 3600
	maxRetentionSeconds = 365 * 24 * 3600
)

// DefaultParams: a one-day unbonding period, no emissions (governance turns
// them on), 10 gauges per pool, gauges of at least an hour, 100 queue
// entries per block, finished gauges kept a week.
func DefaultParams() Params {
	return Params{
		UnbondingPeriodSeconds:  24 * 3600,
		EmissionPerBlock:        sdkmath.ZeroInt(),
		EmissionDenom:           "uagr",
		MaxGaugesPerPool:        10,
		MinGaugeDurationSeconds: 3600,
		MaxQueuePerBlock:        100,

		FinishedGaugeRetentionSeconds: 7 * 24 * 3600,
	}
}

// Validate reports every problem at once, wrapped in ErrInvalidParams.
func (p Params) Validate() error {
	var errs []error
	if p.UnbondingPeriodSeconds > maxUnbondingSeconds {
		errs = append(errs, fmt.Errorf("unbonding_period_seconds %d above %d", p.UnbondingPeriodSeconds, maxUnbondingSeconds))
	}
	if p.EmissionPerBlock.IsNil() || p.EmissionPerBlock.IsNegative() {
		errs = append(errs, errors.New("emission_per_block must be non-negative"))
	}
	if err := sdk.ValidateDenom(p.EmissionDenom); err != nil {
		errs = append(errs, fmt.Errorf("emission_denom: %w", err))
	}
	if p.MaxGaugesPerPool < 1 || p.MaxGaugesPerPool > 100 {
		errs = append(errs, fmt.Errorf("max_gauges_per_pool %d not in [1, 100]", p.MaxGaugesPerPool))
	}
	if p.MinGaugeDurationSeconds < 1 || p.MinGaugeDurationSeconds > maxGaugeMinSeconds {
		errs = append(errs, fmt.Errorf("min_gauge_duration_seconds %d not in [1, %d]", p.MinGaugeDurationSeconds, maxGaugeMinSeconds))
	}
	if p.MaxQueuePerBlock < 1 || p.MaxQueuePerBlock > 10000 {
		errs = append(errs, fmt.Errorf("max_queue_per_block %d not in [1, 10000]", p.MaxQueuePerBlock))
	}
	if p.FinishedGaugeRetentionSeconds > maxRetentionSeconds {
		errs = append(errs, fmt.Errorf("finished_gauge_retention_seconds %d above %d", p.FinishedGaugeRetentionSeconds, maxRetentionSeconds))
	}
	if len(errs) > 0 {
		return errorsmod.Wrap(ErrInvalidParams, errors.Join(errs...).Error())
	}
	return nil
}

// ValidateWeights checks weights statelessly: positive, distinct pools,
// summing to exactly 1 (or empty: no emissions).
func ValidateWeights(ws []PoolWeight) error {
	if len(ws) == 0 {
		return nil
	}
	seen := map[uint64]bool{}
	sum := sdkmath.LegacyZeroDec()
	for _, w := range ws {
		if w.PoolId == 0 {
			return errorsmod.Wrap(ErrInvalidWeights, "pool id 0")
		}
		if seen[w.PoolId] {
			return errorsmod.Wrapf(ErrInvalidWeights, "pool %d listed twice", w.PoolId)
		}
		seen[w.PoolId] = true
		if w.Weight.IsNil() || !w.Weight.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidWeights, "pool %d: weight must be positive", w.PoolId)
		}
		sum = sum.Add(w.Weight)
	}
	if !sum.Equal(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidWeights, "weights sum to %s, not 1", sum)
	}
	return nil
}
