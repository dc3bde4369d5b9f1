package types_test

import (
	"testing"

	"github.com/agora-labs/agora/x/cdp/types"
)

// The base rate halves every half-life, decays along the chord in between
// (never below the exponential 2^(−t/h)), and rises by r / (2S).
func TestRedemptionFeeDecay(t *testing.T) {
	h := uint64(3600)
	b := d("0.04")
	eqDec(t, "one half-life", types.DecayedBaseRate(b, 3600, h), "0.02")
	eqDec(t, "two half-lives", types.DecayedBaseRate(b, 7200, h), "0.01")
	eqDec(t, "half a half-life", types.DecayedBaseRate(b, 1800, h), "0.03") // chord: 0.04 × 0.75
	eqDec(t, "no time", types.DecayedBaseRate(b, 0, h), "0.04")
	eqDec(t, "forever", types.DecayedBaseRate(b, 1_000_000_000, h), "0")
	// above the exponential at every point: 0.04 × 2^(−0.5) = 0.028284…
	if types.DecayedBaseRate(b, 1800, h).LT(d("0.028284271247461901")) {
		t.Error("decays faster than the exponential")
	}
	prev := b
	for s := int64(60); s <= 4*3600; s += 60 {
		now := types.DecayedBaseRate(b, s, h)
		if now.GT(prev) {
			t.Fatalf("not monotone at %d s", s)
		}
		prev = now
	}
	// redeeming 1 % of the supply adds 0.5 %
	eqDec(t, "raised", types.RaisedBaseRate(d("0.01"), n(1_000_000), n(100_000_000)), "0.015")
	eqDec(t, "capped", types.RaisedBaseRate(d("0.9"), n(100), n(10)), "1")
	eqDec(t, "fee rate", types.RedemptionFeeRate(d("0.005"), d("0.015")), "0.02")
	// $1 of ETH per AUSD at 2,500, rounded down
	c, _ := types.CollateralForRedemption(n(1_000_000_000), d("2500"), 6)
	eqInt(t, "collateral for 1,000 AUSD", c, 400_000)
}
