package e2e

import (
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestDex drives the exchange on a real devnet through the CLI: create a
// pool, join it, swap exact-in and exact-out over two-hop routes through the
// seeded pools, exit. Every balance moves by exactly what the simulate
// queries (and the positions query) said.
func TestDex(t *testing.T) {
	skipInShortMode(t)
	home := t.TempDir()
	d := harness.StartDevnet(t, home)
	alice, bob := addr(t, "alice"), addr(t, "bob")
	const fee = 10_000 // uagr, with --gas 400000
	txFlags := []string{"--fees", "10000uagr", "--gas", "400000"}

	bal := func(who, denom string) sdkmath.Int {
		t.Helper()
		amt, err := harness.Balance(d.Bin, home, who, denom)
		if err != nil {
			t.Fatal(err)
		}
		return amt
	}
	tx := func(args ...string) harness.TxResult {
		t.Helper()
		res, err := harness.Tx(d.Bin, home, append(append([]string{"tx", "dex"}, args...), txFlags...)...)
		if err != nil {
			t.Fatal(err)
		}
		if res.Code != 0 {
			t.Fatalf("tx dex %s failed: code %d: %s", strings.Join(args, " "), res.Code, res.RawLog)
		}
		t.Logf("tx dex %s: gas used %s", args[0], res.GasUsed)
		return res
	}
	type coin struct {
		Denom  string `json:"denom"`
		Amount string `json:"amount"`
	}
	amount := func(c coin) sdkmath.Int {
		a, ok := sdkmath.NewIntFromString(c.Amount)
		if !ok {
			t.Fatalf("bad amount %q", c.Amount)
		}
		return a
	}
	expectDelta := func(who, denom string, before, delta sdkmath.Int) {
		t.Helper()
		if got, want := bal(who, denom), before.Add(delta); !got.Equal(want) {
			t.Errorf("%s has %s%s, want %s%s (delta %s)", who, got, denom, want, denom, delta)
		}
	}

	// The seeded pools are there: 1–3 constant product, 4 the AUSD/USDC
	// stableswap pool of the cdp seed, 5 the synth/USD–AUSD stableswap
	// pool of the synth seed.
	var pools struct {
		Pools []struct {
			ID string `json:"id"`
		} `json:"pools"`
	}
	if err := harness.QueryJSON(d.Bin, home, &pools, "q", "dex", "pools"); err != nil || len(pools.Pools) != 5 {
		t.Fatalf("seeded pools: %v %v", pools, err)
	}

	// Create pool 6: 3000 AGR / 1 ETH, fee 0.05%; the creation fee is 10 AGR.
	agrBefore, ethBefore := bal(alice, "uagr"), bal(alice, "ueth")
	tx("create-pool", "0.0005", "3000000000uagr", "1000000ueth", "--pool-type", "constant-product", "--from", "alice")
	expectDelta(alice, "uagr", agrBefore, sdkmath.NewInt(-3_000_000_000-10_000_000-fee))
	expectDelta(alice, "ueth", ethBefore, sdkmath.NewInt(-1_000_000))
	expectDelta(alice, "dex/pool/6", sdkmath.ZeroInt(), sdkmath.NewInt(54_772_255-1000)) // ⌊√(3·10^15)⌋ − 1000

	// Bob joins with at most 300 AGR and 1 ETH: AGR limits him to
	// ⌊300000000·54772255/3000000000⌋ = 5477225 shares, for which the pool
	// takes ⌈5477225·R/S⌉ of each asset: 299999973 uagr and 100000 ueth.
	agrBefore, ethBefore = bal(bob, "uagr"), bal(bob, "ueth")
	tx("join-pool", "6", "1", "300000000uagr", "1000000ueth", "--from", "bob")
	expectDelta(bob, "uagr", agrBefore, sdkmath.NewInt(-299_999_973-fee))
	expectDelta(bob, "ueth", ethBefore, sdkmath.NewInt(-100_000))
	shares := bal(bob, "dex/pool/6")
	if !shares.Equal(sdkmath.NewInt(5_477_225)) {
		t.Fatalf("bob got %s shares", shares)
	}

	// Exact in over two hops: 0.01 BTC -> USDC (pool 2) -> ETH (pool 3).
	var simIn struct {
		TokenOut coin `json:"token_out"`
	}
	if err := harness.QueryJSON(d.Bin, home, &simIn, "q", "dex", "simulate-exact-in", "1000000ubtc",
		"--route-pool-ids", "2,3", "--route-denoms-out", "uusdc,ueth"); err != nil {
		t.Fatal(err)
	}
	btcBefore, ethBefore := bal(bob, "ubtc"), bal(bob, "ueth")
	tx("swap-exact-in", "1000000ubtc", simIn.TokenOut.Amount, "--from", "bob",
		"--route", `{"pool_id":2,"denom_out":"uusdc"}`, "--route", `{"pool_id":3,"denom_out":"ueth"}`)
	expectDelta(bob, "ubtc", btcBefore, sdkmath.NewInt(-1_000_000))
	expectDelta(bob, "ueth", ethBefore, amount(simIn.TokenOut))

	// Exact out over two hops: buy exactly 1 ETH with AGR via pools 1 and 3.
	var simOut struct {
		TokenIn coin `json:"token_in"`
	}
	if err := harness.QueryJSON(d.Bin, home, &simOut, "q", "dex", "simulate-exact-out", "uagr", "1000000ueth",
		"--route-pool-ids", "1,3", "--route-denoms-out", "uusdc,ueth"); err != nil {
		t.Fatal(err)
	}
	// The swap is queued as an exact-in of the quoted input with min_out
	// 1 ETH and fills at the end of the block with at least 1 ETH.
	agrBefore, ethBefore = bal(bob, "uagr"), bal(bob, "ueth")
	sent := tx("swap-exact-out", "uagr", "1000000ueth", simOut.TokenIn.Amount, "--from", "bob",
		"--route", `{"pool_id":1,"denom_out":"uusdc"}`, "--route", `{"pool_id":3,"denom_out":"ueth"}`)
	orders := queuedOrders(t, d.Bin, home, sent.Hash)
	if len(orders) != 1 || orders[0].Status != "ORDER_STATUS_FILLED" || orders[0].TokenOut.amount(t).LT(sdkmath.NewInt(1_000_000)) {
		t.Fatalf("exact-out order: %+v", orders)
	}
	expectDelta(bob, "uagr", agrBefore, amount(simOut.TokenIn).Neg().SubRaw(fee))
	expectDelta(bob, "ueth", ethBefore, orders[0].TokenOut.amount(t))

	// Exit all of bob's pool 6 shares: he receives what positions said.
	var pos struct {
		Positions []struct {
			PoolID string `json:"pool_id"`
			Value  []coin `json:"value"`
		} `json:"positions"`
	}
	if err := harness.QueryJSON(d.Bin, home, &pos, "q", "dex", "positions", bob); err != nil || len(pos.Positions) != 1 {
		t.Fatalf("positions: %v %v", pos, err)
	}
	value := map[string]sdkmath.Int{}
	for _, c := range pos.Positions[0].Value {
		value[c.Denom] = amount(c)
	}
	agrBefore, ethBefore = bal(bob, "uagr"), bal(bob, "ueth")
	tx("exit-pool", "6", shares.String(), "--from", "bob")
	expectDelta(bob, "uagr", agrBefore, value["uagr"].SubRaw(fee))
	expectDelta(bob, "ueth", ethBefore, value["ueth"])
	expectDelta(bob, "dex/pool/6", shares, shares.Neg())

	// Slippage protection: asking for more than the simulation fails and
	// changes nothing but the fee.
	agrBefore = bal(bob, "uagr")
	res, err := harness.Tx(d.Bin, home, append([]string{"tx", "dex", "swap-exact-in", "1000000uagr", "999999999", "--from", "bob",
		"--route", `{"pool_id":1,"denom_out":"uusdc"}`}, txFlags...)...)
	if err != nil || res.Code == 0 || !strings.Contains(res.RawLog, "below min_out") {
		t.Fatalf("swap with an impossible min_out: %v %+v", err, res)
	}
	expectDelta(bob, "uagr", agrBefore, sdkmath.NewInt(-fee))
}

// swapOrder is the JSON of a SwapOrder (agorad q dex swap-order).
type swapOrder struct {
	ID       string       `json:"id"`
	Status   string       `json:"status"`
	TokenIn  e2eCoin      `json:"token_in"`
	TokenOut e2eCoin      `json:"token_out"`
	Refund   e2eCoin      `json:"refund"`
	Reason   string       `json:"reason"`
	Hops     []e2eSwapHop `json:"hops"`
}

type e2eCoin struct {
	Denom  string `json:"denom"`
	Amount string `json:"amount"`
}

type e2eSwapHop struct {
	PoolID   string  `json:"pool_id"`
	TokenIn  e2eCoin `json:"token_in"`
	TokenOut e2eCoin `json:"token_out"`
}

func (c e2eCoin) amount(t *testing.T) sdkmath.Int {
	t.Helper()
	a, ok := sdkmath.NewIntFromString(c.Amount)
	if !ok {
		t.Fatalf("bad amount %q", c.Amount)
	}
	return a
}

// queuedOrders reads the order ids of the swaps a committed tx queued (its
// EventSwapQueued events) and returns each order as the swap-order query
// shows it after the block.
func queuedOrders(t *testing.T, bin, home, hash string) []swapOrder {
	t.Helper()
	res, err := harness.WaitForTx(bin, home, hash, 30*time.Second)
	if err != nil || res.Code != 0 {
		t.Fatalf("tx %s: %v %+v", hash, err, res)
	}
	var txr struct {
		Events []struct {
			Type       string `json:"type"`
			Attributes []struct {
				Key   string `json:"key"`
				Value string `json:"value"`
			} `json:"attributes"`
		} `json:"events"`
	}
	if err := harness.QueryJSON(bin, home, &txr, "q", "tx", hash); err != nil {
		t.Fatal(err)
	}
	var out []swapOrder
	for _, ev := range txr.Events {
		if ev.Type != "agora.dex.v1.EventSwapQueued" {
			continue
		}
		for _, a := range ev.Attributes {
			if a.Key != "order_id" {
				continue
			}
			var q struct {
				Order swapOrder `json:"order"`
			}
			if err := harness.QueryJSON(bin, home, &q, "q", "dex", "swap-order", strings.Trim(a.Value, `"`)); err != nil {
				t.Fatal(err)
			}
			out = append(out, q.Order)
		}
	}
	return out
}

// TestDexBatch (shared devnet): two opposite swaps sent in one block (one
// tx of two messages, so they are in the same block by construction) fill
// at one price: alice's USDC per AGR and the AGR per USDC of the other
// order are the two sides of the same p, and each balance moves by exactly
// the fill the swap-order query reports. The pool's state is whatever
// earlier tests left; nothing here depends on it.
func TestDexBatch(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	bob := addr(t, "bob")
	dir := t.TempDir()
	flags := []string{"--from", "bob", "--fees", "20000uagr", "--gas", "800000", "--generate-only"}
	gen := func(args ...string) map[string]any {
		t.Helper()
		out, err := d.CLI(append(append([]string{"tx", "dex"}, args...), flags...)...)
		if err != nil {
			t.Fatal(err)
		}
		var tx map[string]any
		if err := json.Unmarshal([]byte(lastJSON(out)), &tx); err != nil {
			t.Fatalf("generate-only output: %v\n%s", err, out)
		}
		return tx
	}
	sell := gen("swap-exact-in", "100000000uagr", "1", "--route", `{"pool_id":1,"denom_out":"uusdc"}`)
	buy := gen("swap-exact-in", "50000000uusdc", "1", "--route", `{"pool_id":1,"denom_out":"uagr"}`)
	body := sell["body"].(map[string]any)
	body["messages"] = append(body["messages"].([]any), buy["body"].(map[string]any)["messages"].([]any)...)
	unsigned, signed := filepath.Join(dir, "unsigned.json"), filepath.Join(dir, "signed.json")
	bz, _ := json.Marshal(sell)
	if err := os.WriteFile(unsigned, bz, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := d.CLI("tx", "sign", unsigned, "--from", "bob", "--output-document", signed); err != nil {
		t.Fatal(err)
	}
	bal := func(denom string) sdkmath.Int {
		t.Helper()
		a, err := harness.Balance(d.Bin, d.Home, bob, denom)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	agr, usdc := bal("uagr"), bal("uusdc")
	out, err := d.CLI("tx", "broadcast", signed, "-o", "json")
	if err != nil {
		t.Fatal(err)
	}
	var br harness.TxResult
	if err := json.Unmarshal([]byte(lastJSON(out)), &br); err != nil || br.Hash == "" {
		t.Fatalf("broadcast: %v\n%s", err, out)
	}
	orders := queuedOrders(t, d.Bin, d.Home, br.Hash)
	if len(orders) != 2 {
		t.Fatalf("want 2 queued orders, got %+v", orders)
	}
	for _, o := range orders {
		if o.Status != "ORDER_STATUS_FILLED" {
			t.Fatalf("order %s: %s (%s)", o.ID, o.Status, o.Reason)
		}
	}
	outUsdc, outAgr := orders[0].TokenOut.amount(t), orders[1].TokenOut.amount(t)
	// p from each side: alice-side p = out/(γ·a), other side p = γ·b/out, γ = 0.997.
	g := big.NewRat(997, 1000)
	pSell := new(big.Rat).Quo(new(big.Rat).SetInt(outUsdc.BigInt()), new(big.Rat).Mul(g, big.NewRat(100_000_000, 1)))
	pBuy := new(big.Rat).Quo(new(big.Rat).Mul(g, big.NewRat(50_000_000, 1)), new(big.Rat).SetInt(outAgr.BigInt()))
	diff := new(big.Rat).Abs(new(big.Rat).Sub(pSell, pBuy))
	if diff.Cmp(new(big.Rat).Mul(pSell, big.NewRat(1, 1_000_000))) > 0 {
		t.Fatalf("two prices in one block: %s vs %s uusdc per uagr", pSell.FloatString(9), pBuy.FloatString(9))
	}
	if got, want := bal("uagr"), agr.SubRaw(100_000_000+20_000).Add(outAgr); !got.Equal(want) {
		t.Errorf("bob has %suagr, want %s", got, want)
	}
	if got, want := bal("uusdc"), usdc.SubRaw(50_000_000).Add(outUsdc); !got.Equal(want) {
		t.Errorf("bob has %suusdc, want %s", got, want)
	}
}

func lastJSON(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(strings.TrimSpace(lines[i]), "{") {
			return lines[i]
		}
	}
	return s
}
