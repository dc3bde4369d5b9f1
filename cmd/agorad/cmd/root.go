// Package cmd builds agorad's command tree: the SDK's standard node and
// client commands, every module's autocli commands, and Agora's own devnet,
// localnet and load-generator commands.
package cmd

import (
	"os"

	"cosmossdk.io/log"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/config"
	"github.com/cosmos/cosmos-sdk/server"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/agora-labs/agora/app"
	agoraconfig "github.com/agora-labs/agora/cmd/agorad/config"
)

// NewRootCmd returns agorad's root command.
func NewRootCmd() *cobra.Command {
	app.SetSDKConfig()

	// A throwaway app instance gives the codecs and the module list that
	// autocli turns into commands.
	tempDir, err := os.MkdirTemp("", "agorad-root")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(tempDir)
	tempApp := app.NewAgoraApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.NewAppOptionsWithFlagHome(tempDir))

	initClientCtx := client.Context{}.
		WithCodec(tempApp.AppCodec()).
		WithInterfaceRegistry(tempApp.InterfaceRegistry()).
		WithTxConfig(tempApp.TxConfig()).
		WithLegacyAmino(tempApp.LegacyAmino()).
		WithInput(os.Stdin).
		WithAccountRetriever(authtypes.AccountRetriever{}).
		WithKeyringOptions(app.KeyringAlgorithms).
		WithHomeDir(app.DefaultNodeHome).
		WithViper("AGORAD")

	rootCmd := &cobra.Command{
		Use:           "agorad",
		Short:         "Agora: a peer-to-peer financial network (node and client)",
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(cmd.OutOrStdout())
			cmd.SetErr(cmd.ErrOrStderr())

			clientCtx := initClientCtx.WithCmdContext(cmd.Context())
			clientCtx, err := client.ReadPersistentCommandFlags(clientCtx, cmd.Flags())
			if err != nil {
				return err
			}
			clientCtx, err = config.ReadFromClientConfig(clientCtx)
			if err != nil {
				return err
			}
			if err := client.SetCmdClientContextHandler(clientCtx, cmd); err != nil {
				return err
			}
			if err := server.InterceptConfigsPreRunHandler(cmd, agoraconfig.AppTemplate(), agoraconfig.DefaultAppConfig(), agoraconfig.CometConfig()); err != nil {
				return err
			}
			applyMetricsSwitch(cmd)
			return nil
		},
	}

	initRootCmd(rootCmd, tempApp)

	autoCliOpts := tempApp.AutoCliOpts()
	autoCliOpts.ClientCtx = initClientCtx
	if err := autoCliOpts.EnhanceRootCommand(rootCmd); err != nil {
		panic(err)
	}
	showTxOutcome(rootCmd)
	return rootCmd
}
