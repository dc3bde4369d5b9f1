package e2e

import (
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestLend drives the money market on the shared devnet through the CLI, as
// the README's users do: a fresh account funded by alice supplies BTC, uses
// it as collateral, simulates and borrows USDC from the market seeded at
// genesis, is refused a borrow over its limit with the module's message,
// repays everything and withdraws everything. Balances move exactly.
func TestLend(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	bin, home := d.Bin, d.Home
	const fee = 10_000 // uagr, with --gas 400000
	txFlags := []string{"--fees", "10000uagr", "--gas", "400000"}

	name := "lend-e2e"
	if _, err := d.CLI("keys", "add", name); err != nil {
		t.Fatal(err)
	}
	out, err := d.CLI("keys", "show", name, "-a")
	if err != nil {
		t.Fatal(err)
	}
	user := strings.TrimSpace(out)

	bal := func(denom string) sdkmath.Int {
		t.Helper()
		amt, err := harness.Balance(bin, home, user, denom)
		if err != nil {
			t.Fatal(err)
		}
		return amt
	}
	tx := func(args ...string) harness.TxResult {
		t.Helper()
		res, err := harness.Tx(bin, home, append(args, txFlags...)...)
		if err != nil {
			t.Fatal(err)
		}
		if res.Code != 0 {
			t.Fatalf("%s failed: code %d: %s", strings.Join(args, " "), res.Code, res.RawLog)
		}
		return res
	}
	expect := func(denom string, want int64) {
		t.Helper()
		if got := bal(denom); !got.Equal(sdkmath.NewInt(want)) {
			t.Fatalf("%s holds %s%s, want %d", name, got, denom, want)
		}
	}

	// alice funds the account: 2 BTC, 10 USDC (for the interest), 1 AGR (fees).
	tx("tx", "bank", "send", "alice", user, "2000000ubtc,10000000uusdc,1000000uagr", "--from", "alice")
	expect("ubtc", 2_000_000)

	// Risk-increasing operations need fresh prices: wait for the feeders.
	waitOracle(t, bin, home, 60*time.Second, "BTC/USD and USDC/USD priced", func(p map[string]oraclePrice) bool {
		return priceIs(p["BTC/USD"], "60000") && priceIs(p["USDC/USD"], "1") && !p["BTC/USD"].Stale && !p["USDC/USD"].Stale
	})

	// Supply 1 BTC (receipts 1:1: nobody borrows BTC), then use it as collateral.
	tx("tx", "lend", "supply", "1000000ubtc", "--from", name)
	expect("ubtc", 1_000_000)
	expect("lend/ubtc", 1_000_000)
	tx("tx", "lend", "collateralize", "1000000lend/ubtc", "--from", name)
	expect("lend/ubtc", 0)

	// What a web app shows before the user signs: 1 BTC at 60,000 (LTV 0.7,
	// LT 0.75) against 30,000 USDC: limit 42,000, HF 1.5, liquidated at 40,000.
	var sim struct {
		Position struct {
			BorrowLimit  string `json:"borrow_limit"`
			DebtValue    string `json:"debt_value"`
			HealthFactor string `json:"health_factor"`
		} `json:"position"`
		LiquidationPrices []struct {
			Denom string `json:"denom"`
			Price string `json:"price"`
		} `json:"liquidation_prices"`
	}
	if err := harness.QueryJSON(bin, home, &sim, "q", "lend", "simulate-borrow", user, "30000000000uusdc"); err != nil {
		t.Fatal(err)
	}
	if !decIs(sim.Position.BorrowLimit, "42000") || !decIs(sim.Position.DebtValue, "30000") || !decIs(sim.Position.HealthFactor, "1.5") ||
		len(sim.LiquidationPrices) != 1 || !decIs(sim.LiquidationPrices[0].Price, "40000") {
		t.Fatalf("simulate-borrow: %+v", sim)
	}

	// Borrow 30,000 USDC within the limit.
	tx("tx", "lend", "borrow", "30000000000uusdc", "--from", name)
	expect("uusdc", 30_010_000_000)

	// 20,000 more is over the limit: the CLI exits non-zero with the
	// module's message, and nothing moves but the fee.
	agr := bal("uagr")
	res, err := harness.Tx(bin, home, append([]string{"tx", "lend", "borrow", "20000000000uusdc", "--from", name}, txFlags...)...)
	if err != nil || res.Code == 0 || res.Codespace != "lend" || !strings.Contains(res.RawLog, "the most you can borrow now is") {
		t.Fatalf("borrow over the limit: %v %+v", err, res)
	}
	expect("uusdc", 30_010_000_000)
	if got := bal("uagr"); res.Height != "0" && !got.Equal(agr.SubRaw(fee)) || res.Height == "0" && !got.Equal(agr) {
		t.Fatalf("uagr %s → %s (height %s)", agr, got, res.Height)
	}

	// Repay everything (the debt plus a few seconds of interest), take the
	// collateral back and withdraw: exactly 2 BTC again.
	tx("tx", "lend", "repay", "0uusdc", "--all", "--from", name)
	paid := sdkmath.NewInt(30_010_000_000).Sub(bal("uusdc"))
	if paid.LT(sdkmath.NewInt(30_000_000_000)) || paid.GT(sdkmath.NewInt(30_001_000_000)) {
		t.Fatalf("repaid %s uusdc for a 30,000 USDC debt", paid)
	}
	var pos struct {
		Entries []struct {
			Denom string `json:"denom"`
			Debt  string `json:"debt"`
		} `json:"entries"`
	}
	if err := harness.QueryJSON(bin, home, &pos, "q", "lend", "position", user); err != nil {
		t.Fatal(err)
	}
	for _, e := range pos.Entries {
		if e.Debt != "" && e.Debt != "0" {
			t.Fatalf("debt left after repay all: %+v", pos)
		}
	}
	tx("tx", "lend", "decollateralize", "1000000lend/ubtc", "--from", name)
	tx("tx", "lend", "withdraw", "0ubtc", "--all", "--from", name)
	expect("ubtc", 2_000_000)
	expect("lend/ubtc", 0)
}

// decIs compares a LegacyDec string with a decimal.
func decIs(got, want string) bool {
	g, err := sdkmath.LegacyNewDecFromStr(got)
	return err == nil && g.Equal(sdkmath.LegacyMustNewDecFromStr(want))
}
