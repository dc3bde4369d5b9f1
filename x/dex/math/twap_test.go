package math

import (
	"math"
	"math/big"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func TestTWAPTwoPrices(t *testing.T) {
	// Price 2 for 10 s, then 8 for 10 s.
	r0, err := NewAccumulator(t0, dec("2"))
	require.NoError(t, err)
	r1, err := Advance(r0, t0.Add(10*time.Second), dec("8"))
	require.NoError(t, err)
	requireDecEq(t, dec("20"), r1.ArithmeticCumulative) // 2·10
	requireDecEq(t, dec("10"), r1.GeometricCumulative)  // log₂2·10
	requireDecEq(t, dec("8"), r1.LastSpotPrice)
	r2, err := Advance(r1, t0.Add(20*time.Second), dec("1"))
	require.NoError(t, err)
	requireDecEq(t, dec("100"), r2.ArithmeticCumulative) // + 8·10
	requireDecEq(t, dec("40"), r2.GeometricCumulative)   // + 3·10

	a, err := ArithmeticTWAP(r0, r2)
	require.NoError(t, err)
	requireDecEq(t, dec("5"), a) // (2+8)/2
	g, err := GeometricTWAP(r0, r2)
	require.NoError(t, err)
	requireDecEq(t, dec("4"), g) // √(2·8)

	// Sub-interval.
	a, err = ArithmeticTWAP(r1, r2)
	require.NoError(t, err)
	requireDecEq(t, dec("8"), a)
	g, err = GeometricTWAP(r1, r2)
	require.NoError(t, err)
	requireDecEq(t, dec("8"), g)
}

func TestTWAPSubSecondAndInterpolate(t *testing.T) {
	r0, err := NewAccumulator(t0, dec("1.5"))
	require.NoError(t, err)
	r1, err := Advance(r0, t0.Add(250*time.Millisecond), dec("3"))
	require.NoError(t, err)
	requireDecEq(t, dec("0.375"), r1.ArithmeticCumulative) // 1.5·0.25

	// Nothing recorded for 1.75 s: interpolate with the last price 3.
	at, err := Interpolate(r1, t0.Add(2*time.Second))
	require.NoError(t, err)
	requireDecEq(t, dec("5.625"), at.ArithmeticCumulative) // 0.375 + 3·1.75
	requireDecEq(t, dec("3"), at.LastSpotPrice)
	a, err := ArithmeticTWAP(r0, at)
	require.NoError(t, err)
	requireDecEq(t, dec("2.8125"), a) // 5.625 / 2

	// Geometric: 1.5^(1/8)·3^(7/8) = 2^(0.125·log₂1.5 + 0.875·log₂3) ≈ 2.75125…
	g, err := GeometricTWAP(r0, at)
	require.NoError(t, err)
	want := math.Pow(1.5, 0.125) * math.Pow(3, 0.875) // float only as a test oracle
	require.InDelta(t, want, g.MustFloat64(), 1e-12)

	// Same time: only the spot price changes.
	same, err := Advance(at, at.Time, dec("4"))
	require.NoError(t, err)
	requireDecEq(t, at.ArithmeticCumulative, same.ArithmeticCumulative)
	requireDecEq(t, dec("4"), same.LastSpotPrice)
}

func TestTWAPConstantPrice(t *testing.T) {
	for _, p := range []string{"0.000000000000000001", "0.000001", "0.37", "1", "1.5", "12345.678", "1000000000000000000000"} {
		price := dec(p)
		r0, err := NewAccumulator(t0, price)
		require.NoError(t, err)
		r1, err := Interpolate(r0, t0.Add(7*time.Hour+3*time.Millisecond))
		require.NoError(t, err)
		// Both means round down; relative error 10^-15, or one unit for the
		// tiniest price (whose accumulated 25200.003 units truncate).
		tol := price.Mul(dec("0.000000000000001")).Add(sdkmath.LegacySmallestDec())
		a, err := ArithmeticTWAP(r0, r1)
		require.NoError(t, err)
		require.True(t, a.LTE(price) && price.Sub(a).LTE(tol), "price %s arithmetic %s", price, a)
		g, err := GeometricTWAP(r0, r1)
		require.NoError(t, err)
		require.True(t, g.LTE(price))
		require.True(t, price.Sub(g).LTE(tol), "price %s geometric %s", price, g)
	}
}

func TestTWAPErrors(t *testing.T) {
	r0, err := NewAccumulator(t0, dec("2"))
	require.NoError(t, err)

	_, err = NewAccumulator(t0, dec("0"))
	requireErrorIs(t, err, ErrInvalidPrice)
	_, err = Advance(r0, t0.Add(-time.Second), dec("2"))
	requireErrorIs(t, err, ErrInvalidTimeRange)
	_, err = Advance(r0, t0.Add(time.Second), dec("-2"))
	requireErrorIs(t, err, ErrInvalidPrice)
	_, err = Advance(Accumulator{Time: t0}, t0.Add(time.Second), dec("2"))
	requireErrorIs(t, err, ErrInvalidAccumulator)
	_, err = Interpolate(Accumulator{Time: t0}, t0.Add(time.Second))
	requireErrorIs(t, err, ErrInvalidAccumulator)
	_, err = Advance(r0, t0.AddDate(300, 0, 0), dec("2")) // > 292 years of nanoseconds
	requireErrorIs(t, err, ErrInvalidTimeRange)

	_, err = ArithmeticTWAP(r0, r0)
	requireErrorIs(t, err, ErrInvalidTimeRange)
	_, err = GeometricTWAP(r0, r0)
	requireErrorIs(t, err, ErrInvalidTimeRange)
	r1, err := Advance(r0, t0.Add(time.Second), dec("2"))
	require.NoError(t, err)
	_, err = ArithmeticTWAP(r1, r0)
	requireErrorIs(t, err, ErrInvalidTimeRange)
	bad := r1
	bad.ArithmeticCumulative = dec("-1")
	_, err = ArithmeticTWAP(r0, bad)
	requireErrorIs(t, err, ErrInvalidAccumulator)

	// Accumulator overflow is an error, not a panic.
	huge := sdkmath.LegacyNewDecFromBigInt(new(big.Int).Lsh(big.NewInt(1), 255)) // 2^255 · 3 s > 2^256
	h0, err := NewAccumulator(t0, huge)
	require.NoError(t, err)
	_, err = Advance(h0, t0.Add(3*time.Second), huge)
	requireErrorIs(t, err, ErrOverflow)
}
