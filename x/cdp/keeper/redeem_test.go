package keeper_test

import (
	"testing"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/cdp/keeper"
	"github.com/agora-labs/agora/x/cdp/types"
)

// Redemption takes $1 of ETH per AUSD from the safe vault with the lowest
// ratio first, keeps the fee, leaves the vault its remaining collateral,
// raises the fee for the next redeemer; a max_fee below it and redeeming
// more than held are refused with nothing changed.
func TestRedemption(t *testing.T) {
	c := newChain(t)
	// vault 1: ratio 1.5 (riskier); vault 2: ratio 3
	deliver(t, c, "alice", &types.MsgOpenVault{Owner: addr(c, "alice"), Collateral: coinOf(1_000_000, "ueth"), Mint: ints(2_000_000_000)})
	deliver(t, c, "carol", &types.MsgOpenVault{Owner: addr(c, "carol"), Collateral: coinOf(2_000_000, "ueth"), Mint: ints(2_000_000_000)})
	deliver(t, c, "bob", &types.MsgPsmSwapIn{Sender: addr(c, "bob"), Amount: ints(2_000_000_000)})
	q := keeper.NewQueryServerImpl(c.App.CdpKeeper)
	fee0, err := q.RedemptionFee(c.Ctx(), &types.QueryRedemptionFeeRequest{})
	if err != nil || !fee0.FeeRate.Equal(dec("0.005")) {
		t.Fatalf("fee before any redemption: %v %v", fee0, err)
	}
	bob := addr(c, "bob")
	for _, tc := range []struct {
		msg  *types.MsgRedeem
		want error
	}{
		{&types.MsgRedeem{Sender: bob, Amount: ints(1_000_000_000), CollateralType: "ueth", MaxFee: dec("0.005")}, types.ErrRedemptionFee},
		{&types.MsgRedeem{Sender: bob, Amount: ints(5_000_000_000), CollateralType: "ueth", MaxFee: dec("0.1")}, types.ErrInsufficientFunds},
		{&types.MsgRedeem{Sender: bob, Amount: ints(1_000_000_000), CollateralType: "uagr", MaxFee: dec("0.1")}, types.ErrUnknownCollateralType},
	} {
		freshPrices(t, c)
		before := snapshot(t, c, "bob")
		_, err := c.DeliverMsgs("bob", tc.msg)
		txErr, ok := err.(*apptest.TxError)
		if !ok || txErr.Codespace != types.ModuleName || txErr.Code != tc.want.(interface{ ABCICode() uint32 }).ABCICode() {
			t.Fatalf("%+v: %v, want %v", tc.msg, err, tc.want)
		}
		if after := snapshot(t, c, "bob"); after != before {
			t.Fatal("a refused redemption changed state")
		}
	}
	ethBefore := balance(c, "bob", "ueth")
	v2 := vaultInfo(t, c, 2)
	deliver(t, c, "bob", &types.MsgRedeem{Sender: bob, Amount: ints(1_000_000_000), CollateralType: "ueth", MaxFee: dec("0.1")})
	// 1,000 AUSD of 2,000 + fees-supply: rate = 0.005 + 1000/(2 × supply)
	got := balance(c, "bob", "ueth").Sub(ethBefore)
	// 1,000 AUSD at 3,000 = 333,333 ueth, less a fee of about 0.5 % + 1000/(2×~4,000) ≈ 13 %
	if got.GTE(ints(333_333)) || got.LT(ints(280_000)) {
		t.Fatalf("bob received %s ueth for 1,000 AUSD", got)
	}
	v1 := vaultInfo(t, c, 1)
	if v1.Debt.GT(ints(1_000_100_000)) || v1.Debt.LT(ints(1_000_000_000)) || !v1.Vault.Collateral.Equal(ints(1_000_000-333_333)) {
		t.Fatalf("vault 1 after the redemption: debt %s collateral %s", v1.Debt, v1.Vault.Collateral)
	}
	if after := vaultInfo(t, c, 2); !after.Vault.Collateral.Equal(v2.Vault.Collateral) {
		t.Fatal("the safer vault was redeemed against first")
	}
	fee1, _ := q.RedemptionFee(c.Ctx(), &types.QueryRedemptionFeeRequest{})
	if !fee1.FeeRate.GT(fee0.FeeRate) {
		t.Fatalf("the fee did not rise: %s → %s", fee0.FeeRate, fee1.FeeRate)
	}
	b, _ := c.App.CdpKeeper.Books.Get(c.Ctx())
	if !b.SurplusCollateral.AmountOf("ueth").Equal(ints(333_333).Sub(got)) {
		t.Fatalf("surplus collateral %s, want the fee %s", b.SurplusCollateral, ints(333_333).Sub(got))
	}
}
