package math

import (
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

func TestLog2ExactPowersOfTwo(t *testing.T) {
	for _, c := range []struct{ x, want string }{
		{"1", "0"},
		{"2", "1"},
		{"8", "3"},
		{"1024", "10"},
		{"0.5", "-1"},
		{"0.125", "-3"},
		{"0.0009765625", "-10"},
	} {
		got, err := Log2(dec(c.x))
		require.NoError(t, err)
		requireDecEq(t, dec(c.want), got)
	}
	// 2^255 as a decimal.
	x := sdkmath.LegacyNewDecFromBigInt(new(big.Int).Lsh(big.NewInt(1), 255))
	got, err := Log2(x)
	require.NoError(t, err)
	requireDecEq(t, sdkmath.LegacyNewDec(255), got)
}

func TestLog2ReferenceValues(t *testing.T) {
	// Reference values: log₂ to 60 significant digits (Python decimal,
	// ln(x)/ln(2)), rounded down to 18 decimals.
	for _, c := range []struct{ x, want string }{
		{"1.5", "0.584962500721156181"},                    // 0.58496250072115618145…
		{"3", "1.584962500721156181"},                      // 1.58496250072115618145…
		{"7", "2.807354922057604107"},                      // 2.80735492205760410744…
		{"10", "3.321928094887362347"},                     // 3.32192809488736234787…
		{"0.1", "-3.321928094887362348"},                   // −3.32192809488736234787…
		{"0.000000000000000001", "-59.794705707972522262"}, // −59.79470570797252226166…
		{"0.999999999999999999", "-0.000000000000000002"},  // −1.4426…·10^-18
		{"1.000000000000000001", "0.000000000000000001"},   // 1.4426…·10^-18
		{"123456789.123456789", "26.879430934303168861"},   // 26.87943093430316886123…
	} {
		got, err := Log2(dec(c.x))
		require.NoError(t, err)
		requireDecEq(t, dec(c.want), got)
	}
	// The brief's tolerance check, stated explicitly.
	got, err := Log2(dec("1.5"))
	require.NoError(t, err)
	require.True(t, got.Sub(dec("0.5849625007211562")).Abs().LTE(dec("0.000000000000001")))
}

func TestLog2Errors(t *testing.T) {
	for _, x := range []sdkmath.LegacyDec{sdkmath.LegacyZeroDec(), dec("-1"), {}} {
		_, err := Log2(x)
		requireErrorIs(t, err, ErrInvalidPrice)
	}
}

func TestExp2ReferenceValues(t *testing.T) {
	for _, c := range []struct{ y, want string }{
		{"0", "1"},
		{"3", "8"},
		{"-1", "0.5"},
		{"-10", "0.0009765625"},
		{"0.5", "1.414213562373095048"},                    // 1.41421356237309504880…
		{"-0.5", "0.707106781186547524"},                   // 0.70710678118654752440…
		{"10.1", "1097.496025637164200154"},                // 1097.49602563716420015411…
		{"0.000000000000000001", "1"},                      // 1.00000000000000000069…
		{"0.999999999999999999", "1.999999999999999998"},   // 1.99999999999999999861…
		{"0.584962500721156181", "1.499999999999999999"},   // 1.49999999999999999952…
		{"-61", "0"},                                       // below 10^-18
		{"-59.794705707972522262", "0"},                    // 9.99999999999999999768…·10^-19
		{"-59.794705707972522261", "0.000000000000000001"}, // just above 10^-18
		{"-100000000000000000000000000", "0"},              // far below
	} {
		got, err := Exp2(dec(c.y))
		require.NoError(t, err)
		requireDecEq(t, dec(c.want), got)
	}

	// 2^255.5 = 8.18773715074641276175512015429796283075…·10^76: compare the
	// leading 18 significant digits.
	got, err := Exp2(dec("255.5"))
	require.NoError(t, err)
	require.Equal(t, "818773715074641276", got.TruncateInt().String()[:18])

	_, err = Exp2(dec("256"))
	requireErrorIs(t, err, ErrOverflow)
	_, err = Exp2(sdkmath.LegacyDec{})
	requireErrorIs(t, err, ErrInvalidPrice)
	v, err := Exp2(dec("255.999999999999999999"))
	require.NoError(t, err)
	require.True(t, v.IsPositive())
}

func TestLog2Exp2RoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(10))
	tol := dec("0.000000000000001") // relative 10^-15
	for k := 0; k < 1000; k++ {
		// x in [10^-6, 10^30]
		x := sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).Rand(rng, new(big.Int).Exp(big.NewInt(10), big.NewInt(48), nil)), 18)
		if x.LT(dec("0.000001")) {
			continue
		}
		l, err := Log2(x)
		require.NoError(t, err)
		back, err := Exp2(l)
		require.NoError(t, err)
		rel := back.Sub(x).Abs().Quo(x)
		require.True(t, rel.LTE(tol), "x %s log2 %s exp2 %s", x, l, back)
		require.True(t, back.LTE(x), "rounding down twice must not exceed x")
	}
}
