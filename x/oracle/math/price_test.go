package math_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
)

func TestCollateralAndDebtPrice(t *testing.T) {
	ptr := func(s string) *sdkmath.LegacyDec { d := dec(t, s); return &d }
	cases := []struct {
		name                string
		current, historic   sdkmath.LegacyDec
		twap                *sdkmath.LegacyDec
		collateral, debtStr string
	}{
		{"all three", dec(t, "100"), dec(t, "95"), ptr("102"), "95", "102"},
		{"no twap", dec(t, "100"), dec(t, "95"), nil, "95", "100"},
		{"current spikes up", dec(t, "200"), dec(t, "100"), ptr("101"), "100", "200"},
		{"current crashes", dec(t, "10"), dec(t, "100"), ptr("99"), "10", "100"},
		{"historic missing (zero)", dec(t, "100"), sdkmath.LegacyZeroDec(), ptr("90"), "90", "100"},
		{"historic nil", dec(t, "100"), sdkmath.LegacyDec{}, nil, "100", "100"},
		{"twap non-positive ignored", dec(t, "100"), dec(t, "95"), ptr("-1"), "95", "100"},
		{"nothing available", sdkmath.LegacyZeroDec(), sdkmath.LegacyDec{}, nil, "0", "0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			requireDecEqual(t, tc.collateral, oraclemath.CollateralPrice(tc.current, tc.historic, tc.twap))
			requireDecEqual(t, tc.debtStr, oraclemath.DebtPrice(tc.current, tc.historic, tc.twap))
		})
	}
}
