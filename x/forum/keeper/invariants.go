package keeper

import (
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/forum/types"
)

// IndexInvariant: every comment is in both indexes under its own proposal
// and author, every index entry names a stored comment, and no id reaches
// the sequence.
func (k Keeper) IndexInvariant(ctx sdk.Context) error {
	next, err := k.NextCommentID.Peek(ctx)
	if err != nil {
		return err
	}
	n := 0
	err = k.Comments.Walk(ctx, nil, func(id uint64, c types.Comment) (bool, error) {
		n++
		if id >= next {
			return true, fmt.Errorf("comment %d at or above next id %d", id, next)
		}
		author, err := sdk.AccAddressFromBech32(c.Author)
		if err != nil {
			return true, err
		}
		if ok, err := k.ByProposal.Has(ctx, collections.Join(c.ProposalId, id)); err != nil || !ok {
			return true, fmt.Errorf("comment %d missing from its proposal's thread index (%v)", id, err)
		}
		if ok, err := k.ByAuthor.Has(ctx, collections.Join(author, id)); err != nil || !ok {
			return true, fmt.Errorf("comment %d missing from its author's index (%v)", id, err)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	for name, count := range map[string]func() (int, error){
		"thread": func() (int, error) { return countKeys(ctx, k.ByProposal) },
		"author": func() (int, error) { return countKeys(ctx, k.ByAuthor) },
	} {
		c, err := count()
		if err != nil {
			return err
		}
		if c != n {
			return fmt.Errorf("%s index has %d entries for %d comments", name, c, n)
		}
	}
	return nil
}

func countKeys[K any](ctx sdk.Context, ks collections.KeySet[K]) (int, error) {
	n := 0
	err := ks.Walk(ctx, nil, func(K) (bool, error) { n++; return false, nil })
	return n, err
}
