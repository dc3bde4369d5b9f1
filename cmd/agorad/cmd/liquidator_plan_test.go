package cmd

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

func cand(borrower, repay, coll, profit string) liquidationCandidate {
	return liquidationCandidate{
		Borrower: borrower, RepayDenom: repay, CollateralDenom: coll,
		Repay: sdkmath.NewInt(100), CollateralOut: sdkmath.NewInt(1), Receipts: sdkmath.NewInt(1),
		Profit: sdkmath.LegacyMustNewDecFromStr(profit),
	}
}

// The plan keeps the most profitable candidate per borrower, drops the
// unprofitable, and orders by profit (ties by borrower, then denoms).
func TestPlanLiquidations(t *testing.T) {
	got := planLiquidations([]liquidationCandidate{
		cand("bob", "uusdc", "ubtc", "5"),
		cand("bob", "uusdc", "ueth", "9"),   // bob's best
		cand("carol", "uusdc", "ubtc", "0"), // no profit: dropped
		cand("dave", "uagr", "ubtc", "-1"),  // a loss: dropped
		cand("erin", "uusdc", "ubtc", "12"),
		cand("amy", "uusdc", "ubtc", "9"), // ties with bob: amy first
		cand("amy", "uagr", "ubtc", "9"),  // amy's tie: uagr before uusdc
	})
	want := []string{"erin/uusdc/ubtc", "amy/uagr/ubtc", "bob/uusdc/ueth"}
	if len(got) != len(want) {
		t.Fatalf("plan %v, want %v", got, want)
	}
	for i, c := range got {
		if k := c.Borrower + "/" + c.RepayDenom + "/" + c.CollateralDenom; k != want[i] {
			t.Fatalf("plan[%d] = %s, want %s", i, k, want[i])
		}
	}
	if len(planLiquidations(nil)) != 0 {
		t.Fatal("empty plan expected")
	}
}

// A candidate without a repay is never planned, whatever its profit.
func TestPlanSkipsZeroRepay(t *testing.T) {
	c := cand("bob", "uusdc", "ubtc", "5")
	c.Repay = sdkmath.ZeroInt()
	if got := planLiquidations([]liquidationCandidate{c}); len(got) != 0 {
		t.Fatalf("plan %v", got)
	}
}

func TestMinCollateralOutRoundsUp(t *testing.T) {
	tol := sdkmath.LegacyMustNewDecFromStr("0.01")
	if got := minCollateralOut(sdkmath.NewInt(1001), tol); !got.Equal(sdkmath.NewInt(991)) { // 990.99 → 991
		t.Fatalf("min out %s", got)
	}
	if got := minCollateralOut(sdkmath.NewInt(1000), sdkmath.LegacyZeroDec()); !got.Equal(sdkmath.NewInt(1000)) {
		t.Fatalf("min out %s", got)
	}
}

// The sell floor is the oracle value in the repay denom less the
// slippage: the simulation valued 10,000 ubtc at 600 USD and 500,000,000
// uusdc at 500 USD, so 10,000 ubtc are worth 600,000,000 uusdc; less 2 %:
// 588,000,000.
func TestSellFloor(t *testing.T) {
	c := liquidationCandidate{
		Repay: sdkmath.NewInt(500_000_000), RepayValue: sdkmath.LegacyNewDec(500),
		CollateralOut: sdkmath.NewInt(10_000), CollateralValue: sdkmath.LegacyNewDec(600),
	}
	got := sellFloor(sdkmath.NewInt(10_000), c, sdkmath.LegacyMustNewDecFromStr("0.02"))
	if !got.Equal(sdkmath.NewInt(588_000_000)) {
		t.Fatalf("floor %s", got)
	}
	if got := sellFloor(sdkmath.NewInt(10_000), liquidationCandidate{}, sdkmath.LegacyZeroDec()); !got.IsZero() {
		t.Fatalf("floor without prices %s", got)
	}
}

// The repay budget keeps the fees of the txs left when they are paid in
// the debt denom.
func TestRepayBudget(t *testing.T) {
	fee := sdk.NewCoins(sdk.NewInt64Coin("uagr", 15_000))
	for _, c := range []struct {
		balance int64
		denom   string
		txs     int64
		want    int64
	}{
		{1_000_000, "uusdc", 3, 1_000_000}, // fee in another denom
		{1_000_000, "uagr", 1, 985_000},
		{1_000_000, "uagr", 3, 955_000},
		{40_000, "uagr", 3, 0}, // not even the fees
	} {
		if got := repayBudget(sdkmath.NewInt(c.balance), c.denom, fee, c.txs); !got.Equal(sdkmath.NewInt(c.want)) {
			t.Errorf("%d%s, %d txs: %s, want %d", c.balance, c.denom, c.txs, got, c.want)
		}
	}
}
