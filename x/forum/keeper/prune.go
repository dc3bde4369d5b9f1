package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/forum/types"
)

// EndBlock prunes the threads (comments and vote reasons) of proposals that
// ended more than params.retention_seconds ago, oldest first, at most
// params.prune_per_block records per block; a thread may take several
// blocks. The events of posting keep the history.
func (k Keeper) EndBlock(ctx context.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	sctx := sdk.UnwrapSDKContext(ctx)
	cutoff := PruneCutoff(sctx.BlockTime().Unix(), params.RetentionSeconds)
	budget := uint64(params.PrunePerBlock)
	var due []collections.Pair[int64, uint64]
	err = k.Ended.Walk(ctx, nil, func(key collections.Pair[int64, uint64], _ types.EndedProposal) (bool, error) {
		if key.K1() > cutoff || uint64(len(due)) >= budget {
			return true, nil
		}
		due = append(due, key)
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, key := range due {
		if budget == 0 {
			break
		}
		deleted, done, err := k.pruneThread(ctx, key.K2(), budget)
		if err != nil {
			return err
		}
		budget -= deleted
		if done {
			if err := k.Ended.Remove(ctx, key); err != nil {
				return err
			}
		}
		if err := sctx.EventManager().EmitTypedEvent(&types.EventThreadPruned{ProposalId: key.K2(), Deleted: deleted, Done: done}); err != nil {
			return err
		}
	}
	return nil
}

// PruneCutoff is the latest end time (unix seconds) whose threads are due
// at now: now - retention.
func PruneCutoff(now int64, retentionSeconds uint64) int64 {
	return now - int64(retentionSeconds)
}

// pruneThread deletes up to budget records of the proposal's thread:
// comments first (with their indexes), then vote reasons. done: nothing of
// the thread is left.
func (k Keeper) pruneThread(ctx context.Context, proposalID, budget uint64) (deleted uint64, done bool, err error) {
	var ids []uint64
	rng := collections.NewPrefixedPairRange[uint64, uint64](proposalID)
	err = k.ByProposal.Walk(ctx, rng, func(key collections.Pair[uint64, uint64]) (bool, error) {
		if uint64(len(ids)) >= budget {
			return true, nil
		}
		ids = append(ids, key.K2())
		return false, nil
	})
	if err != nil {
		return 0, false, err
	}
	for _, id := range ids {
		c, err := k.Comments.Get(ctx, id)
		if err != nil {
			return deleted, false, err
		}
		author, err := sdk.AccAddressFromBech32(c.Author)
		if err != nil {
			return deleted, false, err
		}
		if err := k.Comments.Remove(ctx, id); err != nil {
			return deleted, false, err
		}
		if err := k.ByProposal.Remove(ctx, collections.Join(proposalID, id)); err != nil {
			return deleted, false, err
		}
		if err := k.ByAuthor.Remove(ctx, collections.Join(author, id)); err != nil {
			return deleted, false, err
		}
		deleted++
	}
	var voters []sdk.AccAddress
	vrng := collections.NewPrefixedPairRange[uint64, sdk.AccAddress](proposalID)
	err = k.VoteReasons.Walk(ctx, vrng, func(key collections.Pair[uint64, sdk.AccAddress], _ types.VoteReason) (bool, error) {
		if uint64(len(voters)) >= budget-deleted {
			return true, nil
		}
		voters = append(voters, key.K2())
		return false, nil
	})
	if err != nil {
		return deleted, false, err
	}
	for _, v := range voters {
		if err := k.VoteReasons.Remove(ctx, collections.Join(proposalID, v)); err != nil {
			return deleted, false, err
		}
		deleted++
	}
	commentsLeft, err := k.ByProposal.Iterate(ctx, rng)
	if err != nil {
		return deleted, false, err
	}
	defer commentsLeft.Close()
	reasonsLeft, err := k.VoteReasons.Iterate(ctx, vrng)
	if err != nil {
		return deleted, false, err
	}
	defer reasonsLeft.Close()
	return deleted, !commentsLeft.Valid() && !reasonsLeft.Valid(), nil
}
