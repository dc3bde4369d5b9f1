package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
)

// oraclePrice is one entry of `agorad q oracle prices -o json` (zero
// values are omitted from the JSON).
type oraclePrice struct {
	Pair          string `json:"pair"`
	HasPrice      bool   `json:"has_price"`
	Price         string `json:"price"`
	UpdatedHeight string `json:"updated_height"`
	Stale         bool   `json:"stale"`
	Reporters     int    `json:"reporters"`
}

func oraclePrices(t *testing.T, bin, home string) map[string]oraclePrice {
	t.Helper()
	var out struct {
		Prices []oraclePrice `json:"prices"`
	}
	if err := harness.QueryJSON(bin, home, &out, "q", "oracle", "prices"); err != nil {
		t.Fatal(err)
	}
	m := map[string]oraclePrice{}
	for _, p := range out.Prices {
		m[p.Pair] = p
	}
	return m
}

// waitOracle polls the prices until cond holds.
func waitOracle(t *testing.T, bin, home string, timeout time.Duration, what string, cond func(map[string]oraclePrice) bool) map[string]oraclePrice {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		prices := oraclePrices(t, bin, home)
		if cond(prices) {
			return prices
		}
		if time.Now().After(deadline) {
			t.Fatalf("oracle: %s not reached within %s; prices: %+v", what, timeout, prices)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// priceIs compares a LegacyDec string ("60000.000000000000000000") with a
// whole number.
func priceIs(p oraclePrice, whole string) bool {
	return p.HasPrice && strings.TrimSuffix(p.Price, ".000000000000000000") == whole
}

func writePrices(t *testing.T, home string, prices map[string]string) {
	t.Helper()
	if err := devgenesis.WritePricesFile(devgenesis.PricesPath(home), prices, true); err != nil {
		t.Fatal(err)
	}
}

// setOracleGenesisParam changes one oracle parameter in a node's genesis.
func setOracleGenesisParam(t *testing.T, home, key string, value any) {
	t.Helper()
	path := filepath.Join(home, "config", "genesis.json")
	bz, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var gen map[string]any
	if err := json.Unmarshal(bz, &gen); err != nil {
		t.Fatal(err)
	}
	params := gen["app_state"].(map[string]any)["oracle"].(map[string]any)["params"].(map[string]any)
	params[key] = value
	if bz, err = json.MarshalIndent(gen, "", "  "); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, bz, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOracleLocalnet runs four validators whose feeders read different
// price files. The chain's price is the stake-weighted median; one absurd
// report does not move it; a pair reported by one validator of four is
// never updated; a pair that loses its reporters goes stale.
func TestOracleLocalnet(t *testing.T) {
	skipInShortMode(t)
	net := harness.InitLocalnet(t, 4, 0, harness.Options{})
	vals := net.Validators()
	// BTC: four different prices. ETH: validator 3 reports an absurd price.
	// AGR: only validator 0 reports it. USDC: everyone, until later.
	btc := []string{"59000", "60000", "61000", "62000"}
	eth := []string{"3000", "3000", "3000", "3000000"}
	for i, v := range vals {
		prices := map[string]string{"BTC/USD": btc[i], "ETH/USD": eth[i], "USDC/USD": "1"}
		if i == 0 {
			prices["AGR/USD"] = "1"
		}
		writePrices(t, v.Home(), prices)
		setOracleGenesisParam(t, v.Home(), "max_price_age_blocks", "8")
	}
	net.StartAll()
	node0 := vals[0]

	t.Run("equal stakes: the price is the lower median of the four", func(t *testing.T) {
		// Powers 1:1:1:1 → cumulative power reaches half at the 2nd price.
		waitOracle(t, net.Bin, node0.Home(), 60*time.Second, "BTC/USD = 60000", func(p map[string]oraclePrice) bool {
			return priceIs(p["BTC/USD"], "60000") && p["BTC/USD"].Reporters == 4
		})
	})

	t.Run("an absurd report does not move the median", func(t *testing.T) {
		p := oraclePrices(t, net.Bin, node0.Home())
		if !priceIs(p["ETH/USD"], "3000") {
			t.Fatalf("ETH/USD = %+v, want 3000", p["ETH/USD"])
		}
	})

	t.Run("one reporter of four never sets a price", func(t *testing.T) {
		p := oraclePrices(t, net.Bin, vals[2].Home())
		if p["AGR/USD"].HasPrice || !p["AGR/USD"].Stale {
			t.Fatalf("AGR/USD = %+v, want no price and stale", p["AGR/USD"])
		}
	})

	t.Run("more stake moves the weighted median", func(t *testing.T) {
		// Delegating twice a validator's self-bond to validator 3 makes the
		// powers 1:1:1:3; sorted by price the cumulative power is 1, 2, 3
		// of 6, so the median is the third price, 61000.
		op := sdk.ValAddress(mustAddr(t, devgenesis.ValidatorKeyName(3))).String()
		amount := devgenesis.SelfBond.Amount.MulRaw(2).String() + devgenesis.SelfBond.Denom
		res := node0.Tx(t, "tx", "staking", "delegate", op, amount, "--from", "alice", "--fees", "10000uagr", "--gas", "400000")
		if res.Code != 0 {
			t.Fatalf("delegate: code %d: %s", res.Code, res.RawLog)
		}
		waitOracle(t, net.Bin, node0.Home(), 60*time.Second, "BTC/USD = 61000", func(p map[string]oraclePrice) bool {
			return priceIs(p["BTC/USD"], "61000")
		})
	})

	t.Run("a pair that loses its reporters goes stale", func(t *testing.T) {
		for i, v := range vals[1:] {
			writePrices(t, v.Home(), map[string]string{"BTC/USD": btc[i+1], "ETH/USD": eth[i+1]})
		}
		p := waitOracle(t, net.Bin, node0.Home(), 60*time.Second, "USDC/USD stale", func(p map[string]oraclePrice) bool {
			return p["USDC/USD"].HasPrice && p["USDC/USD"].Stale
		})
		if !priceIs(p["USDC/USD"], "1") {
			t.Fatalf("stale USDC/USD keeps its last price, got %+v", p["USDC/USD"])
		}
		if p["BTC/USD"].Stale {
			t.Fatalf("BTC/USD went stale: %+v", p["BTC/USD"])
		}
	})

	t.Run("miss counters show the validators that miss pairs", func(t *testing.T) {
		var out struct {
			MissCounters []struct {
				Validator string `json:"validator"`
				Misses    string `json:"misses"`
			} `json:"miss_counters"`
		}
		node0.QueryJSON(t, &out, "q", "oracle", "miss-counters")
		// Validators 1-3 never report AGR/USD.
		if len(out.MissCounters) < 3 {
			t.Fatalf("miss counters: %+v, want at least 3 validators", out.MissCounters)
		}
	})
}

func mustAddr(t *testing.T, name string) sdk.AccAddress {
	t.Helper()
	a, err := devgenesis.AddressOf(name)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestOracleDevnet edits the devnet's prices.json and sees the chain's
// price follow within a few blocks.
func TestOracleDevnet(t *testing.T) {
	skipInShortMode(t)
	home := t.TempDir()
	d := harness.StartDevnet(t, home)
	if !strings.Contains(d.Output(), devgenesis.PricesPath(home)) || !strings.Contains(d.Output(), "q oracle prices") {
		t.Errorf("banner does not explain the prices file:\n%s", d.Output())
	}
	waitOracle(t, d.Bin, home, 30*time.Second, "starting prices", func(p map[string]oraclePrice) bool {
		return priceIs(p["BTC/USD"], "60000") && priceIs(p["ETH/USD"], "3000") &&
			priceIs(p["AGR/USD"], "1") && priceIs(p["USDC/USD"], "1")
	})

	start := d.Height()
	writePrices(t, home, map[string]string{"BTC/USD": "64000", "ETH/USD": "3100", "AGR/USD": "1.05", "USDC/USD": "1"})
	p := waitOracle(t, d.Bin, home, 30*time.Second, "edited prices", func(p map[string]oraclePrice) bool {
		return priceIs(p["BTC/USD"], "64000") && priceIs(p["ETH/USD"], "3100")
	})
	if p["AGR/USD"].Price != "1.050000000000000000" {
		t.Errorf("AGR/USD = %+v, want 1.05", p["AGR/USD"])
	}
	if took := d.Height() - start; took > 10 {
		t.Errorf("the edit took %d blocks to reach the chain", took)
	}

	out, err := d.CLI("q", "oracle", "price", "BTC", "USD")
	if err != nil || !strings.Contains(out, "64000") {
		t.Fatalf("q oracle price BTC USD: %v\n%s", err, out)
	}
}
