package cmd

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/spf13/pflag"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
)

// liquidatorBot runs the rounds of `agorad liquidator`.
type liquidatorBot struct {
	clientCtx      client.Context
	flags          *pflag.FlagSet
	sell           bool
	maxSlippage    sdkmath.LegacyDec
	priceTolerance sdkmath.LegacyDec
	txTimeout      time.Duration
	log            io.Writer
}

func (b *liquidatorBot) logf(format string, args ...any) {
	fmt.Fprintf(b.log, "%s %s\n", time.Now().UTC().Format(time.RFC3339), fmt.Sprintf(format, args...))
}

// round lists the liquidatable positions, sizes every candidate, and
// executes the plan. It returns the number of liquidations committed.
func (b *liquidatorBot) round(ctx context.Context) (int, error) {
	lend := lendtypes.NewQueryClient(b.clientCtx)
	var positions []lendtypes.LiquidatablePosition
	var key []byte
	for {
		res, err := lend.LiquidatablePositions(ctx, &lendtypes.QueryLiquidatablePositionsRequest{
			Pagination: &query.PageRequest{Key: key, Limit: 1000},
		})
		if err != nil {
			return 0, fmt.Errorf("query liquidatable positions: %w", err)
		}
		positions = append(positions, res.Positions...)
		if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
			break
		}
		key = res.Pagination.NextKey
	}
	if len(positions) == 0 {
		return 0, nil
	}
	me := b.clientCtx.FromAddress.String()
	var cands []liquidationCandidate
	for _, p := range positions {
		if p.Borrower == me {
			continue
		}
		for _, debt := range p.DebtDenoms {
			bal, err := b.balance(ctx, debt)
			if err != nil {
				return 0, err
			}
			txs := int64(1)
			if b.sell {
				txs = 3
			}
			have := repayBudget(bal, debt, b.fees(), txs)
			if !have.IsPositive() {
				b.logf("skip borrower=%s repay=%s: the key holds %s%s, nothing to repay beyond its fees (health factor %s)", p.Borrower, debt, bal, debt, p.HealthFactor)
				continue
			}
			for _, coll := range p.CollateralDenoms {
				sim, err := lend.SimulateLiquidate(ctx, &lendtypes.QuerySimulateLiquidateRequest{
					Liquidator: me, Borrower: p.Borrower, RepayDenom: debt, CollateralDenom: coll, MaxRepay: have.String(),
				})
				if err != nil {
					b.logf("skip borrower=%s repay=%s collateral=%s: %v", p.Borrower, debt, coll, err)
					continue
				}
				cands = append(cands, liquidationCandidate{
					Borrower: p.Borrower, RepayDenom: debt, CollateralDenom: coll,
					Repay: sim.Repay.Amount, CollateralOut: sim.CollateralOut, Receipts: sim.Receipts.Amount,
					RepayValue: sim.RepayValue, CollateralValue: sim.CollateralOutValue, Profit: sim.Profit,
				})
			}
		}
	}
	done := 0
	for _, c := range planLiquidations(cands) {
		if err := b.liquidate(ctx, c); err != nil {
			b.logf("liquidate borrower=%s repay=%s collateral=%s FAILED: %v", c.Borrower, c.RepayDenom, c.CollateralDenom, err)
			continue
		}
		done++
	}
	return done, nil
}

// fees are the --fees of every tx (none when fees come from --gas-prices).
func (b *liquidatorBot) fees() sdk.Coins {
	s, _ := b.flags.GetString(flags.FlagFees)
	fees, err := sdk.ParseCoinsNormalized(s)
	if err != nil {
		return nil
	}
	return fees
}

func (b *liquidatorBot) balance(ctx context.Context, denom string) (sdkmath.Int, error) {
	res, err := banktypes.NewQueryClient(b.clientCtx).Balance(ctx, &banktypes.QueryBalanceRequest{
		Address: b.clientCtx.FromAddress.String(), Denom: denom,
	})
	if err != nil {
		return sdkmath.Int{}, fmt.Errorf("query balance of %s: %w", denom, err)
	}
	return res.Balance.Amount, nil
}

// liquidate sends the planned MsgLiquidate (max_repay: the simulated
// repay; min_collateral_out: the simulated out less the price tolerance),
// logs its committed outcome and, with --sell, sells the collateral.
func (b *liquidatorBot) liquidate(ctx context.Context, c liquidationCandidate) error {
	msg := &lendtypes.MsgLiquidate{
		Liquidator: b.clientCtx.FromAddress.String(), Borrower: c.Borrower, RepayDenom: c.RepayDenom,
		CollateralDenom: c.CollateralDenom, MaxRepay: c.Repay, MinCollateralOut: minCollateralOut(c.CollateralOut, b.priceTolerance),
	}
	res, err := b.send(msg)
	if err != nil {
		return err
	}
	var out lendtypes.MsgLiquidateResponse
	if err := msgResponse(b.clientCtx, res, &out); err != nil {
		return err
	}
	b.logf("liquidated borrower=%s repaid=%s collateral_out=%s%s receipts=%s value_repaid=%s value_received=%s profit=%s tx=%s height=%d",
		c.Borrower, out.Repaid, out.CollateralOut, c.CollateralDenom, out.Receipts, c.RepayValue, c.CollateralValue, c.Profit, res.TxHash, res.Height)
	if b.sell {
		return b.sellCollateral(ctx, c, out.Receipts, out.Repaid)
	}
	return nil
}

// sellCollateral withdraws the receipts received and sells the collateral
// for the repay denom on the dex's best route, at a floor.
func (b *liquidatorBot) sellCollateral(ctx context.Context, c liquidationCandidate, receipts, repaid sdk.Coin) error {
	if !receipts.Amount.IsPositive() {
		return nil
	}
	me := b.clientCtx.FromAddress.String()
	res, err := b.send(&lendtypes.MsgWithdraw{Supplier: me, Amount: receipts})
	if err != nil {
		return fmt.Errorf("withdraw %s: %w", receipts, err)
	}
	var w lendtypes.MsgWithdrawResponse
	if err := msgResponse(b.clientCtx, res, &w); err != nil {
		return err
	}
	route, err := dextypes.NewQueryClient(b.clientCtx).BestRoute(ctx, &dextypes.QueryBestRouteRequest{
		TokenIn: w.Withdrawn.String(), DenomOut: c.RepayDenom,
	})
	if err != nil {
		return fmt.Errorf("no dex route sells %s for %s: %w", w.Withdrawn, c.RepayDenom, err)
	}
	floor := sellFloor(w.Withdrawn.Amount, c, b.maxSlippage)
	res, err = b.send(&dextypes.MsgSwapExactIn{Sender: me, Route: route.Route, TokenIn: w.Withdrawn, MinOut: floor})
	if err != nil {
		return fmt.Errorf("sell %s (floor %s%s): %w", w.Withdrawn, floor, c.RepayDenom, err)
	}
	var s dextypes.MsgSwapExactInResponse
	if err := msgResponse(b.clientCtx, res, &s); err != nil {
		return err
	}
	b.logf("sold %s for %s (repaid %s: net %s%s) tx=%s height=%d",
		w.Withdrawn, s.TokenOut, repaid, s.TokenOut.Amount.Sub(repaid.Amount), c.RepayDenom, res.TxHash, res.Height)
	return nil
}

// send signs msg with the --from key (account number and sequence read
// from the node; gas simulated, × max(--gas-adjustment, 1.3), unless
// --gas is given a number), broadcasts it and
// waits for the committed result; a failed tx is an error with the
// module's message.
func (b *liquidatorBot) send(msg sdk.Msg) (*sdk.TxResponse, error) {
	txf, err := tx.NewFactoryCLI(b.clientCtx, b.flags)
	if err != nil {
		return nil, err
	}
	if txf, err = txf.Prepare(b.clientCtx); err != nil {
		return nil, err
	}
	if txf.SimulateAndExecute() || txf.Gas() == 0 || !b.flags.Changed(flags.FlagGas) {
		if txf.GasAdjustment() < 1.3 {
			txf = txf.WithGasAdjustment(1.3)
		}
		_, gas, err := tx.CalculateGas(b.clientCtx, txf, msg)
		if err != nil {
			return nil, err
		}
		txf = txf.WithGas(gas)
	}
	builder, err := txf.BuildUnsignedTx(msg)
	if err != nil {
		return nil, err
	}
	if err := tx.Sign(context.Background(), txf, b.clientCtx.FromName, builder, true); err != nil {
		return nil, err
	}
	bz, err := b.clientCtx.TxConfig.TxEncoder()(builder.GetTx())
	if err != nil {
		return nil, err
	}
	res, err := b.clientCtx.BroadcastTxSync(bz)
	if err != nil {
		return nil, err
	}
	if res.Code != 0 {
		return nil, fmt.Errorf("rejected by the node (CheckTx): %s", failure(*res))
	}
	committed, err := waitForTx(b.clientCtx, res.TxHash, b.txTimeout)
	if err != nil {
		return nil, err
	}
	if committed.Code != 0 {
		return nil, fmt.Errorf("tx %s failed in block %d: %s", committed.TxHash, committed.Height, failure(*committed))
	}
	return committed, nil
}

// msgResponse decodes the first message response of a committed tx.
func msgResponse(clientCtx client.Context, res *sdk.TxResponse, out interface{ Unmarshal([]byte) error }) error {
	bz, err := hex.DecodeString(res.Data)
	if err != nil {
		return fmt.Errorf("tx %s: data: %w", res.TxHash, err)
	}
	var data sdk.TxMsgData
	if err := clientCtx.Codec.Unmarshal(bz, &data); err != nil {
		return fmt.Errorf("tx %s: data: %w", res.TxHash, err)
	}
	if len(data.MsgResponses) == 0 {
		return fmt.Errorf("tx %s: no message response", res.TxHash)
	}
	return out.Unmarshal(data.MsgResponses[0].Value)
}
