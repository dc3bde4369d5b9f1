package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
)

// GovKeeper is what the forum reads of x/gov (app/forum.go adapts
// x/gov's keeper; its collections have no methods to declare here).
type GovKeeper interface {
	// GetProposal returns the proposal, or an error wrapping
	// collections.ErrNotFound.
	GetProposal(ctx context.Context, id uint64) (govv1.Proposal, error)
	// GetVote returns a voter's vote on a proposal.
	GetVote(ctx context.Context, proposalID uint64, voter sdk.AccAddress) (govv1.Vote, error)
}

// DistributionKeeper receives the post fee into the community pool.
type DistributionKeeper interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// BankKeeper tells whether the author can pay the fee.
type BankKeeper interface {
	SpendableCoins(ctx context.Context, addr sdk.AccAddress) sdk.Coins
}
