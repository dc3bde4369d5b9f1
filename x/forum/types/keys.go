package types

import "cosmossdk.io/collections"

const (
	// ModuleName is "forum".
	ModuleName = "forum"
	// StoreKey is the module's KV store key.
	StoreKey = ModuleName
)

// Store prefixes (collections).
var (
	ParamsKey        = collections.NewPrefix(0)
	CommentsKey      = collections.NewPrefix(1)
	ByProposalKey    = collections.NewPrefix(2)
	ByAuthorKey      = collections.NewPrefix(3)
	NextCommentIDKey = collections.NewPrefix(4)
	VoteReasonsKey   = collections.NewPrefix(5)
	EndedKey         = collections.NewPrefix(6)
)
