package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
	timelocktypes "github.com/agora-labs/agora/x/timelock/types"
)

// TestRiskCouncil drives the devnet's risk council (x/group, 2 of 3:
// guardian, alice, bob) through the CLI as docs/governance.md tells its
// members to: guardian proposes tripping the circuit breaker for the dex's
// swaps, bob votes yes, anyone executes (`tx group exec`), and a swap is
// refused with the breaker's error. A council proposal to re-enable swaps,
// and one to change the dex's params, pass the council's vote but fail when
// executed and change nothing. A governance proposal re-enables swaps and a
// swap works again, so the shared devnet is as the other tests expect.
func TestRiskCouncil(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	bin, home := d.Bin, d.Home
	policy := devgenesis.CouncilPolicyAddress().String()
	fees := []string{"--fees", "10000uagr", "--gas", "400000"}
	tx := func(args ...string) harness.TxResult {
		t.Helper()
		res, err := harness.Tx(bin, home, append(args, fees...)...)
		if err != nil || res.Code != 0 {
			t.Fatalf("%s: %v %s/%d %s", strings.Join(args[:3], " "), err, res.Codespace, res.Code, res.RawLog)
		}
		return res
	}
	swap := func() harness.TxResult {
		t.Helper()
		res, _ := harness.Tx(bin, home, "tx", "dex", "swap-exact-in", "1000000uusdc", "1",
			"--route", `{"pool_id":1,"denom_out":"uagr"}`, "--from", "carol", "--fees", "10000uagr", "--gas", "400000")
		return res
	}
	if res := swap(); res.Code != 0 {
		t.Fatalf("swap before the pause: %s/%d %s", res.Codespace, res.Code, res.RawLog)
	}
	// The policy holds circuit's permission (granted at genesis).
	var perms struct {
		Permission struct {
			Level string `json:"level"`
		} `json:"permission"`
	}
	if err := harness.QueryJSON(bin, home, &perms, "q", "circuit", "account", policy); err != nil || perms.Permission.Level == "" || perms.Permission.Level == "LEVEL_NONE_UNSPECIFIED" {
		t.Fatalf("the council policy's circuit permission: %v %+v", err, perms)
	}

	// Whatever happens below, the other tests of the shared devnet get
	// their swaps back.
	t.Cleanup(func() {
		if disabled(t, d, swapMsgURL) {
			reenableSwaps(t, d, tx)
		}
	})

	// 1. Pause: guardian proposes (--exec try: its signature is a yes), bob
	// votes yes, alice executes.
	pause := councilSubmit(t, d, "pause swaps", map[string]any{
		"@type": "/cosmos.circuit.v1.MsgTripCircuitBreaker", "authority": policy, "msg_type_urls": []string{swapMsgURL},
	})
	if p := councilProposal(t, d, pause); p.Status != "PROPOSAL_STATUS_SUBMITTED" || disabled(t, d, swapMsgURL) {
		t.Fatalf("one vote of three: proposal %+v, swaps disabled %v; want submitted and swaps on", p, disabled(t, d, swapMsgURL))
	}
	tx("tx", "group", "vote", pause, addr(t, "bob"), "VOTE_OPTION_YES", "", "--from", "bob")
	if disabled(t, d, swapMsgURL) {
		t.Fatal("swaps paused before the proposal was executed")
	}
	if result := councilExec(t, d, pause, tx); result != "PROPOSAL_EXECUTOR_RESULT_SUCCESS" {
		t.Fatalf("the pause executed with %s", result)
	}
	if !disabled(t, d, swapMsgURL) {
		t.Fatal("swaps are not in circuit's disabled list after the council's pause")
	}
	res := swap()
	if res.Codespace != timelocktypes.ModuleName || res.Code != timelocktypes.ErrMessageDisabled.ABCICode() {
		t.Fatalf("swap while paused: %s/%d %s, want the breaker's %s/%d", res.Codespace, res.Code, res.RawLog,
			timelocktypes.ModuleName, timelocktypes.ErrMessageDisabled.ABCICode())
	}

	// 2. Overreach: the council's vote passes, execution fails, nothing changes.
	var dexParams struct {
		Params map[string]any `json:"params"`
	}
	if err := harness.QueryJSON(bin, home, &dexParams, "q", "dex", "params"); err != nil {
		t.Fatal(err)
	}
	changed, err := bumped(dexParams.Params, "max_hops")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		msg  map[string]any
		want string
	}{
		{"re-enable swaps", map[string]any{"@type": "/cosmos.circuit.v1.MsgResetCircuitBreaker", "authority": policy, "msg_type_urls": []string{swapMsgURL}},
			"may not re-enable messages"},
		{"change the dex's params", map[string]any{"@type": "/agora.dex.v1.MsgUpdateParams", "authority": policy, "params": changed},
			app.TimelockAuthority()},
	} {
		id := councilSubmit(t, d, c.name, c.msg)
		tx("tx", "group", "vote", id, addr(t, "alice"), "VOTE_OPTION_YES", "", "--from", "alice")
		execRes := tx("tx", "group", "exec", id, "--from", "bob")
		logs := execLogs(t, d, execRes.Hash)
		if !strings.Contains(logs, c.want) {
			t.Errorf("%s: execution logs %q, want %q", c.name, logs, c.want)
		}
		if p := councilProposal(t, d, id); p.ExecutorResult != "PROPOSAL_EXECUTOR_RESULT_FAILURE" {
			t.Errorf("%s: executor result %s, want failure", c.name, p.ExecutorResult)
		}
	}
	if !disabled(t, d, swapMsgURL) {
		t.Fatal("the council re-enabled swaps")
	}
	if now := queryParams(t, d, "dex"); now["max_hops"] != dexParams.Params["max_hops"] {
		t.Fatalf("the council changed the dex's max_hops: %v → %v", dexParams.Params["max_hops"], now["max_hops"])
	}

	// 3. Governance re-enables (not delayed; expedited: half the voting period).
	reenableSwaps(t, d, tx)
	if disabled(t, d, swapMsgURL) {
		t.Fatal("swaps still disabled after governance re-enabled them")
	}
	if res := swap(); res.Code != 0 {
		t.Fatalf("swap after governance re-enabled it: %s/%d %s", res.Codespace, res.Code, res.RawLog)
	}
}

// reenableSwaps passes an expedited governance proposal that re-enables
// swaps (the validator votes yes).
func reenableSwaps(t *testing.T, d *harness.Devnet, tx func(...string) harness.TxResult) {
	t.Helper()
	id := submitDevnetProposal(t, d, map[string]any{
		"@type": "/cosmos.circuit.v1.MsgResetCircuitBreaker", "authority": app.GovAuthority(), "msg_type_urls": []string{swapMsgURL},
	}, "Council drill: swaps back on", true)
	tx("tx", "gov", "vote", id, "yes", "--from", "validator")
	if status, reason := waitProposalOutcome(t, d, id); status != "PROPOSAL_STATUS_PASSED" {
		t.Fatalf("re-enable proposal %s: %s %s", id, status, reason)
	}
}

// disabled tells whether circuit's disabled list holds msgType.
func disabled(t *testing.T, d *harness.Devnet, msgType string) bool {
	t.Helper()
	var out struct {
		DisabledList []string `json:"disabled_list"`
	}
	if err := harness.QueryJSON(d.Bin, d.Home, &out, "q", "circuit", "disabled-list"); err != nil {
		t.Fatal(err)
	}
	for _, u := range out.DisabledList {
		if u == msgType {
			return true
		}
	}
	return false
}

// councilSubmit has guardian submit a council proposal of one message
// (JSON, its signer the policy) with --exec try, which counts guardian's
// yes (one of the two needed), and returns its id.
func councilSubmit(t *testing.T, d *harness.Devnet, title string, msg map[string]any) string {
	t.Helper()
	bz, err := json.Marshal(map[string]any{
		"group_policy_address": devgenesis.CouncilPolicyAddress().String(),
		"proposers":            []string{addr(t, devgenesis.GuardianKeyName)},
		"messages":             []any{msg}, "metadata": "", "title": title, "summary": "risk council drill: " + title,
	})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "council.json")
	if err := os.WriteFile(file, bz, 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := harness.Tx(d.Bin, d.Home, "tx", "group", "submit-proposal", file, "--exec", "try", "--from", devgenesis.GuardianKeyName, "--fees", "10000uagr", "--gas", "400000")
	if err != nil || res.Code != 0 {
		t.Fatalf("council proposal %q: %v %s", title, err, res.RawLog)
	}
	var out struct {
		Proposals []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"proposals"`
	}
	if err := harness.QueryJSON(d.Bin, d.Home, &out, "q", "group", "proposals-by-group-policy", devgenesis.CouncilPolicyAddress().String()); err != nil {
		t.Fatal(err)
	}
	for i := len(out.Proposals) - 1; i >= 0; i-- {
		if out.Proposals[i].Title == title {
			return out.Proposals[i].ID
		}
	}
	t.Fatalf("council proposal %q not found after submission", title)
	return ""
}

// councilProposalInfo is `agorad q group proposal` of a proposal still in state.
type councilProposalInfo struct {
	Status         string `json:"status"`
	ExecutorResult string `json:"executor_result"`
}

func councilProposal(t *testing.T, d *harness.Devnet, id string) councilProposalInfo {
	t.Helper()
	var out struct {
		Proposal councilProposalInfo `json:"proposal"`
	}
	if err := harness.QueryJSON(d.Bin, d.Home, &out, "q", "group", "proposal", id); err != nil {
		t.Fatal(err)
	}
	return out.Proposal
}

// councilExec executes a council proposal (`tx group exec`: x/group
// tallies the votes then, and runs the messages when the threshold is met)
// and returns the result its EventExec reports (x/group prunes a proposal
// that executed successfully, so the event is what remains).
func councilExec(t *testing.T, d *harness.Devnet, id string, tx func(...string) harness.TxResult) string {
	t.Helper()
	if p := councilProposal(t, d, id); p.Status != "PROPOSAL_STATUS_SUBMITTED" {
		t.Fatalf("council proposal %s is %s before exec, want submitted (votes are tallied on exec)", id, p.Status)
	}
	res := tx("tx", "group", "exec", id, "--from", "alice")
	return execEvent(t, d, res.Hash)["result"]
}

// execEvent is the attributes of the EventExec of a committed tx.
func execEvent(t *testing.T, d *harness.Devnet, hash string) map[string]string {
	t.Helper()
	var out struct {
		Events []struct {
			Type       string `json:"type"`
			Attributes []struct {
				Key   string `json:"key"`
				Value string `json:"value"`
			} `json:"attributes"`
		} `json:"events"`
	}
	if err := harness.QueryJSON(d.Bin, d.Home, &out, "q", "tx", hash); err != nil {
		t.Fatal(err)
	}
	for _, e := range out.Events {
		if e.Type == "cosmos.group.v1.EventExec" {
			attrs := map[string]string{}
			for _, a := range e.Attributes {
				attrs[a.Key] = strings.Trim(a.Value, `"`)
			}
			return attrs
		}
	}
	t.Fatalf("tx %s has no EventExec", hash)
	return nil
}

// execLogs is the error log EventExec carries when the execution failed.
func execLogs(t *testing.T, d *harness.Devnet, hash string) string {
	t.Helper()
	return execEvent(t, d, hash)["logs"]
}

// submitDevnetProposal submits one message (JSON, authority set) as alice
// with the minimum deposit (expedited: its higher minimum) and returns the
// proposal's id.
func submitDevnetProposal(t *testing.T, d *harness.Devnet, msg map[string]any, title string, expedited bool) string {
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
	res, err := harness.Tx(d.Bin, d.Home, "tx", "gov", "submit-proposal", file, "--from", "alice", "--fees", "20000uagr", "--gas", "600000")
	if err != nil || res.Code != 0 {
		t.Fatalf("submit %q: %v %s", title, err, res.RawLog)
	}
	var proposals struct {
		Proposals []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"proposals"`
	}
	if err := harness.QueryJSON(d.Bin, d.Home, &proposals, "q", "gov", "proposals", "--page-reverse"); err != nil {
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
