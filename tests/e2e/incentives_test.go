package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestIncentives on the shared devnet, with its own account: join pool 1,
// bond the shares, see AGR rewards accrue block after block, claim, unbond
// and get the shares back after the 30 s period; fund an external gauge;
// a governance proposal changes the pool weights and pool 1's emissions
// follow.
func TestIncentives(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	bin, home := d.Bin, d.Home
	txFlags := []string{"--fees", "20000uagr", "--gas", "800000"}
	tx := func(args ...string) {
		t.Helper()
		res, err := harness.Tx(bin, home, append(args, txFlags...)...)
		if err != nil || res.Code != 0 {
			t.Fatalf("%s: %v %+v", strings.Join(args, " "), err, res)
		}
	}
	name := "incentives-e2e"
	if _, err := d.CLI("keys", "add", name); err != nil {
		t.Fatal(err)
	}
	out, err := d.CLI("keys", "show", name, "-a")
	if err != nil {
		t.Fatal(err)
	}
	user := strings.TrimSpace(out)
	tx("tx", "bank", "send", "alice", user, "3000000000uusdc,3000000000uagr", "--from", "alice")
	tx("tx", "dex", "join-pool", "1", "0", "1000000000uagr", "1000000000uusdc", "--from", name)
	shares, err := harness.Balance(bin, home, user, "dex/pool/1")
	if err != nil || !shares.IsPositive() {
		t.Fatalf("LP shares %s %v", shares, err)
	}
	bond := shares.QuoRaw(2)
	tx("tx", "incentives", "bond", bond.String()+"dex/pool/1", "--from", name)

	claimable := func() sdkmath.Int {
		t.Helper()
		var res struct {
			Rewards []struct{ Denom, Amount string } `json:"rewards"`
		}
		if err := harness.QueryJSON(bin, home, &res, "q", "incentives", "claimable", user); err != nil {
			t.Fatal(err)
		}
		for _, c := range res.Rewards {
			if c.Denom == "uagr" {
				a, _ := sdkmath.NewIntFromString(c.Amount)
				return a
			}
		}
		return sdkmath.ZeroInt()
	}
	prev := claimable()
	for i := 0; i < 2; i++ {
		h := d.Height()
		for d.Height() < h+1 {
			time.Sleep(300 * time.Millisecond)
		}
		now := claimable()
		if !now.GT(prev) {
			t.Fatalf("rewards did not accrue: %s → %s", prev, now)
		}
		prev = now
	}

	agr0, _ := harness.Balance(bin, home, user, "uagr")
	tx("tx", "incentives", "claim", "0", "--from", name)
	agr1, _ := harness.Balance(bin, home, user, "uagr")
	if !agr1.Add(sdkmath.NewInt(20000)).GT(agr0.Add(prev)) {
		t.Fatalf("claim: %s → %s (claimable was %s)", agr0, agr1, prev)
	}

	tx("tx", "incentives", "unbond", bond.String()+"dex/pool/1", "--from", name)
	var ubs struct {
		Unbondings []struct {
			Shares string `json:"shares"`
		} `json:"unbondings"`
	}
	if err := harness.QueryJSON(bin, home, &ubs, "q", "incentives", "unbondings", user); err != nil || len(ubs.Unbondings) != 1 {
		t.Fatalf("unbondings %+v %v", ubs, err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		got, _ := harness.Balance(bin, home, user, "dex/pool/1")
		if got.Equal(shares) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("shares not back after the unbonding period: %s of %s", got, shares)
		}
		time.Sleep(time.Second)
	}

	tx("tx", "incentives", "create-gauge", "1", "100000000uusdc", "0", "3600", "--from", name)
	var gauges struct {
		Gauges []struct {
			Gauge struct {
				Creator string `json:"creator"`
			} `json:"gauge"`
			Status string `json:"status"`
		} `json:"gauges"`
	}
	if err := harness.QueryJSON(bin, home, &gauges, "q", "incentives", "gauges", "--pool-id", "1"); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, g := range gauges.Gauges {
		found = found || (g.Gauge.Creator == user && g.Status == "active")
	}
	if !found {
		t.Fatalf("the user's gauge is not active: %+v", gauges)
	}

	// Governance moves pool 1 from 0.5 to 0.1 of the emissions.
	proposal := map[string]any{"@type": "/agora.incentives.v1.MsgSetPoolWeights", "weights": []map[string]any{
		{"pool_id": "1", "weight": "0.1"}, {"pool_id": "2", "weight": "0.45"}, {"pool_id": "3", "weight": "0.45"},
	}}
	id := submitMsgProposal(t, d, proposal, "Incentives e2e: pool weights")
	res, err := harness.Tx(bin, home, "tx", "gov", "vote", id, "yes", "--from", "validator", "--fees", "5000uagr")
	if err != nil || res.Code != 0 {
		t.Fatalf("vote: %v %+v", err, res)
	}
	if st, why := waitProposalOutcome(t, d, id); !strings.Contains(st, "PASSED") {
		t.Fatalf("proposal %s: %s", st, why)
	}
	var pool struct {
		Weight         string                           `json:"weight"`
		RewardsPerYear []struct{ Denom, Amount string } `json:"rewards_per_year"`
	}
	if err := harness.QueryJSON(bin, home, &pool, "q", "incentives", "pool", "1"); err != nil {
		t.Fatal(err)
	}
	var mint struct {
		Params struct {
			BlocksPerYear string `json:"blocks_per_year"`
		} `json:"params"`
	}
	if err := harness.QueryJSON(bin, home, &mint, "q", "mint", "params"); err != nil {
		t.Fatal(err)
	}
	bpy, _ := sdkmath.NewIntFromString(mint.Params.BlocksPerYear)
	want := sdkmath.NewInt(100_000).Mul(bpy) // ⌊1,000,000 × 0.1⌋ a block
	got := sdkmath.ZeroInt()
	for _, c := range pool.RewardsPerYear {
		if c.Denom == "uagr" {
			got, _ = sdkmath.NewIntFromString(c.Amount)
		}
	}
	if w, _ := sdkmath.LegacyNewDecFromStr(pool.Weight); !w.Equal(sdkmath.LegacyMustNewDecFromStr("0.1")) || !got.Equal(want) {
		t.Fatalf("after the proposal pool 1: weight %s, AGR per year %s (want %s)", pool.Weight, got, want)
	}
}

// submitMsgProposal submits a proposal holding one governed message (msg
// without its authority; wrapped in a timelock MsgSchedule when its module
// is timelocked) and returns its id.
func submitMsgProposal(t *testing.T, d *harness.Devnet, msg map[string]any, title string) string {
	t.Helper()
	proposal := map[string]any{
		"messages": []any{govMessage(msg, title)}, "metadata": "", "deposit": "10000000uagr", "title": title, "summary": title,
	}
	bz, err := json.Marshal(proposal)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "proposal.json")
	if err := os.WriteFile(file, bz, 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := harness.Tx(d.Bin, d.Home, "tx", "gov", "submit-proposal", file, "--from", "alice", "--fees", "20000uagr", "--gas", "600000")
	if err != nil || res.Code != 0 {
		t.Fatalf("submit: %v %+v", err, res)
	}
	var proposals struct {
		Proposals []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"proposals"`
	}
	if err := harness.QueryJSON(d.Bin, d.Home, &proposals, "q", "gov", "proposals"); err != nil {
		t.Fatal(err)
	}
	for _, p := range proposals.Proposals {
		if p.Title == title {
			return p.ID
		}
	}
	t.Fatalf("proposal %q not found after submission", title)
	return ""
}
