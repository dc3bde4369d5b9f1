package keeper_test

import (
	"testing"
	"time"

	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/forum/types"
)

// An ended proposal's thread (comments and vote reasons) is pruned after
// the retention period, at most prune_per_block records per block; the
// thread of a proposal still open is untouched.
func TestPruneInBoundedBatches(t *testing.T) {
	const retention = 20 // seconds: four blocks
	// A 60 s voting period: the setup below takes fewer blocks, so the
	// loop further down sees the block in which the proposal ends.
	c := newChainWithPeriod(t, time.Minute, func(p *types.Params) { p.RetentionSeconds = retention; p.PrunePerBlock = 2 })
	ended := submitProposal(t, c)
	for i := 0; i < 4; i++ {
		post(t, c, []string{"alice", "bob", "carol"}[i%3], ended, 0, "comment")
	}
	if _, err := c.DeliverMsgs("alice", govv1.NewMsgVote(c.Address("alice"), ended, govv1.OptionYes, "fine by me")); err != nil {
		t.Fatal(err)
	}
	// A second proposal submitted later stays open while the first is pruned.
	open := submitProposal(t, c)
	kept := post(t, c, "bob", open, 0, "still debating")

	countOf := func(id uint64) (comments, reasons int) {
		res, err := queries(c).Thread(c.Ctx(), &types.QueryThreadRequest{ProposalId: id})
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Comments), len(res.VoteReasons)
	}
	// Run until the first proposal ends.
	for i := 0; ; i++ {
		p, err := c.App.GovKeeper.Proposals.Get(c.Ctx(), ended)
		if err != nil {
			t.Fatal(err)
		}
		if p.Status != govv1.StatusVotingPeriod {
			if i == 0 {
				t.Fatal("the proposal ended during the setup: lengthen the voting period")
			}
			break
		}
		if i > 20 {
			t.Fatal("the proposal never ended")
		}
		c.NextBlock()
	}
	if n, r := countOf(ended); n != 4 || r != 1 {
		t.Fatalf("at the end: %d comments, %d reasons; want 4, 1", n, r)
	}
	// Nothing is pruned before the retention period has passed.
	c.AdvanceBlocks(retention/int(apptest.BlockInterval.Seconds()) - 1)
	if n, _ := countOf(ended); n != 4 {
		t.Fatalf("pruned early: %d comments left", n)
	}
	// Then 2 records per block: 2 + 2 comments, then the reason.
	var left []int
	for i := 0; i < 4; i++ {
		c.NextBlock()
		n, r := countOf(ended)
		left = append(left, n+r)
	}
	if want := []int{3, 1, 0, 0}; !equalInts(left, want) {
		t.Fatalf("records left after each block %v, want at most 2 pruned per block down to 0", left)
	}
	for i := 1; i < len(left); i++ {
		if left[i-1]-left[i] > 2 {
			t.Fatalf("more than prune_per_block pruned in a block: %v", left)
		}
	}
	if left[len(left)-1] != 0 {
		t.Fatalf("thread not fully pruned: %v", left)
	}
	gs := forumState(t, c)
	for _, e := range gs.EndedProposals {
		if e.ProposalId == ended {
			t.Fatalf("proposal %d still queued for pruning", ended)
		}
	}
	if _, err := c.App.ForumKeeper.GetComment(c.Ctx(), kept); err != nil {
		t.Fatalf("open proposal's comment pruned: %v", err)
	}
	byAuthor, err := queries(c).AuthorComments(c.Ctx(), &types.QueryAuthorCommentsRequest{Author: c.Address("bob").String()})
	if err != nil || len(byAuthor.Comments) != 1 || byAuthor.Comments[0].Id != kept {
		t.Fatalf("bob's comments after pruning %v (%v), want only %d", byAuthor, err, kept)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
