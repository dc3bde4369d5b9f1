package e2e

import (
	"strings"
	"testing"

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
	agrBefore, ethBefore = bal(bob, "uagr"), bal(bob, "ueth")
	tx("swap-exact-out", "uagr", "1000000ueth", simOut.TokenIn.Amount, "--from", "bob",
		"--route", `{"pool_id":1,"denom_out":"uusdc"}`, "--route", `{"pool_id":3,"denom_out":"ueth"}`)
	expectDelta(bob, "uagr", agrBefore, amount(simOut.TokenIn).Neg().SubRaw(fee))
	expectDelta(bob, "ueth", ethBefore, sdkmath.NewInt(1_000_000))

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
