package keeper_test

import (
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/cdp/types"
)

// After the emergency shutdown: prices are frozen (the oracle moving
// changes nothing), no fee accrues, new debt, liquidations, pool deposits
// and PSM swaps in are refused with ErrShutdown and change nothing; owners
// withdraw exactly the collateral beyond their debt; holders redeem AUSD
// for $1 of collateral at the frozen price without fee; a non-gov signer
// cannot shut down.
func TestShutdown(t *testing.T) {
	c := newChain(t)
	alice, bob := addr(c, "alice"), addr(c, "bob")
	deliver(t, c, "alice", &types.MsgOpenVault{Owner: alice, Collateral: coinOf(1_000_000, "ueth"), Mint: ints(1_500_000_000)})
	deliver(t, c, "bob", &types.MsgPsmSwapIn{Sender: bob, Amount: ints(1_000_000_000)})
	freshPrices(t, c)
	if _, err := c.DeliverMsgs("bob", &types.MsgShutdown{Authority: bob}); err == nil {
		t.Fatal("bob shut the system down")
	}
	freshPrices(t, c)
	gov(t, c, &types.MsgShutdown{Authority: app.GovAuthority()})
	debt := vaultInfo(t, c, 1).Debt
	// ETH at 1,000 on the oracle: the frozen 3,000 still applies, no liquidation
	freshPrices(t, c)
	setPrice(t, c, "ETH/USD", "1000")
	c.AdvanceBlocks(5)
	v := vaultInfo(t, c, 1)
	if !v.Debt.Equal(debt) || !v.CollateralRatio.Equal(dec("3000").MulInt(ints(1_000_000)).QuoInt(debt)) {
		t.Fatalf("after the shutdown: debt %s → %s, ratio %s", debt, v.Debt, v.CollateralRatio)
	}
	for _, tc := range []struct {
		signer string
		msg    sdk.Msg
	}{
		{"alice", &types.MsgMint{Owner: alice, VaultId: 1, Amount: ints(10_000_000)}},
		{"bob", &types.MsgOpenVault{Owner: bob, Collateral: coinOf(1_000_000, "ueth"), Mint: ints(0)}},
		{"bob", &types.MsgLiquidate{Liquidator: bob, VaultId: 1}},
		{"bob", &types.MsgPoolDeposit{Depositor: bob, Amount: ints(1_000_000)}},
		{"bob", &types.MsgPsmSwapIn{Sender: bob, Amount: ints(1_000_000)}},
		{"bob", &types.MsgShutdown{Authority: bob}},
	} {
		before := snapshot(t, c, tc.signer)
		_, err := c.DeliverMsgs(tc.signer, tc.msg)
		txErr, ok := err.(*apptest.TxError)
		want := types.ErrShutdown
		if _, isShutdown := tc.msg.(*types.MsgShutdown); isShutdown {
			want = types.ErrUnauthorized
		}
		if !ok || txErr.Codespace != types.ModuleName || txErr.Code != want.ABCICode() {
			t.Fatalf("%T after the shutdown: %v, want %s", tc.msg, err, want)
		}
		if snapshot(t, c, tc.signer) != before {
			t.Fatalf("%T changed state", tc.msg)
		}
	}
	// alice may take out 1 ETH − debt / 3,000, not a unit more
	need, _ := types.CollateralFor(debt, dec("3000"), 6)
	free := ints(1_000_000).Sub(need)
	if _, err := c.DeliverMsgs("alice", &types.MsgWithdraw{Owner: alice, VaultId: 1, Amount: free.AddRaw(1)}); err == nil {
		t.Fatal("withdrew more than the collateral beyond the debt")
	}
	deliver(t, c, "alice", &types.MsgWithdraw{Owner: alice, VaultId: 1, Amount: free})
	// bob redeems 300 AUSD: 0.1 ETH at the frozen 3,000, no fee
	eth := balance(c, "bob", "ueth")
	deliver(t, c, "bob", &types.MsgRedeem{Sender: bob, Amount: ints(300_000_000), CollateralType: "ueth", MaxFee: dec("0")})
	if got := balance(c, "bob", "ueth").Sub(eth); !got.Equal(ints(100_000)) {
		t.Fatalf("redeemed 300 AUSD for %s ueth, want 100,000 (frozen price, no fee)", got)
	}
	down, _ := c.App.CdpKeeper.IsShutdown(c.Ctx())
	gs, _ := c.App.CdpKeeper.ExportGenesis(c.Ctx())
	if !down || gs.Validate() != nil {
		t.Fatal("shutdown state not exported consistently")
	}
}
