package math_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
)

func TestClampChange(t *testing.T) {
	cases := []struct {
		name            string
		prev, next, max sdkmath.LegacyDec
		want            string
		wantClamped     bool
	}{
		{"within band", dec(t, "100"), dec(t, "105"), dec(t, "0.1"), "105", false},
		{"at upper bound", dec(t, "100"), dec(t, "110"), dec(t, "0.1"), "110", false},
		{"above band", dec(t, "100"), dec(t, "150"), dec(t, "0.1"), "110", true},
		{"below band", dec(t, "100"), dec(t, "50"), dec(t, "0.1"), "90", true},
		{"at lower bound", dec(t, "100"), dec(t, "90"), dec(t, "0.1"), "90", false},
		{"prev zero means no clamp", sdkmath.LegacyZeroDec(), dec(t, "1000"), dec(t, "0.1"), "1000", false},
		{"prev nil means no clamp", sdkmath.LegacyDec{}, dec(t, "1000"), dec(t, "0.1"), "1000", false},
		{"max zero disables", dec(t, "100"), dec(t, "1000"), sdkmath.LegacyZeroDec(), "1000", false},
		{"max nil disables", dec(t, "100"), dec(t, "1000"), sdkmath.LegacyDec{}, "1000", false},
		// delta = 0.000000000000000003 * 0.5 = 1.5e-18, truncated to 1e-18.
		{"delta truncates conservatively", dec(t, "0.000000000000000003"), dec(t, "1"), dec(t, "0.5"), "0.000000000000000004", true},
		{"max above one lets the lower bound go negative", dec(t, "100"), dec(t, "-500"), dec(t, "2"), "-100", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, clamped := oraclemath.ClampChange(tc.prev, tc.next, tc.max)
			requireDecEqual(t, tc.want, got)
			if clamped != tc.wantClamped {
				t.Fatalf("clamped = %v, want %v", clamped, tc.wantClamped)
			}
		})
	}
}

func TestIsStale(t *testing.T) {
	const maxInt64 = int64(^uint64(0) >> 1)
	cases := []struct {
		name                  string
		last, current, maxAge int64
		want                  bool
	}{
		{"same block", 10, 10, 0, false},
		{"one block with zero max age", 10, 11, 0, true},
		{"at max age", 10, 20, 10, false},
		{"past max age", 10, 21, 10, true},
		{"future update", 30, 20, 5, false},
		{"no overflow", -maxInt64, maxInt64, maxInt64, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := oraclemath.IsStale(tc.last, tc.current, tc.maxAge); got != tc.want {
				t.Fatalf("IsStale(%d, %d, %d) = %v, want %v", tc.last, tc.current, tc.maxAge, got, tc.want)
			}
		})
	}
}
