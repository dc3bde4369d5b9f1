package keeper_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/types"
)

// The whole life of a loan through real transactions: supply, supply
// collateral, borrow, interest over blocks (the index equals pkg/risk's
// closed form), repay more than owed (only the debt is taken), withdraw
// everything with interest. Invariants hold after every block.
func TestSupplyBorrowAccrueRepayWithdraw(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)

	// alice supplies 100,000 USDC and gets receipts 1:1 (first supply).
	usdc0 := balance(c, "alice", "uusdc")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	if got := balance(c, "alice", "lend/uusdc"); !got.Equal(sdkmath.NewInt(100_000_000_000)) {
		t.Fatalf("receipts %s, want 100000000000", got)
	}
	if got := usdc0.Sub(balance(c, "alice", "uusdc")); !got.Equal(sdkmath.NewInt(100_000_000_000)) {
		t.Fatalf("alice paid %s", got)
	}

	// bob puts 1 BTC (60,000 USD, LTV 0.7: limit 42,000) up and borrows 40,000 USDC.
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: addr(c, "bob"), Amount: coin("1000000ubtc")})
	bobUSDC := balance(c, "bob", "uusdc")
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: addr(c, "bob"), Amount: coin("40000000000uusdc")})
	if got := balance(c, "bob", "uusdc").Sub(bobUSDC); !got.Equal(sdkmath.NewInt(40_000_000_000)) {
		t.Fatalf("bob received %s", got)
	}
	s0 := marketState(t, c, "uusdc")
	if !s0.Cash.Equal(sdkmath.NewInt(60_000_000_000)) || !s0.ScaledBorrows.Equal(sdkmath.NewInt(40_000_000_000)) {
		t.Fatalf("state after borrow: cash %s scaled %s", s0.Cash, s0.ScaledBorrows)
	}
	start := s0.LastAccrual

	// 200 empty blocks: nothing accrues until the market is touched.
	c.AdvanceBlocks(200)
	if s := marketState(t, c, "uusdc"); !s.BorrowIndex.Equal(s0.BorrowIndex) {
		t.Fatalf("index moved without a touch: %s", s.BorrowIndex)
	}
	// A touch (carol supplies 1 USDC) accrues exactly the closed form.
	deliver(t, c, "carol", &types.MsgSupply{Supplier: addr(c, "carol"), Amount: coin("1000000uusdc")})
	s1 := marketState(t, c, "uusdc")
	elapsed := int64(s1.LastAccrual.Sub(start) / time.Second)
	if elapsed < 200*int64(apptest.BlockInterval/time.Second) {
		t.Fatalf("elapsed %d s", elapsed)
	}
	u, _ := risk.Utilization(s0.Cash, sdkmath.NewInt(40_000_000_000), s0.Reserves)
	rate, _ := risk.KinkedModel{Base: dec("0"), Slope1: dec("0.04"), Slope2: dec("0.75"), OptimalUtilization: dec("0.8")}.BorrowRate(u)
	wantIndex, _ := risk.AccrueIndex(s0.BorrowIndex, rate, elapsed)
	if !s1.BorrowIndex.Equal(wantIndex) {
		t.Fatalf("index %s, want %s (rate %s over %d s)", s1.BorrowIndex, wantIndex, rate, elapsed)
	}
	borrows1, _ := s1.Borrows()
	interest := borrows1.Sub(sdkmath.NewInt(40_000_000_000))
	if !interest.IsPositive() {
		t.Fatalf("no interest: borrows %s", borrows1)
	}
	if want := sdkmath.LegacyNewDecFromInt(interest).MulTruncate(dec("0.1")).TruncateInt(); !s1.Reserves.Equal(want) {
		t.Fatalf("reserves %s, want %s (10%% of %s)", s1.Reserves, want, interest)
	}

	// bob repays twice what he borrowed: only the debt of this second is taken.
	c.AdvanceBlocks(10)
	before := balance(c, "bob", "uusdc")
	deliver(t, c, "bob", &types.MsgRepay{Sender: addr(c, "bob"), Amount: coin("80000000000uusdc")})
	s2 := marketState(t, c, "uusdc")
	debtAtRepay, _ := risk.DebtFromScaled(sdkmath.NewInt(40_000_000_000), s2.BorrowIndex)
	if paid := before.Sub(balance(c, "bob", "uusdc")); !paid.Equal(debtAtRepay) {
		t.Fatalf("bob paid %s, owed %s", paid, debtAtRepay)
	}
	if !s2.ScaledBorrows.IsZero() {
		t.Fatalf("scaled borrows left %s", s2.ScaledBorrows)
	}
	if has, _ := c.App.LendKeeper.ScaledDebt.Has(c.Ctx(), keyOf(c, "bob", "uusdc")); has {
		t.Fatal("bob's debt entry not removed")
	}

	// alice withdraws everything: more than she supplied, at most her
	// share of cash − reserves.
	deliver(t, c, "alice", &types.MsgWithdraw{Supplier: addr(c, "alice"), Amount: coin("0uusdc"), All: true})
	got := balance(c, "alice", "uusdc").Sub(usdc0.Sub(sdkmath.NewInt(100_000_000_000)))
	if !got.GT(sdkmath.NewInt(100_000_000_000)) {
		t.Fatalf("alice got back %s, no interest", got)
	}
	s3 := marketState(t, c, "uusdc")
	if s3.Cash.LT(s3.Reserves) {
		t.Fatalf("cash %s below reserves %s after withdrawals", s3.Cash, s3.Reserves)
	}
	if !balance(c, "alice", "lend/uusdc").IsZero() {
		t.Fatal("receipts left")
	}

	// bob takes his BTC back: no debt, no price needed.
	deliver(t, c, "bob", &types.MsgDecollateralize{Borrower: addr(c, "bob"), Amount: coin("1000000lend/ubtc")})
	deliver(t, c, "bob", &types.MsgWithdraw{Supplier: addr(c, "bob"), Amount: coin("1000000lend/ubtc")})
	if got := balance(c, "bob", "ubtc"); !got.Equal(sdkmath.NewInt(100_000_000)) {
		t.Fatalf("bob's BTC %s, want all 100 back", got)
	}
}
