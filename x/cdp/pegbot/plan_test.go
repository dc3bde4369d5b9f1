package pegbot

import (
	"testing"

	sdkmath "cosmossdk.io/math"
)

func TestPlanPeg(t *testing.T) {
	n := sdkmath.NewInt
	d := sdkmath.LegacyMustNewDecFromStr
	size := n(1_000_000_000) // 1,000
	fee, margin := d("0.001"), d("0.001")
	for _, tc := range []struct {
		name              string
		ausdForUsdc, mint int64
		want              Action
	}{
		{"at the peg", 1_000_000_000, 998_000_000, None},
		{"AUSD at 0.98: buy and exit", 1_020_408_163, 978_000_000, BuyAndExit},
		{"AUSD at 0.999: inside the fees", 1_001_001_001, 997_000_000, None},
		{"AUSD at 1.02: mint and sell", 980_000_000, 1_018_980_000, MintAndSell},
	} {
		if got := Plan(size, n(tc.ausdForUsdc), n(tc.mint), fee, fee, margin); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}
