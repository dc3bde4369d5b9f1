package risk

import (
	"testing"
)

// Benchmarks of the hot paths: an index accrual (every market touch) and a
// liquidation sizing (every liquidation, protocol liquidations per block).
// Run with `go test -bench . ./pkg/risk/`; speed is never asserted.

func BenchmarkAccrueIndexOneBlock(b *testing.B) {
	index, rate := dec("1.234567890123456789"), dec("0.0731")
	for i := 0; i < b.N; i++ {
		if _, err := AccrueIndex(index, rate, 6); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAccrueIndexOneYear(b *testing.B) {
	index, rate := dec("1.234567890123456789"), dec("0.0731")
	for i := 0; i < b.N; i++ {
		if _, err := AccrueIndex(index, rate, SecondsPerYear); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAdaptiveBorrowRate(b *testing.B) {
	m, r, u := morpho(), dec("0.04"), dec("0.95")
	for i := 0; i < b.N; i++ {
		if _, _, err := m.BorrowRate(r, u, 6); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSizeLiquidation(b *testing.B) {
	in := example()
	for i := 0; i < b.N; i++ {
		if _, err := SizeLiquidation(in); err != nil {
			b.Fatal(err)
		}
	}
}
