package keeper_test

import (
	"testing"
	"time"

	"github.com/agora-labs/agora/x/forum/types"
)

// Export then import gives back the same state; invalid genesis states are
// refused.
func TestGenesisRoundTrip(t *testing.T) {
	c := newChain(t, nil)
	id := submitProposal(t, c)
	first := post(t, c, "bob", id, 0, "a")
	post(t, c, "carol", id, first, "b")
	gs := forumState(t, c)
	gs.EndedProposals = []types.EndedProposal{{ProposalId: 77, EndedAt: time.Unix(1767225600, 0).UTC()}}
	if err := gs.Validate(); err != nil {
		t.Fatal(err)
	}

	fresh := newChain(t, nil)
	if err := fresh.App.ForumKeeper.InitGenesis(fresh.WriteCtx(), *gs); err != nil {
		t.Fatal(err)
	}
	fresh.NextBlock()
	sameState(t, gs, forumState(t, fresh))

	for name, edit := range map[string]func(g *types.GenesisState){
		"id at next":       func(g *types.GenesisState) { g.NextCommentId = g.Comments[1].Id },
		"duplicate id":     func(g *types.GenesisState) { g.Comments[1].Id = g.Comments[0].Id },
		"unknown parent":   func(g *types.GenesisState) { g.Comments[1].ParentCommentId = 99 },
		"parent elsewhere": func(g *types.GenesisState) { g.Comments[0].ProposalId = 5 },
		"bad author":       func(g *types.GenesisState) { g.Comments[0].Author = "nobody" },
		"bad params":       func(g *types.GenesisState) { g.Params.PrunePerBlock = 0 },
	} {
		g := *forumState(t, c)
		g.Comments = append([]types.Comment(nil), g.Comments...)
		edit(&g)
		if err := g.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
