package math

import (
	"errors"
	"testing"

	sdkmath "cosmossdk.io/math"
)

// The stableswap spot price is 1 for balanced pools, lies between the
// constant-product price and 1 otherwise, and matches the marginal rate of
// a tiny fee-free swap.
func TestStableSwapSpotPrice(t *testing.T) {
	e18 := sdkmath.NewIntWithDecimal(1, 18)
	bal := func(xs ...int64) []sdkmath.Int {
		out := make([]sdkmath.Int, len(xs))
		for i, x := range xs {
			out[i] = e18.MulRaw(x)
		}
		return out
	}
	p, err := StableSwapSpotPrice(bal(1000, 1000, 1000), sdkmath.NewInt(100), 0, 2)
	if err != nil || !p.Equal(sdkmath.LegacyOneDec()) {
		t.Fatalf("balanced price %s %v", p, err)
	}
	for _, amp := range []int64{1, 10, 100, 5000} {
		balances := bal(1500, 500)
		p, err := StableSwapSpotPrice(balances, sdkmath.NewInt(amp), 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		cp := sdkmath.LegacyNewDecWithPrec(333333333333333333, 18) // 500/1500
		if p.LT(cp) || p.GT(sdkmath.LegacyOneDec()) {
			t.Fatalf("A=%d: price %s outside [%s, 1]", amp, p, cp)
		}
		// Marginal rate of a tiny swap: out/in with in = 10^-9 of the pool.
		in := e18.MulRaw(1500).QuoRaw(1_000_000_000)
		out, _, err := StableSwapExactIn(balances, sdkmath.NewInt(amp), 0, 1, in, sdkmath.LegacyZeroDec())
		if err != nil {
			t.Fatal(err)
		}
		rate := sdkmath.LegacyNewDecFromInt(out).QuoInt(in)
		if diff := rate.Sub(p).Abs(); diff.GT(p.MulInt64(1).QuoInt64(1_000_000)) {
			t.Fatalf("A=%d: spot %s but a tiny swap pays %s", amp, p, rate)
		}
		inv, err := StableSwapSpotPrice(balances, sdkmath.NewInt(amp), 1, 0)
		if err != nil {
			t.Fatal(err)
		}
		if prod := p.Mul(inv); prod.Sub(sdkmath.LegacyOneDec()).Abs().GT(sdkmath.LegacyNewDecWithPrec(1, 15)) {
			t.Fatalf("A=%d: price %s times inverse %s = %s", amp, p, inv, prod)
		}
	}
	if _, err := StableSwapSpotPrice(bal(1, 1), sdkmath.NewInt(10), 0, 0); !errors.Is(err, ErrInvalidAssetIndex) {
		t.Fatalf("same index: %v", err)
	}
	if _, err := StableSwapSpotPrice(bal(1, 1), sdkmath.NewInt(0), 0, 1); !errors.Is(err, ErrInvalidAmplification) {
		t.Fatalf("A=0: %v", err)
	}
}
