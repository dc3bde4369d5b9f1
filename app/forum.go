package app

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	forumtypes "github.com/agora-labs/agora/x/forum/types"
)

// govReader gives x/forum read access to x/gov's proposals and votes (x/gov
// exposes them as collections, not methods).
type govReader struct{ gov *govkeeper.Keeper }

var _ forumtypes.GovKeeper = govReader{}

func (g govReader) GetProposal(ctx context.Context, id uint64) (govv1.Proposal, error) {
	return g.gov.Proposals.Get(ctx, id)
}

func (g govReader) GetVote(ctx context.Context, proposalID uint64, voter sdk.AccAddress) (govv1.Vote, error) {
	return g.gov.Votes.Get(ctx, collections.Join(proposalID, voter))
}
