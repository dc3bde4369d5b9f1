package cmd

import (
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/server"

	agoraconfig "github.com/agora-labs/agora/cmd/agorad/config"
	"github.com/agora-labs/agora/pkg/metrics"
)

// telemetryRetentionSeconds is how long the SDK's Prometheus sink keeps a
// series that stopped moving, when the metrics switch turns telemetry on
// and app.toml sets no retention.
const telemetryRetentionSeconds = 600

// Flags of `agorad start` for the metrics endpoint (the SDK binds every
// start flag over the config files, so these override config.toml).
const (
	flagInstrumentationPrometheus = "instrumentation.prometheus"
	flagPrometheusListenAddr      = "instrumentation.prometheus_listen_addr"
)

// addMetricsStartFlags adds the metrics switch and the endpoint's listen
// address to `agorad start`.
func addMetricsStartFlags(cmd *cobra.Command) {
	cmd.Flags().Bool(metrics.FlagEnabled, false, "turn on Prometheus metrics: CometBFT's instrumentation, the SDK's telemetry and Agora's metrics (overrides app.toml [prometheus] enabled)")
	cmd.Flags().Bool(flagInstrumentationPrometheus, false, "serve CometBFT's Prometheus metrics (overrides config.toml; --prometheus.enabled turns it on)")
	cmd.Flags().String(flagPrometheusListenAddr, agoraconfig.PrometheusListenAddr, "the metrics endpoint's listen address (overrides config.toml)")
}

// applyMetricsSwitch turns on, when app.toml [prometheus] enabled or
// --prometheus.enabled says so, everything the switch covers: CometBFT's
// Prometheus instrumentation and the SDK's telemetry with its Prometheus
// sink (Agora's metrics read the same key in the app). It only turns
// things on: with the switch off, config.toml and app.toml decide as
// before.
func applyMetricsSwitch(cmd *cobra.Command) {
	serverCtx := server.GetServerContextFromCmd(cmd)
	v := serverCtx.Viper
	if !v.GetBool(metrics.FlagEnabled) {
		return
	}
	serverCtx.Config.Instrumentation.Prometheus = true
	v.Set(flagInstrumentationPrometheus, true)
	v.Set("telemetry.enabled", true)
	if v.GetInt64("telemetry.prometheus-retention-time") <= 0 {
		v.Set("telemetry.prometheus-retention-time", telemetryRetentionSeconds)
	}
}
