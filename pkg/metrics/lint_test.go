package metrics_test

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/agora-labs/agora/pkg/metrics"
)

// Every Agora metric follows Prometheus' naming rules (promlint) and is
// registered in the default registry, the one the node's endpoint serves.
func TestMetricsLintAndRegistered(t *testing.T) {
	for _, c := range []prometheus.Collector{
		metrics.DexSwaps, metrics.DexSwapVolume, metrics.DexBatchOrders, metrics.DexBatchRefused,
		metrics.LendLiquidations, metrics.CdpLiquidations, metrics.SynthLiquidations,
		metrics.OraclePriceAge, metrics.OraclePriceMisses, metrics.OracleStaleBlocks, metrics.OracleMissedVotes,
		metrics.EndBlockSeconds,
	} {
		if err := prometheus.Register(c); err == nil {
			t.Errorf("%v was not registered in the default registry", c)
		}
	}
	metrics.RecordSwapHop(1, "uagr", "1")
	metrics.ObserveEndBlock("dex", 0)
	problems, err := testutil.GatherAndLint(prometheus.DefaultGatherer)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if len(p.Metric) > 6 && p.Metric[:6] == "agora_" {
			t.Errorf("%s: %s", p.Metric, p.Text)
		}
	}
}
