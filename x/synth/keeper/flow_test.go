package keeper_test

import (
	"testing"

	"github.com/agora-labs/agora/x/synth/types"
)

// TestWorkedExample is README "Worked example": two stakers mint, one
// exchanges synth/USD to synth/BTC at the next price, BTC rises 10 %, and
// each staker's debt follows its share of the pool; the fee is shared pro
// rata to debt shares.
func TestWorkedExample(t *testing.T) {
	c := newChain(t)
	alice, bob := c.addr("alice"), c.addr("bob")
	c.deliver("alice", stake(alice, 1_000_000_000), mint(alice, 200_000_000))
	c.deliver("bob", stake(bob, 1_000_000_000), mint(bob, 100_000_000))
	if got := c.position("alice").Shares; !got.Equal(ints(200_000_000)) {
		t.Fatalf("alice shares %s, want 200000000 (first mint: one share per µUSD)", got)
	}
	if got := c.position("bob").Shares; !got.Equal(ints(100_000_000)) {
		t.Fatalf("bob shares %s, want ⌈100e6 × 200e6 / 200e6⌉ = 100000000", got)
	}

	// Alice exchanges 100 synth/USD to synth/BTC: escrowed now, settled
	// in the next block at the price published there.
	c.deliver("alice", exch(alice, 100_000_000, usd, btc, 0))
	ex := c.exchange(1)
	if ex.Exchange.Status != types.ExchangeStatus_EXCHANGE_STATUS_PENDING || ex.Waiting == "" {
		t.Fatalf("exchange after its block: %v (waiting %q), want pending and waiting for the next price", ex.Exchange.Status, ex.Waiting)
	}
	if got := c.balance("alice", usd); !got.Equal(ints(100_000_000)) {
		t.Fatalf("alice holds %s synth/USD after escrow, want 100000000", got)
	}
	c.next()
	ex = c.exchange(1)
	if ex.Exchange.Status != types.ExchangeStatus_EXCHANGE_STATUS_SETTLED {
		t.Fatalf("exchange not settled: %+v", ex)
	}
	// fee 0.3 % of 100e6 µUSD = 300000; out = ⌊99.7e6 / 60000⌋ = 1661 ubtc.
	if !ex.Exchange.Fee.Equal(ints(300_000)) || !ex.Exchange.Out.Equal(ints(1661)) {
		t.Fatalf("fee %s out %s, want 300000 and 1661", ex.Exchange.Fee, ex.Exchange.Out)
	}
	if got := c.balance("alice", btc); !got.Equal(ints(1661)) {
		t.Fatalf("alice holds %s synth/BTC, want 1661", got)
	}
	// D = 200.3e6 synth/USD (alice 100, bob 100, fee pool 0.3) + 1661 × 60000.
	if got, want := c.poolDebt(), dec("299660000"); !got.Equal(want.Add(dec("300000"))) {
		t.Fatalf("pool debt %s, want %s", got, want.Add(dec("300000")))
	}

	// BTC +10 %: D = 200.3e6 + 1661 × 66000 = 309926000.
	c.p["BTC/USD"] = "66000"
	c.next()
	if got := c.poolDebt(); !got.Equal(dec("309926000")) {
		t.Fatalf("pool debt %s, want 309926000", got)
	}
	// alice ⌈200e6 × 309926000 / 300e6⌉ = 206617334; bob ⌈100e6 × … ⌉ = 103308667.
	if got := c.position("alice").Debt; !got.Equal(ints(206_617_334)) {
		t.Fatalf("alice debt %s, want 206617334", got)
	}
	if got := c.position("bob").Debt; !got.Equal(ints(103_308_667)) {
		t.Fatalf("bob debt %s, want 103308667", got)
	}
	// Fees pro rata to shares: 300000 × 2/3 and × 1/3.
	if got := c.position("alice").ClaimableFees; !got.Equal(ints(200_000)) {
		t.Fatalf("alice claimable %s, want 200000", got)
	}
	if got := c.position("bob").ClaimableFees; !got.Equal(ints(100_000)) {
		t.Fatalf("bob claimable %s, want 100000", got)
	}
	before := c.balance("bob", usd)
	c.deliver("bob", &types.MsgClaimFees{Staker: bob, Denom: "uagr"})
	if got := c.balance("bob", usd).Sub(before); !got.Equal(ints(100_000)) {
		t.Fatalf("bob claimed %s, want 100000", got)
	}

	// Back to USD: 1661 synth/BTC at 66000 = 109626000 µUSD. The fee rate
	// is synth/USD's base fee (0) plus the dynamic part, which sees BTC's
	// recent 10 % move: min(1 %, 1 × 0.1) = 1 % → fee 1096260, out 108529740.
	c.deliver("alice", exch(alice, 1661, btc, usd, 0))
	c.next()
	ex = c.exchange(2)
	if ex.Exchange.Status != types.ExchangeStatus_EXCHANGE_STATUS_SETTLED {
		t.Fatalf("exchange back not settled: %+v", ex)
	}
	if !ex.Exchange.Fee.Equal(ints(1_096_260)) || !ex.Exchange.Out.Equal(ints(108_529_740)) {
		t.Fatalf("back: fee %s out %s, want 1096260 and 108529740", ex.Exchange.Fee, ex.Exchange.Out)
	}

	// Alice burns her whole debt: every share goes.
	info := c.position("alice")
	c.deliver("alice", burn(alice, info.Debt.Int64()))
	if got := c.position("alice"); !got.Shares.IsZero() || !got.Debt.IsZero() {
		t.Fatalf("after burning the whole debt: shares %s debt %s, want 0", got.Shares, got.Debt)
	}
}

// TestFrontRunningGainsNothing: a trader who knows that BTC goes from 60000
// to 66000 in the next block exchanges synth/USD to synth/BTC in the block
// before. The exchange settles at 66000, so what it receives is worth, at
// that price, its input minus the fee — not the 10 % it would have made at
// the old price.
func TestFrontRunningGainsNothing(t *testing.T) {
	c := newChain(t)
	alice := c.addr("alice")
	c.deliver("alice", stake(alice, 10_000_000_000), mint(alice, 1_000_000_000))
	const in = 100_000_000                           // 100 synth/USD
	c.deliver("alice", exch(alice, in, usd, btc, 0)) // the chain still says 60000
	c.p["BTC/USD"] = "66000"                         // what the trader knew
	c.next()
	ex := c.exchange(1).Exchange
	if ex.Status != types.ExchangeStatus_EXCHANGE_STATUS_SETTLED || !ex.ToPrice.Equal(dec("66000")) {
		t.Fatalf("settled %v at %s, want settled at the next price 66000", ex.Status, ex.ToPrice)
	}
	value := ex.Out.Mul(ints(66000)) // µUSD at the price that followed
	if limit := ints(in).Sub(ex.Fee); value.GT(limit) {
		t.Fatalf("trader got %s µUSD of synth/BTC for %s µUSD minus fee %s: a gain", value, ints(in), ex.Fee)
	}
	// At the old price the same synth/USD would have bought 1661 ubtc,
	// worth 109626000 µUSD after the move: the edge next-price removes.
	if ex.Out.GTE(ints(1661)) {
		t.Fatalf("out %s: settled at the stale price", ex.Out)
	}
}

// TestMinOutRefund: min_out is checked at the settlement price; when it is
// not met, the escrow is refunded in full and nothing else changes.
func TestMinOutRefund(t *testing.T) {
	c := newChain(t)
	alice := c.addr("alice")
	c.deliver("alice", stake(alice, 10_000_000_000), mint(alice, 1_000_000_000))
	c.deliver("alice", exch(alice, 100_000_000, usd, btc, 1661)) // 1661 at 60000
	c.p["BTC/USD"] = "61000"
	c.next()
	ex := c.exchange(1).Exchange
	if ex.Status != types.ExchangeStatus_EXCHANGE_STATUS_REFUNDED || ex.Reason == "" {
		t.Fatalf("status %v reason %q, want refunded with a reason", ex.Status, ex.Reason)
	}
	if got := c.balance("alice", usd); !got.Equal(ints(1_000_000_000)) {
		t.Fatalf("alice holds %s synth/USD after the refund, want all 1000000000", got)
	}
	if got := c.balance("alice", btc); !got.IsZero() {
		t.Fatalf("alice holds %s synth/BTC", got)
	}
}

// TestCircuitBreaker: a price more than circuit_breaker_bound (10 %) from
// the reference suspends the synth: new exchanges are refused, pending ones
// wait; a price back in bound resumes it; a stale price suspends it too.
func TestCircuitBreaker(t *testing.T) {
	c := newChain(t)
	alice := c.addr("alice")
	c.deliver("alice", stake(alice, 10_000_000_000), mint(alice, 1_000_000_000))
	c.deliver("alice", exch(alice, 100_000_000, usd, btc, 0))
	c.p["BTC/USD"] = "70000" // +16.7 %
	c.next()
	if st := c.exchange(1); st.Exchange.Status != types.ExchangeStatus_EXCHANGE_STATUS_PENDING || st.Waiting == "" {
		t.Fatalf("exchange of a suspended synth: %v waiting %q, want pending", st.Exchange.Status, st.Waiting)
	}
	isErr(t, c.try("alice", exch(alice, 1_000_000, usd, btc, 0)), types.ErrSuspended)

	c.p["BTC/USD"] = "62000" // back within 10 % of 60000: resumes
	c.next()
	if st := c.exchange(1).Exchange; st.Status != types.ExchangeStatus_EXCHANGE_STATUS_SETTLED || !st.ToPrice.Equal(dec("62000")) {
		t.Fatalf("after resuming: %v at %s, want settled at 62000", st.Status, st.ToPrice)
	}

	// Governance accepts a big move: suspended, then resumed at the new price.
	c.p["BTC/USD"] = "80000"
	c.next()
	isErr(t, c.try("alice", exch(alice, 1_000_000, usd, btc, 0)), types.ErrSuspended)
	c.gov(&types.MsgResumeSynth{Authority: govAddr(), Symbol: "BTC"})
	c.deliver("alice", exch(alice, 1_000_000, usd, btc, 0))

	// A stale price (no new price for longer than the oracle's max age) suspends.
	delete(c.p, "ETH/USD")
	c.AdvanceBlocks(70)
	isErr(t, c.try("alice", exch(alice, 1_000_000, usd, eth, 0)), types.ErrSuspended)
}

// TestTimeoutRefund: a pending exchange that cannot settle within
// exchange_timeout_blocks is refunded in full.
func TestTimeoutRefund(t *testing.T) {
	c := newChain(t)
	alice := c.addr("alice")
	c.deliver("alice", stake(alice, 10_000_000_000), mint(alice, 1_000_000_000))
	c.deliver("alice", exch(alice, 100_000_000, usd, btc, 0))
	c.p["BTC/USD"] = "90000" // suspended and stays so
	for i := 0; i < 52; i++ {
		c.next()
	}
	ex := c.exchange(1).Exchange
	if ex.Status != types.ExchangeStatus_EXCHANGE_STATUS_REFUNDED {
		t.Fatalf("status %v after the timeout, want refunded", ex.Status)
	}
	if got := c.balance("alice", usd); !got.Equal(ints(1_000_000_000)) {
		t.Fatalf("alice holds %s synth/USD, want all 1000000000 back", got)
	}
}
