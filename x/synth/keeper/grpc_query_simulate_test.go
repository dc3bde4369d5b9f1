package keeper_test

import (
	"testing"

	"github.com/agora-labs/agora/x/synth/types"
)

func simReq(owner, denom, amount string) *types.QuerySimulatePositionRequest {
	return &types.QuerySimulatePositionRequest{Owner: owner, Denom: denom, Amount: amount}
}

// TestSimulatePosition: the previews of stake and mint equal the position
// after the real messages; a refused preview is synth's own error and
// changes nothing.
func TestSimulatePosition(t *testing.T) {
	c := newChain(t)
	alice, bob := c.addr("alice"), c.addr("bob")
	c.deliver("bob", stake(bob, 1_000_000_000), mint(bob, 100_000_000))

	st, err := c.qs().SimulateStake(c.Ctx(), simReq(alice, "uagr", "1000000000"))
	if err != nil {
		t.Fatal(err)
	}
	c.deliver("alice", stake(alice, 1_000_000_000))
	if got := c.position("alice"); !got.Collateral.Equal(st.Position.Collateral) || !got.Shares.Equal(st.Position.Shares) {
		t.Fatalf("stake preview %s/%s, position %s/%s", st.Position.Collateral, st.Position.Shares, got.Collateral, got.Shares)
	}

	mt, err := c.qs().SimulateMint(c.Ctx(), simReq(alice, "uagr", "200000000"))
	if err != nil {
		t.Fatal(err)
	}
	c.deliver("alice", mint(alice, 200_000_000))
	got := c.position("alice")
	if !got.Debt.Equal(mt.Position.Debt) || !got.Ratio.Equal(mt.Position.Ratio) || !got.Shares.Equal(mt.Position.Shares) {
		t.Fatalf("mint preview debt %s ratio %s shares %s; position debt %s ratio %s shares %s",
			mt.Position.Debt, mt.Position.Ratio, mt.Position.Shares, got.Debt, got.Ratio, got.Shares)
	}
	if !got.Ratio.Equal(dec("5")) {
		t.Fatalf("ratio %s, want 5 (1,000 USD of AGR over 200 USD of debt)", got.Ratio)
	}

	bu, err := c.qs().SimulateBurn(c.Ctx(), simReq(alice, "uagr", "50000000"))
	if err != nil {
		t.Fatal(err)
	}
	if !bu.Position.Debt.Equal(got.Debt.SubRaw(50_000_000)) {
		t.Fatalf("burn preview debt %s, want %s", bu.Position.Debt, got.Debt.SubRaw(50_000_000))
	}
	un, err := c.qs().SimulateUnstake(c.Ctx(), simReq(alice, "uagr", "100000000"))
	if err != nil {
		t.Fatal(err)
	}
	if !un.Position.Collateral.Equal(got.Collateral.SubRaw(100_000_000)) {
		t.Fatalf("unstake preview collateral %s, want %s", un.Position.Collateral, got.Collateral.SubRaw(100_000_000))
	}

	// Over-mint: 1,000 USD of AGR at 400 % allows 250 in all; 200 minted.
	_, err = c.qs().SimulateMint(c.Ctx(), simReq(alice, "uagr", "60000000"))
	isErr(t, err, types.ErrBelowIssuanceRatio)
	_, err = c.qs().SimulateUnstake(c.Ctx(), simReq(alice, "uagr", "5000000000"))
	isErr(t, err, types.ErrInsufficientStake)
	if after := c.position("alice"); !after.Debt.Equal(got.Debt) || !after.Collateral.Equal(got.Collateral) || !after.Shares.Equal(got.Shares) {
		t.Fatalf("previews changed the position: %+v, was %+v", after, got)
	}
	if _, err := c.qs().SimulateMint(c.Ctx(), simReq(alice, "uagr", "ten")); err == nil {
		t.Fatal("a malformed amount was accepted")
	}
}

// TestSimulateExchange: the estimate at unchanged prices equals the
// settlement (the README's 100 synth/USD → 1661 synth/BTC, fee 300,000).
func TestSimulateExchange(t *testing.T) {
	c := newChain(t)
	alice := c.addr("alice")
	c.deliver("alice", stake(alice, 1_000_000_000), mint(alice, 200_000_000))
	req := &types.QuerySimulateExchangeRequest{Trader: alice, FromDenom: usd, Amount: "100000000", ToDenom: btc}
	est, err := c.qs().SimulateExchange(c.Ctx(), req)
	if err != nil {
		t.Fatal(err)
	}
	if !est.Out.Equal(ints(1661)) || !est.Fee.Equal(ints(300_000)) || !est.FeeRate.Equal(dec("0.003")) {
		t.Fatalf("estimate out %s fee %s rate %s, want 1661, 300000, 0.003", est.Out, est.Fee, est.FeeRate)
	}
	c.deliver("alice", exch(alice, 100_000_000, usd, btc, 0))
	c.next()
	if ex := c.exchange(1).Exchange; !ex.Out.Equal(est.Out) || !ex.Fee.Equal(est.Fee) {
		t.Fatalf("settled out %s fee %s, estimate %s %s", ex.Out, ex.Fee, est.Out, est.Fee)
	}

	before := c.balance("alice", usd)
	req.Amount = "500000000" // alice holds 100 synth/USD
	_, err = c.qs().SimulateExchange(c.Ctx(), req)
	isErr(t, err, types.ErrInsufficientFunds)
	req.Amount, req.ToDenom = "1000000", usd
	_, err = c.qs().SimulateExchange(c.Ctx(), req)
	isErr(t, err, types.ErrSameSynth)
	if got := c.balance("alice", usd); !got.Equal(before) {
		t.Fatalf("previews moved alice's synth/USD: %s, was %s", got, before)
	}
}
