package math_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
)

func TestReportedShare(t *testing.T) {
	cases := []struct {
		name            string
		reported, total int64
		want            string
	}{
		{"two thirds truncated", 2, 3, "0.666666666666666666"},
		{"half", 50, 100, "0.5"},
		{"all", 100, 100, "1"},
		{"none", 0, 100, "0"},
		{"zero total", 5, 0, "0"},
		{"negative total", 5, -1, "0"},
		{"negative reported", -5, 10, "0"},
		{"over total clamps to one", 150, 100, "1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			requireDecEqual(t, tc.want, oraclemath.ReportedShare(tc.reported, tc.total))
		})
	}
}

func TestMeetsThreshold(t *testing.T) {
	cases := []struct {
		name            string
		reported, total int64
		threshold       sdkmath.LegacyDec
		want            bool
	}{
		{"exactly half", 50, 100, dec(t, "0.5"), true},
		{"just under half", 49, 100, dec(t, "0.5"), false},
		// 2/3 = 0.666..., below 0.666...667 even though no 18-decimal share
		// lies strictly between them.
		{"two thirds vs rounded-up 2/3", 2, 3, dec(t, "0.666666666666666667"), false},
		{"all vs rounded-up 2/3", 3, 3, dec(t, "0.666666666666666667"), true},
		{"two thirds vs truncated 2/3", 2, 3, dec(t, "0.666666666666666666"), true},
		{"zero threshold", 0, 100, sdkmath.LegacyZeroDec(), true},
		{"zero total", 1, 0, dec(t, "0.5"), false},
		{"nil threshold", 1, 1, sdkmath.LegacyDec{}, false},
		{"huge threshold does not overflow", 1 << 62, 1 << 62, sdkmath.LegacyNewDec(1 << 62), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := oraclemath.MeetsThreshold(tc.reported, tc.total, tc.threshold); got != tc.want {
				t.Fatalf("MeetsThreshold(%d, %d, %v) = %v, want %v", tc.reported, tc.total, tc.threshold, got, tc.want)
			}
		})
	}
}
