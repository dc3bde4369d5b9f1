package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/agora-labs/agora/tests/e2e/harness"
)

// paramsCase is one module whose params go round the trip.
type paramsCase struct {
	module  string // agorad q <module> params
	msgType string // its MsgUpdateParams
	field   string // the one field the proposal changes
}

// TestParamsRoundTrip does what the README tells a user to do: print a
// module's params with `agorad q <module> params -o json`, paste the object
// unchanged into a MsgUpdateParams proposal except for one field, pass it
// (the validator votes yes), and query again: the params must come back
// identical except for that field. For mint and every Agora module (whose
// change waits in the timelock: the proposal's message is a MsgSchedule).
func TestParamsRoundTrip(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	cases := []paramsCase{
		{"mint", "/cosmos.mint.v1beta1.MsgUpdateParams", "blocks_per_year"},
		{"dex", "/agora.dex.v1.MsgUpdateParams", "max_hops"},
		{"oracle", "/agora.oracle.v1.MsgUpdateParams", "max_price_age_blocks"},
		{"lend", "/agora.lend.v1.MsgUpdateParams", "max_markets"},
		{"cdp", "/agora.cdp.v1.MsgUpdateParams", "max_liquidations_per_block"},
		{"synth", "/agora.synth.v1.MsgUpdateParams", "max_settlements_per_block"},
		{"margin", "/agora.margin.v1.MsgUpdateParams", "max_triggers_per_block"},
		{"incentives", "/agora.incentives.v1.MsgUpdateParams", "max_queue_per_block"},
		{"forum", "/agora.forum.v1.MsgUpdateParams", "max_body_bytes"},
	}
	want := map[string]map[string]any{}
	ids := map[string]string{}
	for _, c := range cases {
		before := queryParams(t, d, c.module)
		changed, err := bumped(before, c.field)
		if err != nil {
			t.Errorf("%s: %v", c.module, err)
			continue
		}
		want[c.module] = changed
		// A proposal whose message fails validation is refused at
		// submission: report it and go on with the other modules.
		id, err := submitParamsProposal(t, d, c.msgType, changed, "Round trip of "+c.module+" params")
		if err != nil {
			t.Errorf("%s: the params printed by `q %s params -o json`, pasted into a proposal, are refused: %v", c.module, c.module, err)
			continue
		}
		ids[c.module] = id
		// Vote at once: the voting period runs from the submission.
		res, err := harness.Tx(d.Bin, d.Home, "tx", "gov", "vote", id, "yes", "--from", "validator", "--fees", "5000uagr")
		if err != nil || res.Code != 0 {
			t.Fatalf("vote on the %s proposal: %v %+v", c.module, err, res)
		}
	}
	for _, c := range cases {
		if ids[c.module] == "" {
			continue
		}
		t.Run(c.module, func(t *testing.T) {
			status, reason := waitProposalOutcome(t, d, ids[c.module])
			if status != "PROPOSAL_STATUS_PASSED" {
				t.Fatalf("proposal %s (params pasted from `q %s params -o json`, %s changed): %s %s",
					ids[c.module], c.module, c.field, status, reason)
			}
			after := queryParams(t, d, c.module)
			if !reflect.DeepEqual(after, want[c.module]) {
				a, _ := json.Marshal(after)
				w, _ := json.Marshal(want[c.module])
				t.Fatalf("params after the proposal differ from the pasted ones (only %s should change):\n got %s\nwant %s", c.field, a, w)
			}
		})
	}
}

// queryParams is the params object of `agorad q <module> params -o json`.
func queryParams(t *testing.T, d *harness.Devnet, module string) map[string]any {
	t.Helper()
	var out struct {
		Params map[string]any `json:"params"`
	}
	if err := harness.QueryJSON(d.Bin, d.Home, &out, "q", module, "params"); err != nil {
		t.Fatal(err)
	}
	if len(out.Params) == 0 {
		t.Fatalf("q %s params printed no params", module)
	}
	return out.Params
}

// bumped is a copy of params with one integer field moved by one (down
// when it is above 1, else up), whether JSON prints it as a number or, for
// 64-bit integers, as a string.
func bumped(params map[string]any, field string) (map[string]any, error) {
	out := map[string]any{}
	for k, v := range params {
		out[k] = v
	}
	step := func(n int64) int64 {
		if n > 1 {
			return n - 1
		}
		return n + 1
	}
	switch v := params[field].(type) {
	case float64:
		out[field] = float64(step(int64(v)))
	case string:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, err
		}
		out[field] = strconv.FormatInt(step(n), 10)
	default:
		return nil, &json.UnsupportedValueError{Str: field + " is missing or not an integer"}
	}
	return out, nil
}

// submitParamsProposal submits a proposal holding one MsgUpdateParams (in
// a timelock MsgSchedule for Agora's modules) and returns its id.
func submitParamsProposal(t *testing.T, d *harness.Devnet, msgType string, params map[string]any, title string) (string, error) {
	t.Helper()
	proposal := map[string]any{
		"messages": []any{govMessage(map[string]any{"@type": msgType, "params": params}, title)},
		"metadata": "", "deposit": "10000000uagr", "title": title, "summary": title,
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
	if err != nil {
		return "", err
	}
	if res.Code != 0 {
		return "", fmt.Errorf("codespace %s code %d: %s", res.Codespace, res.Code, res.RawLog)
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
			return p.ID, nil
		}
	}
	t.Fatalf("proposal %q not found after submission", title)
	return "", nil
}

// waitProposalOutcome polls until the proposal leaves the voting period
// and returns its status and, when it failed, why. When it passed and
// scheduled a timelock operation, it also waits for that operation to leave
// the queue, so the change is in effect (or failed) when it returns.
func waitProposalOutcome(t *testing.T, d *harness.Devnet, id string) (string, string) {
	t.Helper()
	deadline := time.Now().Add(sharedVotingPeriod + 45*time.Second)
	for time.Now().Before(deadline) {
		var out struct {
			Proposal struct {
				Status       string `json:"status"`
				FailedReason string `json:"failed_reason"`
			} `json:"proposal"`
		}
		if err := harness.QueryJSON(d.Bin, d.Home, &out, "q", "gov", "proposal", id); err != nil {
			t.Fatal(err)
		}
		if s := out.Proposal.Status; s != "" && !strings.Contains(s, "VOTING_PERIOD") && !strings.Contains(s, "DEPOSIT_PERIOD") {
			if strings.Contains(s, "PASSED") {
				waitTimelock(t, d.Bin, d.Home, id, sharedTimelockDelay)
			}
			return s, out.Proposal.FailedReason
		}
		time.Sleep(time.Second)
	}
	t.Fatalf("proposal %s still open", id)
	return "", ""
}
