package cmd

import (
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"

	sdkmath "cosmossdk.io/math"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/cmd/agorad/loadgen"
	dexprecompile "github.com/agora-labs/agora/precompiles/dex"
)

// workloads maps --kind to the transactions the generator sends.
var workloads = map[string]func(cmd *cobra.Command, ring []sdk.AccAddress) (loadgen.Workload, error){
	"send": func(_ *cobra.Command, ring []sdk.AccAddress) (loadgen.Workload, error) {
		return loadgen.BankSend{Ring: ring}, nil
	},
	"swap": func(cmd *cobra.Command, _ []sdk.AccAddress) (loadgen.Workload, error) {
		routeFlag, _ := cmd.Flags().GetString("route")
		route, err := loadgen.ParseRoute(routeFlag)
		if err != nil {
			return nil, err
		}
		tokenIn, _ := cmd.Flags().GetString("token-in")
		coin, err := sdk.ParseCoinNormalized(tokenIn)
		if err != nil {
			return nil, fmt.Errorf("--token-in: %w", err)
		}
		return loadgen.Swap{Route: route, TokenIn: coin}, nil
	},
}

// evmWorkloads maps the Ethereum --kind values to the calls the generator
// signs with Ethereum keys.
var evmWorkloads = map[string]func(cmd *cobra.Command) (loadgen.EVMWorkload, error){
	// erc20 transfers 1 unit of --denom through its native-pair ERC-20.
	"erc20": func(cmd *cobra.Command) (loadgen.EVMWorkload, error) {
		denom, _ := cmd.Flags().GetString("denom")
		if err := sdk.ValidateDenom(denom); err != nil {
			return nil, fmt.Errorf("--denom: %w", err)
		}
		return loadgen.ERC20Transfer{Token: app.ERC20Address(denom), Denom: denom, Amount: sdkmath.OneInt()}, nil
	},
	// evm-swap calls the dex precompile's swapExactIn along --route.
	"evm-swap": func(cmd *cobra.Command) (loadgen.EVMWorkload, error) {
		routeFlag, _ := cmd.Flags().GetString("route")
		tokenIn, _ := cmd.Flags().GetString("token-in")
		coin, err := sdk.ParseCoinNormalized(tokenIn)
		if err != nil {
			return nil, fmt.Errorf("--token-in: %w", err)
		}
		return loadgen.NewEVMSwap(common.HexToAddress(dexprecompile.DexAddress), routeFlag, coin)
	},
}

// LoadgenCmd measures a running node's throughput for one kind of tx.
func LoadgenCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "loadgen",
		Short: "Measure a running node: broadcast N signed txs from K funded accounts, report tx/s and inclusion latency",
		Long: `Fund K fresh accounts from --from, pre-sign N transactions of --kind (each
account keeps its own sequence counter), broadcast them to the node, and report
committed tx/s, p50/p99 time from broadcast to inclusion, and mean gas used.

Examples (devnet running; its pools are 1 AGR/USDC, 2 BTC/USDC, 3 ETH/USDC, 4 AUSD/USDC):
  agorad loadgen --kind send --accounts 20 --txs 2000 --from alice --home ~/.agora-devnet
  agorad loadgen --kind swap --route 1:uagr --token-in 1000000uusdc --from alice --home ~/.agora-devnet
  agorad loadgen --kind swap --route 1:uusdc,3:ueth --token-in 1000000uagr --from alice --home ~/.agora-devnet

Ethereum transactions (EIP-1559, signed with eth_secp256k1 keys for --evm-chain-id, broadcast as
MsgEthereumTx over CometBFT RPC, as eth_sendRawTransaction would):
  agorad loadgen --kind erc20 --denom uusdc --from alice --home ~/.agora-devnet
  agorad loadgen --kind evm-swap --route 1:uagr --token-in 1000000uusdc --from alice --home ~/.agora-devnet`,
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			kind, _ := cmd.Flags().GetString("kind")
			build, ok := workloads[kind]
			buildEVM, isEVM := evmWorkloads[kind]
			if !ok && !isEVM {
				return fmt.Errorf("unknown --kind %q", kind)
			}
			accounts, _ := cmd.Flags().GetInt("accounts")
			txs, _ := cmd.Flags().GetInt("txs")
			seed, _ := cmd.Flags().GetString("seed")
			timeout, _ := cmd.Flags().GetDuration("wait")
			maxPending, _ := cmd.Flags().GetInt("max-pending")
			price, err := sdkmath.LegacyNewDecFromStr("0.025")
			if err != nil {
				return err
			}
			cfg := loadgen.Config{
				From: clientCtx.FromName, Accounts: accounts, Txs: txs, Seed: seed,
				GasPrice: price, Timeout: timeout, MaxPending: maxPending, Log: cmd.ErrOrStderr(),
			}
			if isEVM {
				w, err := buildEVM(cmd)
				if err != nil {
					return err
				}
				chainID, _ := cmd.Flags().GetUint64("evm-chain-id")
				rep, err := loadgen.RunEVM(cmd.Context(), clientCtx, cfg, chainID, w)
				rep.Print(cmd.OutOrStdout())
				return err
			}
			var buildErr error
			rep, err := loadgen.Run(cmd.Context(), clientCtx, cfg, func(ring []sdk.AccAddress) loadgen.Workload {
				w, err := build(cmd, ring)
				buildErr = err
				return w
			})
			if buildErr != nil {
				return buildErr
			}
			rep.Print(cmd.OutOrStdout())
			return err
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	cmd.Flags().String("kind", "send", "transaction kind: send | swap | erc20 | evm-swap")
	cmd.Flags().String("denom", "uusdc", "erc20: the bank denom whose native-pair ERC-20 is transferred")
	cmd.Flags().Uint64("evm-chain-id", app.DevnetEVMChainID, "erc20, evm-swap: the EIP-155 chain id the txs are signed for")
	cmd.Flags().String("route", "1:uagr", "swap route as pool_id:denom_out per hop, e.g. 1:uusdc,3:ueth")
	cmd.Flags().String("token-in", "1000000uusdc", "what each swap sells")
	cmd.Flags().Int("accounts", 20, "number of sending accounts")
	cmd.Flags().Int("txs", 2000, "number of transactions")
	cmd.Flags().String("seed", "default", "seed the generator's accounts are derived from")
	cmd.Flags().Int("max-pending", 3000, "most txs broadcast but not yet in a block (keep it below the node's mempool size, 5000 by default)")
	cmd.Flags().Duration("wait", 60*time.Second, "how long to wait for inclusion after the last broadcast")
	return cmd
}
