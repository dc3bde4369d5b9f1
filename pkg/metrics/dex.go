package metrics

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
)

var (
	// DexSwaps counts swap hops executed, per pool: a queued swap that
	// fills through two pools counts once in each. Counted from
	// EventSwapFilled (batch auction) and EventSwap (keeper-level swaps of
	// other modules and the precompiles).
	DexSwaps = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Subsystem: "dex", Name: "swaps_total",
		Help: "Swap hops executed per pool (committed blocks only).",
	}, []string{"pool"})

	// DexSwapVolume is the amount swapped into each pool, per input denom,
	// in base units (float64: exact up to 2^53 base units per sample).
	DexSwapVolume = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Subsystem: "dex", Name: "swap_volume_total",
		Help: "Amount swapped into each pool, per input denom, in base units.",
	}, []string{"pool", "denom"})

	// DexBatchOrders is the number of orders filled by each cleared batch
	// of a pool (EventBatchCleared.filled).
	DexBatchOrders = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: Namespace, Subsystem: "dex", Name: "batch_orders",
		Help:    "Orders filled per cleared batch, per pool.",
		Buckets: []float64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000},
	}, []string{"pool"})

	// DexBatchRefused counts orders a batch refused (their limit was not
	// met), per pool.
	DexBatchRefused = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: Namespace, Subsystem: "dex", Name: "batch_refused_total",
		Help: "Orders refused by batch clearing, per pool.",
	}, []string{"pool"})
)

func init() { register(DexSwaps, DexSwapVolume, DexBatchOrders, DexBatchRefused) }

// RecordSwapHop counts one swap hop through pool with amountIn (base
// units, a decimal integer) of denomIn.
func RecordSwapHop(pool uint64, denomIn, amountIn string) {
	p := strconv.FormatUint(pool, 10)
	DexSwaps.WithLabelValues(p).Inc()
	if v, err := strconv.ParseFloat(amountIn, 64); err == nil && v > 0 {
		DexSwapVolume.WithLabelValues(p, denomIn).Add(v)
	}
}

// RecordBatch records one cleared batch of pool.
func RecordBatch(pool uint64, filled, refused uint64) {
	p := strconv.FormatUint(pool, 10)
	DexBatchOrders.WithLabelValues(p).Observe(float64(filled))
	if refused > 0 {
		DexBatchRefused.WithLabelValues(p).Add(float64(refused))
	}
}
