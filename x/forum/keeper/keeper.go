// Package keeper holds x/forum's state and handlers: comments on governance
// proposals, the reasons of their votes, and the pruning of ended threads.
package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/forum/types"
)

// Keeper is x/forum's keeper (passed by value).
type Keeper struct {
	cdc       codec.BinaryCodec
	gov       types.GovKeeper
	bank      types.BankKeeper
	distr     types.DistributionKeeper
	authority string

	Schema   collections.Schema
	Params   collections.Item[types.Params]
	Comments collections.Map[uint64, types.Comment]
	// ByProposal orders each proposal's thread by comment id.
	ByProposal collections.KeySet[collections.Pair[uint64, uint64]]
	// ByAuthor orders each author's comments by id.
	ByAuthor      collections.KeySet[collections.Pair[sdk.AccAddress, uint64]]
	NextCommentID collections.Sequence
	// VoteReasons: (proposal, voter) → the vote with its reason.
	VoteReasons collections.Map[collections.Pair[uint64, sdk.AccAddress], types.VoteReason]
	// Ended: (unix seconds the proposal ended, proposal) → record; the
	// pruning queue, oldest first.
	Ended collections.Map[collections.Pair[int64, uint64], types.EndedProposal]
}

// NewKeeper builds the keeper; authority (the gov module account) must be
// a valid address.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, gov types.GovKeeper, bank types.BankKeeper,
	distr types.DistributionKeeper, authority string,
) Keeper {
	if _, err := sdk.AccAddressFromBech32(authority); err != nil {
		panic("x/forum: invalid authority: " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc: cdc, gov: gov, bank: bank, distr: distr, authority: authority,

		Params:   collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Comments: collections.NewMap(sb, types.CommentsKey, "comments", collections.Uint64Key, codec.CollValue[types.Comment](cdc)),
		ByProposal: collections.NewKeySet(sb, types.ByProposalKey, "comments_by_proposal",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key)),
		ByAuthor: collections.NewKeySet(sb, types.ByAuthorKey, "comments_by_author",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key)),
		NextCommentID: collections.NewSequence(sb, types.NextCommentIDKey, "next_comment_id"),
		VoteReasons: collections.NewMap(sb, types.VoteReasonsKey, "vote_reasons",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), codec.CollValue[types.VoteReason](cdc)),
		Ended: collections.NewMap(sb, types.EndedKey, "ended_proposals",
			collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key), codec.CollValue[types.EndedProposal](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority is the address allowed to change parameters.
func (k Keeper) Authority() string { return k.authority }

// atomic runs fn in a cached context and writes only when it succeeds.
func atomic(ctx context.Context, fn func(ctx sdk.Context) error) error {
	cache, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	if err := fn(cache); err != nil {
		return err
	}
	write()
	return nil
}
