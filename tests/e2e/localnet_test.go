package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestLocalnet runs four validator processes and a full node: governance
// executes what passes and nothing else; a risk change is debated, voted
// with reasons, waits in the timelock and executes, another is cancelled by
// the guardian, who also pauses swaps until governance re-enables them
// (testGovernanceLifecycle); a killed validator does not stop
// the chain and catches up on restart with the same state; a full node that
// joins late syncs to the same balances.
func TestLocalnet(t *testing.T) {
	skipInShortMode(t)
	net := harness.InitLocalnet(t, 4, 1, harness.Options{VotingPeriod: localnetVotingPeriod, TimelockDelay: localnetTimelockDelay})
	vals := net.Validators()
	fullNode := net.Nodes[4]
	net.StartAll(vals...)
	node0 := vals[0]

	t.Run("validators are peers and produce blocks", func(t *testing.T) {
		h := node0.Height()
		for _, v := range vals {
			v.WaitForHeight(h+2, 60*time.Second)
		}
		var validators struct {
			Validators []struct {
				Status string `json:"status"`
			} `json:"validators"`
		}
		node0.QueryJSON(t, &validators, "q", "staking", "validators")
		if len(validators.Validators) != 4 {
			t.Fatalf("%d validators, want 4", len(validators.Validators))
		}
		// Metrics are on by default, each node on its own port.
		for _, v := range vals {
			m := scrape(t, v.Spec.Ports.MetricsURL())
			if h, ok := m[`cometbft_consensus_height{chain_id="`+net.ChainID+`"}`]; !ok || h < 2 {
				t.Errorf("%s: cometbft_consensus_height %v (present %v) at %s", v, h, ok, v.Spec.Ports.MetricsURL())
			}
			if _, ok := lookup(m, `agora_endblock_seconds_count{module="dex"}`); !ok {
				t.Errorf("%s: no agora_endblock_seconds at %s", v, v.Spec.Ports.MetricsURL())
			}
		}
	})

	t.Run("governance executes a passed proposal and nothing else", func(t *testing.T) {
		before := mintParams(t, node0)
		changed := cloneMap(before)
		changed["inflation_max"] = "0.150000000000000000"
		changed["inflation_min"] = "0.050000000000000000"
		untouched := cloneMap(before)
		untouched["inflation_max"] = "0.990000000000000000"

		passID := submitMintProposal(t, node0, changed, "Narrow inflation bounds")
		// The validators vote at once, each through its own node, before
		// anything else: the voting period runs from the submission.
		voteErrs := make([]error, len(vals))
		var wg sync.WaitGroup
		for i, v := range vals {
			wg.Add(1)
			go func(i int, v *harness.Node) {
				defer wg.Done()
				res, err := harness.Tx(net.Bin, v.Home(), "tx", "gov", "vote", passID, "yes", "--from", devgenesis.ValidatorKeyName(i), "--fees", "5000uagr")
				if err == nil && res.Code != 0 {
					err = fmt.Errorf("code %d: %s", res.Code, res.RawLog)
				}
				voteErrs[i] = err
			}(i, v)
		}
		wg.Wait()
		for i, err := range voteErrs {
			if err != nil {
				t.Fatalf("%s vote: %v", vals[i].Spec.Moniker, err)
			}
		}
		missID := submitMintProposal(t, node0, untouched, "Proposal nobody votes on")
		if status := waitProposalEnd(t, node0, passID); status != "PROPOSAL_STATUS_PASSED" {
			t.Fatalf("proposal %s ended %s, want passed", passID, status)
		}
		if status := waitProposalEnd(t, node0, missID); status != "PROPOSAL_STATUS_REJECTED" {
			t.Fatalf("unvoted proposal %s ended %s, want rejected (no quorum)", missID, status)
		}
		after := mintParams(t, vals[3])
		if after["inflation_max"] != "0.150000000000000000" || after["inflation_min"] != "0.050000000000000000" {
			t.Fatalf("mint params after the passed proposal: %v", after)
		}
		for k, v := range before {
			if k == "inflation_max" || k == "inflation_min" {
				continue
			}
			if after[k] != v {
				t.Errorf("param %s changed from %v to %v", k, v, after[k])
			}
		}
	})

	t.Run("a risk change is debated, voted, waits in the timelock; the guardian only pauses and cancels", func(t *testing.T) {
		testGovernanceLifecycle(t, net, vals)
	})

	t.Run("a killed validator does not stop the chain and catches up", func(t *testing.T) {
		victim := vals[3]
		victim.Kill()
		h := node0.Height()
		for _, v := range vals[:3] {
			v.WaitForHeight(h+5, 60*time.Second)
		}
		victim.Start()
		target := node0.Height()
		victim.WaitForHeight(target, 90*time.Second)
		common := target - 1
		want, err := node0.BlockAppHash(common)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vals[1:] {
			got, err := v.BlockAppHash(common)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s app hash at %d is %s, node0 has %s", v.Spec.Moniker, common, got, want)
			}
		}
	})

	t.Run("a full node started late syncs to the same state", func(t *testing.T) {
		bob := addr(t, "bob")
		res := node0.Tx(t, "tx", "bank", "send", "alice", bob, "4242uusdc", "--fees", "5000uagr")
		if res.Code != 0 {
			t.Fatalf("send: %s", res.RawLog)
		}
		net.StartAll(fullNode)
		target := node0.Height()
		st := fullNode.WaitForHeight(target, 120*time.Second)
		if st.CatchingUp {
			// Block sync may still report catching up right at the target.
			fullNode.WaitForHeight(target+1, 30*time.Second)
		}
		want, err := harness.Balance(net.Bin, node0.Home(), bob, "uusdc")
		if err != nil {
			t.Fatal(err)
		}
		got, err := harness.Balance(net.Bin, fullNode.Home(), bob, "uusdc")
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(want) {
			t.Fatalf("full node says bob has %s uusdc, validators say %s", got, want)
		}
	})
}

func mintParams(t *testing.T, node *harness.Node) map[string]any {
	t.Helper()
	var out struct {
		Params map[string]any `json:"params"`
	}
	node.QueryJSON(t, &out, "q", "mint", "params")
	if len(out.Params) == 0 {
		t.Fatal("empty mint params")
	}
	return out.Params
}

func cloneMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// submitMintProposal submits a MsgUpdateParams for x/mint with the full
// minimum deposit and returns the new proposal's id.
func submitMintProposal(t *testing.T, node *harness.Node, params map[string]any, title string) string {
	t.Helper()
	proposal := map[string]any{
		"messages": []any{map[string]any{
			"@type":     "/cosmos.mint.v1beta1.MsgUpdateParams",
			"authority": app.GovAuthority(),
			"params":    params,
		}},
		"metadata": "",
		"deposit":  "10000000uagr",
		"title":    title,
		"summary":  title,
	}
	bz, err := json.Marshal(proposal)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "proposal.json")
	if err := os.WriteFile(file, bz, 0o600); err != nil {
		t.Fatal(err)
	}
	res := node.Tx(t, "tx", "gov", "submit-proposal", file, "--from", "alice", "--fees", "20000uagr", "--gas", "400000")
	if res.Code != 0 {
		t.Fatalf("submit proposal: %s", res.RawLog)
	}
	var proposals struct {
		Proposals []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"proposals"`
	}
	node.QueryJSON(t, &proposals, "q", "gov", "proposals")
	for _, p := range proposals.Proposals {
		if p.Title == title {
			return p.ID
		}
	}
	t.Fatalf("proposal %q not found after submission", title)
	return ""
}

// waitProposalEnd polls until the proposal leaves the voting period and
// returns its final status.
func waitProposalEnd(t *testing.T, node *harness.Node, id string) string {
	t.Helper()
	wait := localnetVotingPeriod + 40*time.Second
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		var out struct {
			Proposal struct {
				Status string `json:"status"`
			} `json:"proposal"`
		}
		node.QueryJSON(t, &out, "q", "gov", "proposal", id)
		if s := out.Proposal.Status; s != "" && !strings.Contains(s, "VOTING_PERIOD") && !strings.Contains(s, "DEPOSIT_PERIOD") {
			return s
		}
		time.Sleep(time.Second)
	}
	t.Fatalf("proposal %s still open after %s", id, wait)
	return ""
}
