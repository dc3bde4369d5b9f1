package math_test

import (
	"errors"
	"testing"

	sdkmath "cosmossdk.io/math"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
)

func decs(t *testing.T, ss ...string) []sdkmath.LegacyDec {
	t.Helper()
	out := make([]sdkmath.LegacyDec, len(ss))
	for i, s := range ss {
		out[i] = dec(t, s)
	}
	return out
}

func TestMedian(t *testing.T) {
	cases := []struct {
		name   string
		prices []sdkmath.LegacyDec
		want   string
	}{
		{"single", decs(t, "42"), "42"},
		{"odd unsorted", decs(t, "3", "1", "2"), "2"},
		{"even mean", decs(t, "4", "1", "3", "2"), "2.5"},
		{"even mean rounds down", decs(t, "0.000000000000000001", "0.000000000000000002"), "0.000000000000000001"},
		{"even mean rounds down larger", decs(t, "1", "1.000000000000000003"), "1.000000000000000001"},
		{"ties", decs(t, "5", "5", "5", "9"), "5"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			orig := append([]sdkmath.LegacyDec(nil), tc.prices...)
			got, err := oraclemath.Median(tc.prices)
			if err != nil {
				t.Fatal(err)
			}
			requireDecEqual(t, tc.want, got)
			for i := range orig {
				if !orig[i].Equal(tc.prices[i]) {
					t.Fatal("input was reordered")
				}
			}
		})
	}
}

func TestMedianErrors(t *testing.T) {
	if _, err := oraclemath.Median(nil); !errors.Is(err, oraclemath.ErrNoPrices) {
		t.Fatalf("want ErrNoPrices, got %v", err)
	}
	for name, in := range map[string][]sdkmath.LegacyDec{
		"zero":     decs(t, "1", "0"),
		"negative": decs(t, "-2"),
		"nil":      {{}},
	} {
		if _, err := oraclemath.Median(in); err == nil {
			t.Fatalf("%s: expected error", name)
		}
	}
}
