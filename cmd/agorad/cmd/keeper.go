package cmd

import (
	"context"
	"fmt"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/x/cdp/pegbot"
	cdptypes "github.com/agora-labs/agora/x/cdp/types"
	dextypes "github.com/agora-labs/agora/x/dex/types"
)

const (
	flagArbSize   = "arb-size"
	flagArbMargin = "arb-margin"
)

// KeeperCmd is `agorad keeper`: AUSD's keeper bot.
func KeeperCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "keeper",
		Short: "AUSD keeper bot: liquidate unsafe vaults, arbitrage the PSM against the dex, redeem below $1",
		Long: `Each round the bot (1) sends MsgLiquidate for every vault below its minimum
collateral ratio among each collateral type's riskiest vaults (the module
also liquidates in EndBlock; the bot earns the liquidation reward), and
(2) quotes --arb-size of USDC and AUSD on the dex: when AUSD is cheap it buys
AUSD there and swaps it out of the PSM (or redeems it for collateral when
the PSM holds too little USDC); when AUSD is dear it swaps USDC into the PSM
and sells the AUSD on the dex — each only when the round trip clears the
PSM's fee and --arb-margin. Transactions are signed with --from; one log
line per action.

Examples (devnet running):
  agorad keeper --from alice --home ~/.agora-devnet --once
  agorad keeper --from bot --interval 3s --arb-size 5000000000 --fees 15000uagr --gas 600000`,
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			if clientCtx.FromAddress.Empty() {
				return fmt.Errorf("--from is required: the key that liquidates and trades")
			}
			interval, _ := cmd.Flags().GetDuration(flagInterval)
			once, _ := cmd.Flags().GetBool(flagOnce)
			timeout, _ := cmd.Flags().GetDuration(flagLiquidatorTimeout)
			sizeStr, _ := cmd.Flags().GetString(flagArbSize)
			size, ok := sdkmath.NewIntFromString(sizeStr)
			if !ok || !size.IsPositive() {
				return fmt.Errorf("--%s %q: want a positive amount of base units", flagArbSize, sizeStr)
			}
			margin, err := decFlag(cmd, flagArbMargin)
			if err != nil {
				return err
			}
			k := &cdpKeeperBot{
				liquidatorBot: liquidatorBot{clientCtx: clientCtx, flags: cmd.Flags(), txTimeout: timeout, log: cmd.OutOrStdout()},
				size:          size, margin: margin,
			}
			for {
				n, err := k.round(cmd.Context())
				if err != nil {
					k.logf("round failed: %v", err)
				}
				if once {
					if err != nil {
						return err
					}
					k.logf("done: %d action(s)", n)
					return nil
				}
				select {
				case <-cmd.Context().Done():
					return nil
				case <-time.After(interval):
				}
			}
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	cmd.Flags().Duration(flagInterval, 5*time.Second, "time between rounds")
	cmd.Flags().Bool(flagOnce, false, "run one round and exit (non-zero if the round failed)")
	cmd.Flags().String(flagArbSize, "1000000000", "USDC (base units) per PSM arbitrage")
	cmd.Flags().String(flagArbMargin, "0.001", "an arbitrage must return size × (1 + this) after fees")
	cmd.Flags().Duration(flagLiquidatorTimeout, defaultWaitTimeout, "how long to wait for each transaction to be committed")
	return cmd
}

// cdpKeeperBot runs the rounds of `agorad keeper`; it signs and sends
// through the liquidator bot's send.
type cdpKeeperBot struct {
	liquidatorBot
	size   sdkmath.Int
	margin sdkmath.LegacyDec
}

func (k *cdpKeeperBot) round(ctx context.Context) (int, error) {
	cdp := cdptypes.NewQueryClient(k.clientCtx)
	params, err := cdp.Params(ctx, &cdptypes.QueryParamsRequest{})
	if err != nil {
		return 0, fmt.Errorf("query cdp params: %w", err)
	}
	types, err := cdp.CollateralTypes(ctx, &cdptypes.QueryCollateralTypesRequest{})
	if err != nil {
		return 0, fmt.Errorf("query collateral types: %w", err)
	}
	n := 0
	me := k.clientCtx.FromAddress.String()
	for _, t := range types.CollateralTypes {
		denom := t.CollateralType.Denom
		risky, err := cdp.VaultsAtRisk(ctx, &cdptypes.QueryVaultsAtRiskRequest{Denom: denom, Limit: 20})
		if err != nil {
			return n, fmt.Errorf("vaults at risk %s: %w", denom, err)
		}
		for _, v := range risky.Vaults {
			if v.PriceError != "" || !v.Debt.IsPositive() || v.CollateralRatio.GTE(v.MinCollateralRatio) {
				break // the rest of this type is safer (or cannot be judged)
			}
			res, err := k.send(&cdptypes.MsgLiquidate{Liquidator: me, VaultId: v.Vault.Id})
			if err != nil {
				k.logf("liquidate vault %d (ratio %s < %s): %v", v.Vault.Id, v.CollateralRatio, v.MinCollateralRatio, err)
				continue
			}
			var out cdptypes.MsgLiquidateResponse
			_ = msgResponse(k.clientCtx, res, &out)
			k.logf("liquidated vault %d (%s, ratio %s, debt %suausd): reward %s, tx %s", v.Vault.Id, denom, v.CollateralRatio, v.Debt, out.Reward, res.TxHash)
			n++
		}
	}
	p := params.Params
	redeemType := ""
	if len(types.CollateralTypes) > 0 {
		redeemType = types.CollateralTypes[0].CollateralType.Denom
	}
	res, err := pegbot.Round(ctx, &txMarket{bot: k}, p, redeemType, k.size, k.margin)
	for _, line := range res.Log {
		k.logf("%s", line)
	}
	return n + res.Txs, err
}

// txMarket is pegbot.Market over gRPC queries and signed transactions
// from the bot's key.
type txMarket struct{ bot *cdpKeeperBot }

func (m *txMarket) me() string { return m.bot.clientCtx.FromAddress.String() }

func (m *txMarket) Quote(ctx context.Context, in sdk.Coin, denomOut string) (sdkmath.Int, []dextypes.Hop, error) {
	q, err := dextypes.NewQueryClient(m.bot.clientCtx).BestRoute(ctx, &dextypes.QueryBestRouteRequest{TokenIn: in.String(), DenomOut: denomOut})
	if err != nil {
		return sdkmath.Int{}, nil, err
	}
	return q.TokenOut.Amount, q.Route, nil
}

func (m *txMarket) Swap(ctx context.Context, route []dextypes.Hop, in sdk.Coin, minOut sdkmath.Int) (sdkmath.Int, error) {
	res, err := m.bot.send(&dextypes.MsgSwapExactIn{Sender: m.me(), Route: route, TokenIn: in, MinOut: minOut, Deadline: time.Now().Add(5 * time.Minute).UTC()})
	if err != nil {
		return sdkmath.Int{}, err
	}
	var out dextypes.MsgSwapExactInResponse
	if err := msgResponse(m.bot.clientCtx, res, &out); err != nil {
		return sdkmath.Int{}, err
	}
	// The swap was queued into its block's batch and settled at the end of
	// that (committed) block: the fill is in the order's record, not in the
	// response (which holds the estimate).
	q, err := dextypes.NewQueryClient(m.bot.clientCtx).SwapOrder(ctx, &dextypes.QuerySwapOrderRequest{OrderId: out.OrderId})
	if err != nil {
		return sdkmath.Int{}, err
	}
	if q.Order.Status != dextypes.ORDER_STATUS_FILLED {
		return sdkmath.Int{}, fmt.Errorf("swap order %d was not filled (%s): %s", out.OrderId, q.Order.Status, q.Order.Reason)
	}
	return q.Order.TokenOut.Amount, nil
}

func (m *txMarket) PsmIn(_ context.Context, amount sdkmath.Int) error {
	_, err := m.bot.send(&cdptypes.MsgPsmSwapIn{Sender: m.me(), Amount: amount})
	return err
}

func (m *txMarket) PsmOut(_ context.Context, amount sdkmath.Int) error {
	_, err := m.bot.send(&cdptypes.MsgPsmSwapOut{Sender: m.me(), Amount: amount})
	return err
}

func (m *txMarket) Redeem(_ context.Context, amount sdkmath.Int, collateralType string) error {
	_, err := m.bot.send(&cdptypes.MsgRedeem{Sender: m.me(), Amount: amount, CollateralType: collateralType, MaxFee: pegbot.RedeemMaxFee})
	return err
}

func (m *txMarket) PsmReserve(ctx context.Context) (sdkmath.Int, error) {
	b, err := cdptypes.NewQueryClient(m.bot.clientCtx).Books(ctx, &cdptypes.QueryBooksRequest{})
	if err != nil {
		return sdkmath.Int{}, err
	}
	return b.Books.PsmReserve, nil
}

func (m *txMarket) Balance(ctx context.Context, denom string) (sdkmath.Int, error) {
	b, err := banktypes.NewQueryClient(m.bot.clientCtx).Balance(ctx, &banktypes.QueryBalanceRequest{Address: m.me(), Denom: denom})
	if err != nil {
		return sdkmath.Int{}, err
	}
	return b.Balance.Amount, nil
}
