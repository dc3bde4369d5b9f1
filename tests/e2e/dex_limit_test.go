package e2e

import (
	"strconv"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestDexLimitOrder drives limit orders on the shared devnet through the
// CLI as a user would: alice rests a sell order on pool 1 (AGR/USDC) just
// above the pool's price, bob's buy pushes the price past it and the order
// fills (partly) at no less than its limit; a second order far from the
// price is cancelled and refunds exactly.
func TestDexLimitOrder(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	alice := addr(t, "alice")
	flags := []string{"--fees", "10000uagr", "--gas", "400000"}
	tx := func(from string, args ...string) harness.TxResult {
		t.Helper()
		res, err := harness.Tx(d.Bin, d.Home, append(append(append([]string{"tx", "dex"}, args...), "--from", from), flags...)...)
		if err != nil || res.Code != 0 {
			t.Fatalf("tx dex %v: %v %+v", args, err, res)
		}
		return res
	}
	bal := func(denom string) sdkmath.Int {
		t.Helper()
		a, err := harness.Balance(d.Bin, d.Home, alice, denom)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	type order struct {
		ID         string `json:"id"`
		Remaining  string `json:"remaining"`
		FilledIn   string `json:"filled_in"`
		FilledOut  string `json:"filled_out"`
		Status     string `json:"status"`
		LimitPrice string `json:"limit_price"`
	}
	newest := func() order {
		t.Helper()
		var r struct {
			Orders []order `json:"orders"`
		}
		if err := harness.QueryJSON(d.Bin, d.Home, &r, "q", "dex", "limit-orders", alice, "--open-only"); err != nil {
			t.Fatal(err)
		}
		if len(r.Orders) == 0 {
			t.Fatal("alice has no open limit order")
		}
		best := r.Orders[0]
		for _, o := range r.Orders {
			a, _ := strconv.ParseUint(o.ID, 10, 64)
			b, _ := strconv.ParseUint(best.ID, 10, 64)
			if a > b {
				best = o
			}
		}
		return best
	}
	get := func(id string) order {
		t.Helper()
		var r struct {
			Order order `json:"order"`
		}
		if err := harness.QueryJSON(d.Bin, d.Home, &r, "q", "dex", "limit-order", id); err != nil {
			t.Fatal(err)
		}
		return r.Order
	}
	var spot struct {
		SpotPrice string `json:"spot_price"`
	}
	if err := harness.QueryJSON(d.Bin, d.Home, &spot, "q", "dex", "spot-price", "1", "uagr", "uusdc"); err != nil {
		t.Fatal(err)
	}
	p := sdkmath.LegacyMustNewDecFromStr(spot.SpotPrice)
	limit := p.Mul(sdkmath.LegacyMustNewDecFromStr("1.01"))

	// 1. A cancelled order refunds exactly: only the two tx fees leave.
	agr := bal("uagr")
	tx("alice", "place-limit-order", "1", "5000000uagr", "uusdc", p.MulInt64(3).String())
	far := newest()
	if far.Status != "LIMIT_ORDER_STATUS_OPEN" || far.Remaining != "5000000" {
		t.Fatalf("order %+v should rest", far)
	}
	if got, want := bal("uagr"), agr.SubRaw(5_000_000+10_000); !got.Equal(want) {
		t.Fatalf("after placing alice has %suagr, want %s (escrowed)", got, want)
	}
	tx("alice", "cancel-limit-order", far.ID)
	if o := get(far.ID); o.Status != "LIMIT_ORDER_STATUS_CANCELLED" {
		t.Fatalf("cancelled order: %+v", o)
	}
	if got, want := bal("uagr"), agr.SubRaw(2*10_000); !got.Equal(want) {
		t.Fatalf("after cancelling alice has %suagr, want %s", got, want)
	}

	// 2. An order just above the price rests, then fills when bob buys.
	tx("alice", "place-limit-order", "1", "5000000000uagr", "uusdc", limit.String())
	o := newest()
	time.Sleep(2 * time.Second) // a block later it still rests
	if o = get(o.ID); o.Status != "LIMIT_ORDER_STATUS_OPEN" || o.FilledIn != "0" {
		t.Fatalf("order %+v should rest untouched", o)
	}
	var book struct {
		Asks []struct {
			Price     string `json:"price"`
			Remaining string `json:"remaining"`
		} `json:"asks"`
	}
	if err := harness.QueryJSON(d.Bin, d.Home, &book, "q", "dex", "order-book", "1", "uagr", "uusdc"); err != nil {
		t.Fatal(err)
	}
	if len(book.Asks) == 0 {
		t.Fatal("the order book shows no ask")
	}
	usdc := bal("uusdc")
	// The swap and the order clear in the batch at the end of the swap's
	// block, which the CLI waited for.
	tx("bob", "swap-exact-in", "50000000000uusdc", "1", "--route", `{"pool_id":1,"denom_out":"uagr"}`)
	o = get(o.ID)
	in, out := sdkmath.NewIntFromUint64(mustUint(t, o.FilledIn)), sdkmath.NewIntFromUint64(mustUint(t, o.FilledOut))
	if !in.IsPositive() {
		t.Fatalf("the order did not fill when the price passed it: %+v", o)
	}
	if minOut := limit.MulInt(in).TruncateInt(); out.LT(minOut) {
		t.Fatalf("filled %s uusdc for %s uagr: below the limit %s (%s)", out, in, limit, minOut)
	}
	if got := bal("uusdc"); !got.GTE(usdc.Add(out)) {
		t.Fatalf("alice holds %suusdc, want at least %s (paid at each fill)", got, usdc.Add(out))
	}
	// Leave the devnet as it was for the other tests: cancel the rest.
	if get(o.ID).Status == "LIMIT_ORDER_STATUS_OPEN" {
		tx("alice", "cancel-limit-order", o.ID)
	}
}

func mustUint(t *testing.T, s string) uint64 {
	t.Helper()
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}
