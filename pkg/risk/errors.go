package risk

import "errors"

// Sentinel errors. Every function of this package returns an error wrapping
// exactly one of them (compare with errors.Is); the message adds the offending
// numbers. Consumers map them to their own registered module errors with
// errorsmod.Wrapf, e.g. errorsmod.Wrapf(types.ErrInvalidParams, "%s", err).
var (
	// ErrInvalidAmount: an amount or value is nil or negative (or zero where a
	// positive one is required).
	ErrInvalidAmount = errors.New("amount must be a non-negative integer")

	// ErrInvalidPrice: a price is nil, zero or negative.
	ErrInvalidPrice = errors.New("price must be positive")

	// ErrInvalidRate: a rate, utilization, factor or share is nil or outside
	// the range the function documents.
	ErrInvalidRate = errors.New("rate or factor out of range")

	// ErrInvalidIndex: an interest index is nil or not positive.
	ErrInvalidIndex = errors.New("index must be positive")

	// ErrInvalidDuration: an elapsed time is negative.
	ErrInvalidDuration = errors.New("elapsed time must not be negative")

	// ErrInvalidParams: rate-model, bonus or liquidation parameters violate
	// their bounds (the message lists every violation).
	ErrInvalidParams = errors.New("invalid risk parameters")

	// ErrSplitProfitable: the bonus parameters would let a liquidator earn
	// more by splitting one liquidation into pieces (max bonus × LT above the
	// health factor at which the max bonus starts).
	ErrSplitProfitable = errors.New("liquidation bonus parameters make split liquidations profitable")

	// ErrNotLiquidatable: the position's health factor is at least 1.
	ErrNotLiquidatable = errors.New("position is healthy and cannot be liquidated")

	// ErrNothingToSeize: the position holds none of the collateral asked
	// for, owes none of the debt asked for, or the repay rounds to zero
	// collateral.
	ErrNothingToSeize = errors.New("liquidation would seize nothing")

	// ErrMustNotLeaveDust: the liquidator's max repay is too small to avoid
	// leaving a debt or collateral remainder below the dust value.
	ErrMustNotLeaveDust = errors.New("liquidation would leave dust; repay more")

	// ErrDust: a remainder is positive but worth less than the minimum value.
	ErrDust = errors.New("remaining amount is below the minimum value")

	// ErrOverflow: a result does not fit cosmossdk.io/math Int (256 bits) or
	// LegacyDec (315 bits at 18 decimals).
	ErrOverflow = errors.New("result exceeds the numeric range")
)
