package e2e

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestMetricsEndpoint scrapes the shared devnet's Prometheus endpoint, on
// by default: CometBFT's metrics, the SDK's telemetry, the process
// collectors and Agora's own are all there, and a swap this test makes
// moves agora_dex_swaps_total and the pool's volume. The EVM's metrics
// server answers on its own port.
func TestMetricsEndpoint(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	if !d.Ports.MetricsOn() {
		t.Fatal("the harness's devnet has no metrics port")
	}
	url := d.Ports.MetricsURL()
	if !strings.Contains(d.Output(), url) {
		t.Errorf("the devnet's banner does not give the metrics endpoint %s", url)
	}

	// A few blocks in, so that every source has reported (the oracle's
	// first prices come with the votes of block 1).
	var before map[string]float64
	for deadline := time.Now().Add(30 * time.Second); ; {
		before = scrape(t, url)
		if h, _ := lookup(before, "cometbft_consensus_height"); h >= 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("cometbft_consensus_height did not reach 3 at %s", url)
		}
		time.Sleep(500 * time.Millisecond)
	}
	for _, name := range []string{
		"cometbft_consensus_height", // CometBFT instrumentation
		"cometbft_consensus_block_interval_seconds_count",
		"cometbft_consensus_total_txs",
		"process_cpu_seconds_total",                  // process collector
		"go_goroutines",                              // Go collector
		`agora_endblock_seconds_count{module="dex"}`, // Agora
		`agora_oracle_price_age_seconds{pair="BTC/USD"}`,
	} {
		if _, ok := lookup(before, name); !ok {
			t.Errorf("%s missing from %s", name, url)
		}
	}
	// The SDK's telemetry (go-metrics' Prometheus sink) shares the endpoint.
	if !hasPrefix(before, sdkTelemetryMetric) {
		t.Errorf("no SDK telemetry metric (%s…) at %s", sdkTelemetryMetric, url)
	}

	// A swap of 0.1 ETH through pool 3 (ETH/USDC) counts once in pool 3
	// and adds its input to the pool's ueth volume.
	swaps, volume := `agora_dex_swaps_total{pool="3"}`, `agora_dex_swap_volume_total{denom="ueth",pool="3"}`
	res, err := harness.Tx(d.Bin, d.Home, "tx", "dex", "swap-exact-in", "100000ueth", "1",
		"--route", `{"pool_id":3,"denom_out":"uusdc"}`, "--from", "alice", "--fees", "10000uagr", "--gas", "400000")
	if err != nil || res.Code != 0 {
		t.Fatalf("swap: %v %s/%d %s", err, res.Codespace, res.Code, res.RawLog)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		after := scrape(t, url)
		if after[swaps] >= before[swaps]+1 && after[volume] >= before[volume]+100000 {
			t.Logf("%s %v→%v, %s %v→%v", swaps, before[swaps], after[swaps], volume, before[volume], after[volume])
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the swap: %s %v→%v, %s %v→%v", swaps, before[swaps], after[swaps], volume, before[volume], after[volume])
		}
		time.Sleep(500 * time.Millisecond)
	}

	// cosmos/evm's geth metrics server runs with telemetry, on its own port.
	evmURL := fmt.Sprintf("http://%s:%d/metrics", devgenesis.Host, d.Ports.EVMMetrics)
	resp, err := http.Get(evmURL)
	if err != nil {
		t.Fatalf("EVM metrics: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("EVM metrics %s: %s", evmURL, resp.Status)
	}
}

// sdkTelemetryMetric is the prefix of a metric only the SDK's telemetry
// emits (a module's EndBlock time, measured by the SDK's modules).
const sdkTelemetryMetric = "end_blocker"

// lookup is the value of a series: given with its labels (as printed), or
// by name alone for a metric with a single series (whatever its labels).
func lookup(m map[string]float64, series string) (float64, bool) {
	if v, ok := m[series]; ok {
		return v, true
	}
	for k, v := range m {
		if strings.HasPrefix(k, series+"{") {
			return v, true
		}
	}
	return 0, false
}

func hasPrefix(m map[string]float64, prefix string) bool {
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

// scrape reads a Prometheus text endpoint into series → value (the series
// as printed: name{labels}).
func scrape(t *testing.T, url string) map[string]float64 {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("scrape %s: %v", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(resp.Body)
		t.Fatalf("scrape %s: %s %s", url, resp.Status, body)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			continue
		}
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			continue
		}
		out[line[:i]] = v
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("scrape %s: %v", url, err)
	}
	return out
}
