package types_test

import (
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/margin/types"
)

// BackoffDelay: base × 2^(n−1), capped; 0 before any failure.
func TestBackoffDelay(t *testing.T) {
	for _, c := range []struct {
		attempts, base, most uint32
		want                 int64
	}{
		{0, 2, 128, 0}, {1, 2, 128, 2}, {2, 2, 128, 4}, {3, 2, 128, 8}, {7, 2, 128, 128}, {8, 2, 128, 128}, {1000, 2, 128, 128},
		{1, 3, 10, 3}, {2, 3, 10, 6}, {3, 3, 10, 10}, {1, 5, 5, 5}, {40, 1000, 10000, 10000},
	} {
		if got := types.BackoffDelay(c.attempts, c.base, c.most); got != c.want {
			t.Errorf("BackoffDelay(%d, %d, %d) = %d, want %d", c.attempts, c.base, c.most, got, c.want)
		}
	}
}

// MaxRemovable against hand-derived vectors (prices 1 USD per unit):
// a long holding 3,000 with 2,000 of debt at im 0.1 can borrow
// 0.9 × 3,000 − 2,000 = 700; a short holding 3,000 quote owing 2,000 of
// value can give up 3,000 − 1.1 × 2,000 = 800.
func TestMaxRemovableVectors(t *testing.T) {
	one, im := sdkmath.LegacyOneDec(), sdkmath.LegacyMustNewDecFromStr("0.1")
	i := sdkmath.NewInt
	long := types.Value(types.SIDE_LONG, i(3000), i(2000), one, one)
	if got := types.MaxRemovable(types.SIDE_LONG, long, i(3000), one, im); !got.Equal(i(700)) {
		t.Errorf("long: %s, want 700", got)
	}
	short := types.Value(types.SIDE_SHORT, i(3000), i(2000), one, one)
	if got := types.MaxRemovable(types.SIDE_SHORT, short, i(3000), one, im); !got.Equal(i(800)) {
		t.Errorf("short: %s, want 800", got)
	}
	// the results leave the ratio exactly at im
	if v := types.Value(types.SIDE_LONG, i(3000), i(2700), one, one); !v.MarginRatio.Equal(im) {
		t.Errorf("long after: ratio %s", v.MarginRatio)
	}
	if v := types.Value(types.SIDE_SHORT, i(2200), i(2000), one, one); !v.MarginRatio.Equal(im) {
		t.Errorf("short after: ratio %s", v.MarginRatio)
	}
	// nothing to remove below the initial margin; a long's quote at 2 USD halves it
	tight := types.Value(types.SIDE_LONG, i(3000), i(2900), one, one)
	if got := types.MaxRemovable(types.SIDE_LONG, tight, i(3000), one, im); !got.IsZero() {
		t.Errorf("tight long: %s, want 0", got)
	}
	if got := types.MaxRemovable(types.SIDE_LONG, long, i(3000), sdkmath.LegacyNewDec(2), im); !got.Equal(i(350)) {
		t.Errorf("long, quote at 2: %s, want 350", got)
	}
	// UnitPrice undoes WholePrice: 60,000 USDC per BTC with USDC at 1 USD → 0.06 USD per ubtc
	if got := types.UnitPrice(sdkmath.LegacyNewDec(60000), sdkmath.LegacyMustNewDecFromStr("0.000001"), 6, 6); !got.Equal(sdkmath.LegacyMustNewDecFromStr("0.06")) {
		t.Errorf("UnitPrice %s, want 0.06", got)
	}
}

// The backoff parameters' bounds, every problem reported at once.
func TestBackoffParamsBounds(t *testing.T) {
	p := types.DefaultParams()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	p.LiquidationBackoffBlocks, p.MaxLiquidationBackoffBlocks = 0, 20_000
	err := p.Validate()
	if !errorsmod.IsOf(err, types.ErrInvalidParams) {
		t.Fatalf("not ErrInvalidParams: %v", err)
	}
	if err == nil || !strings.Contains(err.Error(), "liquidation_backoff_blocks 0 is not in [1, 1000]") || !strings.Contains(err.Error(), "max_liquidation_backoff_blocks 20000") {
		t.Fatalf("want both problems: %v", err)
	}
	p.LiquidationBackoffBlocks, p.MaxLiquidationBackoffBlocks = 10, 5 // cap below the base
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), "max_liquidation_backoff_blocks 5 is not in [liquidation_backoff_blocks 10") {
		t.Fatalf("cap below base: %v", err)
	}
}
