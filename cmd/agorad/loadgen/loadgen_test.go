package loadgen

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

func TestParseRoute(t *testing.T) {
	route, err := ParseRoute("1:uusdc, 3:ueth")
	if err != nil {
		t.Fatal(err)
	}
	if len(route) != 2 || route[0].PoolId != 1 || route[0].DenomOut != "uusdc" || route[1].PoolId != 3 || route[1].DenomOut != "ueth" {
		t.Fatalf("parsed %+v", route)
	}
	for _, bad := range []string{"", "1", "x:uagr", "1:uagr,2", "-1:uagr"} {
		if _, err := ParseRoute(bad); err == nil {
			t.Errorf("ParseRoute(%q) accepted", bad)
		}
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 100; i >= 1; i-- {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	if got := Percentile(d, 50); got != 50*time.Millisecond {
		t.Errorf("p50 = %s, want 50ms", got)
	}
	if got := Percentile(d, 99); got != 99*time.Millisecond {
		t.Errorf("p99 = %s, want 99ms", got)
	}
	if got := Percentile(nil, 50); got != 0 {
		t.Errorf("p50 of nothing = %s", got)
	}
	if d[0] != 100*time.Millisecond {
		t.Error("Percentile reordered its input")
	}
}

// Fees round up: the node's minimum gas price must always be met.
func TestFeeRoundsUp(t *testing.T) {
	price := sdkmath.LegacyMustNewDecFromStr("0.025")
	if got := feeFor(100_001, price); !got.Equal(sdk.NewCoins(sdk.NewInt64Coin("uagr", 2501))) {
		t.Errorf("fee for 100001 gas = %s, want 2501uagr", got)
	}
	if got := feeFor(100_000, price); !got.Equal(sdk.NewCoins(sdk.NewInt64Coin("uagr", 2500))) {
		t.Errorf("fee for 100000 gas = %s, want 2500uagr", got)
	}
}

func TestBankSendNeverSendsToSelf(t *testing.T) {
	ring := []sdk.AccAddress{sdk.AccAddress("a___________________"), sdk.AccAddress("b___________________")}
	w := BankSend{Ring: ring}
	for i := 0; i < 4; i++ {
		for _, from := range ring {
			msg := w.Msgs(from, i)[0].(*banktypes.MsgSend)
			if msg.ToAddress == from.String() {
				t.Fatalf("tx %d from %s sends to itself", i, from)
			}
		}
	}
}
