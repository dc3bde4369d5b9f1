// Package math holds the pure, deterministic formulas of the Agora price
// oracle. Every function here runs inside consensus (vote-extension
// verification, PrepareProposal/ProcessProposal and the pre-blocker), so the package
// obeys three rules:
//
//   - No floating point. All prices are cosmossdk.io/math LegacyDec values
//     (18 decimal places) and all arithmetic is exact integer arithmetic on
//     their atto-unit representation, or comparisons.
//   - No panics on caller data: inputs that would make a LegacyDec operation
//     overflow are either rejected with an error or handled with big.Int
//     arithmetic that cannot overflow.
//   - Results never depend on the order of inputs (maps are never iterated,
//     sorts are total on the value that is returned).
//
// # Aggregation
//
// WeightedMedian turns the validators' votes for one pair into a single
// price. Votes are sorted by price and their voting power is accumulated in
// that order; the result is the first price at which the accumulated power
// reaches at least half of the total power:
//
//	cumulative(i) * 2 >= total
//
// This is the LOWER weighted median. When the power splits exactly in half
// between two prices (for example two equal-power votes) the lower of the two
// is chosen; the median is never an interpolation, so the result is always a
// price that some validator actually reported. Votes with equal prices are
// interchangeable, so the result does not depend on the order of the votes.
// Empty input, nil or non-positive prices and non-positive powers are errors.
//
// Median is the plain (unweighted) median used for the historic median of
// stored prices: the middle value for an odd count; for an even count the
// arithmetic mean of the two middle values, rounded down to 18 decimal places
// (a + floor((b-a)/2) in atto units, which cannot overflow).
//
// # Participation
//
// ReportedShare is reportedPower/totalPower truncated to 18 decimals and
// clamped to [0, 1]; it is zero when totalPower is not positive.
// MeetsThreshold answers reportedPower/totalPower >= threshold exactly
// (compared as reportedPower*10^18 >= threshold_atto*totalPower, no rounding),
// and is false when totalPower is not positive or threshold is nil.
//
// # Guards
//
// ClampChange bounds the per-block move of a price relative to the previous
// one. With delta = prev*maxChange truncated to 18 decimals, the accepted
// range is [prev-delta, prev+delta]; a next price outside it is replaced by
// the nearer bound and wasClamped is true. Truncating delta makes the guard
// conservative: the price never moves by more than maxChange. A nil or
// non-positive prev (no previous price) or a nil or non-positive maxChange
// (guard disabled) means no clamping.
//
// IsStale reports whether a price last updated at lastUpdateHeight is older
// than maxAge blocks at currentHeight: currentHeight-lastUpdateHeight >
// maxAge. A lastUpdateHeight in the future is not stale. Whether a price was
// ever set is the caller's concern.
//
// # Collateral and debt prices
//
// CollateralPrice is the minimum and DebtPrice the maximum of the available
// inputs among the current price, the historic median and an optional TWAP.
// An input is available when it is non-nil and positive. Valuing collateral
// low and debt high means a manipulated spike in either direction cannot
// inflate borrowing power. When no input is available the result is zero,
// which callers must treat as "no price".
package math
