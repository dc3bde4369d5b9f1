package math

import (
	"fmt"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
)

func BenchmarkSwapExactIn(b *testing.B) {
	e18 := sdkmath.NewIntWithDecimal(1, 18)
	x, y, dx, fee := e18.MulRaw(1_000_000), e18.MulRaw(2_000_000), e18.MulRaw(1234), dec("0.003")
	for b.Loop() {
		if _, _, err := SwapExactIn(x, y, dx, fee); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkComputeD(b *testing.B) {
	e18 := sdkmath.NewIntWithDecimal(1, 18)
	for n := 2; n <= 4; n++ {
		for _, imbalance := range []int64{1, 1000} {
			xs := make([]sdkmath.Int, n)
			for k := range xs {
				xs[k] = e18.MulRaw(1_000_000)
			}
			xs[0] = xs[0].MulRaw(imbalance)
			b.Run(fmt.Sprintf("n=%d/imbalance=%d", n, imbalance), func(b *testing.B) {
				for b.Loop() {
					if _, err := ComputeD(xs, ni(100)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkStableSwapExactIn(b *testing.B) {
	e18 := sdkmath.NewIntWithDecimal(1, 18)
	xs := []sdkmath.Int{e18.MulRaw(1_000_000), e18.MulRaw(1_100_000), e18.MulRaw(900_000)}
	for b.Loop() {
		if _, _, err := StableSwapExactIn(xs, ni(100), 0, 1, e18.MulRaw(1000), dec("0.0004")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAdvance(b *testing.B) {
	r, err := NewAccumulator(t0, dec("1.2345"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Advance(r, t0.Add(5*time.Second), dec("1.3")); err != nil {
			b.Fatal(err)
		}
	}
}
