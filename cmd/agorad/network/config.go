package network

import (
	"bytes"
	"os"
	"path/filepath"
	"text/template"
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/cmd/agorad/config"
	"github.com/agora-labs/agora/x/oracle/feeder"
)

// cometConfig is config.toml for a node on loopback: a new node's
// (config.CometConfig) with its own ports, the network's block time, no
// pprof listener (it would collide between nodes), the metrics endpoint on
// the node's own port when it has one.
func cometConfig(n NodeSpec, blockTime time.Duration) *cmtcfg.Config {
	cfg := config.CometConfig()
	cfg.SetRoot(n.Home)
	cfg.Moniker = n.Moniker
	cfg.ProxyApp = n.Ports.ABCIAddr()
	cfg.RPC.ListenAddress = n.Ports.RPCAddr()
	cfg.RPC.PprofListenAddress = ""
	cfg.P2P.ListenAddress = n.Ports.P2PAddr()
	cfg.P2P.AddrBookStrict = false
	cfg.P2P.AllowDuplicateIP = true
	cfg.Consensus.TimeoutCommit = blockTime
	cfg.Instrumentation.Prometheus = n.Ports.MetricsOn()
	if n.Ports.MetricsOn() {
		cfg.Instrumentation.PrometheusListenAddr = n.Ports.PrometheusAddr()
	}
	return cfg
}

// writeAppConfig writes app.toml: the REST API and gRPC on the node's
// loopback ports, a state sync snapshot every snapshotInterval blocks (0:
// none), (on validators) the price feeder reading
// <home>/prices.json, which it creates with the starting prices, and the
// check of every invariant after every block when asked.
func writeAppConfig(n NodeSpec, checkInvariants bool, snapshotInterval int64) error {
	cfg := config.DefaultAppConfig()
	cfg.Invariants.CheckEveryBlock = checkInvariants
	// Every node serves state sync snapshots, so that a new node can join
	// a running network without replaying it (docs/statesync.md).
	cfg.StateSync.SnapshotInterval = uint64(max(snapshotInterval, 0))
	cfg.StateSync.SnapshotKeepRecent = devgenesis.SnapshotKeepRecent
	cfg.Oracle = OracleFeederConfig(n)
	if err := devgenesis.WritePricesFile(devgenesis.PricesPath(n.Home), devgenesis.StartingPrices, false); err != nil {
		return err
	}
	cfg.API.Address = n.Ports.APIAddr()
	cfg.API.EnableUnsafeCORS = true
	cfg.GRPC.Address = n.Ports.GRPCAddr()
	// The Ethereum JSON-RPC: on when the node has its ports, with the
	// transaction index that eth_getTransactionReceipt and eth_getLogs
	// read.
	cfg.JSONRPC.Enable = n.Ports.JSONRPC != 0
	cfg.JSONRPC.Address = n.Ports.JSONRPCAddr()
	cfg.JSONRPC.WsAddress = n.Ports.JSONRPCWSAddr()
	cfg.JSONRPC.EnableIndexer = true
	// Metrics on by default on the local networks, each node on its own
	// ports (the EVM's metrics server starts with the SDK's telemetry).
	cfg.Metrics.Enabled = n.Ports.MetricsOn()
	if n.Ports.EVMMetrics != 0 {
		cfg.EVM.GethMetricsAddress = n.Ports.EVMMetricsAddr()
	}
	serverconfig.SetConfigTemplate(config.AppTemplate())
	serverconfig.WriteConfigFile(filepath.Join(n.Home, "config", "app.toml"), cfg)
	return nil
}

var clientTemplate = template.Must(template.New("client").Parse(`# agorad client settings for this node
chain-id = "{{ .ChainID }}"
keyring-backend = "test"
keyring-default-keyname = ""
output = "text"
node = "{{ .Node }}"
broadcast-mode = "sync"
`))

// writeClientConfig writes client.toml so that CLI commands with this
// node's --home reach this node and its test keyring with no more flags.
func writeClientConfig(n NodeSpec, chainID string) error {
	var buf bytes.Buffer
	if err := clientTemplate.Execute(&buf, map[string]string{"ChainID": chainID, "Node": n.Ports.RPCAddr()}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(n.Home, "config", "client.toml"), buf.Bytes(), 0o600)
}

// RewriteClientConfigs points each node's client.toml at its current RPC
// port (ports may be moved by flags between runs).
func RewriteClientConfigs(spec Spec) error {
	for _, n := range spec.Nodes {
		if err := writeClientConfig(n, spec.ChainID); err != nil {
			return err
		}
	}
	return nil
}

// OracleFeederConfig is the [oracle] section of a local node: on a
// validator, the feeder polls <home>/prices.json every second; full nodes
// do not need a feeder.
func OracleFeederConfig(n NodeSpec) feeder.Config {
	return feeder.Config{
		Enabled:      n.IsValidator(),
		PollInterval: time.Second,
		Timeout:      time.Second,
		MaxPriceAge:  0, // 3 × poll interval
		Providers: []feeder.ProviderConfig{
			{Name: "file", Type: feeder.TypeFile, Path: devgenesis.PricesPath(n.Home)},
		},
	}
}
