package cmd

import (
	"sort"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// liquidationCandidate is one (borrower, repay denom, collateral denom)
// liquidation as the simulate query sized it for the bot's key.
type liquidationCandidate struct {
	Borrower        string
	RepayDenom      string
	CollateralDenom string
	Repay           sdkmath.Int       // repay_denom taken
	CollateralOut   sdkmath.Int       // collateral_denom paid (as receipts)
	Receipts        sdkmath.Int       // lend/{collateral_denom} received
	RepayValue      sdkmath.LegacyDec // at oracle prices, in the oracle's quote
	CollateralValue sdkmath.LegacyDec
	Profit          sdkmath.LegacyDec // CollateralValue − RepayValue
}

// planLiquidations orders the candidates for execution: only profitable
// ones, one per borrower (its most profitable: a liquidation changes the
// position, so the borrower's other candidates must be sized again next
// round), most profitable first; ties by borrower, then denoms, so the
// order is deterministic.
func planLiquidations(cands []liquidationCandidate) []liquidationCandidate {
	best := map[string]liquidationCandidate{}
	for _, c := range cands {
		if c.Profit.IsNil() || !c.Profit.IsPositive() || !c.Repay.IsPositive() {
			continue
		}
		if b, ok := best[c.Borrower]; !ok || before(c, b) {
			best[c.Borrower] = c
		}
	}
	out := make([]liquidationCandidate, 0, len(best))
	for _, c := range best {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return before(out[i], out[j]) })
	return out
}

// before orders by profit descending, then by borrower and denoms.
func before(a, b liquidationCandidate) bool {
	if !a.Profit.Equal(b.Profit) {
		return a.Profit.GT(b.Profit)
	}
	if a.Borrower != b.Borrower {
		return a.Borrower < b.Borrower
	}
	if a.RepayDenom != b.RepayDenom {
		return a.RepayDenom < b.RepayDenom
	}
	return a.CollateralDenom < b.CollateralDenom
}

// minCollateralOut is the floor the bot puts on a liquidation it sized:
// the simulated collateral out less tolerance (prices may move between the
// query and the block), rounded up.
func minCollateralOut(simulated sdkmath.Int, tolerance sdkmath.LegacyDec) sdkmath.Int {
	return sdkmath.LegacyOneDec().Sub(tolerance).MulInt(simulated).Ceil().TruncateInt()
}

// sellFloor is the least amount of the repay denom the bot accepts for
// selling amount of the collateral on the dex: its oracle value (collateral
// value per unit over repay value per unit, from the simulation) less
// maxSlippage, rounded up. Zero when the simulation gives no price.
func sellFloor(amount sdkmath.Int, c liquidationCandidate, maxSlippage sdkmath.LegacyDec) sdkmath.Int {
	if c.CollateralOut.IsNil() || c.Repay.IsNil() || c.RepayValue.IsNil() || c.CollateralValue.IsNil() ||
		!c.CollateralOut.IsPositive() || !c.Repay.IsPositive() || !c.RepayValue.IsPositive() {
		return sdkmath.ZeroInt()
	}
	collPerUnit := c.CollateralValue.QuoInt(c.CollateralOut)
	repayPerUnit := c.RepayValue.QuoInt(c.Repay)
	worth := collPerUnit.MulInt(amount).Quo(repayPerUnit)
	return sdkmath.LegacyOneDec().Sub(maxSlippage).Mul(worth).Ceil().TruncateInt()
}

// repayBudget is how much of denom the bot may repay from balance: all of
// it, less txsLeft fees when the fee is paid in the same denom (so the
// liquidation and, with --sell, the withdraw and the sale can still pay
// their fees); never negative.
func repayBudget(balance sdkmath.Int, denom string, fee sdk.Coins, txsLeft int64) sdkmath.Int {
	keep := fee.AmountOf(denom).MulRaw(txsLeft)
	if !balance.GT(keep) {
		return sdkmath.ZeroInt()
	}
	return balance.Sub(keep)
}
