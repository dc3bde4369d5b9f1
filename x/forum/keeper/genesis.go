package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/forum/types"
)

// InitGenesis loads a validated genesis state.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.NextCommentID.Set(ctx, gs.NextCommentId); err != nil {
		return err
	}
	for _, c := range gs.Comments {
		if err := k.setComment(ctx, c); err != nil {
			return err
		}
	}
	for _, v := range gs.VoteReasons {
		voter, err := sdk.AccAddressFromBech32(v.Voter)
		if err != nil {
			return err
		}
		if err := k.VoteReasons.Set(ctx, collections.Join(v.ProposalId, voter), v); err != nil {
			return err
		}
	}
	for _, e := range gs.EndedProposals {
		if err := k.Ended.Set(ctx, collections.Join(e.EndedAt.Unix(), e.ProposalId), e); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes the state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	next, err := k.NextCommentID.Peek(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params, NextCommentId: next}
	if err := k.Comments.Walk(ctx, nil, func(_ uint64, c types.Comment) (bool, error) {
		gs.Comments = append(gs.Comments, c)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.VoteReasons.Walk(ctx, nil, func(_ collections.Pair[uint64, sdk.AccAddress], v types.VoteReason) (bool, error) {
		gs.VoteReasons = append(gs.VoteReasons, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Ended.Walk(ctx, nil, func(_ collections.Pair[int64, uint64], e types.EndedProposal) (bool, error) {
		gs.EndedProposals = append(gs.EndedProposals, e)
		return false, nil
	}); err != nil {
		return nil, err
	}
	return gs, nil
}
