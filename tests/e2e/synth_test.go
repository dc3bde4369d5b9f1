package e2e

import (
	"math/big"
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
)

type synthPosition struct {
	Position struct {
		Collateral string `json:"collateral"`
		Shares     string `json:"shares"`
		Debt       string `json:"debt"`
		Ratio      string `json:"ratio"`
		Error      string `json:"error"`
	} `json:"position"`
}

type synthExchange struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Out    string `json:"out"`
	Reason string `json:"reason"`
}

// TestSynth drives x/synth on the shared devnet through the CLI: a new
// staker stakes AGR, mints synth/USD, exchanges it to synth/BTC and back
// (each settled in a later block at the next oracle price); a second
// staker joins; both move their synth/USD into synth/XAU, and gold rises
// in prices.json until the first staker's ratio is below 150 %: EndBlock
// liquidates it and the other AGR stakers' collateral and debt shares grow
// by their share of its collateral and shares (Liquity's formulas). Only
// XAU/USD moves — no other module prices gold — and it is restored after.
func TestSynth(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	bin, home := d.Bin, d.Home
	txFlags := []string{"--fees", "15000uagr", "--gas", "600000"}
	tx := func(args ...string) {
		t.Helper()
		res, err := harness.Tx(bin, home, append(args, txFlags...)...)
		if err != nil {
			t.Fatal(err)
		}
		if res.Code != 0 {
			t.Fatalf("%s failed: code %d: %s", strings.Join(args, " "), res.Code, res.RawLog)
		}
	}
	newKey := func(name string) string {
		t.Helper()
		if _, err := d.CLI("keys", "add", name); err != nil {
			t.Fatal(err)
		}
		out, err := d.CLI("keys", "show", name, "-a")
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(out)
	}
	bal := func(addr, denom string) sdkmath.Int {
		t.Helper()
		amt, err := harness.Balance(bin, home, addr, denom)
		if err != nil {
			t.Fatal(err)
		}
		return amt
	}
	position := func(addr string) synthPosition {
		t.Helper()
		var p synthPosition
		if err := harness.QueryJSON(bin, home, &p, "q", "synth", "position", addr, "uagr"); err != nil {
			t.Fatal(err)
		}
		return p
	}
	lastExchange := func(addr string) synthExchange {
		t.Helper()
		var out struct {
			Exchanges []synthExchange `json:"exchanges"`
		}
		if err := harness.QueryJSON(bin, home, &out, "q", "synth", "exchanges", addr); err != nil || len(out.Exchanges) == 0 {
			t.Fatalf("exchanges of %s: %v %+v", addr, err, out)
		}
		return out.Exchanges[len(out.Exchanges)-1]
	}
	settled := func(addr string) synthExchange {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for {
			ex := lastExchange(addr)
			switch ex.Status {
			case "EXCHANGE_STATUS_SETTLED":
				return ex
			case "EXCHANGE_STATUS_REFUNDED":
				t.Fatalf("exchange %s refunded: %s", ex.ID, ex.Reason)
			}
			if time.Now().After(deadline) {
				t.Fatalf("exchange %+v not settled within 60s", ex)
			}
			time.Sleep(500 * time.Millisecond)
		}
	}
	intOf := func(s string) sdkmath.Int {
		t.Helper()
		v, ok := sdkmath.NewIntFromString(s)
		if !ok {
			t.Fatalf("not an integer: %q", s)
		}
		return v
	}

	a, b := newKey("synth-e2e-a"), newKey("synth-e2e-b")
	tx("tx", "bank", "send", "alice", a, "10100000000uagr", "--from", "alice")
	tx("tx", "bank", "send", "alice", b, "10100000000uagr", "--from", "alice")
	waitOracle(t, bin, home, 60*time.Second, "BTC and XAU prices", func(p map[string]oraclePrice) bool {
		return priceIs(p["BTC/USD"], "60000") && !p["BTC/USD"].Stale && priceIs(p["XAU/USD"], "2400") && !p["XAU/USD"].Stale
	})

	// Stake 10,000 AGR and mint 2,500 synth/USD: the issuance ratio (400 %).
	tx("tx", "synth", "stake", "10000000000uagr", "--from", "synth-e2e-a")
	if _, err := d.CLI(append([]string{"tx", "synth", "mint", "uagr", "2600000000", "--from", "synth-e2e-a", "--yes"}, txFlags...)...); err == nil ||
		!strings.Contains(err.Error(), "below the issuance ratio") {
		t.Fatalf("minting beyond the issuance ratio: %v", err)
	}
	tx("tx", "synth", "mint", "uagr", "2500000000", "--from", "synth-e2e-a")
	if got := bal(a, "synth/USD"); !got.Equal(sdkmath.NewInt(2_500_000_000)) {
		t.Fatalf("a holds %s synth/USD", got)
	}

	// 100 synth/USD → synth/BTC, then all of it back, each at the next price.
	tx("tx", "synth", "exchange", "100000000synth/USD", "synth/BTC", "0", "--from", "synth-e2e-a")
	ex := settled(a)
	// 100e6 µUSD at 60000 less at least the 0.3 % base fee: ≤ 1661 ubtc
	if out := intOf(ex.Out); out.IsZero() || out.GT(sdkmath.NewInt(1661)) || !bal(a, "synth/BTC").Equal(out) {
		t.Fatalf("to synth/BTC: %+v, balance %s", ex, bal(a, "synth/BTC"))
	}
	tx("tx", "synth", "exchange", ex.Out+"synth/BTC", "synth/USD", "0", "--from", "synth-e2e-a")
	back := settled(a)
	if !bal(a, "synth/BTC").IsZero() || intOf(back.Out).GT(sdkmath.NewInt(100_000_000)) || intOf(back.Out).LT(sdkmath.NewInt(95_000_000)) {
		t.Fatalf("back to synth/USD: %+v", back)
	}

	// b stakes and mints; both move their synth/USD into gold.
	tx("tx", "synth", "stake", "10000000000uagr", "--from", "synth-e2e-b")
	tx("tx", "synth", "mint", "uagr", "1000000000", "--from", "synth-e2e-b")
	for _, who := range []struct{ name, addr string }{{"synth-e2e-a", a}, {"synth-e2e-b", b}} {
		tx("tx", "synth", "exchange", bal(who.addr, "synth/USD").String()+"synth/USD", "synth/XAU", "0", "--from", who.name)
		settled(who.addr)
	}
	bBefore, aBefore := position(b), position(a)
	var colls struct {
		Collaterals []struct {
			State struct {
				TotalStakes string `json:"total_stakes"`
			} `json:"state"`
		} `json:"collaterals"`
	}
	if err := harness.QueryJSON(bin, home, &colls, "q", "synth", "collaterals"); err != nil || len(colls.Collaterals) != 1 {
		t.Fatalf("collaterals: %v %+v", err, colls)
	}
	others := intOf(colls.Collaterals[0].State.TotalStakes).Sub(intOf(aBefore.Position.Collateral))

	// Gold ×3.5: the pool debt grows with the synth/XAU everybody holds,
	// and a (at 400 %) falls below 150 % while b (at 1,000 %) does not.
	t.Cleanup(func() {
		writePrices(t, home, devgenesis.StartingPrices)
		waitOracle(t, bin, home, 90*time.Second, "XAU/USD back at 2400", func(p map[string]oraclePrice) bool {
			return priceIs(p["XAU/USD"], "2400")
		})
	})
	moved := map[string]string{}
	for k, v := range devgenesis.StartingPrices {
		moved[k] = v
	}
	moved[devgenesis.XAUPair] = "8400"
	writePrices(t, home, moved)
	deadline := time.Now().Add(120 * time.Second)
	var aAfter synthPosition
	for {
		aAfter = position(a)
		if aAfter.Position.Shares == "0" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a not liquidated within 120s: %+v; prices %+v", aAfter, oraclePrices(t, bin, home))
		}
		time.Sleep(time.Second)
	}
	// b's share of a's seized collateral and debt shares, by stake:
	// Δc = ⌊k × ⌊seized / T⌋₁₈⌋, Δs = ⌈k × ⌈shares / T⌉₁₈⌉ (k = b's stake).
	wad := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	seized := intOf(aBefore.Position.Collateral).Sub(intOf(aAfter.Position.Collateral))
	k := intOf(bBefore.Position.Collateral).BigInt()
	lc := new(big.Int).Quo(new(big.Int).Mul(seized.BigInt(), wad), others.BigInt())
	wantC := new(big.Int).Quo(new(big.Int).Mul(k, lc), wad)
	ceil := func(x, y *big.Int) *big.Int {
		q, r := new(big.Int).QuoRem(x, y, new(big.Int))
		if r.Sign() > 0 {
			q.Add(q, big.NewInt(1))
		}
		return q
	}
	ls := ceil(new(big.Int).Mul(intOf(aBefore.Position.Shares).BigInt(), wad), others.BigInt())
	wantS := ceil(new(big.Int).Mul(k, ls), wad)
	bAfter := position(b)
	if got := intOf(bAfter.Position.Collateral).Sub(intOf(bBefore.Position.Collateral)); got.BigInt().Cmp(wantC) != 0 || got.IsZero() {
		t.Fatalf("b's collateral grew by %s, want %s (seized %s over stakes %s)", got, wantC, seized, others)
	}
	if got := intOf(bAfter.Position.Shares).Sub(intOf(bBefore.Position.Shares)); got.BigInt().Cmp(wantS) != 0 || got.IsZero() {
		t.Fatalf("b's shares grew by %s, want %s", got, wantS)
	}
}
