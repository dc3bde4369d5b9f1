package risk

import (
	"errors"
	"fmt"
	"math/big"

	sdkmath "cosmossdk.io/math"
)

// AdaptiveCurveModel is an adaptive interest-rate model in the manner of
// Morpho's AdaptiveCurveIRM. Rates are annual (APR). The borrow rate is a
// curve around a rate at target R (state kept by the market):
//
//	e = (U − T)/T        if U ≤ T          (e ∈ [−1, 0])
//	e = (U − T)/(1 − T)  if U > T          (e ∈ (0, 1])
//	curve(R, e) = R × (1 + (1 − 1/k)·e)  if e < 0   (R/k at U = 0)
//	curve(R, e) = R × (1 + (k − 1)·e)    if e ≥ 0   (R·k at U = 1)
//
// and R itself drifts with the error, continuously compounded:
//
//	R(t) = clamp(R₀ · exp(s·e·t/Y), MinRateAtTarget, MaxRateAtTarget)
//
// With elapsed t seconds since the last update, the rate charged over those
// seconds is curve(R̄, e) with R̄ the trapezoidal average of R over the
// interval, (R₀ + R(t) + 2·R(t/2)) / 4 (Morpho's choice; exact when e = 0),
// and the new rate at target is R(t).
type AdaptiveCurveModel struct {
	TargetUtilization   sdkmath.LegacyDec // T, in (0, 1); Morpho: 0.9
	CurveSteepness      sdkmath.LegacyDec // k, in [1, 100]; Morpho: 4
	AdjustmentSpeed     sdkmath.LegacyDec // s, per year, in [0, 1000]; Morpho: 50
	InitialRateAtTarget sdkmath.LegacyDec // R when the market has no state yet; Morpho: 0.04
	MinRateAtTarget     sdkmath.LegacyDec // lower clamp of R, > 0; Morpho: 0.001
	MaxRateAtTarget     sdkmath.LegacyDec // upper clamp of R; Morpho: 2
}

var (
	maxSteepness       = sdkmath.LegacyNewDec(100)
	maxAdjustmentSpeed = sdkmath.LegacyNewDec(1000)
	// maxRateSpread bounds MaxRateAtTarget / MinRateAtTarget, so that
	// clamping the exponent at ±expClamp never changes a result.
	maxRateSpread = sdkmath.LegacyNewDec(1_000_000_000_000)
	// expClamp is 64 at 36 decimals (e^32 > maxRateSpread).
	expClamp = new(big.Int).Mul(big.NewInt(64), new(big.Int).Exp(big.NewInt(10), big.NewInt(36), nil))
)

// Validate reports every bound the model violates, joined, each wrapping
// ErrInvalidParams: fields non-nil; 0 < T < 1; 1 ≤ k ≤ 100; 0 ≤ s ≤ 1000;
// 0 < Min ≤ Initial ≤ Max; Max ≤ Min·10^12; Max·k ≤ MaxAnnualRate.
func (m AdaptiveCurveModel) Validate() error {
	fields := []struct {
		name string
		v    sdkmath.LegacyDec
	}{
		{"target utilization", m.TargetUtilization}, {"curve steepness", m.CurveSteepness},
		{"adjustment speed", m.AdjustmentSpeed}, {"initial rate at target", m.InitialRateAtTarget},
		{"min rate at target", m.MinRateAtTarget}, {"max rate at target", m.MaxRateAtTarget},
	}
	var errs []error
	for _, f := range fields {
		if f.v.IsNil() {
			errs = append(errs, fmt.Errorf("%w: %s is nil", ErrInvalidParams, f.name))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	one := sdkmath.LegacyOneDec()
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidParams}, args...)...))
	}
	if !m.TargetUtilization.IsPositive() || m.TargetUtilization.GTE(one) {
		bad("target utilization %s must be in (0, 1)", m.TargetUtilization)
	}
	if m.CurveSteepness.LT(one) || m.CurveSteepness.GT(maxSteepness) {
		bad("curve steepness %s must be in [1, %s]", m.CurveSteepness, maxSteepness)
	}
	if m.AdjustmentSpeed.IsNegative() || m.AdjustmentSpeed.GT(maxAdjustmentSpeed) {
		bad("adjustment speed %s must be in [0, %s]", m.AdjustmentSpeed, maxAdjustmentSpeed)
	}
	if !m.MinRateAtTarget.IsPositive() {
		bad("min rate at target %s must be positive", m.MinRateAtTarget)
	}
	if m.InitialRateAtTarget.LT(m.MinRateAtTarget) || m.InitialRateAtTarget.GT(m.MaxRateAtTarget) {
		bad("initial rate at target %s must be in [min %s, max %s]", m.InitialRateAtTarget, m.MinRateAtTarget, m.MaxRateAtTarget)
	}
	minR, maxR := m.MinRateAtTarget.BigInt(), m.MaxRateAtTarget.BigInt()
	if minR.Sign() > 0 && mul(maxR, wad).Cmp(mul(minR, maxRateSpread.BigInt())) > 0 {
		bad("max rate at target %s exceeds min × %s", m.MaxRateAtTarget, maxRateSpread)
	}
	if mul(maxR, m.CurveSteepness.BigInt()).Cmp(mul(MaxAnnualRate().BigInt(), wad)) > 0 {
		bad("max rate at target %s × steepness %s exceeds the max annual rate %s",
			m.MaxRateAtTarget, m.CurveSteepness, MaxAnnualRate())
	}
	return errors.Join(errs...)
}

// BorrowRate advances the model by elapsed seconds at utilization u ∈ [0, 1].
// rateAtTarget is the market's stored R (zero: not initialised yet, the model
// starts at InitialRateAtTarget and does not drift this call). It returns the
// annual borrow rate to charge for those seconds (rounded up) and the new
// rate at target to store (rounded up, within [Min, Max]). A stored R outside
// [Min, Max] (e.g. after a parameter change) is first clamped into it.
// Errors: ErrInvalidParams, ErrInvalidRate (u out of range, R nil or
// negative), ErrInvalidDuration.
func (m AdaptiveCurveModel) BorrowRate(rateAtTarget, utilization sdkmath.LegacyDec, elapsed int64) (rate, newRateAtTarget sdkmath.LegacyDec, err error) {
	if err = m.Validate(); err != nil {
		return rate, newRateAtTarget, err
	}
	u, err := decIn(ErrInvalidRate, "utilization", utilization, bigZero, wad)
	if err != nil {
		return rate, newRateAtTarget, err
	}
	r0, err := decNonNeg(ErrInvalidRate, "rate at target", rateAtTarget)
	if err != nil {
		return rate, newRateAtTarget, err
	}
	if elapsed < 0 {
		return rate, newRateAtTarget, fmt.Errorf("%w: %d seconds", ErrInvalidDuration, elapsed)
	}
	t, k := m.TargetUtilization.BigInt(), m.CurveSteepness.BigInt()
	lo, hi := mul(m.MinRateAtTarget.BigInt(), wad), mul(m.MaxRateAtTarget.BigInt(), wad) // at 36 decimals
	// e = (u − t) / d.
	d := t
	if u.Cmp(t) > 0 {
		d = sub(wad, t)
	}
	diff := sub(u, t)

	var start, end, avg *big.Int // rates at target at 36 decimals
	if r0.Sign() == 0 {
		start = mul(m.InitialRateAtTarget.BigInt(), wad)
		end, avg = start, start
	} else {
		start = clampBig(mul(r0, wad), lo, hi)
		// x = s·e·t/Y at 36 decimals = s18·10^18·diff·t / (d·Y), truncated.
		x := new(big.Int).Quo(mul(m.AdjustmentSpeed.BigInt(), wad, diff, big.NewInt(elapsed)), mul(d, bigYear))
		x = clampBig(x, new(big.Int).Neg(expClamp), expClamp)
		end = clampBig(divFloor(mul(start, expHi(x)), hiScale), lo, hi)
		mid := clampBig(divFloor(mul(start, expHi(new(big.Int).Quo(x, big.NewInt(2)))), hiScale), lo, hi)
		avg = new(big.Int).Quo(add(add(start, end), mul(mid, big.NewInt(2))), big.NewInt(4))
	}
	// curve(avg, e): e ≥ 0: avg·(d + (k−1)·diff)/d; e < 0: avg·(k·d + (k−1)·diff)/(k·d).
	var num, den *big.Int
	if diff.Sign() >= 0 {
		num = add(mul(d, wad), mul(sub(k, wad), diff))
		den = mul(d, wad)
	} else {
		num = add(mul(k, d), mul(sub(k, wad), diff))
		den = mul(k, d)
	}
	rate, err = toDec("borrow rate", divCeil(mul(avg, num), mul(den, wad)))
	if err != nil {
		return rate, newRateAtTarget, err
	}
	newRateAtTarget, err = toDec("rate at target", divCeil(end, wad))
	return rate, newRateAtTarget, err
}

func clampBig(v, lo, hi *big.Int) *big.Int {
	if v.Cmp(lo) < 0 {
		return lo
	}
	if v.Cmp(hi) > 0 {
		return hi
	}
	return v
}
