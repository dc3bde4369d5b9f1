package math

import "errors"

// Sentinel errors. Functions in this package wrap them with fmt.Errorf("%w: ...")
// to add the offending numbers, so callers should compare with errors.Is.
var (
	// ErrInvalidAmount: an amount argument is nil, zero or negative where a
	// positive amount is required.
	ErrInvalidAmount = errors.New("amount must be a positive integer")

	// ErrInvalidReserve: a pool reserve (balance) is nil, zero or negative.
	ErrInvalidReserve = errors.New("pool reserve must be a positive integer")

	// ErrInvalidFee: a fee is nil or outside [0, 1).
	ErrInvalidFee = errors.New("fee must be at least 0 and less than 1")

	// ErrOutputTooSmall: after rounding in favour of the pool the trade or
	// withdrawal would pay out nothing; use a larger amount.
	ErrOutputTooSmall = errors.New("output rounds down to zero; use a larger amount")

	// ErrInsufficientLiquidity: the operation would take a reserve to zero or
	// below (or ask for at least the whole reserve).
	ErrInsufficientLiquidity = errors.New("not enough liquidity in the pool")

	// ErrOverflow: a result does not fit in 256 bits (the range of
	// cosmossdk.io/math Int) or in the range of LegacyDec.
	ErrOverflow = errors.New("result exceeds the 256-bit range")

	// ErrNoConvergence: a Newton iteration did not converge within its step
	// bound; the pool is too imbalanced for the stableswap invariant.
	ErrNoConvergence = errors.New("newton iteration did not converge; pool balances are too far apart")

	// ErrInvalidAmplification: the stableswap amplification A is nil or
	// outside [1, MaxAmplification].
	ErrInvalidAmplification = errors.New("amplification must be between 1 and MaxAmplification")

	// ErrInvalidAssetCount: the number of assets is not supported by the
	// formula, or two slices that must have equal length do not.
	ErrInvalidAssetCount = errors.New("unsupported number of pool assets")

	// ErrInvalidAssetIndex: an asset index is out of range, or the in and out
	// indices are equal.
	ErrInvalidAssetIndex = errors.New("invalid asset index")

	// ErrInsufficientInitialLiquidity: the initial deposit would mint no more
	// than MinimumLiquidity shares.
	ErrInsufficientInitialLiquidity = errors.New("initial liquidity must mint more than MinimumLiquidity shares")

	// ErrZeroShares: a join would mint zero shares after rounding down.
	ErrZeroShares = errors.New("deposit is too small to mint any shares")

	// ErrInvalidShares: a share amount is nil, not positive, or not less than
	// the total supply of shares.
	ErrInvalidShares = errors.New("invalid share amount")

	// ErrInvalidPrice: a price is nil, zero or negative (or rounds to zero at
	// 18 decimals).
	ErrInvalidPrice = errors.New("price must be positive")

	// ErrInvalidTimeRange: a time interval is empty, negative or too long.
	ErrInvalidTimeRange = errors.New("invalid time range")

	// ErrInvalidAccumulator: a TWAP accumulator record is incomplete or
	// inconsistent with another record.
	ErrInvalidAccumulator = errors.New("invalid TWAP accumulator")

	// ErrInternal: an internal consistency check failed. This indicates a bug
	// in this package, never bad user input.
	ErrInternal = errors.New("internal error in dex math")
)
