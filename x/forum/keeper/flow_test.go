package keeper_test

import (
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/query"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/forum/types"
)

// A proposal is debated: two comments and a reply (each paying the post
// fee into the community pool), a vote with a reason, an edit, a
// retraction; the thread, comment and author queries show all of it.
func TestDebateOnAProposal(t *testing.T) {
	c := newChain(t, nil)
	id := submitProposal(t, c)
	fee := types.DefaultParams().PostFee

	poolBefore, err := c.App.DistrKeeper.FeePool.Get(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	bobBefore := c.Balances(c.Address("bob"))
	first := post(t, c, "bob", id, 0, "Shorter comments read better.")
	bobAfter := c.Balances(c.Address("bob"))
	if want := bobBefore.Sub(fee...).Sub(apptest.DefaultFee...); !bobAfter.Equal(want) {
		t.Fatalf("bob paid %s, want the post fee %s and the tx fee", bobBefore.Sub(bobAfter...), fee)
	}
	second := post(t, c, "carol", id, 0, "1,000 bytes is too short for a risk analysis.")
	reply := post(t, c, "alice", id, first, "Agreed; links can carry the long form.")
	poolAfter, err := c.App.DistrKeeper.FeePool.Get(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	// The pool also gets its share of the tx fees: at least the three post fees.
	grew := poolAfter.CommunityPool.AmountOf("uagr").Sub(poolBefore.CommunityPool.AmountOf("uagr"))
	if grew.LT(sdkmath.LegacyNewDecFromInt(fee.AmountOf("uagr").MulRaw(3))) {
		t.Fatalf("community pool grew by %s, want at least 3 × %s", grew, fee)
	}

	if _, err := c.DeliverMsgs("alice", govv1.NewMsgVote(c.Address("alice"), id, govv1.OptionYes, "links are enough")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeliverMsgs("bob", govv1.NewMsgVote(c.Address("bob"), id, govv1.OptionNo, "")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeliverMsgs("carol", &types.MsgEditComment{Author: c.Address("carol").String(), CommentId: second, Body: "1,000 bytes is short."}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeliverMsgs("alice", &types.MsgRetractComment{Author: c.Address("alice").String(), CommentId: reply}); err != nil {
		t.Fatal(err)
	}

	res, err := queries(c).Thread(c.Ctx(), &types.QueryThreadRequest{ProposalId: id})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Comments) != 3 || res.Comments[0].Id != first || res.Comments[1].Id != second || res.Comments[2].Id != reply {
		t.Fatalf("thread %v, want comments %d, %d, %d in order", res.Comments, first, second, reply)
	}
	if r := res.Comments[2]; r.ParentCommentId != first || !r.Retracted || r.Body != "" || r.Author != c.Address("alice").String() {
		t.Fatalf("retracted reply %+v", r)
	}
	if e := res.Comments[1]; e.Body != "1,000 bytes is short." || e.EditedAt == nil {
		t.Fatalf("edited comment %+v", e)
	}
	if len(res.VoteReasons) != 1 || res.VoteReasons[0].Reason != "links are enough" || res.VoteReasons[0].Voter != c.Address("alice").String() ||
		!strings.HasPrefix(res.VoteReasons[0].Options[0], "VOTE_OPTION_YES=") {
		t.Fatalf("vote reasons %v, want alice's (bob gave no reason)", res.VoteReasons)
	}

	// Paginated: two then one, ordered by id.
	page, err := queries(c).Thread(c.Ctx(), &types.QueryThreadRequest{ProposalId: id, Pagination: &query.PageRequest{Limit: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Comments) != 2 || page.Pagination.NextKey == nil {
		t.Fatalf("first page %v", page)
	}
	page, err = queries(c).Thread(c.Ctx(), &types.QueryThreadRequest{ProposalId: id, Pagination: &query.PageRequest{Key: page.Pagination.NextKey}})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Comments) != 1 || page.Comments[0].Id != reply {
		t.Fatalf("second page %v", page.Comments)
	}

	byAuthor, err := queries(c).AuthorComments(c.Ctx(), &types.QueryAuthorCommentsRequest{Author: c.Address("bob").String()})
	if err != nil {
		t.Fatal(err)
	}
	if len(byAuthor.Comments) != 1 || byAuthor.Comments[0].Id != first {
		t.Fatalf("bob's comments %v", byAuthor.Comments)
	}
	one, err := queries(c).Comment(c.Ctx(), &types.QueryCommentRequest{CommentId: first})
	if err != nil || one.Comment.Body != "Shorter comments read better." {
		t.Fatalf("comment %v, %v", one, err)
	}

	// The vote tallies and deletes x/gov's votes; the reason stays with the
	// thread, and the proposal is queued for pruning.
	c.AdvanceBlocks(int(votingPeriod/apptest.BlockInterval) + 1)
	p, err := c.App.GovKeeper.Proposals.Get(c.Ctx(), id)
	if err != nil || p.Status == govv1.StatusVotingPeriod {
		t.Fatalf("proposal %v still voting (%v)", p.Status, err)
	}
	res, err = queries(c).Thread(c.Ctx(), &types.QueryThreadRequest{ProposalId: id})
	if err != nil || len(res.VoteReasons) != 1 || len(res.Comments) != 3 {
		t.Fatalf("after the tally: %v, %v", res, err)
	}
	if ended := forumState(t, c).EndedProposals; len(ended) != 1 || ended[0].ProposalId != id {
		t.Fatalf("ended proposals %v", ended)
	}
}
