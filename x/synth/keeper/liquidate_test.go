package keeper_test

import (
	"testing"

	"github.com/agora-labs/agora/x/synth/types"
)

// TestRedistribution is README "Liquidation worked example": alice (1,000
// AGR, 250 synth/USD), bob (1,000 AGR, 100) and carol (2,000 AGR, 100).
// AGR falls to $0.35: alice's ratio 1.4 is below 1.5 and EndBlock
// liquidates her; bob and carol receive her seized collateral and her debt
// shares pro rata to their stakes (1:2).
func TestRedistribution(t *testing.T) {
	c := newChain(t)
	alice, bob, carol := c.addr("alice"), c.addr("bob"), c.addr("carol")
	c.deliver("alice", stake(alice, 1_000_000_000), mint(alice, 250_000_000))
	c.deliver("bob", stake(bob, 1_000_000_000), mint(bob, 100_000_000))
	c.deliver("carol", stake(carol, 2_000_000_000), mint(carol, 100_000_000))

	c.p["AGR/USD"] = "0.4" // alice at 1.6: healthy
	c.next()
	if got := c.position("alice").Shares; !got.Equal(ints(250_000_000)) {
		t.Fatalf("alice liquidated at ratio 1.6: shares %s", got)
	}
	isErr(t, c.try("bob", &types.MsgLiquidateStaker{Liquidator: bob, Staker: alice, Denom: "uagr"}), types.ErrNotLiquidatable)

	c.p["AGR/USD"] = "0.35"
	c.next()
	a := c.position("alice")
	// seized ⌈250e6 × 1.1 / 0.35⌉ = 785714286; alice keeps the rest, no debt.
	if !a.Shares.IsZero() || !a.Collateral.Equal(ints(1_000_000_000-785_714_286)) {
		t.Fatalf("alice after liquidation: shares %s collateral %s, want 0 and 214285714", a.Shares, a.Collateral)
	}
	// ΔL_coll = ⌊785714286 / 3e9⌋₁₈, ΔL_shares = ⌈250e6 / 3e9⌉₁₈ = 0.083333333333333334.
	b, cr := c.position("bob"), c.position("carol")
	if !b.Collateral.Equal(ints(1_000_000_000+261_904_762)) || !b.Shares.Equal(ints(100_000_000+83_333_334)) {
		t.Fatalf("bob: collateral %s shares %s, want 1261904762 and 183333334", b.Collateral, b.Shares)
	}
	if !cr.Collateral.Equal(ints(2_000_000_000+523_809_524)) || !cr.Shares.Equal(ints(100_000_000+166_666_667)) {
		t.Fatalf("carol: collateral %s shares %s, want 2523809524 and 266666667", cr.Collateral, cr.Shares)
	}
	// The pool debt is unchanged (no synth moved); bob and carol now owe it all.
	if got := c.poolDebt(); !got.Equal(dec("450000000")) {
		t.Fatalf("pool debt %s, want 450000000", got)
	}
	if sum := b.Debt.Add(cr.Debt); sum.LT(ints(450_000_000)) || sum.GT(ints(450_000_002)) {
		t.Fatalf("bob + carol owe %s, want 450000000 (+ rounding up)", sum)
	}
	// Touching bob applies his share: total shares grow by the one share
	// rounding up added beyond alice's 250e6 only once both are applied.
	c.deliver("bob", stake(bob, 1))
	c.deliver("carol", stake(carol, 1))
	pool, _ := c.App.SynthKeeper.Pool.Get(c.Ctx())
	if !pool.TotalShares.Equal(ints(450_000_001)) {
		t.Fatalf("total shares %s, want 450000001", pool.TotalShares)
	}
}

// TestLiquidationRewardAndDeficit: MsgLiquidateStaker pays the caller
// liquidation_reward of the seized collateral; with no other staker of the
// collateral the debt shares become the pool deficit.
func TestLiquidationRewardAndDeficit(t *testing.T) {
	c := newChain(t)
	p := types.DefaultParams()
	p.MaxLiquidationsPerBlock = 0 // only the message liquidates
	c.gov(&types.MsgUpdateParams{Authority: govAddr(), Params: p})
	alice, bob := c.addr("alice"), c.addr("bob")
	c.deliver("alice", stake(alice, 1_000_000_000), mint(alice, 250_000_000))
	c.p["AGR/USD"] = "0.35"
	c.next()
	before := c.balance("bob", "uagr")
	c.deliver("bob", &types.MsgLiquidateStaker{Liquidator: bob, Staker: alice, Denom: "uagr"})
	// reward ⌊785714286 × 1 %⌋ = 7857142 (bob also paid the tx fee in uagr).
	got := c.balance("bob", "uagr").Sub(before)
	fee := ints(50_000) // apptest.DefaultFee
	if !got.Add(fee).Equal(ints(7_857_142)) {
		t.Fatalf("bob's reward %s (+fee %s), want 7857142", got, fee)
	}
	res, err := c.qs().Pool(c.Ctx(), &types.QueryPoolRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Pool.DeficitShares.Equal(ints(250_000_000)) || !res.Deficit.Equal(ints(250_000_000)) {
		t.Fatalf("deficit shares %s debt %s, want 250000000 each", res.Pool.DeficitShares, res.Deficit)
	}
	if got := res.Pool.DeficitCollateral.AmountOf("uagr"); !got.Equal(ints(785_714_286 - 7_857_142)) {
		t.Fatalf("deficit collateral %s, want 777857144", got)
	}
}

// TestEndBlockBounded: EndBlock liquidates at most max_liquidations_per_block
// a block, riskiest first.
func TestEndBlockBounded(t *testing.T) {
	c := newChain(t)
	p := types.DefaultParams()
	p.MaxLiquidationsPerBlock = 1
	c.gov(&types.MsgUpdateParams{Authority: govAddr(), Params: p})
	alice, bob, carol := c.addr("alice"), c.addr("bob"), c.addr("carol")
	c.deliver("carol", stake(carol, 10_000_000_000), mint(carol, 10_000_000)) // safe
	c.deliver("alice", stake(alice, 1_000_000_000), mint(alice, 250_000_000)) // riskiest
	c.deliver("bob", stake(bob, 1_000_000_000), mint(bob, 240_000_000))
	c.p["AGR/USD"] = "0.3"
	c.next()
	if !c.position("alice").Shares.IsZero() || c.position("bob").Shares.IsZero() {
		t.Fatalf("first block: alice shares %s, bob shares %s; want alice (riskiest) only", c.position("alice").Shares, c.position("bob").Shares)
	}
	c.next()
	if !c.position("bob").Shares.IsZero() {
		t.Fatalf("second block: bob not liquidated")
	}
}
