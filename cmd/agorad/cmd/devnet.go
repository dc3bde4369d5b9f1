package cmd

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/cmd/agorad/network"
	"github.com/agora-labs/agora/pkg/nodeproc"
)

const (
	flagReset          = "reset"
	flagRPCPort        = "rpc-port"
	flagAPIPort        = "api-port"
	flagGRPCPort       = "grpc-port"
	flagP2PPort        = "p2p-port"
	flagJSONRPCPort    = "json-rpc-port"
	flagJSONRPCWSPort  = "json-rpc-ws-port"
	flagMetricsPort    = "metrics-port"
	flagEVMMetricsPort = "evm-metrics-port"
	flagVotingPeriod   = "voting-period"
	// flagTimelockDelay sets x/timelock's delay when the chain is created.
	flagTimelockDelay = "timelock-delay"
	timelockDelayHelp = "x/timelock's delay before a passed risk change executes (whole seconds; when the chain is created)"
	// flagCheckInvariants: every node checks every invariant after every
	// block and halts on a broken one (app.FlagCheckInvariants).
	flagCheckInvariants = "check-invariants"
	checkInvariantsHelp = "nodes check every module invariant after every block and halt on a broken one (when the chain is created; app.toml [invariants])"
	// flagSnapshotInterval: how often every node takes a state sync
	// snapshot (app.toml [state-sync] snapshot-interval).
	flagSnapshotInterval = "snapshot-interval"
	// flagGenesisAccounts: extra funded accounts in genesis, to measure
	// with a large state.
	flagGenesisAccounts  = "genesis-accounts"
	genesisAccountsHelp  = "add this many funded accounts (1 AGR each, deterministic addresses, no keys) to genesis, to measure with a large state (when the chain is created)"
	snapshotIntervalHelp = "every node takes a state sync snapshot every this many blocks, keeping the last 2 (0 turns snapshots off; when the chain is created; app.toml [state-sync])"
)

// genesisAccountsFlag reads --genesis-accounts: how many bulk accounts
// genesis gets (0 to 100,000,000).
func genesisAccountsFlag(cmd *cobra.Command) (int, error) {
	n, err := cmd.Flags().GetInt(flagGenesisAccounts)
	if err != nil {
		return 0, err
	}
	if n < 0 || n > 100_000_000 {
		return 0, fmt.Errorf("--%s must be between 0 and 100000000, got %d", flagGenesisAccounts, n)
	}
	return n, nil
}

// snapshotIntervalFlag reads --snapshot-interval as a Spec's
// SnapshotInterval (negative there means off).
func snapshotIntervalFlag(cmd *cobra.Command) (int64, error) {
	n, err := cmd.Flags().GetInt64(flagSnapshotInterval)
	if err != nil {
		return 0, err
	}
	switch {
	case n < 0:
		return 0, fmt.Errorf("--%s must be 0 (off) or a number of blocks, got %d", flagSnapshotInterval, n)
	case n == 0:
		return -1, nil
	}
	return n, nil
}

// DevnetCmd runs a single-validator chain for trying Agora by hand.
func DevnetCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "devnet",
		Short: "Run a single-validator Agora chain on this machine, with funded test accounts",
		Long: `Run a single-validator Agora chain on 127.0.0.1.

The first run creates the chain (chain id agora-devnet-1) in --home (default
~/.agora-devnet) with the test keys validator, alice, bob and carol, each funded
with uagr, ubtc, ueth and uusdc. Later runs resume it at the height it stopped;
--reset wipes it and starts over; --init-only creates it and exits (edit its
config.toml and app.toml, then run again to start it). Ctrl-C stops the node
cleanly. The node's log is <home>/agorad.log.`,
		Args: cobra.NoArgs,
		// The devnet writes its own config files; skip the root command's
		// config handling (it would create files in the default home).
		PersistentPreRunE: func(*cobra.Command, []string) error { return nil },
		RunE: func(cmd *cobra.Command, _ []string) error {
			// From here on errors are about the network, not the command
			// line: print them in one line, without the usage.
			cmd.SilenceUsage = true
			home, err := homeFlag(cmd, ".agora-devnet")
			if err != nil {
				return err
			}
			snapshotInterval, err := snapshotIntervalFlag(cmd)
			if err != nil {
				return err
			}
			genesisAccounts, err := genesisAccountsFlag(cmd)
			if err != nil {
				return err
			}
			reset, _ := cmd.Flags().GetBool(flagReset)
			voting, _ := cmd.Flags().GetDuration(flagVotingPeriod)
			ports := devgenesis.DevnetPorts
			ports.RPC, _ = cmd.Flags().GetInt(flagRPCPort)
			ports.API, _ = cmd.Flags().GetInt(flagAPIPort)
			ports.GRPC, _ = cmd.Flags().GetInt(flagGRPCPort)
			ports.P2P, _ = cmd.Flags().GetInt(flagP2PPort)
			ports.JSONRPC, _ = cmd.Flags().GetInt(flagJSONRPCPort)
			ports.JSONRPCWS, _ = cmd.Flags().GetInt(flagJSONRPCWSPort)
			ports.Prometheus, _ = cmd.Flags().GetInt(flagMetricsPort)
			ports.EVMMetrics, _ = cmd.Flags().GetInt(flagEVMMetricsPort)

			spec := devgenesis.DevnetSpec(home, ports)
			spec.VotingPeriod = voting
			spec.TimelockDelay, _ = cmd.Flags().GetDuration(flagTimelockDelay)
			spec.CheckInvariants, _ = cmd.Flags().GetBool(flagCheckInvariants)
			spec.SnapshotInterval = snapshotInterval
			spec.GenesisAccounts = genesisAccounts
			if initOnly, _ := cmd.Flags().GetBool(flagInitOnly); initOnly {
				return runNetwork(cmd.Context(), cmd.OutOrStdout(), spec, reset, true, "", nil)
			}
			// The node's ports first, so that a taken one is reported as
			// such even when the web app's port is taken too.
			if err := checkPorts(spec, ""); err != nil {
				return err
			}
			webURL, stopWeb, err := startDevnetWeb(cmd, spec, ports)
			if err != nil {
				return err
			}
			defer stopWeb()
			return runNetwork(cmd.Context(), cmd.OutOrStdout(), spec, reset, false, "", devnetBannerWith(webURL))
		},
	}
	cmd.Flags().Bool(flagReset, false, "wipe the devnet's home and start a new chain")
	cmd.Flags().Bool(flagInitOnly, false, "create the devnet's home and exit without starting it (edit its config, then run again to start)")
	cmd.Flags().Int(flagRPCPort, devgenesis.DevnetPorts.RPC, "CometBFT RPC port on 127.0.0.1")
	cmd.Flags().Int(flagAPIPort, devgenesis.DevnetPorts.API, "REST API port on 127.0.0.1")
	cmd.Flags().Int(flagGRPCPort, devgenesis.DevnetPorts.GRPC, "gRPC port on 127.0.0.1")
	cmd.Flags().Int(flagP2PPort, devgenesis.DevnetPorts.P2P, "P2P port on 127.0.0.1")
	cmd.Flags().Int(flagJSONRPCPort, devgenesis.DevnetPorts.JSONRPC, "Ethereum JSON-RPC (HTTP) port on 127.0.0.1")
	cmd.Flags().Int(flagJSONRPCWSPort, devgenesis.DevnetPorts.JSONRPCWS, "Ethereum JSON-RPC websocket port on 127.0.0.1")
	cmd.Flags().Int(flagMetricsPort, devgenesis.DevnetPorts.Prometheus, "Prometheus metrics port on 127.0.0.1 (CometBFT, SDK telemetry, Agora; 0 turns metrics off)")
	cmd.Flags().Int(flagEVMMetricsPort, devgenesis.DevnetPorts.EVMMetrics, "the EVM's (geth) metrics port on 127.0.0.1, open while metrics are on")
	cmd.Flags().Duration(flagVotingPeriod, devgenesis.DefaultVotingPeriod, "governance deposit and voting period (when the chain is created)")
	cmd.Flags().Duration(flagTimelockDelay, devgenesis.DefaultTimelockDelay, timelockDelayHelp)
	cmd.Flags().Bool(flagCheckInvariants, true, checkInvariantsHelp)
	cmd.Flags().Int64(flagSnapshotInterval, devgenesis.DefaultSnapshotInterval, snapshotIntervalHelp)
	cmd.Flags().Int(flagGenesisAccounts, 0, genesisAccountsHelp)
	cmd.Flags().Int(flagWebPort, DefaultWebPort, "web app port on 127.0.0.1 (0 turns the web app off)")
	return cmd
}

// homeFlag is --home when given, else ~/<dir>.
func homeFlag(cmd *cobra.Command, dir string) (string, error) {
	if cmd.Flags().Changed("home") {
		h, err := cmd.Flags().GetString("home")
		if err != nil {
			return "", err
		}
		return filepath.Abs(h)
	}
	userHome, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(userHome, dir), nil
}

type bannerFunc func(w io.Writer, spec network.Spec, heights []int64)

// runNetwork creates the network if needed, starts a process per node,
// prints the banner once every node has committed a block, restarts a node
// that exits on its own (see supervisor) and stops every node on
// SIGINT/SIGTERM.
//
// moveFlag is the flag that moves every port at once (localnet's
// --base-port), or empty when each port has its own flag (the devnet).
func runNetwork(ctx context.Context, out io.Writer, spec network.Spec, reset, initOnly bool, moveFlag string, banner bannerFunc) error {
	root := filepath.Dir(spec.Nodes[0].Home)
	if len(spec.Nodes) == 1 {
		root = spec.Nodes[0].Home
	}
	if reset {
		if err := os.RemoveAll(root); err != nil {
			return err
		}
	}
	created := false
	if !network.Initialised(spec.Nodes[0].Home) {
		fmt.Fprintf(out, "Creating %s in %s ...\n", spec.ChainID, root)
		if _, err := network.Init(spec); err != nil {
			return err
		}
		created = true
	} else {
		for _, n := range spec.Nodes {
			if !network.Initialised(n.Home) {
				return fmt.Errorf("%s exists but has no node %s: run again with --%s to recreate it", root, n.Moniker, flagReset)
			}
		}
		fmt.Fprintf(out, "Resuming %s from %s ...\n", spec.ChainID, root)
	}
	if err := network.RewriteClientConfigs(spec); err != nil {
		return err
	}
	if initOnly {
		if created {
			fmt.Fprintf(out, "Created %d node homes under %s.\n", len(spec.Nodes), root)
		}
		return nil
	}

	if err := checkPorts(spec, moveFlag); err != nil {
		return err
	}
	bin, err := os.Executable()
	if err != nil {
		return err
	}
	sup := newSupervisor(out, bin, len(spec.Nodes))
	for i, n := range spec.Nodes {
		if err := sup.start(i, n); err != nil {
			sup.stopAll()
			return err
		}
	}

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(signals)

	heights, err := waitForFirstBlocks(ctx, spec, sup.procs, signals)
	if err != nil {
		sup.stopAll()
		return err
	}
	// One write, so that whoever reads the output sees the banner whole.
	var b bytes.Buffer
	for _, p := range sup.procs {
		fmt.Fprintf(&b, "%s runs as pid %d (also in %s).\n", p.Spec.Moniker, p.Pid(), nodeproc.PidPath(p.Spec.Home))
	}
	banner(&b, spec, heights)
	if _, err := out.Write(b.Bytes()); err != nil {
		sup.stopAll()
		return err
	}
	return sup.run(signals)
}

// checkPorts refuses to start when any port a node will bind is taken.
func checkPorts(spec network.Spec, moveFlag string) error {
	var ls []network.Listener
	for _, n := range spec.Nodes {
		ls = append(ls, network.Listeners(n, moveFlag)...)
	}
	return network.CheckPortsFree(ls)
}

// firstBlockTimeout is how long a network may take to commit its first
// block: two minutes, and two seconds more per megabyte of genesis
// (InitChain loads it: ~8 min for the 447 MB of --genesis-accounts
// 1000000 on a 2-core machine).
func firstBlockTimeout(genesisPath string) time.Duration {
	timeout := 120 * time.Second
	if fi, err := os.Stat(genesisPath); err == nil {
		timeout += time.Duration(fi.Size()>>20) * 2 * time.Second
	}
	return timeout
}

// waitForFirstBlocks waits until every node has committed a block; a
// signal meanwhile aborts the wait.
// Each node that answers must be ours (chain id and node id), not another
// process's on the same port.
func waitForFirstBlocks(ctx context.Context, spec network.Spec, procs []*nodeproc.Process, signals <-chan os.Signal) ([]int64, error) {
	timeout := 120 * time.Second
	if len(procs) > 0 {
		timeout = firstBlockTimeout(filepath.Join(procs[0].Spec.Home, "config", "genesis.json"))
	}
	waitCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	type result struct {
		heights []int64
		err     error
	}
	done := make(chan result, 1)
	go func() {
		heights := make([]int64, len(procs))
		for i, p := range procs {
			st, err := nodeproc.WaitForHeight(waitCtx, p.Spec.Ports.RPCURL(), 1, p)
			if err != nil {
				if cause := p.LastLogError(); cause != "" && p.Exited() {
					err = fmt.Errorf("%s (log %s)", cause, p.LogPath)
				}
				done <- result{err: fmt.Errorf("%s did not start: %w", p.Spec.Moniker, err)}
				return
			}
			if err := network.CheckIdentity(st, spec.ChainID, p.Spec); err != nil {
				done <- result{err: err}
				return
			}
			heights[i] = st.Height
		}
		done <- result{heights: heights}
	}()
	select {
	case sig := <-signals:
		cancel()
		<-done
		return nil, fmt.Errorf("%s while starting", sig)
	case r := <-done:
		return r.heights, r.err
	}
}
