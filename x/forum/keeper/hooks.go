package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/agora-labs/agora/x/forum/types"
)

// Hooks are x/gov's hooks into the forum: a vote's reason is recorded when
// it is cast (x/gov deletes votes when it tallies), and a proposal's end
// starts its thread's retention period.
type Hooks struct{ k Keeper }

var _ govtypes.GovHooks = Hooks{}

// Hooks returns the gov hooks to register with x/gov.
func (k Keeper) Hooks() Hooks { return Hooks{k: k} }

// AfterProposalSubmission does nothing.
func (Hooks) AfterProposalSubmission(context.Context, uint64) error { return nil }

// AfterProposalDeposit does nothing.
func (Hooks) AfterProposalDeposit(context.Context, uint64, sdk.AccAddress) error { return nil }

// AfterProposalVote records the vote's reason (its metadata), or forgets
// an earlier reason when the new vote has none.
func (h Hooks) AfterProposalVote(ctx context.Context, proposalID uint64, voter sdk.AccAddress) error {
	return h.k.RecordVote(ctx, proposalID, voter)
}

// AfterProposalFailedMinDeposit: the proposal ended (x/gov deleted it).
func (h Hooks) AfterProposalFailedMinDeposit(ctx context.Context, proposalID uint64) error {
	return h.k.MarkEnded(ctx, proposalID)
}

// AfterProposalVotingPeriodEnded: the proposal ended, unless it was an
// expedited proposal that x/gov turned into a regular one (still voting).
func (h Hooks) AfterProposalVotingPeriodEnded(ctx context.Context, proposalID uint64) error {
	p, err := h.k.gov.GetProposal(ctx, proposalID)
	if err == nil && p.Status == govv1.StatusVotingPeriod {
		return nil
	}
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	return h.k.MarkEnded(ctx, proposalID)
}

// RecordVote copies a vote with a non-empty reason into the forum.
func (k Keeper) RecordVote(ctx context.Context, proposalID uint64, voter sdk.AccAddress) error {
	key := collections.Join(proposalID, voter)
	v, err := k.gov.GetVote(ctx, proposalID, voter)
	if err != nil {
		return err
	}
	if v.Metadata == "" {
		return k.VoteReasons.Remove(ctx, key)
	}
	opts := make([]string, 0, len(v.Options))
	for _, o := range v.Options {
		opts = append(opts, o.Option.String()+"="+o.Weight)
	}
	return k.VoteReasons.Set(ctx, key, types.VoteReason{ProposalId: proposalID, Voter: voter.String(), Options: opts, Reason: v.Metadata})
}

// MarkEnded queues the proposal's thread for pruning retention_seconds
// after now.
func (k Keeper) MarkEnded(ctx context.Context, proposalID uint64) error {
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	return k.Ended.Set(ctx, collections.Join(now.Unix(), proposalID), types.EndedProposal{ProposalId: proposalID, EndedAt: now})
}
