package e2e

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/app/devgenesis"
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

	// The same refusal before signing: the simulate query fails with the
	// module's error, through the CLI and through REST.
	if _, err := d.CLI("q", "lend", "simulate-borrow", user, "20000000000uusdc"); err == nil || !strings.Contains(err.Error(), "the most you can borrow now is") {
		t.Fatalf("simulate-borrow over the limit: %v", err)
	}
	rest := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(d.Ports.APIURL() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, body := rest("/agora/lend/v1/simulate/borrow?address=" + user + "&amount=20000000000uusdc"); code == http.StatusOK || !strings.Contains(body, "the most you can borrow now is") {
		t.Fatalf("REST simulate borrow over the limit: %d %s", code, body)
	}
	if code, body := rest("/agora/lend/v1/simulate/repay?address=" + user + "&amount=1000000uusdc"); code != http.StatusOK || !strings.Contains(body, "health_factor") {
		t.Fatalf("REST simulate repay: %d %s", code, body)
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

// TestLendProtocolLiquidation crashes the BTC price on the shared devnet
// (its prices.json) under a position borrowing 30,000 USDC against 1 BTC
// and waits until the module itself liquidates it in EndBlock, with no
// liquidator: the debt falls and the health factor is back above 1. The
// prices are restored afterwards.
func TestLendProtocolLiquidation(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	bin, home := d.Bin, d.Home
	txFlags := []string{"--fees", "10000uagr", "--gas", "400000"}
	tx := func(args ...string) {
		t.Helper()
		res, err := harness.Tx(bin, home, append(args, txFlags...)...)
		if err != nil || res.Code != 0 {
			t.Fatalf("%s: %v %+v", strings.Join(args, " "), err, res)
		}
	}
	name := "lend-e2e-liquidated"
	if _, err := d.CLI("keys", "add", name); err != nil {
		t.Fatal(err)
	}
	out, err := d.CLI("keys", "show", name, "-a")
	if err != nil {
		t.Fatal(err)
	}
	user := strings.TrimSpace(out)
	tx("tx", "bank", "send", "alice", user, "1000000ubtc,1000000uagr", "--from", "alice")
	waitOracle(t, bin, home, 60*time.Second, "BTC/USD at 60000", func(p map[string]oraclePrice) bool {
		return priceIs(p["BTC/USD"], "60000") && !p["BTC/USD"].Stale && priceIs(p["USDC/USD"], "1") && !p["USDC/USD"].Stale
	})
	tx("tx", "lend", "supply-collateral", "1000000ubtc", "--from", name)
	tx("tx", "lend", "borrow", "30000000000uusdc", "--from", name)

	type position struct {
		Entries []struct {
			Denom      string `json:"denom"`
			Collateral string `json:"collateral"`
			Debt       string `json:"debt"`
		} `json:"entries"`
		HealthFactor string `json:"health_factor"`
		PriceError   string `json:"price_error"`
	}
	query := func() (debt, collateral sdkmath.Int, hf sdkmath.LegacyDec) {
		t.Helper()
		var p position
		if err := harness.QueryJSON(bin, home, &p, "q", "lend", "position", user); err != nil {
			t.Fatal(err)
		}
		debt, collateral = sdkmath.ZeroInt(), sdkmath.ZeroInt()
		for _, e := range p.Entries {
			if a, ok := sdkmath.NewIntFromString(e.Debt); ok && e.Denom == "uusdc" {
				debt = a
			}
			if a, ok := sdkmath.NewIntFromString(e.Collateral); ok && e.Denom == "ubtc" {
				collateral = a
			}
		}
		hf, err := sdkmath.LegacyNewDecFromStr(p.HealthFactor)
		if err != nil {
			hf = sdkmath.LegacyZeroDec()
		}
		return debt, collateral, hf
	}
	debt0, coll0, hf0 := query()
	if debt0.LT(sdkmath.NewInt(30_000_000_000)) || !coll0.Equal(sdkmath.NewInt(1_000_000)) || !hf0.GT(sdkmath.LegacyOneDec()) {
		t.Fatalf("before the crash: debt %s collateral %s HF %s", debt0, coll0, hf0)
	}

	// BTC at 35,000: HF = 35,000 × 0.75 / 30,000 = 0.875 < 1.
	crashed := map[string]string{}
	for k, v := range devgenesis.StartingPrices {
		crashed[k] = v
	}
	crashed["BTC/USD"] = "35000"
	t.Cleanup(func() {
		writePrices(t, home, devgenesis.StartingPrices)
		waitOracle(t, bin, home, 60*time.Second, "BTC/USD back at 60000", func(p map[string]oraclePrice) bool {
			return priceIs(p["BTC/USD"], "60000")
		})
	})
	writePrices(t, home, crashed)
	deadline := time.Now().Add(90 * time.Second)
	for {
		debt, coll, hf := query()
		if debt.LT(debt0) {
			// The protocol liquidates toward the target HF 1.05 (params
			// target_health_factor): part of the collateral is sold, part
			// of the debt repaid, and the position is healthy again.
			if !coll.LT(coll0) || !coll.IsPositive() || hf.LT(sdkmath.LegacyOneDec()) || hf.GT(sdkmath.LegacyMustNewDecFromStr("1.1")) {
				t.Fatalf("after the protocol liquidation: debt %s collateral %s HF %s", debt, coll, hf)
			}
			t.Logf("liquidated by the protocol: debt %s → %s uusdc, collateral %s → %s lend/ubtc, HF %s", debt0, debt, coll0, coll, hf)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("not liquidated within 90s: debt %s collateral %s HF %s; prices %+v", debt, coll, hf, oraclePrices(t, bin, home))
		}
		time.Sleep(time.Second)
	}
}
