package math_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
)

// dec parses a decimal literal or fails the test.
func dec(t testing.TB, s string) sdkmath.LegacyDec {
	t.Helper()
	d, err := sdkmath.LegacyNewDecFromStr(s)
	if err != nil {
		t.Fatalf("bad decimal %q: %v", s, err)
	}
	return d
}

// requireDecEqual fails the test unless got equals the decimal literal want.
func requireDecEqual(t testing.TB, want string, got sdkmath.LegacyDec) {
	t.Helper()
	if got.IsNil() || !dec(t, want).Equal(got) {
		t.Fatalf("want %s, got %v", want, got)
	}
}
