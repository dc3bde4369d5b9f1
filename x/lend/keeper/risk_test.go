package keeper_test

import (
	"errors"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
)

// expectCode delivers msgs without refreshing prices and checks the code.
func expectCode(t *testing.T, c *apptest.Chain, signer string, msg sdkMsg, want interface {
	Codespace() string
	ABCICode() uint32
}) {
	t.Helper()
	_, err := c.DeliverMsgs(signer, msg)
	var txErr *apptest.TxError
	if !errors.As(err, &txErr) || txErr.Codespace != want.Codespace() || txErr.Code != want.ABCICode() {
		t.Fatalf("%T: got %v, want %s/%d", msg, err, want.Codespace(), want.ABCICode())
	}
}

func mustDeliver(t *testing.T, c *apptest.Chain, signer string, msg sdkMsg) {
	t.Helper()
	if _, err := c.DeliverMsgs(signer, msg); err != nil {
		t.Fatalf("%T: %v", msg, err)
	}
}

// A stale or missing price refuses borrow and decollateralize on the
// position (fail closed), while supply, repay, adding collateral and
// withdrawing free receipts still work.
func TestStalePriceFailsClosed(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	alice, bob := addr(c, "alice"), addr(c, "bob")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("2000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("10000000000uusdc")})

	// BTC's price is 100 blocks old (max age 60); USDC is fresh.
	c.AdvanceBlocks(100)
	freshPrices(t, c)
	setPriceAt(t, c, "BTC/USD", "60000", c.Height()-100)
	c.NextBlock()

	expectCode(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("1000000uusdc")}, types.ErrPriceUnavailable)
	expectCode(t, c, "bob", &types.MsgDecollateralize{Borrower: bob, Amount: coin("1000lend/ubtc")}, types.ErrPriceUnavailable)
	// Risk-reducing and neutral operations go through.
	mustDeliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("1000000uusdc")})
	mustDeliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000ubtc")})
	mustDeliver(t, c, "bob", &types.MsgRepay{Sender: bob, Amount: coin("1000000000uusdc")})
	mustDeliver(t, c, "alice", &types.MsgWithdraw{Supplier: alice, Amount: coin("1000000uusdc")})

	// A missing price (the pair has never been priced) fails the same way.
	freshPrices(t, c)
	if err := c.App.OracleKeeper.Prices.Remove(c.WriteCtx(), "USDC/USD"); err != nil {
		t.Fatal(err)
	}
	c.NextBlock()
	expectCode(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("1000000uusdc")}, types.ErrPriceUnavailable)
	mustDeliver(t, c, "bob", &types.MsgRepay{Sender: bob, Amount: coin("0uusdc"), All: true})
	// With no debt left, collateral comes out without any price.
	mustDeliver(t, c, "bob", &types.MsgDecollateralize{Borrower: bob, Amount: coin("1000lend/ubtc")})
}

// A paused market (or module) refuses supply and borrow; repay, withdraw
// and collateral changes stay open.
func TestPausedMarket(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	alice, bob := addr(c, "alice"), addr(c, "bob")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("10000000000uusdc")})

	m := market("uusdc", "USDC/USD")
	m.Paused = true
	freshPrices(t, c)
	setMarket(t, c, m)
	freshPrices(t, c)
	expectCode(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("1000000uusdc")}, types.ErrPaused)
	freshPrices(t, c)
	expectCode(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("1000000uusdc")}, types.ErrPaused)
	deliver(t, c, "bob", &types.MsgRepay{Sender: bob, Amount: coin("1000000000uusdc")})
	deliver(t, c, "alice", &types.MsgWithdraw{Supplier: alice, Amount: coin("1000000uusdc")})

	// Module-wide pause.
	m.Paused = false
	setMarket(t, c, m)
	params := types.DefaultParams()
	params.Paused = true
	if _, err := keeper.NewMsgServerImpl(c.App.LendKeeper).UpdateParams(c.WriteCtx(), &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: params}); err != nil {
		t.Fatal(err)
	}
	c.NextBlock()
	freshPrices(t, c)
	expectCode(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("1000000uusdc")}, types.ErrPaused)
	deliver(t, c, "bob", &types.MsgRepay{Sender: bob, Amount: coin("0uusdc"), All: true})
}

// Repay on behalf of another account, and "all" repays exactly the debt of
// the current second, refunding nothing it did not need.
func TestRepayOnBehalfAndAll(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("30000000000uusdc")})
	c.AdvanceBlocks(50)

	carolBefore, bobBefore := balance(c, "carol", "uusdc"), balance(c, "bob", "uusdc")
	deliver(t, c, "carol", &types.MsgRepay{Sender: carol, Borrower: bob, Amount: coin("0uusdc"), All: true})
	s := marketState(t, c, "uusdc")
	owed, _ := risk.DebtFromScaled(sdkmath.NewInt(30_000_000_000), s.BorrowIndex)
	if paid := carolBefore.Sub(balance(c, "carol", "uusdc")); !paid.Equal(owed) || !owed.GT(sdkmath.NewInt(30_000_000_000)) {
		t.Fatalf("carol paid %s, bob owed %s", paid, owed)
	}
	if !balance(c, "bob", "uusdc").Equal(bobBefore) {
		t.Fatal("bob's balance moved")
	}
	if !s.ScaledBorrows.IsZero() {
		t.Fatalf("scaled borrows %s left", s.ScaledBorrows)
	}
}

// Changing a market's rate model accrues under the old model first.
func TestSetMarketAccruesBeforeChange(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: addr(c, "bob"), Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: addr(c, "bob"), Amount: coin("30000000000uusdc")})
	s0 := marketState(t, c, "uusdc")
	c.AdvanceBlocks(20)
	m := market("uusdc", "USDC/USD")
	m.Kinked.Base = dec("0.5")
	setMarket(t, c, m)
	s1 := marketState(t, c, "uusdc")
	u, _ := risk.Utilization(s0.Cash, sdkmath.NewInt(30_000_000_000), s0.Reserves)
	rate, _ := market("uusdc", "USDC/USD").KinkedModel().BorrowRate(u)
	want, _ := risk.AccrueIndex(s0.BorrowIndex, rate, int64(s1.LastAccrual.Sub(s0.LastAccrual).Seconds()))
	if !s1.BorrowIndex.Equal(want) {
		t.Fatalf("index %s, want %s under the old model", s1.BorrowIndex, want)
	}
}

// The invariants can fail: a market whose recorded cash exceeds what the
// module holds, or whose scaled borrows disagree with its positions, is
// reported.
func TestInvariantsDetectCorruption(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("1000000000uusdc")})
	k := c.App.LendKeeper
	ctx, _ := c.Ctx().CacheContext()
	s, _ := k.MarketStates.Get(ctx, "uusdc")
	s.Cash = s.Cash.AddRaw(1)
	_ = k.MarketStates.Set(ctx, "uusdc", s)
	if err := k.ModuleBalanceInvariant(ctx); err == nil {
		t.Fatal("cash above the module balance not detected")
	}
	s.ScaledBorrows = sdkmath.NewInt(7)
	_ = k.MarketStates.Set(ctx, "uusdc", s)
	if err := k.ScaledDebtInvariant(ctx); err == nil {
		t.Fatal("scaled borrows without positions not detected")
	}
	s.ReceiptSupply = s.ReceiptSupply.AddRaw(1)
	_ = k.MarketStates.Set(ctx, "uusdc", s)
	if err := k.ReceiptBackingInvariant(ctx); err == nil {
		t.Fatal("receipt supply differing from the bank's not detected")
	}
}

// Export → validate → import into a fresh keeper state round-trips.
func TestGenesisRoundTrip(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: addr(c, "bob"), Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: addr(c, "bob"), Amount: coin("30000000000uusdc")})
	k := c.App.LendKeeper
	gs, err := k.ExportGenesis(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	if err := gs.Validate(); err != nil {
		t.Fatalf("exported genesis invalid: %v", err)
	}
	if len(gs.Markets) != 3 || len(gs.Positions) != 2 { // bob: ubtc collateral, uusdc debt
		t.Fatalf("%d markets, %d positions", len(gs.Markets), len(gs.Positions))
	}
	ctx, _ := c.Ctx().CacheContext()
	if err := k.InitGenesis(ctx, *gs); err != nil {
		t.Fatal(err)
	}
	again, _ := k.ExportGenesis(ctx)
	if again.String() != gs.String() {
		t.Fatal("re-export differs")
	}
	// A position that disagrees with its market's scaled borrows is refused.
	for i := range gs.Positions {
		gs.Positions[i].ScaledDebt = gs.Positions[i].ScaledDebt.AddRaw(1)
	}
	if err := gs.Validate(); !types.ErrInvalidGenesis.Is(err) {
		t.Fatalf("inconsistent genesis accepted: %v", err)
	}
}
