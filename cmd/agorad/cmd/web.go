package cmd

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/agora-labs/agora/app/devgenesis"
)

const (
	flagWebPort  = "web-port"
	flagWebNode  = "node"
	flagWebAPI   = "api"
	flagWebChain = "chain-id"
)

// DefaultWebPort is where `agorad devnet` and `agorad web` serve the web app.
const DefaultWebPort = 8080

// WebCmd serves the web app against any node.
func WebCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "web",
		Short: "Serve the Agora web app (wallet, swap, pools, prices, lend, governance, explorer) against a node",
		Long: `Serve the Agora web app on 127.0.0.1:--port against the node whose CometBFT
RPC is --node and whose REST API is --api. The page talks only to this
server, which forwards /api and /rpc to the node, so the node needs no CORS
settings. The chain id is read from the node unless --chain-id is given.
The devnet's test keys are offered only by "agorad devnet", never here.`,
		Args:              cobra.NoArgs,
		PersistentPreRunE: func(*cobra.Command, []string) error { return nil },
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SilenceUsage = true
			node, _ := cmd.Flags().GetString(flagWebNode)
			api, _ := cmd.Flags().GetString(flagWebAPI)
			port, _ := cmd.Flags().GetInt("port")
			chainID, _ := cmd.Flags().GetString(flagWebChain)
			s, err := newWebServer(api, node, chainID, false)
			if err != nil {
				return err
			}
			addr, stop, err := listenWeb(s, port, "port")
			if err != nil {
				return err
			}
			defer stop()
			fmt.Fprintf(cmd.OutOrStdout(), "Agora web app: %s (node RPC %s, REST %s). Ctrl-C stops it.\n", addr, s.rpc, s.rest)
			signals := make(chan os.Signal, 1)
			signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
			defer signal.Stop(signals)
			select {
			case <-signals:
			case <-cmd.Context().Done():
			}
			return nil
		},
	}
	cmd.Flags().String(flagWebNode, devgenesis.DevnetPorts.RPCURL(), "the node's CometBFT RPC URL")
	cmd.Flags().String(flagWebAPI, devgenesis.DevnetPorts.APIURL(), "the node's REST API URL")
	cmd.Flags().Int("port", DefaultWebPort, "port on 127.0.0.1 to serve the web app on")
	cmd.Flags().String(flagWebChain, "", "the chain id (default: asked from the node)")
	return cmd
}

// startDevnetWeb serves the web app for the devnet (its test keys
// included) unless --web-port is 0; it returns the app's address ("" when
// off) and a function that stops the server.
func startDevnetWeb(cmd *cobra.Command, spec devgenesis.Spec, ports devgenesis.Ports) (string, func(), error) {
	port, _ := cmd.Flags().GetInt(flagWebPort)
	if port == 0 {
		return "", func() {}, nil
	}
	s, err := newWebServer(ports.APIURL(), ports.RPCURL(), spec.ChainID, true)
	if err != nil {
		return "", nil, err
	}
	return listenWeb(s, port, flagWebPort+" (0 turns the web app off)")
}
