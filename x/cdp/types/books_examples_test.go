package types_test

import (
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// The README's worked examples of the books' AGR legs and the shutdown's
// settlement, number for number.
func TestReadmeBooksAndSettlementExamples(t *testing.T) {
	// buyback: 1,000 AUSD above the buffer, lot 1,000, AGR at 0.50, 5 %
	spend := types.BuybackLot(n(1_500_000_000), n(500_000_000), n(1_000_000_000))
	eqInt(t, "buyback lot", spend, 1_000_000_000)
	eqInt(t, "buyback lot at the buffer", types.BuybackLot(n(500_000_000), n(500_000_000), n(1_000_000_000)), 0)
	floor, err := types.BuybackFloor(spend, d("0.5"), d("0.05"))
	if err != nil {
		t.Fatal(err)
	}
	eqInt(t, "buyback floor (uagr)", floor, 1_900_000_000)

	// debt sale: 3,000 AUSD of system debt, no surplus, lot 1,000, AGR at 0.40
	target := types.DebtSaleLot(n(3_000_000_000), n(0), n(1_000_000_000))
	eqInt(t, "debt sale target", target, 1_000_000_000)
	eqInt(t, "no debt sale while surplus is left", types.DebtSaleLot(n(3_000_000_000), n(1), n(1_000_000_000)), 0)
	agr, saleFloor, err := types.DebtSaleAgr(target, d("0.4"), d("0.05"))
	if err != nil {
		t.Fatal(err)
	}
	eqInt(t, "AGR minted", agr, 2_500_000_000)
	eqInt(t, "sale floor (uausd)", saleFloor, 950_000_000)

	// settlement at a frozen ETH price of 2,000: 1 ETH owing 1,500 sets
	// aside 0.75 ETH; 1 ETH owing 2,300 (under water) gives all of it
	a, _ := types.SettlementSetAside(n(1_000_000), n(1_500_000_000), d("2000"), 6)
	eqInt(t, "set aside (safe vault)", a, 750_000)
	a, _ = types.SettlementSetAside(n(1_000_000), n(2_300_000_000), d("2000"), 6)
	eqInt(t, "set aside (under water)", a, 1_000_000)
	// basket 1.75 ETH + 1,000 USDC over 4,800 AUSD outstanding: 400 AUSD
	basket := sdk.NewCoins(sdk.NewInt64Coin("ueth", 1_750_000), sdk.NewInt64Coin("uusdc", 1_000_000_000))
	paid := types.SettlementPayout(n(400_000_000), n(4_800_000_000), basket)
	eqInt(t, "payout ueth", paid.AmountOf("ueth"), 145_833)
	eqInt(t, "payout uusdc", paid.AmountOf("uusdc"), 83_333_333)
	// the sum over holders never exceeds the basket
	rest := types.SettlementPayout(n(4_400_000_000), n(4_800_000_000), basket)
	if s := paid.Add(rest...); !basket.IsAllGTE(s) {
		t.Fatalf("payouts %s exceed the basket %s", s, basket)
	}
}
