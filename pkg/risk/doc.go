// Package risk is the shared risk arithmetic of Agora's credit modules
// (x/lend, x/cdp, x/synth, x/margin): interest indices, utilization and
// interest-rate models, health factors, liquidation sizing to a target health
// factor, the Dutch liquidation bonus and its split-proof check, dust rules
// and the deficit-covering order. Each rule is written once here; the modules
// keep their own state and messages and call these functions.
//
// The package is pure: no store, no context, no state. cosmossdk.io/math
// values go in, values or errors come out. Every formula is evaluated exactly
// on unbounded integers (math/big; a LegacyDec is its 10^18-scaled integer)
// and rounded once, in the direction the table below states; only the growth
// factor of AccrueIndex and the exponential of the adaptive model use a
// 36-decimal fixed point, with the error bound stated on the function. No
// floating point is used, so results are identical on every node. No
// function panics on any input: nil, negative, out-of-range and overflowing
// inputs return an error wrapping one of the sentinels in errors.go (compare
// with errors.Is; map to a registered module error with errorsmod.Wrapf).
//
// README.md in this directory is the specification: each formula with a
// worked example that examples_test.go asserts number for number.
//
// # Units
//
// Amounts are sdkmath.Int base units. Prices are sdkmath.LegacyDec values of
// one base unit in the oracle's quote; values (amount × price) are LegacyDec
// in that quote. Rates are annual (APR) LegacyDec, turned per-second with
// SecondsPerYear (365 days). Factors (LT, LTV, reserve factor, utilization,
// shares) are LegacyDec in [0, 1]. A bonus b is a LegacyDec above par: the
// liquidator gets (1 + b) × the value repaid.
//
// # Rounding (always in favour of the protocol)
//
//	AccrueIndex, CompoundedRate      up     (debt grows at least at the exact rate)
//	ScaledDebtUp (borrow, mint)      up     (the position owes at least what it got)
//	ScaledDebtDown (repay)           down   (a repayment retires at most what it paid)
//	DebtFromScaled                   up     (what "repay all" charges)
//	Utilization                      up     (the borrow rate errs towards the market)
//	KinkedModel.BorrowRate           up
//	AdaptiveCurveModel.BorrowRate    up     (rate and new rate at target)
//	SupplyRate                       down   (display only)
//	CollateralValue, DebtValue       exact  (integer × 18-decimal price)
//	WeightedCollateral               down   (each term value × factor)
//	TotalDebt                        exact
//	HealthFactor                     down   (capped at MaxHealthFactor)
//	MaxBorrow                        down
//	LiquidationPrice                 up     (warns early)
//	DutchBonus                       down   (the liquidator is the caller)
//	SizeLiquidation: repay           up     (the liquidator pays at least the exact amount)
//	SizeLiquidation: seize           down   (the liquidator gets at most the exact collateral)
//	SizeLiquidation: protocol share  up     (of the bonus part, itself rounded up)
//	CoverDeficit                     exact  (Σ taken + uncovered = deficit)
//	ProRata                          exact  (largest remainders; Σ shares = amount)
//
// # Files
//
//	errors.go       sentinel errors
//	fixed.go        exact integer helpers (conversion, checked range, ⌊⌋ and ⌈⌉)
//	index.go        AccrueIndex, CompoundedRate, ScaledDebtUp/Down, DebtFromScaled
//	utilization.go  Utilization, SupplyRate
//	kinked.go       KinkedModel (two-slope rate model)
//	adaptive.go     AdaptiveCurveModel (Morpho-style adaptive curve)
//	exp.go          deterministic e^x at 36 decimals
//	health.go       values, WeightedCollateral, TotalDebt, HealthFactor, MaxBorrow, LiquidationPrice
//	bonus.go        BonusParams, DutchBonus, CheckSplitProof
//	liquidation.go  SizeLiquidation (target HF, caps, dust, protocol share)
//	dust.go         IsDust, CheckRemainder
//	deficit.go      CoverDeficit, ProRata
package risk
