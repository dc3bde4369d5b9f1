package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/cdp/types"
)

func d(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }
func n(v int64) sdkmath.Int        { return sdkmath.NewInt(v) }

func eqInt(t *testing.T, name string, got sdkmath.Int, want int64) {
	t.Helper()
	if !got.Equal(n(want)) {
		t.Errorf("%s = %s, want %d", name, got, want)
	}
}

func eqDec(t *testing.T, name string, got sdkmath.LegacyDec, want string) {
	t.Helper()
	if !got.Equal(d(want)) {
		t.Errorf("%s = %s, want %s", name, got, want)
	}
}

// The worked examples of x/cdp/README.md, number for number.
func TestReadmeExamples(t *testing.T) {
	// Rate accumulator: 5 % a year compounded per second for one year from
	// rate 1 is e^0.05 rounded up (closed form (1 + 0.05/Y)^Y).
	rate, err := risk.AccrueIndex(sdkmath.LegacyOneDec(), d("0.05"), risk.SecondsPerYear)
	if err != nil {
		t.Fatal(err)
	}
	eqDec(t, "rate after a year at 5 %", rate, "1.051271096334354556")
	// minting 2,000 AUSD at that rate: normalized ⌈2,000,000,000 / rate⌉, owed ⌈n × rate⌉
	nd, _ := risk.ScaledDebtUp(n(2_000_000_000), rate)
	eqInt(t, "normalized debt", nd, 1_902_458_850)
	owed, _ := risk.DebtFromScaled(nd, rate)
	eqInt(t, "owed", owed, 2_000_000_001)

	// Vault: 1 ETH (1,000,000 ueth, 6 decimals) at 3,000 against 2,000 AUSD, MCR 1.3
	coll, debt, price, mcr := n(1_000_000), n(2_000_000_000), d("3000"), d("1.3")
	v, _ := types.CollateralValue(coll, price, 6)
	eqInt(t, "value", v, 3_000_000_000)
	cr, _ := types.CollateralRatio(coll, price, 6, debt)
	eqDec(t, "ratio", cr, "1.5")
	lp, _ := types.LiquidationPrice(coll, 6, debt, mcr)
	eqDec(t, "liquidation price", lp, "2600")
	mm, _ := types.MaxMintable(coll, price, 6, mcr, debt)
	eqInt(t, "max mintable", mm, 307_692_307)
	if !types.MeetsRatio(coll, d("2600"), 6, debt, mcr) || types.MeetsRatio(coll, d("2599.999999999999999999"), 6, debt, mcr) {
		t.Error("the ratio check is not exact at the liquidation price")
	}

	// Liquidation at 2,500 (ratio 1.25), penalty 10 %, reward 0.5 %, pool 1,500 AUSD
	plan, err := types.PlanLiquidation(debt, coll, d("2500"), 6, d("0.1"), d("0.005"), n(1_500_000_000))
	if err != nil {
		t.Fatal(err)
	}
	eqInt(t, "seize", plan.Seize, 880_000)      // ⌈2,200 AUSD / 2,500⌉ ETH = 0.88 ETH
	eqInt(t, "to owner", plan.ToOwner, 120_000) // 0.12 ETH
	eqInt(t, "reward", plan.Reward, 4_400)      // ⌊880,000 × 0.005⌋
	eqInt(t, "pool debt", plan.PoolDebt, 1_500_000_000)
	eqInt(t, "pool collateral", plan.PoolCollateral, 656_700) // ⌊875,600 × 1500/2000⌋
	eqInt(t, "rest debt", plan.RestDebt, 500_000_000)
	eqInt(t, "rest collateral", plan.RestCollateral, 218_900)
	lot, _ := types.SaleLot(plan.RestCollateral, plan.RestDebt, d("2500"), 6, d("0.05"), n(1_000_000_000_000))
	eqInt(t, "sale lot", lot, 210_527) // ⌈500 AUSD / (2,500 × 0.95)⌉ ETH
	floor, _ := types.SaleFloor(lot, d("2500"), 6, d("0.05"))
	eqInt(t, "sale floor", floor, 500_001_625) // ⌊526,317,500 × 0.95⌋

	// Redistribution of 100 ueth and 50 normalized debt over 1,000 ueth
	k, b, _ := types.Redistribute(sdkmath.LegacyOneDec(), sdkmath.LegacyZeroDec(), n(100), n(50), n(1_000))
	eqDec(t, "K", k, "1.1")
	eqDec(t, "B", b, "0.05")
	pc, pd, _ := types.PendingShare(n(400), sdkmath.LegacyOneDec(), sdkmath.LegacyZeroDec(), k, b)
	eqInt(t, "pending collateral of a 400 ueth vault", pc, 40)
	eqInt(t, "pending debt of a 400 ueth vault", pd, 20)

	// PSM: 5,000 USDC in at 0.1 % → 4,995 AUSD (fee ⌈5⌉ AUSD)
	eqInt(t, "psm fee", types.PsmFee(n(5_000_000_000), d("0.001")), 5_000_000)
}

// Risk keys sort vaults by normalized debt per collateral in the frame
// before redistributions, so a redistribution never reorders them.
func TestRiskKeyOrder(t *testing.T) {
	one, zero := sdkmath.LegacyOneDec(), sdkmath.LegacyZeroDec()
	safe := types.RiskKey(n(100), n(1_000), one, zero)  // 0.1 debt per unit
	risky := types.RiskKey(n(500), n(1_000), one, zero) // 0.5
	if string(risky) <= string(safe) {
		t.Fatal("a riskier vault does not sort after a safer one")
	}
	// after a redistribution (K 1.1, B 0.05) `risky` (not touched) has
	// n/c = (0.5 + 0.05)/1.1 = 0.5 now; vaults updated since with 0.45 and
	// 0.55 sort before and after it
	k, b := d("1.1"), d("0.05")
	lower := types.RiskKey(n(450), n(1_000), k, b)
	higher := types.RiskKey(n(550), n(1_000), k, b)
	if !(string(lower) < string(risky) && string(risky) < string(higher)) {
		t.Fatal("risk keys of vaults updated before and after a redistribution are out of order")
	}
}
