// Package config holds agorad's node configuration: app.toml (the SDK's
// sections plus Agora's) and the CometBFT defaults Agora changes.
package config

import (
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	evmserverconfig "github.com/cosmos/evm/server/config"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/x/oracle/feeder"
)

// MinGasPrice is the default minimum gas price a node accepts: fees are
// paid in uagr.
const MinGasPrice = "0.025" + app.BondDenom

// BlockTime is the default time between blocks (CometBFT's timeout_commit;
// its own default is 5 s).
const BlockTime = time.Second

// AppConfig is app.toml: the SDK's sections plus Agora's own.
type AppConfig struct {
	serverconfig.Config `mapstructure:",squash"`

	// Oracle is the [oracle] section: the price feeder validators run.
	Oracle feeder.Config `mapstructure:"oracle"`

	// Invariants is the [invariants] section.
	Invariants InvariantsConfig `mapstructure:"invariants"`

	// Metrics is the [prometheus] section: the one switch for Prometheus
	// metrics.
	Metrics MetricsConfig `mapstructure:"prometheus"`

	// EVM, JSONRPC and TLS are cosmos/evm's [evm], [json-rpc] and [tls]
	// sections: the EIP-155 chain id and the Ethereum JSON-RPC server.
	EVM     evmserverconfig.EVMConfig     `mapstructure:"evm"`
	JSONRPC evmserverconfig.JSONRPCConfig `mapstructure:"json-rpc"`
	TLS     evmserverconfig.TLSConfig     `mapstructure:"tls"`
}

// InvariantsConfig is the [invariants] section of app.toml.
type InvariantsConfig struct {
	// CheckEveryBlock makes the node check every module invariant at the
	// end of every block and halt on a broken one (app.FlagCheckInvariants).
	CheckEveryBlock bool `mapstructure:"check-every-block"`
}

// MetricsConfig is the [prometheus] section of app.toml.
type MetricsConfig struct {
	// Enabled turns on CometBFT's Prometheus instrumentation, the SDK's
	// telemetry (Prometheus sink) and Agora's own metrics together
	// (metrics.FlagEnabled; the start flag --prometheus.enabled overrides it).
	Enabled bool `mapstructure:"enabled"`
}

const metricsTemplate = `
###############################################################################
###                               Metrics                                   ###
###############################################################################

[prometheus]

# One switch for Prometheus metrics: CometBFT's instrumentation, the SDK's
# telemetry and Agora's own metrics (agora_*), all served at config.toml's
# [instrumentation] prometheus_listen_addr (127.0.0.1:26660 by default) under
# /metrics. It also starts the EVM's metrics server at [evm]
# geth-metrics-address. Overridden by agorad start --prometheus.enabled=true|false.
# See docs/metrics.md.
enabled = {{ .Metrics.Enabled }}
`

const invariantsTemplate = `
###############################################################################
###                             Invariants                                  ###
###############################################################################

[invariants]

# Check every module invariant (supply, module balances, debts, ...) at the end
# of every block; a broken one halts the node with the invariant's name in the
# log. Costs a walk over every balance and position each block: the devnet and
# localnet turn it on, a production node leaves it off.
check-every-block = {{ .Invariants.CheckEveryBlock }}
`

// DefaultAppConfig is app.toml for a new node: REST and gRPC on, fees in
// uagr, the Ethereum JSON-RPC on 127.0.0.1:8545 (websocket :8546) with the
// development networks' EIP-155 chain id.
func DefaultAppConfig() AppConfig {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = MinGasPrice
	cfg.IndexEvents = IndexEvents
	cfg.API.Enable = true
	cfg.GRPC.Enable = true
	evm := evmserverconfig.DefaultEVMConfig()
	evm.EVMChainID = app.DevnetEVMChainID
	jsonRPC := evmserverconfig.DefaultJSONRPCConfig()
	jsonRPC.Enable = true
	return AppConfig{
		Config:  *cfg,
		Oracle:  feeder.DefaultConfig(),
		EVM:     *evm,
		JSONRPC: *jsonRPC,
		TLS:     *evmserverconfig.DefaultTLSConfig(),
	}
}

// AppTemplate is the app.toml template: the SDK's, then Agora's sections.
func AppTemplate() string {
	return serverconfig.DefaultConfigTemplate + evmserverconfig.DefaultEVMConfigTemplate + feeder.ConfigTemplate + invariantsTemplate + metricsTemplate
}

// PrometheusListenAddr is where a new node's metrics endpoint listens
// when metrics are on: CometBFT's port, on loopback only (its default
// binds every interface).
const PrometheusListenAddr = "127.0.0.1:26660"

// MempoolSize is the most txs a new node keeps pending (CometBFT's
// default: 5,000). A node one block behind the others still holds that
// block's txs (up to ~3,000 under load on this machine's localnet) besides
// what clients keep pending, and a full CometBFT mempool drops a tx the app
// has just accepted while the broadcast still reports success; the
// account's later txs then fail their sequence check (docs/performance.md,
// "The 4-validator localnet").
const MempoolSize = 10000

// CometConfig is config.toml for a new node: one-second blocks, a mempool
// of MempoolSize txs, the Prometheus endpoint (off until [prometheus]
// enabled) on loopback.
func CometConfig() *cmtcfg.Config {
	cfg := cmtcfg.DefaultConfig()
	cfg.Consensus.TimeoutCommit = BlockTime
	cfg.Mempool.Size = MempoolSize
	cfg.Instrumentation.PrometheusListenAddr = PrometheusListenAddr
	return cfg
}
