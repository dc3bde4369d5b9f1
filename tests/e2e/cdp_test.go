package e2e

import (
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestCdp drives AUSD on the shared devnet through the CLI: a new account
// simulates and opens an ETH vault minting 2,000 AUSD; another swaps USDC
// for AUSD through the PSM and deposits into the stability pool (seeded at
// genesis); ETH crashes in the devnet's prices.json and the module
// liquidates the vault in EndBlock with no bot; the depositor's ETH gains
// are claimable; AUSD is redeemed for ETH from the remaining safe vault; the
// PSM pays USDC back for AUSD. ETH's price is restored
// afterwards (the lend tests crash BTC only).
func TestCdp(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	bin, home := d.Bin, d.Home
	txFlags := []string{"--fees", "15000uagr", "--gas", "600000"}
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
	owner, saver := newKey("cdp-e2e-owner"), newKey("cdp-e2e-saver")
	tx("tx", "bank", "send", "alice", owner, "2000000ueth,1000000uagr", "--from", "alice")
	tx("tx", "bank", "send", "alice", saver, "5000000000uusdc,1000000uagr", "--from", "alice")

	waitOracle(t, bin, home, 60*time.Second, "ETH/USD at 3000", func(p map[string]oraclePrice) bool {
		return priceIs(p["ETH/USD"], "3000") && !p["ETH/USD"].Stale
	})

	// Before signing: 1 ETH at 3,000 against 2,000 AUSD is a ratio of 1.5,
	// liquidated at 2,600 (MCR 130 %).
	var sim struct {
		Vault struct {
			CollateralRatio  string `json:"collateral_ratio"`
			LiquidationPrice string `json:"liquidation_price"`
		} `json:"vault"`
	}
	if err := harness.QueryJSON(bin, home, &sim, "q", "cdp", "simulate-open-vault", owner, "1000000ueth", "2000000000"); err != nil {
		t.Fatal(err)
	}
	// (the debt is ⌈n × rate⌉ with the fee accrued since genesis: a unit
	// above 2,000 AUSD)
	if !decIn(sim.Vault.CollateralRatio, "1.4999", "1.5") || !decIn(sim.Vault.LiquidationPrice, "2600", "2600.01") {
		t.Fatalf("simulate-open-vault: %+v", sim)
	}
	// over the ratio: refused with the module's message before signing
	if _, err := d.CLI("q", "cdp", "simulate-open-vault", owner, "1000000ueth", "2500000000"); err == nil || !strings.Contains(err.Error(), "below the minimum") {
		t.Fatalf("simulate over the ratio: %v", err)
	}
	tx("tx", "cdp", "open-vault", "1000000ueth", "2000000000", "--from", "cdp-e2e-owner")
	if got := bal(owner, "uausd"); !got.Equal(sdkmath.NewInt(2_000_000_000)) {
		t.Fatalf("owner holds %s uausd after minting 2,000 AUSD", got)
	}
	var vaults struct {
		Vaults []struct {
			Vault struct {
				ID string `json:"id"`
			} `json:"vault"`
		} `json:"vaults"`
	}
	if err := harness.QueryJSON(bin, home, &vaults, "q", "cdp", "vaults-by-owner", owner); err != nil || len(vaults.Vaults) != 1 {
		t.Fatalf("vaults-by-owner: %v %+v", err, vaults)
	}
	id := vaults.Vaults[0].Vault.ID
	// a second, safe vault (1 ETH against 500 AUSD) to redeem against later
	tx("tx", "cdp", "open-vault", "1000000ueth", "500000000", "--from", "cdp-e2e-owner")

	// PSM in: 5,000 USDC → 4,995 AUSD (0.1 % fee); 3,000 AUSD into the pool.
	tx("tx", "cdp", "psm-swap-in", "5000000000", "--from", "cdp-e2e-saver")
	if got := bal(saver, "uausd"); !got.Equal(sdkmath.NewInt(4_995_000_000)) {
		t.Fatalf("saver holds %s uausd after the PSM, want 4,995 AUSD", got)
	}
	tx("tx", "cdp", "pool-deposit", "3000000000", "--from", "cdp-e2e-saver")

	// ETH at 2,500: ratio 1.25 < 1.3; the module liquidates in EndBlock.
	crashed := map[string]string{}
	for k, v := range devgenesis.StartingPrices {
		crashed[k] = v
	}
	crashed["ETH/USD"] = "2500"
	t.Cleanup(func() {
		writePrices(t, home, devgenesis.StartingPrices)
		waitOracle(t, bin, home, 60*time.Second, "ETH/USD back at 3000", func(p map[string]oraclePrice) bool {
			return priceIs(p["ETH/USD"], "3000")
		})
	})
	ethBefore := bal(owner, "ueth")
	writePrices(t, home, crashed)
	deadline := time.Now().Add(90 * time.Second)
	for {
		if _, err := d.CLI("q", "cdp", "vault", id); err != nil && strings.Contains(err.Error(), "no vault") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("vault %s not liquidated within 90s; prices %+v", id, oraclePrices(t, bin, home))
		}
		time.Sleep(time.Second)
	}
	// the owner keeps what is beyond debt × 1.1: about 0.12 ETH
	back := bal(owner, "ueth").Sub(ethBefore)
	if back.LT(sdkmath.NewInt(110_000)) || back.GT(sdkmath.NewInt(120_000)) {
		t.Fatalf("owner got %s ueth back, want ≈ 0.12 ETH", back)
	}

	// The saver's share of the seized ETH is claimable.
	var dep struct {
		Deposit string `json:"deposit"`
		Gains   []struct {
			Denom  string `json:"denom"`
			Amount string `json:"amount"`
		} `json:"gains"`
	}
	if err := harness.QueryJSON(bin, home, &dep, "q", "cdp", "pool-deposit", saver); err != nil {
		t.Fatal(err)
	}
	gain := sdkmath.ZeroInt()
	for _, g := range dep.Gains {
		if g.Denom == "ueth" {
			gain, _ = sdkmath.NewIntFromString(g.Amount)
		}
	}
	if !gain.IsPositive() {
		t.Fatalf("no ETH gains after the liquidation: %+v", dep)
	}
	eth := bal(saver, "ueth")
	tx("tx", "cdp", "claim-gains", "--from", "cdp-e2e-saver")
	if got := bal(saver, "ueth").Sub(eth); got.LT(gain) {
		t.Fatalf("claimed %s ueth, the query showed %s", got, gain)
	}

	// A redemption: 100 AUSD for $1 of ETH each at 2,500 (0.04 ETH) less the
	// fee (floor 0.5 % + a base rate of 100 / (2 × supply)), from the safe vault.
	var fee struct {
		FeeRate string `json:"fee_rate"`
	}
	if err := harness.QueryJSON(bin, home, &fee, "q", "cdp", "redemption-fee"); err != nil || !decIn(fee.FeeRate, "0.005", "0.05") {
		t.Fatalf("redemption-fee: %v %+v", err, fee)
	}
	eth = bal(saver, "ueth")
	tx("tx", "cdp", "redeem", "100000000", "ueth", "0.05", "--from", "cdp-e2e-saver")
	if got := bal(saver, "ueth").Sub(eth); got.LT(sdkmath.NewInt(38_000)) || got.GT(sdkmath.NewInt(39_800)) {
		t.Fatalf("redeemed 100 AUSD for %s ueth, want ≈ 0.04 ETH less the fee", got)
	}

	// PSM out: 1,000 AUSD → 999 USDC.
	usdc := bal(saver, "uusdc")
	tx("tx", "cdp", "psm-swap-out", "1000000000", "--from", "cdp-e2e-saver")
	if got := bal(saver, "uusdc").Sub(usdc); !got.Equal(sdkmath.NewInt(999_000_000)) {
		t.Fatalf("PSM out paid %s uusdc for 1,000 AUSD, want 999 USDC", got)
	}

	// The keeper bot runs a round: no vault at risk, AUSD at the peg on the
	// seeded AUSD/USDC pool, so nothing to do.
	out, err := d.CLI(append([]string{"keeper", "--from", "alice", "--once"}, txFlags...)...)
	if err != nil || !strings.Contains(out, "done: 0 action(s)") {
		t.Fatalf("agorad keeper --once: %v\n%s", err, out)
	}
}

// decIn reports whether a LegacyDec string lies in [lo, hi].
func decIn(got, lo, hi string) bool {
	g, err := sdkmath.LegacyNewDecFromStr(got)
	return err == nil && g.GTE(sdkmath.LegacyMustNewDecFromStr(lo)) && g.LTE(sdkmath.LegacyMustNewDecFromStr(hi))
}

// TestCdpKeeperBot: the keeper bot, not EndBlock, liquidates a vault on the
// shared devnet. Governance sets max_liquidations_per_block to 0 (its
// documented meaning: EndBlock liquidates nothing; restored afterwards), a
// new owner's ETH vault (1 ETH, 2,200 AUSD: ratio ≈ 1.36) falls below 130 %
// when ETH drops to 2,800 in prices.json and stays open block after block;
// `agorad keeper --once` sends MsgLiquidate for it and earns the
// liquidation reward in ETH.
func TestCdpKeeperBot(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	bin, home := d.Bin, d.Home
	txFlags := []string{"--fees", "15000uagr", "--gas", "600000"}
	tx := func(args ...string) {
		t.Helper()
		res, err := harness.Tx(bin, home, append(args, txFlags...)...)
		if err != nil || res.Code != 0 {
			t.Fatalf("%s: %v %+v", strings.Join(args, " "), err, res)
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
	before := queryParams(t, d, "cdp")
	setCdpParams := func(p map[string]any, title string) {
		t.Helper()
		id, err := submitParamsProposal(t, d, "/agora.cdp.v1.MsgUpdateParams", p, title)
		if err != nil {
			t.Fatal(err)
		}
		if res, err := harness.Tx(bin, home, "tx", "gov", "vote", id, "yes", "--from", "validator", "--fees", "5000uagr"); err != nil || res.Code != 0 {
			t.Fatalf("vote: %v %+v", err, res)
		}
		if status, reason := waitProposalOutcome(t, d, id); status != "PROPOSAL_STATUS_PASSED" {
			t.Fatalf("proposal %q: %s %s", title, status, reason)
		}
	}
	off := map[string]any{}
	for k, v := range before {
		off[k] = v
	}
	off["max_liquidations_per_block"] = 0
	setCdpParams(off, "Keeper bot test: EndBlock liquidations off")
	t.Cleanup(func() { setCdpParams(before, "Keeper bot test: cdp params restored") })

	owner, bot := newKey("cdp-e2e-bot-owner"), newKey("cdp-e2e-bot")
	tx("tx", "bank", "send", "alice", owner, "1000000ueth,1000000uagr", "--from", "alice")
	tx("tx", "bank", "send", "alice", bot, "1000000uagr", "--from", "alice")
	waitOracle(t, bin, home, 60*time.Second, "ETH/USD at 3000", func(p map[string]oraclePrice) bool {
		return priceIs(p["ETH/USD"], "3000") && !p["ETH/USD"].Stale
	})
	tx("tx", "cdp", "open-vault", "1000000ueth", "2200000000", "--from", "cdp-e2e-bot-owner")
	var vaults struct {
		Vaults []struct {
			Vault struct {
				ID string `json:"id"`
			} `json:"vault"`
		} `json:"vaults"`
	}
	if err := harness.QueryJSON(bin, home, &vaults, "q", "cdp", "vaults-by-owner", owner); err != nil || len(vaults.Vaults) != 1 {
		t.Fatalf("vaults-by-owner: %v %+v", err, vaults)
	}
	id := vaults.Vaults[0].Vault.ID

	crashed := map[string]string{}
	for k, v := range devgenesis.StartingPrices {
		crashed[k] = v
	}
	crashed["ETH/USD"] = "2800"
	t.Cleanup(func() {
		writePrices(t, home, devgenesis.StartingPrices)
		waitOracle(t, bin, home, 60*time.Second, "ETH/USD back at 3000", func(p map[string]oraclePrice) bool {
			return priceIs(p["ETH/USD"], "3000")
		})
	})
	writePrices(t, home, crashed)
	waitOracle(t, bin, home, 60*time.Second, "ETH/USD at 2800", func(p map[string]oraclePrice) bool {
		return priceIs(p["ETH/USD"], "2800") && !p["ETH/USD"].Stale
	})
	// a few blocks later the vault is still open: EndBlock leaves it
	start := d.Height()
	for d.Height() < start+3 {
		time.Sleep(500 * time.Millisecond)
	}
	if _, err := d.CLI("q", "cdp", "vault", id); err != nil {
		t.Fatalf("the unsafe vault was liquidated without the bot (EndBlock is off): %v", err)
	}
	ethBefore, err := harness.Balance(bin, home, bot, "ueth")
	if err != nil {
		t.Fatal(err)
	}
	out, err := d.CLI("keeper", "--once", "--from", "cdp-e2e-bot", "--fees", "15000uagr", "--gas", "600000")
	if err != nil {
		t.Fatalf("agorad keeper --once: %v\n%s", err, out)
	}
	if !strings.Contains(out, "liquidated vault "+id+" ") {
		t.Fatalf("the bot did not report liquidating vault %s:\n%s", id, out)
	}
	if _, err := d.CLI("q", "cdp", "vault", id); err == nil || !strings.Contains(err.Error(), "no vault") {
		t.Fatalf("vault %s after the bot: %v", id, err)
	}
	ethAfter, err := harness.Balance(bin, home, bot, "ueth")
	if err != nil {
		t.Fatal(err)
	}
	if !ethAfter.GT(ethBefore) {
		t.Fatalf("the bot earned no liquidation reward: %s → %s ueth", ethBefore, ethAfter)
	}
}
