package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
	timelocktypes "github.com/agora-labs/agora/x/timelock/types"
)

// localnetTimelockDelay is the localnet test's x/timelock delay.
const localnetTimelockDelay = 15 * time.Second

// localnetVotingPeriod leaves time for the votes and the debate (a few
// transactions each, on a five-node localnet of a busy machine) while the
// vote runs.
const localnetVotingPeriod = 90 * time.Second

// swapMsgURL is the dex message the guardian pauses.
const swapMsgURL = "/agora.dex.v1.MsgSwapExactIn"

// testGovernanceLifecycle: a dex parameter change is debated (two comments
// and a reply), voted with reasons, passes, waits in the timelock (queued
// with an eta, params unchanged) and executes; a second change is cancelled
// by the guardian while queued and never executes; the guardian pauses the
// dex's swaps in one transaction (a swap is refused with the breaker's
// error) and a proposal re-enables them (a swap works again).
func testGovernanceLifecycle(t *testing.T, net *harness.Net, vals []*harness.Node) {
	node0 := vals[0]
	before := nodeParams(t, node0, "dex")
	changed, err := bumped(before, "max_hops")
	if err != nil {
		t.Fatal(err)
	}
	// The second change moves max_hops the other way; it must never apply.
	other := cloneMap(before)
	other["max_hops"] = changed["max_hops"]
	if hops, ok := before["max_hops"].(float64); ok && hops < 8 {
		other["max_hops"] = hops + 1
	}
	if reflect.DeepEqual(other, changed) {
		t.Fatalf("dex max_hops %v leaves no second value", before["max_hops"])
	}

	keep := submitScheduled(t, node0, "/agora.dex.v1.MsgUpdateParams", changed, "Localnet: one hop fewer for the dex")
	cancel := submitScheduled(t, node0, "/agora.dex.v1.MsgUpdateParams", other, "Localnet: a change the guardian stops")

	// Every validator votes yes on both at once (the voting period runs
	// from the submission), with a reason on the first.
	voteAll(t, net, vals, map[string]string{keep: "bounded routes are easier to reason about", cancel: ""})

	// The debate while the vote runs: two comments and a reply.
	post := func(from, body, parent string) {
		t.Helper()
		args := []string{"tx", "forum", "post", keep, body, "--from", from, "--fees", "10000uagr", "--gas", "300000"}
		if parent != "" {
			args = append(args, "--parent-comment-id", parent)
		}
		if res := node0.Tx(t, args...); res.Code != 0 {
			t.Fatalf("post by %s: %s", from, res.RawLog)
		}
	}
	var wg sync.WaitGroup
	for from, body := range map[string]string{"bob": "Fewer hops bound the gas of a route.", "carol": "Some routes need the extra hop."} {
		wg.Add(1)
		go func(from, body string) {
			defer wg.Done()
			res, err := harness.Tx(net.Bin, node0.Home(), "tx", "forum", "post", keep, body, "--from", from, "--fees", "10000uagr", "--gas", "300000")
			if err != nil || res.Code != 0 {
				t.Errorf("post by %s: %v %s", from, err, res.RawLog)
			}
		}(from, body)
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	var th forumThread
	node0.QueryJSON(t, &th, "q", "forum", "thread", keep)
	if len(th.Comments) != 2 {
		t.Fatalf("thread %+v, want 2 comments", th)
	}
	post("alice", "They can be split into two swaps.", th.Comments[0].ID)

	node0.QueryJSON(t, &th, "q", "forum", "thread", keep)
	if len(th.Comments) != 3 || th.Comments[2].Parent != th.Comments[0].ID {
		t.Fatalf("thread %+v, want two comments and a reply to the first", th)
	}
	if len(th.VoteReasons) != len(vals) {
		t.Fatalf("vote reasons %+v, want one per validator", th.VoteReasons)
	}

	for _, id := range []string{keep, cancel} {
		if status := waitProposalEnd(t, node0, id); status != "PROPOSAL_STATUS_PASSED" {
			t.Fatalf("proposal %s ended %s, want passed", id, status)
		}
	}
	// Both wait in the timelock; nothing changed yet.
	kept, ok := operationOf(t, net.Bin, node0.Home(), keep)
	if !ok {
		t.Fatalf("proposal %s passed but its change is not queued: %+v", keep, queuedOperations(t, net.Bin, node0.Home()))
	}
	stopped, ok := operationOf(t, net.Bin, node0.Home(), cancel)
	if !ok {
		t.Fatalf("proposal %s passed but its change is not queued", cancel)
	}
	if kept.Operation.Eta == "" || kept.SecondsLeft == "" || kept.SecondsLeft == "0" {
		t.Fatalf("queued operation %+v: want an eta and seconds left", kept)
	}
	if now := nodeParams(t, node0, "dex"); !reflect.DeepEqual(now, before) {
		t.Fatalf("dex params changed before the eta: %v", now)
	}

	// The guardian cancels the second while it is queued.
	if res := node0.Tx(t, "tx", "timelock", "cancel", stopped.Operation.ID, "--from", devgenesis.GuardianKeyName, "--fees", "5000uagr"); res.Code != 0 {
		t.Fatalf("guardian cancel: %s", res.RawLog)
	}
	if _, ok := operationOf(t, net.Bin, node0.Home(), cancel); ok {
		t.Fatal("the cancelled operation is still queued")
	}
	// The first executes after its eta; the cancelled one never does.
	waitTimelock(t, net.Bin, node0.Home(), keep, localnetTimelockDelay)
	if now := nodeParams(t, vals[3], "dex"); !reflect.DeepEqual(now, changed) {
		t.Fatalf("dex params after the timelock:\n got %v\nwant %v", now, changed)
	}

	// The guardian pauses swaps in one transaction.
	if res := node0.Tx(t, "tx", "circuit", "disable", swapMsgURL, "--from", devgenesis.GuardianKeyName, "--fees", "5000uagr"); res.Code != 0 {
		t.Fatalf("guardian disable: %s", res.RawLog)
	}
	swap := func() harness.TxResult {
		res, _ := harness.Tx(net.Bin, node0.Home(), "tx", "dex", "swap-exact-in", "1000000uusdc", "1",
			"--route", `{"pool_id":1,"denom_out":"uagr"}`, "--from", "bob", "--fees", "10000uagr", "--gas", "400000")
		return res
	}
	if res := swap(); res.Codespace != timelocktypes.ModuleName || res.Code != timelocktypes.ErrMessageDisabled.ABCICode() {
		t.Fatalf("swap while paused: %s/%d %s, want the breaker's %s/%d", res.Codespace, res.Code, res.RawLog,
			timelocktypes.ModuleName, timelocktypes.ErrMessageDisabled.ABCICode())
	}
	// It cannot re-enable them itself.
	res, _ := harness.Tx(net.Bin, node0.Home(), "tx", "circuit", "reset", swapMsgURL, "--from", devgenesis.GuardianKeyName, "--fees", "5000uagr")
	if res.Codespace != timelocktypes.ModuleName || res.Code != timelocktypes.ErrGuardianForbidden.ABCICode() {
		t.Fatalf("guardian reset: %s/%d %s, want refused", res.Codespace, res.Code, res.RawLog)
	}
	// Governance re-enables them (directly: re-enabling is not delayed).
	// An expedited proposal: half the voting period, a higher threshold.
	reset := submitProposal(t, node0, map[string]any{
		"@type": "/cosmos.circuit.v1.MsgResetCircuitBreaker", "authority": app.GovAuthority(), "msg_type_urls": []string{swapMsgURL},
	}, "Localnet: swaps back on", true)
	voteAll(t, net, vals, map[string]string{reset: "the incident is over"})
	if status := waitProposalEnd(t, node0, reset); status != "PROPOSAL_STATUS_PASSED" {
		t.Fatalf("reset proposal %s ended %s", reset, status)
	}
	if res := swap(); res.Code != 0 {
		t.Fatalf("swap after governance re-enabled it: %s/%d %s", res.Codespace, res.Code, res.RawLog)
	}
}

func nodeParams(t *testing.T, node *harness.Node, module string) map[string]any {
	t.Helper()
	var out struct {
		Params map[string]any `json:"params"`
	}
	node.QueryJSON(t, &out, "q", module, "params")
	if len(out.Params) == 0 {
		t.Fatalf("empty %s params", module)
	}
	return out.Params
}

// submitScheduled submits a proposal whose message schedules one governed
// message of a timelocked module, and returns its id.
func submitScheduled(t *testing.T, node *harness.Node, msgType string, params map[string]any, title string) string {
	t.Helper()
	return submitProposal(t, node, govMessage(map[string]any{"@type": msgType, "params": params}, title), title, false)
}

// submitProposal submits one message (JSON, authority set) as alice with
// the minimum deposit (expedited: its higher minimum) and returns the
// proposal's id.
func submitProposal(t *testing.T, node *harness.Node, msg map[string]any, title string, expedited bool) string {
	t.Helper()
	deposit := "10000000uagr"
	if expedited {
		deposit = "50000000uagr"
	}
	bz, err := json.Marshal(map[string]any{
		"messages": []any{msg}, "metadata": "", "deposit": deposit, "title": title, "summary": title, "expedited": expedited,
	})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "proposal.json")
	if err := os.WriteFile(file, bz, 0o600); err != nil {
		t.Fatal(err)
	}
	if res := node.Tx(t, "tx", "gov", "submit-proposal", file, "--from", "alice", "--fees", "20000uagr", "--gas", "600000"); res.Code != 0 {
		t.Fatalf("submit %q: %s", title, res.RawLog)
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

// voteAll has every validator vote yes on each proposal (id → reason,
// the vote's metadata, none when empty) through its own node, all at once:
// a validator's votes go one after the other (one account sequence).
func voteAll(t *testing.T, net *harness.Net, vals []*harness.Node, reasons map[string]string) {
	t.Helper()
	errs := make([]error, len(vals))
	var wg sync.WaitGroup
	for i, v := range vals {
		wg.Add(1)
		go func(i int, v *harness.Node) {
			defer wg.Done()
			for id, reason := range reasons {
				args := []string{"tx", "gov", "vote", id, "yes", "--from", devgenesis.ValidatorKeyName(i), "--fees", "5000uagr"}
				if reason != "" {
					args = append(args, "--metadata", reason+" ("+strconv.Itoa(i)+")")
				}
				res, err := harness.Tx(net.Bin, v.Home(), args...)
				if err == nil && res.Code != 0 {
					err = fmt.Errorf("vote on %s: code %d: %s", id, res.Code, res.RawLog)
				}
				if err != nil {
					out, _ := v.CLI("q", "gov", "proposal", id, "-o", "json")
					errs[i] = fmt.Errorf("%v\nproposal: %s", err, out)
					return
				}
			}
		}(i, v)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("%s: %v", vals[i].Spec.Moniker, err)
		}
	}
}
