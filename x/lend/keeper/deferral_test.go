package keeper_test

import (
	"fmt"
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
)

// The wait after consecutive failures doubles from 2 blocks and stops at
// MaxDeferralBlocks.
func TestDeferralDelay(t *testing.T) {
	want := []int64{0, 2, 4, 8, 16, 32, 64, 128, 128, 128}
	for n, w := range want {
		if got := keeper.DeferralDelay(uint32(n)); got != w {
			t.Fatalf("delay after %d failures: %d, want %d", n, got, w)
		}
	}
	if got := keeper.DeferralDelay(^uint32(0)); got != keeper.MaxDeferralBlocks {
		t.Fatalf("delay after 2^32-1 failures: %d", got)
	}
}

// Budget 2, three positions whose sale always fails (ETH collateral, no
// ETH pool: no route) ahead of bob (BTC collateral, a deep pool) in the
// index. Without deferral the first two would use the whole budget every
// block and bob would never be examined. With it: block 1 examines the
// first two (they fail and are deferred 2 blocks), block 2 passes over
// them free of charge, examines the third (deferred) and bob, and
// liquidates bob. In block 3 the first two are retried, fail again and
// wait 4 blocks; the events say so.
func TestFailingPositionsDoNotStarveTheScan(t *testing.T) {
	failing := []string{"f1", "f2", "f3"}
	c := newChainOpts(t, apptest.WithAccounts(failing...))
	standardMarkets(t, c)
	eth := market("ueth", "ETH/USD")
	eth.BorrowEnabled = false
	setMarket(t, c, eth)
	createPool(t, c, "50000000ubtc,2500000000000uusdc") // 50 BTC at 50,000
	setParams(t, c, func(p *types.Params) { p.ProtocolLiquidationScanPerBlock = 2 })
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("200000000000uusdc")})
	for _, f := range failing {
		// 10 ETH (30,000 USD, LT 0.85) against 20,000 USDC: HF 1.275.
		deliver(t, c, f, &types.MsgSupplyCollateral{Borrower: addr(c, f), Amount: coin("10000000ueth")})
		deliver(t, c, f, &types.MsgBorrow{Borrower: addr(c, f), Amount: coin("20000000000uusdc")})
	}
	borrowAgainstBTC(t, c, "bob", "40000000000uusdc") // HF 1.125

	// ETH −33 % (HF 0.85), BTC −17 % (bob 0.9375): the failing positions
	// come first in the index.
	crashed := func() {
		freshPrices(t, c)
		setPrice(t, c, "BTC/USD", "50000")
		setPrice(t, c, "ETH/USD", "2000")
	}
	full := sdkmath.NewInt(1_000_000)
	deferral := func(name string) (keeper.Deferral, bool) {
		d, err := c.App.LendKeeper.Risk.Deferrals.Get(c.Ctx(), c.Address(name))
		return d, err == nil
	}
	// nextBlock first runs the block's EndBlock in a discarded branch to
	// read its events, then commits the block (same state, same result).
	nextBlock := func() sdk.Context {
		t.Helper()
		crashed()
		branch, _ := c.WriteCtx().WithBlockHeight(c.Height() + 1).CacheContext()
		branch = branch.WithEventManager(sdk.NewEventManager())
		if err := c.App.LendKeeper.EndBlock(branch); err != nil {
			t.Fatal(err)
		}
		c.NextBlock()
		return branch
	}

	h1 := c.Height() + 1
	ev := nextBlock()
	var first []string
	for _, f := range failing {
		if d, ok := deferral(f); ok {
			if d.Attempts != 1 || d.RetryAt != h1+2 {
				t.Fatalf("block 1: %s deferred %+v, want 1 failure, retry at %d", f, d, h1+2)
			}
			if !skippedFor(ev, addr(c, f), fmt.Sprintf("deferred: retried at height %d (failure 1 in a row)", h1+2)) ||
				!skippedFor(ev, addr(c, f), "no dex route") {
				t.Fatalf("block 1: no deferral event for %s: %v", f, ev.EventManager().Events())
			}
			first = append(first, f)
		}
	}
	if len(first) != 2 || !collateralOf(c, "bob").Equal(full) {
		t.Fatalf("block 1: deferred %v (want two), bob's collateral %s (want untouched)", first, collateralOf(c, "bob"))
	}

	ev = nextBlock()
	if collateralOf(c, "bob").Equal(full) || protocolLiquidationOf(ev, addr(c, "bob")) == nil {
		t.Fatal("block 2: bob not liquidated behind the failing positions")
	}
	for _, f := range failing {
		d, ok := deferral(f)
		isFirst := f == first[0] || f == first[1]
		switch {
		case !ok || d.Attempts != 1:
			t.Fatalf("block 2: %s deferred %+v (%v)", f, d, ok)
		case isFirst && skippedFor(ev, addr(c, f), ""):
			t.Fatalf("block 2: %s examined before its retry height", f)
		case !isFirst && d.RetryAt != h1+3:
			t.Fatalf("block 2: the third, %s, deferred %+v", f, d)
		}
		if held, err := c.App.LendKeeper.Collateral.Get(c.Ctx(), keyOf(c, f, "ueth")); err != nil || !held.Equal(sdkmath.NewInt(10_000_000)) {
			t.Fatalf("%s's collateral moved: %s (%v)", f, held, err)
		}
	}

	ev = nextBlock() // h1+2: the first two are due again
	for _, f := range first {
		d, _ := deferral(f)
		if d.Attempts != 2 || d.RetryAt != h1+2+4 ||
			!skippedFor(ev, addr(c, f), fmt.Sprintf("deferred: retried at height %d (failure 2 in a row)", h1+6)) {
			t.Fatalf("block 3: %s %+v, events %v", f, d, ev.EventManager().Events())
		}
	}
}

// protocolLiquidationOf returns the EventProtocolLiquidation of borrower
// in ctx, if any.
func protocolLiquidationOf(ctx sdk.Context, borrower string) *types.EventProtocolLiquidation {
	for _, e := range ctx.EventManager().ABCIEvents() {
		if e.Type != "agora.lend.v1.EventProtocolLiquidation" {
			continue
		}
		msg, err := sdk.ParseTypedEvent(e)
		if err != nil {
			continue
		}
		if ev, ok := msg.(*types.EventProtocolLiquidation); ok && ev.Borrower == borrower {
			return ev
		}
	}
	return nil
}
