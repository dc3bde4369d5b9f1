package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
)

func pricesWith(t *testing.T, c *apptest.Chain, pair, price string) {
	t.Helper()
	freshPrices(t, c)
	setPrice(t, c, pair, price)
}

// bob: 1 BTC (LTV 0.7, LT 0.75) against 40,000 USDC; BTC falls to 50,000:
// HF = 37,500 / 40,000.x ≈ 0.9375 < 1. carol liquidates toward HF 1.05.
func TestLiquidateToTargetHealthFactor(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("40000000000uusdc")})
	liq := func(minOut int64) *types.MsgLiquidate {
		return &types.MsgLiquidate{Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc",
			MaxRepay: sdkmath.ZeroInt(), MinCollateralOut: sdkmath.NewInt(minOut)}
	}

	// Healthy: refused, nothing changes.
	expectRefused(t, c, "carol", liq(0), types.ErrNotLiquidatable)
	// Self-liquidation: refused.
	self := liq(0)
	self.Liquidator = bob
	expectRefused(t, c, "bob", self, types.ErrSelfLiquidation)

	pricesWith(t, c, "BTC/USD", "50000")
	c.NextBlock()
	q := keeper.NewQueryServerImpl(c.App.LendKeeper)
	pricesWith(t, c, "BTC/USD", "50000")
	before, err := q.Position(c.WriteCtx(), &types.QueryPositionRequest{Address: bob})
	if err != nil || before.PriceError != "" {
		t.Fatalf("%v %s", err, before.PriceError)
	}
	if !before.HealthFactor.LT(dec("0.94")) || !before.HealthFactor.GT(dec("0.93")) {
		t.Fatalf("HF before %s", before.HealthFactor)
	}
	// A min_collateral_out of 1 BTC cannot be met.
	expectCode(t, c, "carol", liq(1_000_000), types.ErrMinCollateralOut)

	reservesBefore := marketState(t, c, "ubtc").Reserves
	carolUSDC := balance(c, "carol", "uusdc")
	pricesWith(t, c, "BTC/USD", "50000")
	mustDeliver(t, c, "carol", liq(1))
	paid := carolUSDC.Sub(balance(c, "carol", "uusdc"))
	got := balance(c, "carol", "lend/ubtc")
	// l = (1.05 D − P) / (1.05 − LB × 0.75) with LB ≈ 1.04625: ≈ 16,961 USDC for ≈ 0.3549 BTC.
	if paid.LT(sdkmath.NewInt(16_900_000_000)) || paid.GT(sdkmath.NewInt(17_100_000_000)) {
		t.Fatalf("carol repaid %s", paid)
	}
	if got.LT(sdkmath.NewInt(350_000)) || got.GT(sdkmath.NewInt(360_000)) {
		t.Fatalf("carol received %s lend/ubtc", got)
	}
	// Worth at most repay × (1 + max bonus) at 50,000/BTC.
	if v := sdkmath.LegacyNewDecFromInt(got).Mul(dec("0.05")); v.GT(sdkmath.LegacyNewDecFromInt(paid).Mul(dec("1.05"))) {
		t.Fatalf("received %s USD for %s", v, paid)
	}
	if !marketState(t, c, "ubtc").Reserves.GT(reservesBefore) {
		t.Fatal("protocol share not added to reserves")
	}
	pricesWith(t, c, "BTC/USD", "50000")
	after, err := q.Position(c.WriteCtx(), &types.QueryPositionRequest{Address: bob})
	if err != nil {
		t.Fatal(err)
	}
	if after.HealthFactor.LT(dec("1.05")) || after.HealthFactor.GT(dec("1.06")) {
		t.Fatalf("HF after %s, want the target 1.05", after.HealthFactor)
	}
	// Now healthy: a second liquidation is refused.
	pricesWith(t, c, "BTC/USD", "50000")
	expectCode(t, c, "carol", liq(0), types.ErrNotLiquidatable)
}
