// Package metrics holds Agora's own Prometheus metrics: swaps and volume
// per pool, liquidations, oracle misses and price age, EndBlock time per
// module. They live in Prometheus' default registry, the one CometBFT's
// instrumentation endpoint (config.toml prometheus_listen_addr) and the
// SDK's telemetry sink also use, so one scrape of a node returns all three.
//
// Metrics never touch state: they are recorded from the events of a
// committed block (RecordFinalizeBlock), from values a block has already
// computed, or from reads made with a fresh gas meter. They are recorded
// only while Enabled (app.toml [prometheus] enabled, or agorad start
// --prometheus.enabled), and only in FinalizeBlock, never in CheckTx or a
// simulation.
//
// One file per concern: dex.go, lending.go, oracle.go, endblock.go;
// events.go turns a block's events into the counters.
package metrics

import (
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"
)

// Namespace prefixes every Agora metric.
const Namespace = "agora"

// FlagEnabled is the app.toml key (section [prometheus]) and start flag of
// the one switch that turns metrics on: CometBFT's instrumentation, the
// SDK's telemetry and Agora's own metrics. Not "metrics.enabled":
// cosmos/evm's start command has a --metrics flag (its JSON-RPC metrics),
// and the SDK binds every start flag to the config key of the same name,
// so a [metrics] section would make `agorad start` fail.
const FlagEnabled = "prometheus.enabled"

var enabled atomic.Bool

// SetEnabled turns the recording of Agora's metrics on or off.
func SetEnabled(on bool) { enabled.Store(on) }

// Enabled tells whether Agora's metrics are recorded.
func Enabled() bool { return enabled.Load() }

// register adds collectors to the default registry at package init.
func register(cs ...prometheus.Collector) {
	prometheus.MustRegister(cs...)
}
