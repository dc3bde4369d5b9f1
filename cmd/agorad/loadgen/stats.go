package loadgen

import (
	"fmt"
	"io"
	"sort"
	"time"
)

// Report is what one run measured.
type Report struct {
	Workload string
	Accounts int
	Sent     int
	// Rejected were refused by CheckTx; Failed were included with a
	// non-zero code; Committed were included and succeeded.
	Rejected  int
	Failed    int
	Committed int
	// Duration runs from the first broadcast to the inclusion of the last
	// committed tx.
	Duration  time.Duration
	Latencies []time.Duration
	GasUsed   []int64
	// FirstErr is the first refusal at CheckTx (or broadcast error);
	// FirstFailure the first failure in a block, with its height.
	FirstErr     string
	FirstFailure string
	Blocks       int
}

// TPS is committed transactions per second.
func (r Report) TPS() float64 {
	if r.Duration <= 0 {
		return 0
	}
	return float64(r.Committed) / r.Duration.Seconds()
}

// Percentile returns the p-th percentile (0–100) of the latencies.
func Percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	idx := int(float64(len(s)-1) * p / 100)
	return s[idx]
}

// MeanGas is the mean gas used by committed txs.
func (r Report) MeanGas() int64 {
	if len(r.GasUsed) == 0 {
		return 0
	}
	var sum int64
	for _, g := range r.GasUsed {
		sum += g
	}
	return sum / int64(len(r.GasUsed))
}

// Print writes the report in a form docs/performance.md can quote.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "workload        %s\n", r.Workload)
	fmt.Fprintf(w, "accounts        %d\n", r.Accounts)
	fmt.Fprintf(w, "sent            %d (rejected at CheckTx %d, failed in block %d)\n", r.Sent, r.Rejected, r.Failed)
	fmt.Fprintf(w, "committed       %d in %d blocks over %.2fs\n", r.Committed, r.Blocks, r.Duration.Seconds())
	fmt.Fprintf(w, "throughput      %.1f committed tx/s\n", r.TPS())
	fmt.Fprintf(w, "latency p50     %s\n", Percentile(r.Latencies, 50).Round(time.Millisecond))
	fmt.Fprintf(w, "latency p99     %s\n", Percentile(r.Latencies, 99).Round(time.Millisecond))
	fmt.Fprintf(w, "gas used (mean) %d\n", r.MeanGas())
	if r.FirstErr != "" {
		fmt.Fprintf(w, "first error     %s\n", r.FirstErr)
	}
	if r.FirstFailure != "" {
		fmt.Fprintf(w, "first failure   %s\n", r.FirstFailure)
	}
}
