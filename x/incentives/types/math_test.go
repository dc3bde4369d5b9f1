package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/incentives/types"
)

func i(n int64) sdkmath.Int { return sdkmath.NewInt(n) }

func TestReleasedBy(t *testing.T) {
	cases := []struct {
		name       string
		total      int64
		start, now int64
		dur        uint64
		want       int64
	}{
		{"before start", 1000, 100, 50, 10, 0},
		{"at start", 1000, 100, 100, 10, 0},
		{"a third, rounded down", 1000, 0, 1, 3, 333},
		{"two thirds, rounded down", 1000, 0, 2, 3, 666},
		{"at end", 1000, 0, 3, 3, 1000},
		{"after end", 1000, 0, 99, 3, 1000},
		// README worked example: 7,000 over a week (604,800 s), one day in.
		{"readme: one day of a week", 7_000_000_000, 0, 86_400, 604_800, 1_000_000_000},
	}
	for _, c := range cases {
		if got := types.ReleasedBy(i(c.total), c.start, c.dur, c.now); !got.Equal(i(c.want)) {
			t.Errorf("%s: got %s, want %d", c.name, got, c.want)
		}
	}
}

func TestSpreadCarriesTheRemainder(t *testing.T) {
	// 10 units over 3 shares: acc += ⌊10·10^18/3⌋, carry 10·10^18 mod 3 = 1.
	inc, carry := types.Spread(i(10), i(0), i(3))
	if want := types.AccScale.MulRaw(10).QuoRaw(3); !inc.Equal(want) || !carry.Equal(i(1)) {
		t.Fatalf("inc %s carry %s", inc, carry)
	}
	// Three spreads of 10 over 3: the carries add to a whole increment.
	acc, c := sdkmath.ZeroInt(), sdkmath.ZeroInt()
	for k := 0; k < 3; k++ {
		var d sdkmath.Int
		d, c = types.Spread(i(10), c, i(3))
		acc = acc.Add(d)
	}
	if !acc.Equal(types.AccScale.MulRaw(10)) || !c.IsZero() {
		t.Fatalf("acc %s carry %s: 30 over 3 shares is exactly 10 per share", acc, c)
	}
}

func TestEarnedAndPayable(t *testing.T) {
	// README worked example: alice 300 and bob 100 shares of 400; a day of the
	// week-long 7,000 USDC gauge (1,000 USDC = 10^9 uusdc) releases.
	inc, carry := types.Spread(i(1_000_000_000), i(0), i(400))
	if !carry.IsZero() {
		t.Fatalf("carry %s", carry)
	}
	alice, _ := types.Payable(types.Earned(i(300), inc, i(0)))
	bob, _ := types.Payable(types.Earned(i(100), inc, i(0)))
	if !alice.Equal(i(750_000_000)) || !bob.Equal(i(250_000_000)) {
		t.Fatalf("alice %s bob %s", alice, bob)
	}
	pay, rest := types.Payable(types.AccScale.MulRaw(5).AddRaw(7))
	if !pay.Equal(i(5)) || !rest.Equal(i(7)) {
		t.Fatalf("pay %s rest %s", pay, rest)
	}
}

func TestEmissionShareAndAPR(t *testing.T) {
	// README: 1,000,000 uagr per block, weight 0.3 → 300,000 uagr.
	if got := types.EmissionShare(i(1_000_000), sdkmath.LegacyMustNewDecFromStr("0.3")); !got.Equal(i(300_000)) {
		t.Fatalf("share %s", got)
	}
	if got := types.EmissionShare(i(10), sdkmath.LegacyMustNewDecFromStr("0.333333333333333333")); !got.Equal(i(3)) {
		t.Fatalf("share rounds down: %s", got)
	}
	// README: a week-long 7,000 USDC gauge pays 365,000 USDC a year.
	if got := types.YearlyRate(i(7_000_000_000), 604_800); !got.Equal(i(365_000_000_000)) {
		t.Fatalf("yearly %s", got)
	}
	apr := types.APR(sdkmath.LegacyNewDec(365_000), sdkmath.LegacyNewDec(1_000_000))
	if !apr.Equal(sdkmath.LegacyMustNewDecFromStr("0.365")) {
		t.Fatalf("apr %s", apr)
	}
	if !types.APR(sdkmath.LegacyNewDec(5), sdkmath.LegacyZeroDec()).IsZero() {
		t.Fatal("apr with nothing bonded must be 0")
	}
}
