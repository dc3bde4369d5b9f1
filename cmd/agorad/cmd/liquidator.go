package cmd

import (
	"fmt"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
)

const (
	flagInterval          = "interval"
	flagOnce              = "once"
	flagSell              = "sell"
	flagMaxSlippage       = "max-slippage"
	flagPriceTolerance    = "price-tolerance"
	flagLiquidatorTimeout = "tx-timeout"
)

// LiquidatorCmd is `agorad liquidator`: a liquidation bot for x/lend.
func LiquidatorCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "liquidator",
		Short: "Liquidate x/lend positions below health factor 1 with a keyring key, most profitable first",
		Long: `Each round the bot lists the positions below health factor 1 (query lend
liquidatable), sizes a liquidation of every debt/collateral pair of each with
the liquidation simulate query (repay capped by the key's balance of the debt
asset), keeps each borrower's most profitable one, and sends them most
profitable first as MsgLiquidate signed with --from, waiting for each
committed result. With --sell it withdraws the collateral receipts it
received and sells the collateral on the dex for the repaid asset, with a
floor at the oracle value less --max-slippage. One log line per action, with
its profit at oracle prices (in the oracle's quote, e.g. USD).

Examples (devnet running):
  agorad liquidator --from alice --home ~/.agora-devnet --once
  agorad liquidator --from bot --node tcp://127.0.0.1:26657 --interval 3s --sell --fees 10000uagr --gas 600000`,
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			if clientCtx.FromAddress.Empty() {
				return fmt.Errorf("--from is required: the key that repays debt and receives collateral")
			}
			interval, _ := cmd.Flags().GetDuration(flagInterval)
			once, _ := cmd.Flags().GetBool(flagOnce)
			sell, _ := cmd.Flags().GetBool(flagSell)
			timeout, _ := cmd.Flags().GetDuration(flagLiquidatorTimeout)
			slippage, err := decFlag(cmd, flagMaxSlippage)
			if err != nil {
				return err
			}
			tolerance, err := decFlag(cmd, flagPriceTolerance)
			if err != nil {
				return err
			}
			bot := &liquidatorBot{
				clientCtx: clientCtx, flags: cmd.Flags(), sell: sell, maxSlippage: slippage,
				priceTolerance: tolerance, txTimeout: timeout, log: cmd.OutOrStdout(),
			}
			ctx := cmd.Context()
			for {
				n, err := bot.round(ctx)
				if err != nil {
					bot.logf("round failed: %v", err)
				}
				if once {
					if err != nil {
						return err
					}
					bot.logf("done: %d liquidation(s)", n)
					return nil
				}
				select {
				case <-ctx.Done():
					return nil
				case <-time.After(interval):
				}
			}
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	cmd.Flags().Duration(flagInterval, 5*time.Second, "time between rounds")
	cmd.Flags().Bool(flagOnce, false, "run one round and exit (non-zero if the round failed)")
	cmd.Flags().Bool(flagSell, false, "withdraw the seized collateral and sell it on the dex for the repaid asset")
	cmd.Flags().String(flagMaxSlippage, "0.05", "with --sell: sell for at least the oracle value × (1 − this)")
	cmd.Flags().String(flagPriceTolerance, "0.01", "min_collateral_out = simulated collateral out × (1 − this)")
	cmd.Flags().Duration(flagLiquidatorTimeout, defaultWaitTimeout, "how long to wait for each transaction to be committed")
	return cmd
}

func decFlag(cmd *cobra.Command, name string) (sdkmath.LegacyDec, error) {
	s, _ := cmd.Flags().GetString(name)
	d, err := sdkmath.LegacyNewDecFromStr(s)
	if err != nil || d.IsNegative() || d.GTE(sdkmath.LegacyOneDec()) {
		return sdkmath.LegacyDec{}, fmt.Errorf("--%s %q: want a decimal in [0, 1)", name, s)
	}
	return d, nil
}
