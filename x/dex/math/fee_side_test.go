package math

import (
	"testing"

	sdkmath "cosmossdk.io/math"
)

// Stableswap charges its fee on the input (x/dex/README.md, "Stableswap fee
// on the input"); Curve charges it on the output. This test computes both
// for a two-asset pool with A = 2000 and a 1% fee, 1,000,000 USDC per
// side (6 decimals), for trades from 0.1% to 300% of the reserve, and pins
// the figures the README quotes.
func TestStableSwapFeeOnInputVersusOutput(t *testing.T) {
	reserve := sdkmath.NewInt(1_000_000_000_000)
	balances := []sdkmath.Int{reserve, reserve}
	amp := sdkmath.NewInt(2000)
	fee := sdkmath.LegacyNewDecWithPrec(1, 2)
	type row struct {
		permille      int64
		onInput       sdkmath.Int // what the trader gets, fee on the input (ours)
		onOutput      sdkmath.Int // fee on the output (Curve): no-fee output − ⌈1%⌉
		noFee         sdkmath.Int
		effectiveBpIn int64 // (noFee − onInput)/noFee in 0.01 bp
	}
	var rows []row
	for _, permille := range []int64{1, 10, 100, 1000, 3000} {
		dx := reserve.MulRaw(permille).QuoRaw(1000)
		in, _, err := StableSwapExactIn(balances, amp, 0, 1, dx, fee)
		if err != nil {
			t.Fatal(err)
		}
		free, _, err := StableSwapExactIn(balances, amp, 0, 1, dx, sdkmath.LegacyZeroDec())
		if err != nil {
			t.Fatal(err)
		}
		out := free.Sub(fee.MulInt(free).Ceil().TruncateInt())
		eff := free.Sub(in).MulRaw(1_000_000).Quo(free).Int64()
		rows = append(rows, row{permille, in, out, free, eff})
		t.Logf("sell %5.1f%% of the reserve: no fee %s, fee on input %s, fee on output %s, effective fee on input %.4f%%, trader's gain vs fee on output %s",
			float64(permille)/10, free, in, out, float64(eff)/10_000, in.Sub(out))
	}
	// Up to 10% of the reserve the two conventions charge nearly the same
	// (the effective fee on the input is ≥ 0.99%).
	for _, r := range rows[:3] {
		if r.effectiveBpIn < 9_900 {
			t.Fatalf("%d‰: effective fee %d (0.0001%%) below 0.99%%", r.permille, r.effectiveBpIn)
		}
	}
	// Selling 3× the reserve: the fee on the input costs the trader almost
	// nothing (the output is capped by the reserve), under 0.001%.
	last := rows[len(rows)-1]
	if last.effectiveBpIn >= 10 {
		t.Fatalf("3x the reserve: effective fee %d (0.0001%%), expected below 0.001%%", last.effectiveBpIn)
	}
	// But the pool is paid by the price: it took 3,000,000 USDC-equivalent
	// for less than 1,000,000 out.
	if !last.onInput.LT(reserve) {
		t.Fatalf("output %s not below the reserve", last.onInput)
	}
}
