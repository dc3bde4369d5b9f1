package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/agora-labs/agora/tests/e2e/harness"
	forumtypes "github.com/agora-labs/agora/x/forum/types"
)

// TestForumDebate debates a parameter change proposal on chain: two
// comments and a reply while it is voted, the validator's vote carries a
// reason, and `q forum thread` shows all of it in order. The proposal
// shortens the forum's own edit window to 1 s; once it passed, an edit and
// a comment on the finished proposal are refused with the forum's errors.
func TestForumDebate(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)

	params := queryParams(t, d, "forum")
	params["edit_window_seconds"] = "1"
	title := "Forum: one-second edit window"
	id, err := submitParamsProposal(t, d, "/agora.forum.v1.MsgUpdateParams", params, title)
	if err != nil {
		t.Fatalf("submit: %v", err)
	}

	postComment := func(from, body string, parent string) {
		t.Helper()
		args := []string{"tx", "forum", "post", id, body, "--from", from, "--fees", "10000uagr", "--gas", "300000"}
		if parent != "" {
			args = append(args, "--parent-comment-id", parent)
		}
		res, err := harness.Tx(d.Bin, d.Home, args...)
		if err != nil || res.Code != 0 {
			t.Fatalf("post by %s: %v %+v", from, err, res)
		}
	}
	thread := func() forumThread {
		t.Helper()
		var th forumThread
		if err := harness.QueryJSON(d.Bin, d.Home, &th, "q", "forum", "thread", id); err != nil {
			t.Fatal(err)
		}
		return th
	}

	postComment("bob", "A shorter edit window keeps the record honest.", "")
	postComment("carol", "One second is too short to fix a typo.", "")
	first := thread().Comments[0].ID
	postComment("alice", "Typos can be retracted and posted again.", first)

	reason := "edits after replies mislead readers"
	res, err := harness.Tx(d.Bin, d.Home, "tx", "gov", "vote", id, "yes", "--metadata", reason, "--from", "validator", "--fees", "5000uagr")
	if err != nil || res.Code != 0 {
		t.Fatalf("vote: %v %+v", err, res)
	}

	th := thread()
	if len(th.Comments) != 3 {
		t.Fatalf("thread %+v, want 3 comments", th)
	}
	bodies := []string{th.Comments[0].Body, th.Comments[1].Body, th.Comments[2].Body}
	if !strings.HasPrefix(bodies[0], "A shorter") || !strings.HasPrefix(bodies[1], "One second") || !strings.HasPrefix(bodies[2], "Typos") {
		t.Fatalf("thread out of order: %q", bodies)
	}
	if th.Comments[2].Parent != first {
		t.Fatalf("the reply's parent is %q, want %s", th.Comments[2].Parent, first)
	}
	found := false
	for _, v := range th.VoteReasons {
		if v.Reason == reason {
			found = true
		}
	}
	if !found {
		t.Fatalf("vote reasons %+v, want the validator's %q", th.VoteReasons, reason)
	}

	if status, why := waitProposalOutcome(t, d, id); status != "PROPOSAL_STATUS_PASSED" {
		t.Fatalf("proposal %s: %s %s", id, status, why)
	}
	time.Sleep(2 * time.Second) // past the new one-second window

	refused := func(what string, want uint32, args ...string) {
		t.Helper()
		res, _ := harness.Tx(d.Bin, d.Home, append(args, "--fees", "10000uagr", "--gas", "300000")...)
		if res.Codespace != forumtypes.ModuleName || res.Code != want {
			t.Fatalf("%s: want forum code %d, got %s/%d: %s", what, want, res.Codespace, res.Code, res.RawLog)
		}
	}
	refused("edit after the window", forumtypes.ErrEditWindowClosed.ABCICode(),
		"tx", "forum", "edit", first, "rewritten", "--from", "bob")
	refused("comment on a finished proposal", forumtypes.ErrProposalClosed.ABCICode(),
		"tx", "forum", "post", id, "too late", "--from", "carol")
	if after := thread(); len(after.Comments) != 3 || after.Comments[0].Body != th.Comments[0].Body {
		t.Fatalf("the thread changed after the refused txs: %+v", after)
	}
}

// forumThread is `q forum thread -o json`.
type forumThread struct {
	Comments []struct {
		ID     string `json:"id"`
		Parent string `json:"parent_comment_id"`
		Body   string `json:"body"`
	} `json:"comments"`
	VoteReasons []struct {
		Voter  string `json:"voter"`
		Reason string `json:"reason"`
	} `json:"vote_reasons"`
}
