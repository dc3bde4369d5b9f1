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
	if p.PsmDenom == "" || p.Paused {
		return n, nil
	}
	done, err := k.peg(ctx, p, types.CollateralTypes)
	return n + done, err
}

// peg quotes the dex and runs at most one arbitrage of the PSM.
func (k *cdpKeeperBot) peg(ctx context.Context, p cdptypes.Params, cts []cdptypes.CollateralTypeInfo) (int, error) {
	dex := dextypes.NewQueryClient(k.clientCtx)
	usdc := p.PsmDenom
	buy, err := dex.BestRoute(ctx, &dextypes.QueryBestRouteRequest{TokenIn: sdk.NewCoin(usdc, k.size).String(), DenomOut: cdptypes.StableDenom})
	if err != nil {
		return 0, fmt.Errorf("quote %s%s → AUSD: %w", k.size, usdc, err)
	}
	minted := k.size.Sub(p.PsmFeeIn.MulInt(k.size).Ceil().TruncateInt())
	sell, err := dex.BestRoute(ctx, &dextypes.QueryBestRouteRequest{TokenIn: sdk.NewCoin(cdptypes.StableDenom, minted).String(), DenomOut: usdc})
	if err != nil {
		return 0, fmt.Errorf("quote AUSD → %s: %w", usdc, err)
	}
	action := planPeg(k.size, buy.TokenOut.Amount, sell.TokenOut.Amount, p.PsmFeeIn, p.PsmFeeOut, k.margin)
	if action == pegNone {
		return 0, nil
	}
	bank := banktypes.NewQueryClient(k.clientCtx)
	have, err := bank.Balance(ctx, &banktypes.QueryBalanceRequest{Address: k.clientCtx.FromAddress.String(), Denom: usdc})
	if err != nil {
		return 0, err
	}
	if have.Balance.Amount.LT(k.size) {
		k.logf("peg: %s, but the key holds only %s", action, have.Balance)
		return 0, nil
	}
	me := k.clientCtx.FromAddress.String()
	deadline := time.Now().Add(5 * time.Minute).UTC()
	floor := func(q sdkmath.Int) sdkmath.Int {
		return sdkmath.LegacyMustNewDecFromStr("0.995").MulInt(q).TruncateInt()
	}
	switch action {
	case pegBuyAndExit:
		res, err := k.send(&dextypes.MsgSwapExactIn{Sender: me, Route: buy.Route, TokenIn: sdk.NewCoin(usdc, k.size), MinOut: floor(buy.TokenOut.Amount), Deadline: deadline})
		if err != nil {
			return 0, fmt.Errorf("buy AUSD on the dex: %w", err)
		}
		var out dextypes.MsgSwapExactInResponse
		if err := msgResponse(k.clientCtx, res, &out); err != nil {
			return 0, err
		}
		got := out.TokenOut.Amount
		books, err := cdptypes.NewQueryClient(k.clientCtx).Books(ctx, &cdptypes.QueryBooksRequest{})
		if err != nil {
			return 1, err
		}
		if books.Books.PsmReserve.GTE(got) {
			if _, err := k.send(&cdptypes.MsgPsmSwapOut{Sender: me, Amount: got}); err != nil {
				return 1, fmt.Errorf("PSM out: %w", err)
			}
			k.logf("peg: bought %suausd for %s%s on the dex, swapped them out of the PSM", got, k.size, usdc)
			return 2, nil
		}
		if len(cts) == 0 {
			return 1, nil
		}
		if _, err := k.send(&cdptypes.MsgRedeem{Sender: me, Amount: got, CollateralType: cts[0].CollateralType.Denom, MaxFee: sdkmath.LegacyMustNewDecFromStr("0.05")}); err != nil {
			return 1, fmt.Errorf("redeem: %w", err)
		}
		k.logf("peg: bought %suausd on the dex; the PSM is short, redeemed them for %s", got, cts[0].CollateralType.Denom)
		return 2, nil
	case pegMintAndSell:
		if _, err := k.send(&cdptypes.MsgPsmSwapIn{Sender: me, Amount: k.size}); err != nil {
			return 0, fmt.Errorf("PSM in: %w", err)
		}
		res, err := k.send(&dextypes.MsgSwapExactIn{Sender: me, Route: sell.Route, TokenIn: sdk.NewCoin(cdptypes.StableDenom, minted), MinOut: floor(sell.TokenOut.Amount), Deadline: deadline})
		if err != nil {
			return 1, fmt.Errorf("sell AUSD on the dex: %w", err)
		}
		var out dextypes.MsgSwapExactInResponse
		_ = msgResponse(k.clientCtx, res, &out)
		k.logf("peg: swapped %s%s into the PSM, sold %suausd on the dex for %s", k.size, usdc, minted, out.TokenOut)
		return 2, nil
	}
	return 0, nil
}
