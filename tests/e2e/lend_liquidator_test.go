package e2e

import (
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestLendLiquidatorBot: a borrower near its limit (1 BTC, 40,000 AGR at
// 1 USD, LTV 0.7), BTC falls to 50,000 through the devnet's prices.json (HF
// 0.9375), and `agorad liquidator --once` with a funded key liquidates it:
// the position is healthy again and the key holds collateral worth more
// than it repaid. The protocol's own EndBlock liquidation would race the
// bot, so a governance proposal turns it off
// (max_protocol_liquidations_per_block = 0) for the test and another
// restores the params afterwards; prices are restored too. A second fall
// is liquidated with --sell: the collateral is sold on the dex at a profit.
// The debt is in AGR, not USDC: TestLend expects the USDC market's borrow
// index untouched (exact figures), and this borrower keeps a debt.
func TestLendLiquidatorBot(t *testing.T) {
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
	balance := func(addr, denom string) sdkmath.Int {
		t.Helper()
		amt, err := harness.Balance(bin, home, addr, denom)
		if err != nil {
			t.Fatal(err)
		}
		return amt
	}

	// Turn the protocol liquidation off for the test (and back on after).
	before := queryParams(t, d, "lend")
	setLendParams := func(p map[string]any, title string) {
		t.Helper()
		id, err := submitParamsProposal(t, d, "/agora.lend.v1.MsgUpdateParams", p, title)
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
	off["max_protocol_liquidations_per_block"] = 0
	setLendParams(off, "Liquidator bot test: protocol liquidation off")
	t.Cleanup(func() { setLendParams(before, "Liquidator bot test: params restored") })

	borrower, bot := newKey("lend-e2e-bot-borrower"), newKey("lend-e2e-bot")
	tx("tx", "bank", "send", "alice", borrower, "1000000ubtc,1000000uagr", "--from", "alice")
	tx("tx", "bank", "send", "alice", bot, "30001000000uagr", "--from", "alice")
	waitOracle(t, bin, home, 60*time.Second, "BTC/USD at 60000", func(p map[string]oraclePrice) bool {
		return priceIs(p["BTC/USD"], "60000") && !p["BTC/USD"].Stale && priceIs(p["AGR/USD"], "1") && !p["AGR/USD"].Stale
	})
	tx("tx", "lend", "supply-collateral", "1000000ubtc", "--from", "lend-e2e-bot-borrower")
	tx("tx", "lend", "borrow", "40000000000uagr", "--from", "lend-e2e-bot-borrower")

	type position struct {
		HealthFactor      string `json:"health_factor"`
		LiquidationPrices []struct {
			Denom string `json:"denom"`
			Price string `json:"price"`
		} `json:"liquidation_prices"`
	}
	hf := func() (sdkmath.LegacyDec, position) {
		t.Helper()
		var p position
		if err := harness.QueryJSON(bin, home, &p, "q", "lend", "position", borrower); err != nil {
			t.Fatal(err)
		}
		h, err := sdkmath.LegacyNewDecFromStr(p.HealthFactor)
		if err != nil {
			t.Fatalf("health factor %q: %v", p.HealthFactor, err)
		}
		return h, p
	}
	// The position query shows where it would be liquidated: 40,000 / 0.75 ≈ 53,334 per BTC.
	if h, p := hf(); !h.GT(sdkmath.LegacyOneDec()) || len(p.LiquidationPrices) != 1 ||
		!strings.HasPrefix(p.LiquidationPrices[0].Price, "5333") {
		t.Fatalf("before the crash: HF %s, liquidation prices %+v", h, p.LiquidationPrices)
	}

	crashed := map[string]string{}
	for k, v := range devgenesis.StartingPrices {
		crashed[k] = v
	}
	crashed["BTC/USD"] = "50000"
	t.Cleanup(func() {
		writePrices(t, home, devgenesis.StartingPrices)
		waitOracle(t, bin, home, 60*time.Second, "BTC/USD back at 60000", func(p map[string]oraclePrice) bool {
			return priceIs(p["BTC/USD"], "60000")
		})
		// Collateral is valued at the lowest of the current price and the
		// oracle's historic median, which holds the crash for up to a
		// sample interval (60 blocks): wait until x/lend values BTC at
		// 60,000 again, so the tests after this one see the devnet as
		// they expect.
		deadline := time.Now().Add(150 * time.Second)
		for !btcValuedAt60000(t, bin, home, borrower) {
			if time.Now().After(deadline) {
				t.Fatal("x/lend does not value BTC at 60,000 again within 150 s")
			}
			time.Sleep(2 * time.Second)
		}
	})
	writePrices(t, home, crashed)
	waitOracle(t, bin, home, 60*time.Second, "BTC/USD at 50000", func(p map[string]oraclePrice) bool {
		return priceIs(p["BTC/USD"], "50000") && !p["BTC/USD"].Stale && !p["AGR/USD"].Stale
	})
	if h, _ := hf(); !h.LT(sdkmath.LegacyOneDec()) {
		t.Fatalf("after the crash HF %s, want < 1", h)
	}
	// The query the bot uses lists it.
	var liq struct {
		Positions []struct {
			Borrower string `json:"borrower"`
		} `json:"positions"`
	}
	if err := harness.QueryJSON(bin, home, &liq, "q", "lend", "liquidatable"); err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, p := range liq.Positions {
		listed = listed || p.Borrower == borrower
	}
	if !listed {
		t.Fatalf("%s not in the liquidatable positions %+v", borrower, liq.Positions)
	}

	agr0 := balance(bot, "uagr")
	out, err := d.CLI("liquidator", "--once", "--from", "lend-e2e-bot", "--fees", "15000uagr", "--gas", "600000")
	t.Logf("agorad liquidator --once:\n%s", out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "liquidated borrower="+borrower) {
		t.Fatalf("the bot did not log the liquidation of %s", borrower)
	}
	h, _ := hf()
	if h.LT(sdkmath.LegacyOneDec()) {
		t.Fatalf("after the bot: HF %s, want ≥ 1", h)
	}
	repaid := agr0.Sub(balance(bot, "uagr")) // and the fee, 15,000 uagr
	receipts := balance(bot, "lend/ubtc")
	if !repaid.IsPositive() || !receipts.IsPositive() {
		t.Fatalf("bot repaid %s uagr for %s lend/ubtc", repaid, receipts)
	}
	var m struct {
		Market struct {
			ExchangeRate string `json:"exchange_rate"`
		} `json:"market"`
	}
	if err := harness.QueryJSON(bin, home, &m, "q", "lend", "market", "ubtc"); err != nil {
		t.Fatal(err)
	}
	rate := sdkmath.LegacyMustNewDecFromStr(m.Market.ExchangeRate)
	// Worth at 50,000 USD per BTC (0.05 per ubtc) vs 1 USD per 1e6 uagr.
	worth := rate.MulInt(receipts).Mul(sdkmath.LegacyMustNewDecFromStr("0.05"))
	paid := sdkmath.LegacyNewDecFromInt(repaid).QuoInt64(1_000_000)
	if !worth.GT(paid) {
		t.Fatalf("the bot received collateral worth %s USD for %s USD repaid", worth, paid)
	}
	t.Logf("bot repaid %s uagr for %s lend/ubtc worth %s USD; borrower HF %s", repaid, receipts, worth, h)

	// BTC falls on to 45,000 (HF ≈ 0.95 again): with --sell the bot also
	// withdraws the collateral it receives and sells it on the dex for
	// AGR, at least its oracle value less 5 %: it ends with more AGR than
	// it had (fees included) and no new receipts.
	crashed["BTC/USD"] = "45000"
	writePrices(t, home, crashed)
	waitOracle(t, bin, home, 60*time.Second, "BTC/USD at 45000", func(p map[string]oraclePrice) bool {
		return priceIs(p["BTC/USD"], "45000") && !p["BTC/USD"].Stale && !p["AGR/USD"].Stale
	})
	if h, _ := hf(); !h.LT(sdkmath.LegacyOneDec()) {
		t.Fatalf("after the second fall HF %s, want < 1", h)
	}
	agr1 := balance(bot, "uagr")
	out, err = d.CLI("liquidator", "--once", "--sell", "--from", "lend-e2e-bot", "--fees", "15000uagr", "--gas", "600000")
	t.Logf("agorad liquidator --once --sell:\n%s", out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "liquidated borrower="+borrower) || !strings.Contains(out, "sold ") {
		t.Fatal("the bot did not log a liquidation and a sale")
	}
	if h, _ := hf(); h.LT(sdkmath.LegacyOneDec()) {
		t.Fatalf("after the bot with --sell: HF %s", h)
	}
	if got := balance(bot, "lend/ubtc"); !got.Equal(receipts) {
		t.Fatalf("the bot kept receipts: %s lend/ubtc, had %s", got, receipts)
	}
	if gain := balance(bot, "uagr").Sub(agr1); !gain.IsPositive() {
		t.Fatalf("liquidating and selling lost %s uagr", gain.Neg())
	} else {
		t.Logf("liquidate and sell: +%s uagr", gain)
	}
}

// TestLendBackstop drives the USDC market's backstop through the CLI on the
// shared devnet (reward share 0.2, cooldown 60 s): a fresh account supplies
// USDC, stakes 500 USDC of receipts (1:1 shares in an empty pool), the
// backstop and staker queries show them, an unstake starts a cooldown, and
// an early claim is refused with the module's error (codespace lend, code
// 41) and changes nothing.
func TestLendBackstop(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	bin, home := d.Bin, d.Home
	txFlags := []string{"--fees", "10000uagr", "--gas", "400000"}
	tx := func(args ...string) harness.TxResult {
		t.Helper()
		res, err := harness.Tx(bin, home, append(args, txFlags...)...)
		if err != nil && res.Hash == "" {
			t.Fatalf("%s: %v", strings.Join(args, " "), err)
		}
		return res
	}
	name := "lend-e2e-backstop"
	if _, err := d.CLI("keys", "add", name); err != nil {
		t.Fatal(err)
	}
	out, err := d.CLI("keys", "show", name, "-a")
	if err != nil {
		t.Fatal(err)
	}
	user := strings.TrimSpace(out)
	if res := tx("tx", "bank", "send", "alice", user, "1000000000uusdc,1000000uagr", "--from", "alice"); res.Code != 0 {
		t.Fatalf("fund: %+v", res)
	}
	if res := tx("tx", "lend", "supply", "1000000000uusdc", "--from", name); res.Code != 0 {
		t.Fatalf("supply: %+v", res)
	}
	receipts, err := harness.Balance(bin, home, user, "lend/uusdc")
	if err != nil || !receipts.IsPositive() {
		t.Fatalf("receipts %s %v", receipts, err)
	}
	type backstop struct {
		Pool struct {
			StakedReceipts string `json:"staked_receipts"`
			TotalShares    string `json:"total_shares"`
		} `json:"pool"`
		CooldownSeconds string `json:"cooldown_seconds"`
		RewardShare     string `json:"reward_share"`
	}
	var before backstop
	if err := harness.QueryJSON(bin, home, &before, "q", "lend", "backstop", "uusdc"); err != nil {
		t.Fatal(err)
	}
	staked0, _ := sdkmath.NewIntFromString(orZeroStr(before.Pool.StakedReceipts))
	if res := tx("tx", "lend", "backstop-stake", "500000000lend/uusdc", "--from", name); res.Code != 0 {
		t.Fatalf("stake: %+v", res)
	}
	var after backstop
	if err := harness.QueryJSON(bin, home, &after, "q", "lend", "backstop", "uusdc"); err != nil {
		t.Fatal(err)
	}
	staked1, _ := sdkmath.NewIntFromString(after.Pool.StakedReceipts)
	if !staked1.Sub(staked0).Equal(sdkmath.NewInt(500_000_000)) || after.CooldownSeconds != "60" || !decIs(after.RewardShare, "0.2") {
		t.Fatalf("backstop before %+v, after %+v", before, after)
	}
	var staker struct {
		Entries []struct {
			Denom    string `json:"denom"`
			Receipts string `json:"receipts"`
		} `json:"entries"`
	}
	if err := harness.QueryJSON(bin, home, &staker, "q", "lend", "backstop-staker", user); err != nil {
		t.Fatal(err)
	}
	if len(staker.Entries) != 1 || staker.Entries[0].Denom != "uusdc" || staker.Entries[0].Receipts == "" {
		t.Fatalf("staker %+v", staker)
	}
	if res := tx("tx", "lend", "backstop-unstake", "200000000lend/uusdc", "--from", name); res.Code != 0 {
		t.Fatalf("unstake: %+v", res)
	}
	free, _ := harness.Balance(bin, home, user, "lend/uusdc")
	res := tx("tx", "lend", "backstop-claim", "uusdc", "--from", name)
	if res.Codespace != "lend" || res.Code != 41 || !strings.Contains(res.RawLog, "matures at") {
		t.Fatalf("early claim: %+v, want lend/41 (ErrNothingToClaim)", res)
	}
	if got, _ := harness.Balance(bin, home, user, "lend/uusdc"); !got.Equal(free) {
		t.Fatalf("the refused claim moved receipts: %s → %s", free, got)
	}
	t.Logf("early claim refused: %s", res.RawLog)
}

func orZeroStr(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// btcValuedAt60000 reports whether x/lend values addr's BTC collateral at
// 60,000 per BTC: weighted collateral = underlying × 0.06 × LT 0.75 (to
// the rounding of the last digit).
func btcValuedAt60000(t *testing.T, bin, home, addr string) bool {
	t.Helper()
	var p struct {
		Entries []struct {
			Denom                string `json:"denom"`
			CollateralUnderlying string `json:"collateral_underlying"`
		} `json:"entries"`
		WeightedCollateral string `json:"weighted_collateral"`
	}
	if err := harness.QueryJSON(bin, home, &p, "q", "lend", "position", addr); err != nil {
		t.Fatal(err)
	}
	weighted, err := sdkmath.LegacyNewDecFromStr(p.WeightedCollateral)
	if err != nil {
		return false
	}
	for _, e := range p.Entries {
		if u, ok := sdkmath.NewIntFromString(e.CollateralUnderlying); ok && e.Denom == "ubtc" {
			want := sdkmath.LegacyMustNewDecFromStr("0.045").MulInt(u)
			return weighted.GTE(want.Sub(sdkmath.LegacyOneDec()))
		}
	}
	return false
}
