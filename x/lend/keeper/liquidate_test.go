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

// BTC falls to 30,000 (HF 0.5625, max bonus 5 %): the target cannot be
// reached, all the collateral is seized for ⌈30,000 / 1.05⌉ ≈ 28,571 USDC,
// and about 11,429 USDC of debt is left with no collateral: it is written
// off at once as the market's deficit. The invariants hold throughout.
func TestLiquidateAllCollateralLeavesBadDebt(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("40000000000uusdc")})
	pricesWith(t, c, "BTC/USD", "30000")
	carolUSDC := balance(c, "carol", "uusdc")
	mustDeliver(t, c, "carol", &types.MsgLiquidate{Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc",
		MaxRepay: sdkmath.ZeroInt(), MinCollateralOut: sdkmath.ZeroInt()})
	paid := carolUSDC.Sub(balance(c, "carol", "uusdc"))
	if !paid.Equal(sdkmath.NewInt(28_571_428_572)) { // ⌈1,000,000 × 0.03 / 1.05⌉
		t.Fatalf("repaid %s", paid)
	}
	if has, _ := c.App.LendKeeper.Collateral.Has(c.Ctx(), keyOf(c, "bob", "ubtc")); has {
		t.Fatal("collateral left")
	}
	// The debt left with no collateral was written off at once as the
	// market's deficit (reserves first, the rest socialised).
	if has, _ := c.App.LendKeeper.ScaledDebt.Has(c.Ctx(), keyOf(c, "bob", "uusdc")); has {
		t.Fatal("bad debt left on the position")
	}
	if s := marketState(t, c, "uusdc"); s.TotalDeficit.LT(sdkmath.NewInt(11_428_000_000)) ||
		!s.TotalDeficit.Equal(s.DeficitCoveredByReserves.Add(s.DeficitSocialised)) {
		t.Fatalf("deficit %s = %s + %s", s.TotalDeficit, s.DeficitCoveredByReserves, s.DeficitSocialised)
	}
	// 1 BTC − the protocol's share of the 5 % bonus: ⌈(1e6 − ⌊1e6/1.05⌋) × 0.1⌉ = 4,762 to reserves.
	if got := balance(c, "carol", "lend/ubtc"); !got.Equal(sdkmath.NewInt(1_000_000 - 4_762)) {
		t.Fatalf("carol received %s", got)
	}
	c.AdvanceBlocks(3)
}

// max_repay caps the repay below the target: exactly max_repay is taken
// and the HF improves without reaching 1.
func TestLiquidateMaxRepay(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("40000000000uusdc")})
	pricesWith(t, c, "BTC/USD", "50000")
	q := keeper.NewQueryServerImpl(c.App.LendKeeper)
	before, _ := q.Position(c.WriteCtx(), &types.QueryPositionRequest{Address: bob})
	carolUSDC := balance(c, "carol", "uusdc")
	mustDeliver(t, c, "carol", &types.MsgLiquidate{Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc",
		MaxRepay: sdkmath.NewInt(5_000_000_000), MinCollateralOut: sdkmath.ZeroInt()})
	if paid := carolUSDC.Sub(balance(c, "carol", "uusdc")); !paid.Equal(sdkmath.NewInt(5_000_000_000)) {
		t.Fatalf("repaid %s, want max_repay", paid)
	}
	pricesWith(t, c, "BTC/USD", "50000")
	after, _ := q.Position(c.WriteCtx(), &types.QueryPositionRequest{Address: bob})
	if !after.HealthFactor.GT(before.HealthFactor) || !after.HealthFactor.LT(dec("1")) {
		t.Fatalf("HF %s → %s", before.HealthFactor, after.HealthFactor)
	}
}

// Splitting a liquidation into two pieces (in one tx, so no interest in
// between) never yields more collateral than the same repay in one piece:
// the markets are split-proof ((1 + max bonus) × LT ≤ HF for max bonus).
func TestSplitLiquidationNeverPays(t *testing.T) {
	run := func(pieces ...int64) (paid, received sdkmath.Int) {
		c := newChain(t)
		standardMarkets(t, c)
		alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
		deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
		deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
		deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("40000000000uusdc")})
		pricesWith(t, c, "BTC/USD", "50000")
		usdc := balance(c, "carol", "uusdc")
		var msgs []sdkMsg
		for _, p := range pieces {
			msgs = append(msgs, &types.MsgLiquidate{Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc",
				MaxRepay: sdkmath.NewInt(p), MinCollateralOut: sdkmath.ZeroInt()})
		}
		if _, err := c.DeliverMsgs("carol", msgs...); err != nil {
			t.Fatalf("pieces %v: %v", pieces, err)
		}
		return usdc.Sub(balance(c, "carol", "uusdc")), balance(c, "carol", "lend/ubtc")
	}
	wholePaid, whole := run(10_000_000_000)
	splitPaid, split := run(5_000_000_000, 5_000_000_000)
	if !wholePaid.Equal(splitPaid) {
		t.Fatalf("repaid %s whole vs %s split", wholePaid, splitPaid)
	}
	if split.GT(whole) {
		t.Fatalf("split received %s > whole %s", split, whole)
	}
	t.Logf("10,000 USDC repaid: whole %s lend/ubtc, in two pieces %s", whole, split)
}
