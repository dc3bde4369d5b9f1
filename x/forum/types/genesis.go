package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis is the default params and no comments.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextCommentId: 1}
}

// Validate checks the params, the comments (unique ids below
// next_comment_id, known parents of the same proposal, valid authors) and
// the vote reasons and ended proposals.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	byID := make(map[uint64]Comment, len(gs.Comments))
	for _, c := range gs.Comments {
		if c.Id == 0 || c.Id >= gs.NextCommentId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "comment id %d is not in [1, next_comment_id %d)", c.Id, gs.NextCommentId)
		}
		if _, dup := byID[c.Id]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate comment id %d", c.Id)
		}
		if c.ProposalId == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "comment %d has no proposal", c.Id)
		}
		if err := checkAddress("author", c.Author); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "comment %d: %s", c.Id, err)
		}
		byID[c.Id] = c
	}
	for _, c := range gs.Comments {
		if c.ParentCommentId == 0 {
			continue
		}
		p, ok := byID[c.ParentCommentId]
		if !ok || p.ProposalId != c.ProposalId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "comment %d replies to %d, not a comment of proposal %d", c.Id, c.ParentCommentId, c.ProposalId)
		}
	}
	seen := map[string]bool{}
	for _, v := range gs.VoteReasons {
		if err := checkAddress("voter", v.Voter); err != nil || v.ProposalId == 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "vote reason of %q on proposal %d", v.Voter, v.ProposalId)
		}
		key := fmt.Sprintf("%d/%s", v.ProposalId, v.Voter)
		if seen[key] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate vote reason %s", key)
		}
		seen[key] = true
	}
	ended := map[uint64]bool{}
	for _, e := range gs.EndedProposals {
		if e.ProposalId == 0 || ended[e.ProposalId] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "ended proposal %d is zero or repeated", e.ProposalId)
		}
		ended[e.ProposalId] = true
	}
	return nil
}
