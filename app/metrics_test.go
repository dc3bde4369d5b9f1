package app_test

import (
	"bytes"
	"strconv"
	"testing"

	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/metrics"
	"github.com/agora-labs/agora/testutil/apptest"
	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// With the metrics switch on, a swap moves agora_dex_swaps_total and the
// pool's volume only when its block is committed — checking it (CheckTx)
// counts nothing — and every module's EndBlock is timed. The chain's app
// hash is the same with metrics on and off.
func TestMetricsCountCommittedSwapsOnly(t *testing.T) {
	t.Cleanup(func() { metrics.SetEnabled(false) })
	run := func(on bool) []byte {
		metrics.SetEnabled(false)
		c := apptest.New(t, apptest.WithAppOption(metrics.FlagEnabled, on))
		if metrics.Enabled() != on {
			t.Fatalf("app option %s=%v: metrics enabled %v", metrics.FlagEnabled, on, metrics.Enabled())
		}
		res, err := c.DeliverMsgs("alice", &dextypes.MsgCreatePool{
			Sender: c.Address("alice").String(), PoolType: dextypes.POOL_TYPE_CONSTANT_PRODUCT,
			InitialLiquidity: sdk.NewCoins(sdk.NewInt64Coin("uagr", 1_000_000_000), sdk.NewInt64Coin("uusdc", 1_000_000_000)),
			SwapFee:          sdkmath.LegacyNewDecWithPrec(3, 3),
		})
		if err != nil {
			t.Fatalf("create pool: %v", err)
		}
		var created dextypes.MsgCreatePoolResponse
		var msgs sdk.TxMsgData
		if err := c.App.AppCodec().Unmarshal(res.Data, &msgs); err != nil || len(msgs.MsgResponses) == 0 {
			t.Fatalf("create pool response: %v", err)
		}
		if err := created.Unmarshal(msgs.MsgResponses[0].Value); err != nil {
			t.Fatal(err)
		}
		pool := strconv.FormatUint(created.PoolId, 10)

		swaps := func() float64 { return testutil.ToFloat64(metrics.DexSwaps.WithLabelValues(pool)) }
		volume := func() float64 { return testutil.ToFloat64(metrics.DexSwapVolume.WithLabelValues(pool, "uusdc")) }
		dexEndBlocks := func() uint64 { return histogramCount(t, "agora_endblock_seconds", "module", dextypes.ModuleName) }
		swaps0, volume0, end0 := swaps(), volume(), dexEndBlocks()

		tx := c.SignTx("bob", apptest.DefaultFee, 400_000, &dextypes.MsgSwapExactIn{
			Sender: c.Address("bob").String(), Route: []dextypes.Hop{{PoolId: created.PoolId, DenomOut: "uagr"}},
			TokenIn: sdk.NewInt64Coin("uusdc", 2_500_000), MinOut: sdkmath.OneInt(),
		})
		check, err := c.App.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_New})
		if err != nil || check.Code != 0 {
			t.Fatalf("CheckTx: %v %s", err, check.GetLog())
		}
		if swaps() != swaps0 || volume() != volume0 {
			t.Fatalf("CheckTx moved the swap metrics: %v→%v swaps, %v→%v volume", swaps0, swaps(), volume0, volume())
		}

		results := c.NextBlock(tx)
		if results[0].Code != 0 {
			t.Fatalf("swap failed: %s", results[0].Log)
		}
		wantSwaps, wantVolume, wantEnd := swaps0, volume0, end0
		if on {
			wantSwaps, wantVolume, wantEnd = swaps0+1, volume0+2_500_000, end0+1
		}
		if swaps() != wantSwaps || volume() != wantVolume {
			t.Errorf("metrics %v: swaps %v (want %v), volume %v (want %v)", on, swaps(), wantSwaps, volume(), wantVolume)
		}
		if got := dexEndBlocks(); got != wantEnd {
			t.Errorf("metrics %v: dex EndBlock observed %d times, want %d", on, got, wantEnd)
		}
		return c.App.LastCommitID().Hash
	}
	off := run(false)
	on := run(true)
	if !bytes.Equal(off, on) {
		t.Fatalf("app hash with metrics on %X differs from off %X", on, off)
	}
}

// histogramCount is the sample count of a histogram series in the default
// registry (0 when it has none yet).
func histogramCount(t *testing.T, name, label, value string) uint64 {
	t.Helper()
	families, err := prometheusGather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == label && l.GetValue() == value {
					return m.GetHistogram().GetSampleCount()
				}
			}
		}
	}
	return 0
}

var prometheusGather = prometheus.DefaultGatherer.Gather
