package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/agora-labs/agora/x/timelock/types"
)

// Hooks are x/gov's hooks into the timelock. x/gov executes a passed
// proposal's messages and then calls AfterProposalVotingPeriodEnded for it
// in the same block: the operations its MsgSchedule queued are still in
// Unstamped and get the proposal's id.
type Hooks struct{ k Keeper }

var _ govtypes.GovHooks = Hooks{}

// Hooks returns the gov hooks to register with x/gov.
func (k Keeper) Hooks() Hooks { return Hooks{k: k} }

// AfterProposalSubmission does nothing.
func (Hooks) AfterProposalSubmission(context.Context, uint64) error { return nil }

// AfterProposalDeposit does nothing.
func (Hooks) AfterProposalDeposit(context.Context, uint64, sdk.AccAddress) error { return nil }

// AfterProposalVote does nothing.
func (Hooks) AfterProposalVote(context.Context, uint64, sdk.AccAddress) error { return nil }

// AfterProposalFailedMinDeposit does nothing.
func (Hooks) AfterProposalFailedMinDeposit(context.Context, uint64) error { return nil }

// AfterProposalVotingPeriodEnded stamps the operations the proposal just
// scheduled with its id.
func (h Hooks) AfterProposalVotingPeriodEnded(ctx context.Context, proposalID uint64) error {
	return h.k.stampProposal(ctx, proposalID)
}

func (k Keeper) stampProposal(ctx context.Context, proposalID uint64) error {
	var ids []uint64
	if err := k.Unstamped.Walk(ctx, nil, func(id uint64) (bool, error) {
		ids = append(ids, id)
		return false, nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		if err := k.Unstamped.Remove(ctx, id); err != nil {
			return err
		}
		op, err := k.Operations.Get(ctx, id)
		if err != nil {
			if errors.Is(err, collections.ErrNotFound) {
				continue
			}
			return err
		}
		op.ProposalId = proposalID
		if err := k.Operations.Set(ctx, id, op); err != nil {
			return err
		}
		if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventOperationProposal{Id: id, ProposalId: proposalID}); err != nil {
			return err
		}
	}
	return nil
}
