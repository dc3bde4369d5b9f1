package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
)

func TestQueries(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	alice, bob := addr(c, "alice"), addr(c, "bob")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("30000000000uusdc")})
	q := keeper.NewQueryServerImpl(c.App.LendKeeper)

	res, err := q.Market(c.Ctx(), &types.QueryMarketRequest{Denom: "uusdc"})
	if err != nil {
		t.Fatal(err)
	}
	info := res.Market
	// U = 30,000 / 100,000 = 0.3 → kinked 0.04 × 0.3 / 0.8 = 0.015; supply 0.015 × 0.3 × 0.9 = 0.00405.
	if !info.Utilization.Equal(dec("0.3")) || !info.BorrowRate.Equal(dec("0.015")) || !info.SupplyRate.Equal(dec("0.00405")) {
		t.Fatalf("U %s borrow %s supply %s", info.Utilization, info.BorrowRate, info.SupplyRate)
	}
	if apy, _ := risk.CompoundedRate(dec("0.015"), risk.SecondsPerYear); !info.BorrowApy.Equal(apy) || !apy.GT(dec("0.015")) {
		t.Fatalf("borrow APY %s", info.BorrowApy)
	}
	if !info.ExchangeRate.Equal(dec("1")) || !info.TotalBorrows.Equal(sdkmath.NewInt(30_000_000_000)) {
		t.Fatalf("rate %s borrows %s", info.ExchangeRate, info.TotalBorrows)
	}
	// The prices the market values at now: the oracle's, per whole unit.
	if !info.CollateralPrice.Equal(dec("1")) || !info.DebtPrice.Equal(dec("1")) || info.PriceError != "" {
		t.Fatalf("prices %s %s %q", info.CollateralPrice, info.DebtPrice, info.PriceError)
	}
	all, err := q.Markets(c.Ctx(), &types.QueryMarketsRequest{})
	if err != nil || len(all.Markets) != 3 {
		t.Fatalf("markets: %v %d", err, len(all.Markets))
	}
	if _, err := q.Market(c.Ctx(), &types.QueryMarketRequest{Denom: "ufoo"}); !types.ErrMarketNotFound.Is(err) {
		t.Fatalf("unknown market: %v", err)
	}

	// bob: 1 BTC (60,000; LTV 0.7, LT 0.75) against 30,000 USDC.
	pos, err := q.Position(c.Ctx(), &types.QueryPositionRequest{Address: bob})
	if err != nil {
		t.Fatal(err)
	}
	if len(pos.Entries) != 2 || pos.PriceError != "" {
		t.Fatalf("entries %v, price error %q", pos.Entries, pos.PriceError)
	}
	if !pos.BorrowLimit.Equal(dec("42000")) || !pos.WeightedCollateral.Equal(dec("45000")) {
		t.Fatalf("limit %s weighted %s", pos.BorrowLimit, pos.WeightedCollateral)
	}
	if !pos.DebtValue.GTE(dec("30000")) || !pos.HealthFactor.LTE(dec("1.5")) || !pos.HealthFactor.GT(dec("1.49")) {
		t.Fatalf("debt %s HF %s", pos.DebtValue, pos.HealthFactor)
	}
	// Stale prices: entries still shown, values replaced by the reason.
	c.AdvanceBlocks(70)
	pos, err = q.Position(c.Ctx(), &types.QueryPositionRequest{Address: bob})
	if err != nil || pos.PriceError == "" || !pos.HealthFactor.IsZero() || len(pos.Entries) != 2 {
		t.Fatalf("stale: %v %q %s", err, pos.PriceError, pos.HealthFactor)
	}
	// The market query, too, is accrued to now, and says why it has no
	// prices instead of failing.
	stale, err := q.Market(c.Ctx(), &types.QueryMarketRequest{Denom: "uusdc"})
	if err != nil {
		t.Fatal(err)
	}
	if !stale.Market.TotalBorrows.GT(info.TotalBorrows) || stale.Market.State.BorrowIndex.LTE(info.State.BorrowIndex) {
		t.Fatalf("borrows %s → %s: not accrued to now", info.TotalBorrows, stale.Market.TotalBorrows)
	}
	if stale.Market.PriceError == "" || !stale.Market.CollateralPrice.IsZero() || !stale.Market.DebtPrice.IsZero() {
		t.Fatalf("stale market prices: %q %s %s", stale.Market.PriceError, stale.Market.CollateralPrice, stale.Market.DebtPrice)
	}
	// Read from the committed store (c.Ctx() is the check state, which the
	// queries of this test share).
	if stored, err := c.App.LendKeeper.MarketStates.Get(c.WriteCtx(), "uusdc"); err != nil || !stored.BorrowIndex.LT(stale.Market.State.BorrowIndex) {
		t.Fatalf("the query wrote the accrual: stored index %s (%v)", stored.BorrowIndex, err)
	}
	// Nobody touched the market for 70 blocks: the entry's debt still
	// includes the interest of those blocks (accrued to now, as the values are).
	for _, e := range pos.Entries {
		if e.Denom == "uusdc" && !e.Debt.GT(sdkmath.NewInt(30_000_000_000)) {
			t.Fatalf("debt %s after 70 blocks: interest not accrued to now", e.Debt)
		}
	}
	if _, err := q.Position(c.Ctx(), &types.QueryPositionRequest{Address: "nope"}); status.Code(err) != codes.InvalidArgument {
		t.Fatalf("bad address: %v", err)
	}
}
