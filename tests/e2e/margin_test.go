package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestMargin on the shared devnet, as a new user would: open a 3× BTC long
// and a 2× BTC short (margin 1,000 USDC each), set a take-profit on the
// short, then move BTC to 41,000 in prices.json. The short's take-profit
// (50,000) fires and the long (liquidation price ≈ 42,100) is liquidated by
// EndBlock, its penalty growing the BTC/USDC insurance fund; x/lend's USDC
// and BTC markets record no deficit. Prices are restored afterwards (BTC at
// 41,000 leaves the lend e2e positions, 1 BTC against 30,000 USDC, at
// HF 1.025: not liquidatable).
func TestMargin(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	bin, home := d.Bin, d.Home
	txFlags := []string{"--fees", "40000uagr", "--gas", "1500000"}
	tx := func(args ...string) {
		t.Helper()
		res, err := harness.Tx(bin, home, append(args, txFlags...)...)
		if err != nil || res.Code != 0 {
			t.Fatalf("%s: %v %+v", strings.Join(args, " "), err, res)
		}
	}
	name := "margin-e2e"
	if _, err := d.CLI("keys", "add", name); err != nil {
		t.Fatal(err)
	}
	out, err := d.CLI("keys", "show", name, "-a")
	if err != nil {
		t.Fatal(err)
	}
	user := strings.TrimSpace(out)
	tx("tx", "bank", "send", "alice", user, "3000000000uusdc,1000000000uagr", "--from", "alice")
	waitOracle(t, bin, home, 60*time.Second, "BTC/USD at 60000", func(p map[string]oraclePrice) bool {
		return priceIs(p["BTC/USD"], "60000") && !p["BTC/USD"].Stale && priceIs(p["USDC/USD"], "1") && !p["USDC/USD"].Stale
	})

	// The preview before signing, through REST (plain query parameters the
	// gateway binds) and through the banner's CLI line.
	restGet := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(d.Ports.APIURL() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	var sim struct {
		Position struct {
			LiquidationPrice string `json:"liquidation_price"`
			Leverage         string `json:"leverage"`
		} `json:"position"`
		Error string `json:"error"`
	}
	for _, side := range []string{"long", "SIDE_LONG"} {
		code, body := restGet("/agora/margin/v1/simulate_open?owner=" + user + "&pair=ubtc/uusdc&side=" + side + "&margin=1000000000uusdc&leverage=3")
		if code != http.StatusOK || json.Unmarshal([]byte(body), &sim) != nil || sim.Error != "" || !strings.HasPrefix(sim.Position.LiquidationPrice, "4") {
			t.Fatalf("REST simulate_open side=%s: %d %s", side, code, body)
		}
	}
	if code, body := restGet("/agora/margin/v1/simulate_open?owner=" + user + "&pair=ubtc/uusdc&side=up&margin=1000000000uusdc&leverage=3"); code != http.StatusBadRequest || !strings.Contains(body, "want long or short") {
		t.Fatalf("REST simulate_open side=up: %d %s, want 400", code, body)
	}
	if err := harness.QueryJSON(bin, home, &sim, "q", "margin", "simulate-open", user, "ubtc/uusdc", "long", "1000000000uusdc", "3"); err != nil || sim.Error != "" || !strings.HasPrefix(sim.Position.LiquidationPrice, "4") {
		t.Fatalf("CLI simulate-open: %v %+v", err, sim)
	}

	type positionInfo struct {
		Position struct {
			ID         string `json:"id"`
			Side       string `json:"side"`
			EntryPrice string `json:"entry_price"`
		} `json:"position"`
		LiquidationPrice string `json:"liquidation_price"`
	}
	positions := func() []positionInfo {
		t.Helper()
		var res struct {
			Positions []positionInfo `json:"positions"`
		}
		if err := harness.QueryJSON(bin, home, &res, "q", "margin", "positions", user); err != nil {
			t.Fatal(err)
		}
		return res.Positions
	}
	type marketState struct {
		Market struct {
			State struct {
				TotalDeficit string `json:"total_deficit"`
			} `json:"state"`
		} `json:"market"`
	}
	deficit := func(denom string) string {
		t.Helper()
		var m marketState
		if err := harness.QueryJSON(bin, home, &m, "q", "lend", "market", denom); err != nil {
			t.Fatal(err)
		}
		return m.Market.State.TotalDeficit
	}
	fund := func() sdkmath.Int {
		t.Helper()
		var res struct {
			Pairs []struct {
				ID            string `json:"id"`
				InsuranceFund struct {
					Amount string `json:"amount"`
				} `json:"insurance_fund"`
			} `json:"pairs"`
		}
		if err := harness.QueryJSON(bin, home, &res, "q", "margin", "pairs"); err != nil {
			t.Fatal(err)
		}
		for _, p := range res.Pairs {
			if p.ID == "ubtc/uusdc" {
				a, ok := sdkmath.NewIntFromString(p.InsuranceFund.Amount)
				if ok {
					return a
				}
			}
		}
		t.Fatalf("no ubtc/uusdc pair in %+v", res)
		return sdkmath.Int{}
	}
	usdcDeficit0, btcDeficit0, fund0 := deficit("uusdc"), deficit("ubtc"), fund()

	tx("tx", "margin", "open", "ubtc/uusdc", "long", "1000000000uusdc", "3", "--price-limit", "63000", "--from", name)
	tx("tx", "margin", "open", "ubtc/uusdc", "short", "1000000000uusdc", "2", "--price-limit", "57000", "--from", name)
	ps := positions()
	if len(ps) != 2 {
		t.Fatalf("positions %+v", ps)
	}
	var longID, shortID string
	var liqPrice sdkmath.LegacyDec
	for _, p := range ps {
		if p.Position.Side == "SIDE_LONG" {
			longID = p.Position.ID
			// Holdings 3,000 USDC / entry, debt 2,000 USDC, maintenance 5 %:
			// liquidation at entry × 2,000 / (0.95 × 3,000), within 0.5 %
			// (the pool's price on the shared devnet moves with earlier tests).
			lp, err1 := sdkmath.LegacyNewDecFromStr(p.LiquidationPrice)
			entry, err2 := sdkmath.LegacyNewDecFromStr(p.Position.EntryPrice)
			if err1 != nil || err2 != nil {
				t.Fatalf("long %+v", p)
			}
			want := entry.MulInt64(2000).QuoInt64(2850)
			if diff := lp.Sub(want).Abs(); diff.GT(want.QuoInt64(200)) {
				t.Fatalf("long liquidation price %s, want %s ± 0.5 %% (entry %s)", lp, want, entry)
			}
			liqPrice = lp
		} else {
			shortID = p.Position.ID
		}
	}
	if longID == "" || shortID == "" {
		t.Fatalf("positions %+v", ps)
	}
	// The manage previews: a short's take-profit above the price is refused
	// with margin's code (HTTP 200, margin/19); the one set below is
	// accepted; the long's max removable comes through the CLI.
	var trig struct {
		Error      string `json:"error"`
		Codespace  string `json:"codespace"`
		Code       int    `json:"code"`
		TakeProfit struct {
			FiresWhen string `json:"fires_when"`
		} `json:"take_profit"`
	}
	code, body := restGet("/agora/margin/v1/simulate_set_triggers?owner=" + user + "&position_id=" + shortID + "&take_profit=70000")
	if err := json.Unmarshal([]byte(body), &trig); code != http.StatusOK || err != nil || trig.Codespace != "margin" || trig.Code != 19 || !strings.Contains(trig.Error, "must be below the price now") {
		t.Fatalf("REST simulate_set_triggers on the wrong side: %d %s", code, body)
	}
	trig.Error, trig.Code = "", 0
	code, body = restGet("/agora/margin/v1/simulate_set_triggers?owner=" + user + "&position_id=" + shortID + "&take_profit=50000&price_limit=65000")
	if err := json.Unmarshal([]byte(body), &trig); code != http.StatusOK || err != nil || trig.Error != "" || !strings.HasPrefix(trig.TakeProfit.FiresWhen, "price <= 50000") {
		t.Fatalf("REST simulate_set_triggers: %d %s", code, body)
	}
	var most struct {
		Error        string `json:"error"`
		MaxRemovable struct {
			Denom  string `json:"denom"`
			Amount string `json:"amount"`
		} `json:"max_removable"`
	}
	if err := harness.QueryJSON(bin, home, &most, "q", "margin", "simulate-remove-margin", user, longID); err != nil || most.Error != "" ||
		most.MaxRemovable.Denom != "uusdc" || most.MaxRemovable.Amount == "" || most.MaxRemovable.Amount == "0" {
		t.Fatalf("CLI simulate-remove-margin: %v %+v", err, most)
	}
	// The pool stays near 60,000 while the oracle moves: the take-profit's
	// own price limit (the most the buy-back may pay) is set above it.
	tx("tx", "margin", "set-triggers", shortID, "--take-profit", "50000", "--price-limit", "65000", "--from", name)

	moved := map[string]string{}
	for k, v := range devgenesis.StartingPrices {
		moved[k] = v
	}
	// 5 % under the long's liquidation price (about 41,000 when the pool
	// is at 60,000).
	moved["BTC/USD"] = liqPrice.MulInt64(95).QuoInt64(100).TruncateInt().String()
	t.Cleanup(func() {
		writePrices(t, home, devgenesis.StartingPrices)
		waitOracle(t, bin, home, 60*time.Second, "BTC/USD back at 60000", func(p map[string]oraclePrice) bool {
			return priceIs(p["BTC/USD"], "60000")
		})
	})
	writePrices(t, home, moved)
	deadline := time.Now().Add(90 * time.Second)
	for len(positions()) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("positions still open after 90 s: %+v; prices %+v", positions(), oraclePrices(t, bin, home))
		}
		time.Sleep(time.Second)
	}
	grown := fund().Sub(fund0)
	if !grown.IsPositive() {
		t.Fatalf("insurance fund did not grow: %s → %s", fund0, fund())
	}
	if deficit("uusdc") != usdcDeficit0 || deficit("ubtc") != btcDeficit0 {
		t.Fatalf("lend deficits moved: uusdc %s → %s, ubtc %s → %s", usdcDeficit0, deficit("uusdc"), btcDeficit0, deficit("ubtc"))
	}
	t.Logf("take-profit closed short %s, long %s liquidated; insurance fund +%s uusdc; lend deficits unchanged", shortID, longID, grown)
}
