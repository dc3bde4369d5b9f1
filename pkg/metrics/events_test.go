package metrics_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/prometheus/client_golang/prometheus/testutil"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/metrics"
	cdptypes "github.com/agora-labs/agora/x/cdp/types"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
	synthtypes "github.com/agora-labs/agora/x/synth/types"
)

// The event names the metrics follow are the modules' typed events.
func TestEventNames(t *testing.T) {
	for name, msg := range map[string]proto.Message{
		metrics.EventSwap:                &dextypes.EventSwap{},
		metrics.EventSwapFilled:          &dextypes.EventSwapFilled{},
		metrics.EventBatchCleared:        &dextypes.EventBatchCleared{},
		metrics.EventLendLiquidate:       &lendtypes.EventLiquidate{},
		metrics.EventProtocolLiquidation: &lendtypes.EventProtocolLiquidation{},
		metrics.EventVaultLiquidated:     &cdptypes.EventVaultLiquidated{},
		metrics.EventStakerLiquidated:    &synthtypes.EventStakerLiquidated{},
		metrics.EventPriceNotUpdated:     &oracletypes.EventPriceNotUpdated{},
		metrics.EventPriceStale:          &oracletypes.EventPriceStale{},
	} {
		if got := proto.MessageName(msg); got != name {
			t.Errorf("event %s is named %s", name, got)
		}
	}
}

func event(t *testing.T, msg proto.Message) abci.Event {
	t.Helper()
	ev, err := sdk.TypedEventToEvent(msg)
	if err != nil {
		t.Fatal(err)
	}
	return abci.Event(ev)
}

func hop(pool uint64, in string) dextypes.SwapHop {
	c, err := sdk.ParseCoinNormalized(in)
	if err != nil {
		panic(err)
	}
	return dextypes.SwapHop{PoolId: pool, TokenIn: c}
}

// A committed block's events move the counters: swap hops of successful
// transactions and of the end blocker, batches, liquidations, oracle
// misses; a failed transaction's events, and any block while metrics are
// off, count nothing.
func TestRecordFinalizeBlock(t *testing.T) {
	t.Cleanup(func() { metrics.SetEnabled(false) })
	filled := event(t, &dextypes.EventSwapFilled{OrderId: 1, Hops: []dextypes.SwapHop{hop(901, "1000uusdc"), hop(902, "7uagr")}})
	direct := event(t, &dextypes.EventSwap{Hops: []dextypes.SwapHop{hop(901, "250uusdc")}})
	batch := event(t, &dextypes.EventBatchCleared{PoolId: 901, Filled: 3, Refused: 2, Price: sdkmath.LegacyOneDec()})
	block := &abci.ResponseFinalizeBlock{
		TxResults: []*abci.ExecTxResult{
			{Code: 0, Events: []abci.Event{direct, event(t, &lendtypes.EventLiquidate{Bonus: sdkmath.LegacyZeroDec()})}},
			{Code: 5, Events: []abci.Event{direct, event(t, &lendtypes.EventLiquidate{Bonus: sdkmath.LegacyZeroDec()})}}, // failed: ignored
		},
		Events: []abci.Event{
			filled, batch,
			event(t, &cdptypes.EventVaultLiquidated{}),
			event(t, &oracletypes.EventPriceNotUpdated{Pair: "TEST/USD", PowerShare: sdkmath.LegacyZeroDec(), Threshold: sdkmath.LegacyZeroDec()}),
			{Type: "agora.dex.v1.EventSwapFilled", Attributes: []abci.EventAttribute{{Key: "hops", Value: "not json"}}},
		},
	}
	swaps := func(pool string) float64 { return testutil.ToFloat64(metrics.DexSwaps.WithLabelValues(pool)) }
	volume := func(pool, denom string) float64 {
		return testutil.ToFloat64(metrics.DexSwapVolume.WithLabelValues(pool, denom))
	}
	liq := func() float64 { return testutil.ToFloat64(metrics.LendLiquidations.WithLabelValues("liquidator")) }

	metrics.SetEnabled(false)
	metrics.RecordFinalizeBlock(block)
	if swaps("901") != 0 || liq() != 0 {
		t.Fatalf("metrics off, yet counted: %v swaps, %v liquidations", swaps("901"), liq())
	}

	metrics.SetEnabled(true)
	metrics.RecordFinalizeBlock(block)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"swaps pool 901", swaps("901"), 2},
		{"swaps pool 902", swaps("902"), 1},
		{"volume 901 uusdc", volume("901", "uusdc"), 1250},
		{"volume 902 uagr", volume("902", "uagr"), 7},
		{"refused 901", testutil.ToFloat64(metrics.DexBatchRefused.WithLabelValues("901")), 2},
		{"lend liquidations", liq(), 1},
		{"cdp liquidations", testutil.ToFloat64(metrics.CdpLiquidations), 1},
		{"price misses", testutil.ToFloat64(metrics.OraclePriceMisses.WithLabelValues("TEST/USD")), 1},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if n := testutil.CollectAndCount(metrics.DexBatchOrders, "agora_dex_batch_orders"); n != 1 {
		t.Errorf("batch histogram series: %d, want 1", n)
	}
}
