package network

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"text/template"
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/cmd/agorad/config"
)

// cometConfig is config.toml for a node on loopback: its own ports, fast
// blocks, no pprof or metrics listeners (they would collide between nodes).
func cometConfig(n NodeSpec, blockTime time.Duration) *cmtcfg.Config {
	cfg := cmtcfg.DefaultConfig()
	cfg.SetRoot(n.Home)
	cfg.Moniker = n.Moniker
	cfg.ProxyApp = n.Ports.ABCIAddr()
	cfg.RPC.ListenAddress = n.Ports.RPCAddr()
	cfg.RPC.PprofListenAddress = ""
	cfg.P2P.ListenAddress = n.Ports.P2PAddr()
	cfg.P2P.AddrBookStrict = false
	cfg.P2P.AllowDuplicateIP = true
	cfg.Consensus.TimeoutCommit = blockTime
	cfg.Instrumentation.Prometheus = false
	return cfg
}

// writeAppConfig writes app.toml: the REST API and gRPC on the node's
// loopback ports, and (on validators) the price feeder reading
// <home>/prices.json, which it creates with the starting prices.
func writeAppConfig(n NodeSpec) error {
	cfg := config.DefaultAppConfig()
	cfg.Oracle = OracleFeederConfig(n)
	if err := WritePricesFile(PricesPath(n.Home), StartingPrices, false); err != nil {
		return err
	}
	cfg.API.Address = n.Ports.APIAddr()
	cfg.API.EnableUnsafeCORS = true
	cfg.GRPC.Address = n.Ports.GRPCAddr()
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

func sortedNames(m map[string]sdk.AccAddress) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
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
