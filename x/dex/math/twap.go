package math

import (
	"fmt"
	"math/big"
	"time"

	sdkmath "cosmossdk.io/math"
)

// Time-weighted average prices from cumulative accumulators (as Osmosis
// x/twap). A record stores, at time T, the running sums
//
//	ArithmeticCumulative = Σ p·Δt          (Δt in seconds)
//	GeometricCumulative  = Σ log₂(p)·Δt
//
// where p is the spot price that held during each interval, and the spot
// price now in effect (LastSpotPrice), which will be accumulated over the next
// interval. Time differences are taken in nanoseconds and converted exactly
// (Δt = Δns / 10^9); each product is rounded down (towards −∞) to 18 decimals.

var nanosPerSecond = big.NewInt(int64(time.Second))

// Accumulator is a TWAP record for one price (e.g. quote per base of a pool).
type Accumulator struct {
	// Time is the (block) time of this record.
	Time time.Time
	// ArithmeticCumulative is Σ price·seconds up to Time.
	ArithmeticCumulative sdkmath.LegacyDec
	// GeometricCumulative is Σ log₂(price)·seconds up to Time.
	GeometricCumulative sdkmath.LegacyDec
	// LastSpotPrice is the spot price in effect from Time on.
	LastSpotPrice sdkmath.LegacyDec
}

// NewAccumulator returns the first record of a price series: zero
// accumulators and the given spot price, which must be positive.
func NewAccumulator(t time.Time, spotPrice sdkmath.LegacyDec) (Accumulator, error) {
	if spotPrice.IsNil() || !spotPrice.IsPositive() {
		return Accumulator{}, fmt.Errorf("%w: spot price %v", ErrInvalidPrice, spotPrice)
	}
	return Accumulator{
		Time:                 t,
		ArithmeticCumulative: sdkmath.LegacyZeroDec(),
		GeometricCumulative:  sdkmath.LegacyZeroDec(),
		LastSpotPrice:        spotPrice.Clone(),
	}, nil
}

// Advance returns the record at time now. The interval [prev.Time, now] is
// accumulated at prev.LastSpotPrice (the price that held during it):
//
//	A' = A + ⌊p·Δt⌋,  G' = G + ⌊log₂(p)·Δt⌋,  LastSpotPrice' = spotPrice
//
// now == prev.Time only replaces the spot price.
//
// Errors: ErrInvalidAccumulator for an incomplete prev, ErrInvalidPrice for a
// non-positive spotPrice, ErrInvalidTimeRange if now is before prev.Time or
// the interval does not fit in a time.Duration, ErrOverflow if a cumulative
// leaves the LegacyDec range.
func Advance(prev Accumulator, now time.Time, spotPrice sdkmath.LegacyDec) (Accumulator, error) {
	if spotPrice.IsNil() || !spotPrice.IsPositive() {
		return Accumulator{}, fmt.Errorf("%w: spot price %v", ErrInvalidPrice, spotPrice)
	}
	if err := prev.validate(); err != nil {
		return Accumulator{}, err
	}
	dns, err := elapsed(prev.Time, now)
	if err != nil {
		return Accumulator{}, err
	}
	if dns.Sign() < 0 {
		return Accumulator{}, fmt.Errorf("%w: %s is before the previous record at %s", ErrInvalidTimeRange, now, prev.Time)
	}
	logP, err := Log2(prev.LastSpotPrice)
	if err != nil {
		return Accumulator{}, err
	}
	arith := add(prev.ArithmeticCumulative.BigInt(), floorDiv(mul(prev.LastSpotPrice.BigInt(), dns), nanosPerSecond))
	geo := add(prev.GeometricCumulative.BigInt(), floorDiv(mul(logP.BigInt(), dns), nanosPerSecond))
	next := Accumulator{Time: now, LastSpotPrice: spotPrice.Clone()}
	if next.ArithmeticCumulative, err = toDec("arithmetic accumulator", arith); err != nil {
		return Accumulator{}, err
	}
	if next.GeometricCumulative, err = toDec("geometric accumulator", geo); err != nil {
		return Accumulator{}, err
	}
	return next, nil
}

// Interpolate returns the record at time t ≥ before.Time assuming the spot
// price stayed at before.LastSpotPrice since before.Time (no record was
// written in between because the price did not change). It is
// Advance(before, t, before.LastSpotPrice).
func Interpolate(before Accumulator, t time.Time) (Accumulator, error) {
	if err := before.validate(); err != nil {
		return Accumulator{}, err
	}
	return Advance(before, t, before.LastSpotPrice)
}

// ArithmeticTWAP returns the arithmetic mean price over (start.Time, end.Time]:
//
//	⌊ (A_end − A_start) / Δt ⌋
//
// Errors: ErrInvalidTimeRange if end.Time is not after start.Time,
// ErrInvalidAccumulator if the records are incomplete or A decreased.
func ArithmeticTWAP(start, end Accumulator) (sdkmath.LegacyDec, error) {
	dns, diff, err := twapInputs(start, end, start.ArithmeticCumulative, end.ArithmeticCumulative)
	if err != nil {
		return sdkmath.LegacyZeroDec(), err
	}
	if diff.Sign() < 0 {
		return sdkmath.LegacyZeroDec(), fmt.Errorf("%w: arithmetic accumulator decreased from %s to %s", ErrInvalidAccumulator, start.ArithmeticCumulative, end.ArithmeticCumulative)
	}
	return toDec("arithmetic TWAP", floorDiv(mul(diff, nanosPerSecond), dns))
}

// GeometricTWAP returns the geometric mean price over (start.Time, end.Time]:
//
//	2^( ⌊ (G_end − G_start) / Δt ⌋ )      (Exp2, rounded down)
//
// Errors: as ArithmeticTWAP (except that G may decrease), ErrOverflow from
// Exp2.
func GeometricTWAP(start, end Accumulator) (sdkmath.LegacyDec, error) {
	dns, diff, err := twapInputs(start, end, start.GeometricCumulative, end.GeometricCumulative)
	if err != nil {
		return sdkmath.LegacyZeroDec(), err
	}
	meanLog, err := toDec("mean log2 price", floorDiv(mul(diff, nanosPerSecond), dns))
	if err != nil {
		return sdkmath.LegacyZeroDec(), err
	}
	return Exp2(meanLog)
}

func twapInputs(start, end Accumulator, a, b sdkmath.LegacyDec) (dns, diff *big.Int, err error) {
	if err = start.validate(); err != nil {
		return nil, nil, err
	}
	if err = end.validate(); err != nil {
		return nil, nil, err
	}
	if dns, err = elapsed(start.Time, end.Time); err != nil {
		return nil, nil, err
	}
	if dns.Sign() <= 0 {
		return nil, nil, fmt.Errorf("%w: end %s is not after start %s", ErrInvalidTimeRange, end.Time, start.Time)
	}
	return dns, sub(b.BigInt(), a.BigInt()), nil
}

// elapsed returns to − from in nanoseconds, or an error if the difference
// does not fit in a time.Duration (about 292 years).
func elapsed(from, to time.Time) (*big.Int, error) {
	d := to.Sub(from)
	if !from.Add(d).Equal(to) { // Sub saturates on overflow
		return nil, fmt.Errorf("%w: interval from %s to %s is too long", ErrInvalidTimeRange, from, to)
	}
	return big.NewInt(int64(d)), nil
}

func (a Accumulator) validate() error {
	if a.ArithmeticCumulative.IsNil() || a.GeometricCumulative.IsNil() {
		return fmt.Errorf("%w: nil cumulative value", ErrInvalidAccumulator)
	}
	if a.LastSpotPrice.IsNil() || !a.LastSpotPrice.IsPositive() {
		return fmt.Errorf("%w: spot price %v is not positive", ErrInvalidAccumulator, a.LastSpotPrice)
	}
	return nil
}
