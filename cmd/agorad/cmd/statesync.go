package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"
	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/agora-labs/agora/app"
)

const (
	flagStateSyncRPC         = "rpc"
	flagStateSyncTrustPeriod = "trust-period"
	flagStateSyncDiscovery   = "discovery-time"
	// defaultDiscoveryTime is CometBFT's smallest discovery_time: how long
	// the node gathers snapshot offers before it picks one (its default,
	// 15 s, is most of a small network's join time). Discovery repeats
	// until a snapshot is found, so a short one loses nothing.
	defaultDiscoveryTime = 5 * time.Second
	// defaultTrustPeriod is CometBFT's default: well inside the unbonding
	// period (21 days), as the light client requires.
	defaultTrustPeriod = 168 * time.Hour
	// stateSyncRPCTimeout bounds each call to an RPC server.
	stateSyncRPCTimeout = 10 * time.Second
)

// StateSyncConfigCmd writes the [statesync] section of a node home's
// config.toml from what the network's RPC servers say now.
func StateSyncConfigCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "statesync-config --rpc URL [--rpc URL2]",
		Short: "Configure a new node home to join a running network by state sync",
		Long: `Configure a new node home (made by agorad init, with the network's
genesis.json) to join a running network by CometBFT state sync, from the
snapshots the network's nodes serve, instead of replaying every block.

The command asks the given CometBFT RPC servers (one or two; with one, it is
used twice, as CometBFT wants two) for the chain id, a recent height and that
block's hash, checks that they serve state sync snapshots, and writes
config.toml's [statesync]: enable, rpc_servers, trust_height, trust_hash,
trust_period and discovery_time. The node still needs peers (p2p persistent_peers or seeds) that
serve snapshots. Start it with agorad start. See docs/statesync.md.`,
		Example: `  agorad init mynode --chain-id agora-localnet-1 --home ~/.agora-new
  cp genesis.json ~/.agora-new/config/
  agorad statesync-config --rpc http://127.0.0.1:26611 --home ~/.agora-new`,
		Args: cobra.NoArgs,
		// Reads and writes only the given home's config.toml; skip the
		// root command's config handling (it would create files).
		PersistentPreRunE: func(*cobra.Command, []string) error { return nil },
		RunE: func(cmd *cobra.Command, _ []string) error {
			home, err := cmd.Flags().GetString("home")
			if err != nil {
				return err
			}
			rpcs, _ := cmd.Flags().GetStringSlice(flagStateSyncRPC)
			trustPeriod, _ := cmd.Flags().GetDuration(flagStateSyncTrustPeriod)
			discovery, _ := cmd.Flags().GetDuration(flagStateSyncDiscovery)
			cmd.SilenceUsage = true
			return configureStateSync(cmd.Context(), cmd.OutOrStdout(), home, rpcs, trustPeriod, discovery)
		},
	}
	cmd.Flags().StringSlice(flagStateSyncRPC, nil, "CometBFT RPC server of the network (http://host:port), once or twice")
	cmd.Flags().Duration(flagStateSyncTrustPeriod, defaultTrustPeriod, "light client trust period (shorter than the unbonding period)")
	cmd.Flags().Duration(flagStateSyncDiscovery, defaultDiscoveryTime, "how long the node gathers snapshot offers before picking one (CometBFT's discovery_time, at least 5s)")
	return cmd
}

// normalizeRPC turns an RPC server argument into the http(s) URL the
// CometBFT client and config want, or says what is wrong with it.
func normalizeRPC(s string) (string, error) {
	raw := strings.TrimSpace(s)
	if raw == "" {
		return "", errors.New("empty RPC server address")
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("RPC server %q: not a URL: %v", s, err)
	}
	switch u.Scheme {
	case "http", "https":
	case "tcp":
		u.Scheme = "http"
	default:
		return "", fmt.Errorf("RPC server %q: scheme %q, want http or https (e.g. http://127.0.0.1:26657)", s, u.Scheme)
	}
	host, port, err := net.SplitHostPort(u.Host)
	if err != nil || host == "" || port == "" {
		return "", fmt.Errorf("RPC server %q: want host:port (e.g. http://127.0.0.1:26657)", s)
	}
	if u.Path != "" && u.Path != "/" {
		return "", fmt.Errorf("RPC server %q: unexpected path %q; give the server's root URL", s, u.Path)
	}
	return u.Scheme + "://" + u.Host, nil
}

// stateSyncPlan is what configureStateSync learnt from the RPC servers.
type stateSyncPlan struct {
	ChainID     string
	RPCServers  []string
	TrustHeight int64
	TrustHash   string
	// Snapshots lists, per RPC server that answered the query, the
	// snapshots it serves; Unknown lists the servers that could not tell.
	Snapshots map[string][]app.SnapshotInfo
	Unknown   []string
}

// planStateSync asks the RPC servers for the chain id, a trusted height and
// hash, and their snapshots.
func planStateSync(ctx context.Context, rpcArgs []string) (*stateSyncPlan, error) {
	if len(rpcArgs) == 0 {
		return nil, fmt.Errorf("give the network's CometBFT RPC server with --%s (once or twice)", flagStateSyncRPC)
	}
	if len(rpcArgs) > 2 {
		return nil, fmt.Errorf("--%s given %d times: CometBFT's light client takes a primary and one witness here, give one or two", flagStateSyncRPC, len(rpcArgs))
	}
	plan := &stateSyncPlan{Snapshots: map[string][]app.SnapshotInfo{}}
	for _, a := range rpcArgs {
		u, err := normalizeRPC(a)
		if err != nil {
			return nil, err
		}
		plan.RPCServers = append(plan.RPCServers, u)
	}
	if len(plan.RPCServers) == 1 {
		plan.RPCServers = append(plan.RPCServers, plan.RPCServers[0])
	}

	var latest int64
	var primary *rpchttp.HTTP
	for i, u := range plan.RPCServers {
		if i == 1 && u == plan.RPCServers[0] {
			break
		}
		c, err := rpchttp.New(u, "/websocket")
		if err != nil {
			return nil, fmt.Errorf("RPC server %s: %w", u, err)
		}
		sctx, cancel := context.WithTimeout(ctx, stateSyncRPCTimeout)
		st, err := c.Status(sctx)
		cancel()
		if err != nil {
			return nil, fmt.Errorf("cannot reach the CometBFT RPC server at %s: %w", u, err)
		}
		switch {
		case plan.ChainID == "":
			plan.ChainID = st.NodeInfo.Network
		case plan.ChainID != st.NodeInfo.Network:
			return nil, fmt.Errorf("RPC servers disagree on the chain: %s serves %s, %s serves %s", plan.RPCServers[0], plan.ChainID, u, st.NodeInfo.Network)
		}
		if st.SyncInfo.CatchingUp {
			return nil, fmt.Errorf("RPC server %s is itself catching up (at height %d): use a node that is in sync", u, st.SyncInfo.LatestBlockHeight)
		}
		if i == 0 {
			primary, latest = c, st.SyncInfo.LatestBlockHeight
		}

		qctx, cancel := context.WithTimeout(ctx, stateSyncRPCTimeout)
		res, err := c.ABCIQuery(qctx, app.SnapshotsQueryPath, nil)
		cancel()
		if err != nil || res.Response.Code != 0 {
			plan.Unknown = append(plan.Unknown, u)
			continue
		}
		var snaps []app.SnapshotInfo
		if err := json.Unmarshal(res.Response.Value, &snaps); err != nil {
			plan.Unknown = append(plan.Unknown, u)
			continue
		}
		plan.Snapshots[u] = snaps
	}
	if latest < 1 {
		return nil, fmt.Errorf("RPC server %s has no blocks yet", plan.RPCServers[0])
	}

	// Snapshots: fail when every server that can tell serves none.
	if len(plan.Snapshots) > 0 {
		served := false
		for _, s := range plan.Snapshots {
			served = served || len(s) > 0
		}
		if !served {
			return nil, fmt.Errorf("no state sync snapshots at %s: the network's nodes take none (app.toml [state-sync] snapshot-interval = 0) or have not reached their first snapshot height yet (latest height %d); see docs/statesync.md",
				strings.Join(serversOf(plan.Snapshots), ", "), latest)
		}
	}

	// The trusted header: the latest block. The light client verifies
	// the snapshot's height from it (backwards when the snapshot is
	// older), so any recent height works.
	cctx, cancel := context.WithTimeout(ctx, stateSyncRPCTimeout)
	defer cancel()
	commit, err := primary.Commit(cctx, &latest)
	if err != nil {
		return nil, fmt.Errorf("RPC server %s: block %d: %w", plan.RPCServers[0], latest, err)
	}
	if commit.SignedHeader.Header == nil {
		return nil, fmt.Errorf("RPC server %s: block %d has no header", plan.RPCServers[0], latest)
	}
	plan.TrustHeight = latest
	plan.TrustHash = commit.SignedHeader.Header.Hash().String()
	return plan, nil
}

func serversOf(m map[string][]app.SnapshotInfo) []string {
	var out []string
	for u := range m {
		out = append(out, u)
	}
	return out
}

// configureStateSync writes [statesync] into home's config.toml.
func configureStateSync(ctx context.Context, out io.Writer, home string, rpcArgs []string, trustPeriod, discovery time.Duration) error {
	if trustPeriod <= 0 {
		return fmt.Errorf("--%s must be positive, got %s", flagStateSyncTrustPeriod, trustPeriod)
	}
	if discovery < 5*time.Second {
		return fmt.Errorf("--%s must be at least 5s (CometBFT's minimum), got %s", flagStateSyncDiscovery, discovery)
	}
	cfgPath := filepath.Join(home, "config", "config.toml")
	if _, err := os.Stat(cfgPath); err != nil {
		return fmt.Errorf("%s: no node home there (run agorad init with --home %s first, then copy the network's genesis.json)", cfgPath, home)
	}
	genPath := filepath.Join(home, "config", "genesis.json")
	gen, err := genutiltypes.AppGenesisFromFile(genPath)
	if err != nil {
		return fmt.Errorf("%s: %w (copy the network's genesis.json there)", genPath, err)
	}

	plan, err := planStateSync(ctx, rpcArgs)
	if err != nil {
		return err
	}
	if gen.ChainID != plan.ChainID {
		return fmt.Errorf("%s is for chain %s but %s serves chain %s: copy that network's genesis.json", genPath, gen.ChainID, plan.RPCServers[0], plan.ChainID)
	}

	v := viper.New()
	v.SetConfigFile(cfgPath)
	if err := v.ReadInConfig(); err != nil {
		return fmt.Errorf("reading %s: %w", cfgPath, err)
	}
	cfg := cmtcfg.DefaultConfig()
	if err := v.Unmarshal(cfg); err != nil {
		return fmt.Errorf("reading %s: %w", cfgPath, err)
	}
	cfg.SetRoot(home)
	cfg.StateSync.Enable = true
	cfg.StateSync.RPCServers = plan.RPCServers
	cfg.StateSync.TrustHeight = plan.TrustHeight
	cfg.StateSync.TrustHash = plan.TrustHash
	cfg.StateSync.TrustPeriod = trustPeriod
	cfg.StateSync.DiscoveryTime = discovery
	if err := cfg.ValidateBasic(); err != nil {
		return fmt.Errorf("%s would be invalid: %w", cfgPath, err)
	}
	cmtcfg.WriteConfigFile(cfgPath, cfg)

	fmt.Fprintf(out, "Wrote [statesync] to %s: chain %s, trust height %d, trust hash %s, RPC servers %s.\n",
		cfgPath, plan.ChainID, plan.TrustHeight, plan.TrustHash, strings.Join(plan.RPCServers, ","))
	for i, u := range plan.RPCServers {
		if i == 1 && u == plan.RPCServers[0] {
			break
		}
		if snaps, ok := plan.Snapshots[u]; ok && len(snaps) > 0 {
			last := snaps[0]
			for _, s := range snaps {
				if s.Height > last.Height {
					last = s
				}
			}
			fmt.Fprintf(out, "%s serves %d snapshot(s), the latest at height %d (%d chunks).\n", u, len(snaps), last.Height, last.Chunks)
		}
	}
	for _, u := range plan.Unknown {
		fmt.Fprintf(out, "Warning: %s does not list its snapshots (not an agorad node, or an older one); state sync will wait for snapshots from peers.\n", u)
	}
	if _, err := os.Stat(filepath.Join(cfg.DBDir(), "blockstore.db")); err == nil {
		fmt.Fprintf(out, "Warning: %s already holds blocks: CometBFT state-syncs only a node with no state (reset it with agorad comet unsafe-reset-all --home %s).\n", cfg.DBDir(), home)
	}
	if strings.TrimSpace(cfg.P2P.PersistentPeers) == "" && strings.TrimSpace(cfg.P2P.Seeds) == "" {
		fmt.Fprintf(out, "Note: %s has no persistent_peers or seeds: set p2p.persistent_peers to nodes that serve snapshots.\n", cfgPath)
	}
	fmt.Fprintf(out, "Start the node with: agorad start --home %s\n", home)
	return nil
}
