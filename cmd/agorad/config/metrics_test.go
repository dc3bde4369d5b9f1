package config_test

import (
	"strings"
	"testing"

	"github.com/agora-labs/agora/cmd/agorad/config"
)

// A new node's Prometheus endpoint (when switched on) listens on loopback
// only, and app.toml carries the switch, off by default.
func TestMetricsDefaults(t *testing.T) {
	if addr := config.CometConfig().Instrumentation.PrometheusListenAddr; !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Errorf("prometheus_listen_addr %q is not on loopback", addr)
	}
	if config.CometConfig().Instrumentation.Prometheus {
		t.Error("CometBFT instrumentation on by default for an operator's node")
	}
	if config.DefaultAppConfig().Metrics.Enabled {
		t.Error("[prometheus] enabled by default for an operator's node")
	}
	if !strings.Contains(config.AppTemplate(), "[prometheus]\n") || !strings.Contains(config.AppTemplate(), "enabled = {{ .Metrics.Enabled }}") {
		t.Error("app.toml template has no [prometheus] enabled")
	}
}

// A new node's mempool leaves room for a block's txs on top of what
// clients keep pending (config.MempoolSize), over CometBFT's 5,000.
func TestMempoolDefault(t *testing.T) {
	if got := config.CometConfig().Mempool.Size; got != 10000 {
		t.Errorf("mempool size %d, want 10000", got)
	}
}
