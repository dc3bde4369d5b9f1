package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/agora-labs/agora/app/devgenesis"
)

const (
	flagValidators = "validators"
	flagFullNodes  = "full-nodes"
	flagBasePort   = "base-port"
	flagInitOnly   = "init-only"
)

// LocalnetCmd runs a multi-validator network of separate processes.
func LocalnetCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "localnet",
		Short: "Run N validator processes (and K full nodes) of one Agora chain on 127.0.0.1",
		Long: `Run a multi-validator Agora network on this machine.

Each node is its own agorad process in <home>/node<i> (full nodes in
<home>/fullnode<j>), listening on 127.0.0.1 ports base-port+10·i (P2P),
+1 (RPC), +2 (REST), +3 (gRPC), +5 and +6 (Ethereum JSON-RPC, HTTP
and websocket), +7 (Prometheus metrics, /metrics) and +8 (the EVM's
metrics). Validators are each other's persistent
peers and bond equal stake. The same genesis tooling as the devnet makes the
same funded test keys. Ctrl-C stops every node; running the command again
resumes them; --init-only writes the homes and exits (test harnesses start
the processes themselves).`,
		Args:              cobra.NoArgs,
		PersistentPreRunE: func(*cobra.Command, []string) error { return nil },
		RunE: func(cmd *cobra.Command, _ []string) error {
			root, err := homeFlag(cmd, ".agora-localnet")
			if err != nil {
				return err
			}
			validators, _ := cmd.Flags().GetInt(flagValidators)
			fullNodes, _ := cmd.Flags().GetInt(flagFullNodes)
			basePort, _ := cmd.Flags().GetInt(flagBasePort)
			reset, _ := cmd.Flags().GetBool(flagReset)
			initOnly, _ := cmd.Flags().GetBool(flagInitOnly)
			voting, _ := cmd.Flags().GetDuration(flagVotingPeriod)
			snapshotInterval, err := snapshotIntervalFlag(cmd)
			if err != nil {
				return err
			}
			genesisAccounts, err := genesisAccountsFlag(cmd)
			if err != nil {
				return err
			}
			if validators < 1 || validators > 32 {
				return fmt.Errorf("--%s must be between 1 and 32, got %d", flagValidators, validators)
			}
			if fullNodes < 0 || fullNodes > 32 {
				return fmt.Errorf("--%s must be between 0 and 32, got %d", flagFullNodes, fullNodes)
			}
			if basePort < 1024 || basePort+10*(validators+fullNodes) > 65535 {
				return fmt.Errorf("--%s %d leaves no room for %d nodes below port 65535", flagBasePort, basePort, validators+fullNodes)
			}
			spec := devgenesis.LocalnetSpec(root, validators, fullNodes, basePort)
			spec.VotingPeriod = voting
			spec.TimelockDelay, _ = cmd.Flags().GetDuration(flagTimelockDelay)
			spec.CheckInvariants, _ = cmd.Flags().GetBool(flagCheckInvariants)
			spec.SnapshotInterval = snapshotInterval
			spec.GenesisAccounts = genesisAccounts
			cmd.SilenceUsage = true // errors from here on are not about the command line
			return runNetwork(cmd.Context(), cmd.OutOrStdout(), spec, reset, initOnly, "--"+flagBasePort, localnetBanner)
		},
	}
	cmd.Flags().Int(flagValidators, 4, "number of validator processes")
	cmd.Flags().Int(flagFullNodes, 0, "number of non-validating full nodes")
	cmd.Flags().Int(flagBasePort, 26600, "first port; node i uses base-port+10·i to base-port+10·i+8")
	cmd.Flags().Bool(flagReset, false, "wipe the localnet's home and create a new chain")
	cmd.Flags().Bool(flagCheckInvariants, true, checkInvariantsHelp)
	cmd.Flags().Int64(flagSnapshotInterval, devgenesis.DefaultSnapshotInterval, snapshotIntervalHelp)
	cmd.Flags().Int(flagGenesisAccounts, 0, genesisAccountsHelp)
	cmd.Flags().Bool(flagInitOnly, false, "create the node homes and exit without starting them")
	cmd.Flags().Duration(flagVotingPeriod, devgenesis.DefaultVotingPeriod, "governance deposit and voting period (when the chain is created)")
	cmd.Flags().Duration(flagTimelockDelay, devgenesis.DefaultTimelockDelay, timelockDelayHelp)
	return cmd
}
