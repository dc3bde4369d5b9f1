package keeper_test

import (
	"errors"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/cdp/keeper"
	"github.com/agora-labs/agora/x/cdp/types"
)

func wantTxErr(t *testing.T, err error, want *errorsmod.Error, what string) {
	t.Helper()
	txErr, ok := err.(*apptest.TxError)
	if !ok || txErr.Codespace != types.ModuleName || txErr.Code != want.ABCICode() {
		t.Fatalf("%s: %v, want %s", what, err, want)
	}
}

// The emergency shutdown with Maker's global settlement, without auctions.
// Two ETH vaults: alice's (1 ETH, 1,500 AUSD) stays above water at the
// frozen price of 2,000, carol's (1 ETH, 2,300 AUSD) is under water (no
// liquidation ran: max_liquidations_per_block 0). The settlement takes one
// vault per block: alice's debt-worth of ETH is set aside and she keeps
// (and withdraws) the rest; carol's vault gives all its ETH. Before the fix
// redeeming is refused (ErrSettlementPending); at the fix the PSM's USDC
// joins the basket, the surplus is burned and outstanding = the uausd
// supply. Two holders redeeming the same amount in either order get the
// same basket; refused actions change nothing; everyone redeeming
// everything leaves only rounding dust, never a deficit.
func TestShutdownSettlement(t *testing.T) {
	c := newChain(t)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	p, _ := c.App.CdpKeeper.Params.Get(c.Ctx())
	p.MaxLiquidationsPerBlock, p.SettlementVaultsPerBlock = 0, 1
	freshPrices(t, c)
	gov(t, c, &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: p})
	deliver(t, c, "alice", &types.MsgOpenVault{Owner: alice, Collateral: coinOf(1_000_000, "ueth"), Mint: ints(1_500_000_000)})
	deliver(t, c, "carol", &types.MsgOpenVault{Owner: carol, Collateral: coinOf(1_000_000, "ueth"), Mint: ints(2_300_000_000)})
	deliver(t, c, "bob", &types.MsgPsmSwapIn{Sender: bob, Amount: ints(1_000_000_000)})
	freshPrices(t, c)
	if _, err := c.DeliverMsgs("bob", &types.MsgShutdown{Authority: bob}); err == nil {
		t.Fatal("bob shut the system down")
	}
	freshPrices(t, c)
	setPrice(t, c, "ETH/USD", "2000")
	carolEth := balance(c, "carol", "ueth")
	gov(t, c, &types.MsgShutdown{Authority: app.TimelockAuthority()})
	k := c.App.CdpKeeper
	st, _ := k.CollateralStates.Get(c.Ctx(), "ueth")
	frozen := st.FrozenPrice
	if !frozen.Equal(dec("2000")) {
		t.Fatalf("frozen ETH price %s, want 2000", frozen)
	}

	// one vault per block: alice's is settled, carol's is not yet
	b := books(t, c)
	if b.SettlementFixed || b.SettlementCursor != 2 {
		t.Fatalf("after one block: fixed %v, cursor %d", b.SettlementFixed, b.SettlementCursor)
	}
	aliceVault := vaultInfo(t, c, 1)
	aliceDebt := b.SettledDebt
	aliceAside, _ := types.CollateralFor(aliceDebt, frozen, 6)
	if !aliceVault.Debt.IsZero() || !aliceVault.Vault.Collateral.Equal(ints(1_000_000).Sub(aliceAside)) {
		t.Fatalf("alice's vault after settlement: debt %s, collateral %s (set aside %s)", aliceVault.Debt, aliceVault.Vault.Collateral, aliceAside)
	}
	cache, _ := c.WriteCtx().CacheContext()
	_, err := k.RedeemSettlement(cache, c.Address("bob"), ints(1_000_000))
	if !errors.Is(err, types.ErrSettlementPending) {
		t.Fatalf("redeeming before the fix: %v, want ErrSettlementPending", err)
	}

	// the next block settles carol's (under water: all of its ETH) and fixes
	setPrice(t, c, "ETH/USD", "500") // the oracle moving changes nothing now
	c.NextBlock()
	b = books(t, c)
	if !b.SettlementFixed {
		t.Fatal("not fixed after every vault was settled")
	}
	if _, err := k.Vaults.Get(c.Ctx(), 2); err == nil {
		t.Fatal("carol's emptied vault is still there")
	}
	if got := balance(c, "carol", "ueth"); !got.Equal(carolEth) {
		t.Fatalf("carol got %s ueth back from an under-water vault", got.Sub(carolEth))
	}
	supply := c.App.BankKeeper.GetSupply(c.Ctx(), types.StableDenom).Amount
	wantBasket := sdk.NewCoins(coinOf(1_000_000, "ueth").AddAmount(aliceAside), coinOf(1_000_000_000, "uusdc"))
	if !b.SettlementOutstanding.Equal(supply) || !b.SettlementBasket.Equal(wantBasket) || !b.Surplus.IsZero() || !b.PsmReserve.IsZero() {
		t.Fatalf("fix: outstanding %s (supply %s), basket %s (want %s), surplus %s, psm %s",
			b.SettlementOutstanding, supply, b.SettlementBasket, wantBasket, b.Surplus, b.PsmReserve)
	}

	// alice takes her remaining ETH (not a unit more)
	if _, err := c.DeliverMsgs("alice", &types.MsgWithdraw{Owner: alice, VaultId: 1, Amount: aliceVault.Vault.Collateral.AddRaw(1)}); err == nil {
		t.Fatal("withdrew more than the vault holds")
	}
	deliver(t, c, "alice", &types.MsgWithdraw{Owner: alice, VaultId: 1, Amount: aliceVault.Vault.Collateral})

	// refused after the shutdown, changing nothing
	for _, tc := range []struct {
		signer string
		msg    sdk.Msg
		want   *errorsmod.Error
	}{
		{"alice", &types.MsgMint{Owner: alice, VaultId: 1, Amount: ints(10_000_000)}, types.ErrShutdown},
		{"bob", &types.MsgOpenVault{Owner: bob, Collateral: coinOf(1_000_000, "ueth"), Mint: ints(0)}, types.ErrShutdown},
		{"bob", &types.MsgLiquidate{Liquidator: bob, VaultId: 1}, types.ErrShutdown},
		{"bob", &types.MsgPoolDeposit{Depositor: bob, Amount: ints(1_000_000)}, types.ErrShutdown},
		{"bob", &types.MsgPsmSwapIn{Sender: bob, Amount: ints(1_000_000)}, types.ErrShutdown},
		{"bob", &types.MsgPsmSwapOut{Sender: bob, Amount: ints(1_000_000)}, types.ErrShutdown},
		{"bob", &types.MsgRedeem{Sender: bob, Amount: ints(1_000_000), CollateralType: "ueth", MaxFee: dec("1")}, types.ErrShutdown},
		{"bob", &types.MsgShutdown{Authority: bob}, types.ErrUnauthorized},
		{"bob", &types.MsgRedeemSettlement{Sender: bob, Amount: balance(c, "bob", types.StableDenom).AddRaw(1)}, types.ErrInsufficientFunds},
	} {
		before := snapshot(t, c, tc.signer)
		_, err := c.DeliverMsgs(tc.signer, tc.msg)
		wantTxErr(t, err, tc.want, sdk.MsgTypeURL(tc.msg))
		if snapshot(t, c, tc.signer) != before {
			t.Fatalf("%T changed state", tc.msg)
		}
	}

	// the same amount pays the same basket whichever holder goes first
	amt := ints(400_000_000)
	payout := func(first, second string) (sdk.Coins, sdk.Coins) {
		ctx, _ := c.WriteCtx().CacheContext()
		p1, err := k.RedeemSettlement(ctx, c.Address(first), amt)
		if err != nil {
			t.Fatal(err)
		}
		p2, err := k.RedeemSettlement(ctx, c.Address(second), amt)
		if err != nil {
			t.Fatal(err)
		}
		return p1, p2
	}
	bobFirst, aliceSecond := payout("bob", "alice")
	aliceFirst, bobSecond := payout("alice", "bob")
	if !bobFirst.Equal(bobSecond) || !aliceFirst.Equal(aliceSecond) || !bobFirst.Equal(aliceFirst) {
		t.Fatalf("baskets depend on the order: bob %s / %s, alice %s / %s", bobFirst, bobSecond, aliceFirst, aliceSecond)
	}
	want := types.SettlementPayout(amt, b.SettlementOutstanding, b.SettlementBasket)
	if !bobFirst.Equal(want) || want.AmountOf("ueth").IsZero() || want.AmountOf("uusdc").IsZero() {
		t.Fatalf("payout %s, want %s (ETH and USDC)", bobFirst, want)
	}

	// everyone redeems everything, through transactions
	paid := sdk.NewCoins()
	for _, who := range []string{"bob", "alice", "carol"} {
		held := balance(c, who, types.StableDenom)
		if !held.IsPositive() {
			continue
		}
		res, err := keeper.NewMsgServerImpl(k).RedeemSettlement(c.WriteCtx(), &types.MsgRedeemSettlement{Sender: addr(c, who), Amount: held})
		if err != nil {
			t.Fatalf("%s redeeming %s: %v", who, held, err)
		}
		paid = paid.Add(res.Paid...)
		c.NextBlock()
	}
	b = books(t, c)
	if !c.App.BankKeeper.GetSupply(c.Ctx(), types.StableDenom).Amount.IsZero() {
		t.Fatal("AUSD left after everyone redeemed")
	}
	for _, coin := range b.SettlementBasket {
		left := b.SettlementLeft.AmountOf(coin.Denom)
		if !paid.AmountOf(coin.Denom).Add(left).Equal(coin.Amount) || left.GT(sdkmath.NewInt(3)) {
			t.Fatalf("%s: paid %s + left %s ≠ basket %s (or more than rounding left)", coin.Denom, paid.AmountOf(coin.Denom), left, coin.Amount)
		}
	}
	gs, _ := k.ExportGenesis(c.Ctx())
	if gs.Validate() != nil {
		t.Fatal("shutdown state not exported consistently")
	}
}
