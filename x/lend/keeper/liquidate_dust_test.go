package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
)

// A max_repay that would leave a remainder below the market's minimum value
// (here: a few ubtc of collateral worth less than 1 USD) is refused with
// ErrMustNotLeaveDust (lend/28) and changes nothing; the full repay the
// simulate query proposes goes through and takes all the collateral.
func TestLiquidateRefusesToLeaveDust(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("40000000000uusdc")})
	// BTC at 41,000: the target HF is out of reach, so the liquidation
	// takes all the collateral (limited by it).
	pricesWith(t, c, "BTC/USD", "41000")

	q := keeper.NewQueryServerImpl(c.App.LendKeeper)
	simCtx, _ := c.WriteCtx().CacheContext()
	sim, err := q.SimulateLiquidate(simCtx, &types.QuerySimulateLiquidateRequest{
		Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc"})
	if err != nil {
		t.Fatal(err)
	}
	// 0.5 USDC less than that leaves ≈ 12 ubtc (≈ 0.5 USD) behind: dust.
	short := sim.Repay.Amount.Sub(sdkmath.NewInt(500_000))
	// What is stored (the debt itself grows with time): bob's collateral
	// and scaled debt, carol's balances.
	stored := func(m keeper.PositionMap, denom string) sdkmath.Int {
		v, err := m.Get(c.Ctx(), keyOf(c, "bob", denom))
		if err != nil {
			return sdkmath.ZeroInt() // no entry
		}
		return v
	}
	position := func() string {
		return stored(c.App.LendKeeper.Collateral, "ubtc").String() + " " + stored(c.App.LendKeeper.ScaledDebt, "uusdc").String() + " " +
			balance(c, "carol", "uusdc").String() + " " + balance(c, "carol", "lend/ubtc").String()
	}
	before := position()
	expectCode(t, c, "carol", &types.MsgLiquidate{Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc",
		MaxRepay: short, MinCollateralOut: sdkmath.ZeroInt()}, types.ErrMustNotLeaveDust)
	pricesWith(t, c, "BTC/USD", "41000")
	if after := position(); after != before {
		t.Fatalf("a refused liquidation changed the state:\nbefore %s\nafter  %s", before, after)
	}
	mustDeliver(t, c, "carol", &types.MsgLiquidate{Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc",
		MaxRepay: sim.Repay.Amount, MinCollateralOut: sdkmath.ZeroInt()})
	if left := stored(c.App.LendKeeper.Collateral, "ubtc"); left.IsPositive() {
		t.Fatalf("bob still holds %s collateral receipts", left)
	}
}
