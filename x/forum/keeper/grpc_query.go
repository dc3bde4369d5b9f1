package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/agora-labs/agora/x/forum/types"
)

type queryServer struct{ k Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns x/forum's Query service.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

// Params returns the parameters.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// Thread returns a page of the proposal's comments ordered by id, and all
// of its recorded vote reasons.
func (q queryServer) Thread(ctx context.Context, req *types.QueryThreadRequest) (*types.QueryThreadResponse, error) {
	if req == nil || req.ProposalId == 0 {
		return nil, status.Error(codes.InvalidArgument, "proposal_id must be positive")
	}
	ids, page, err := query.CollectionPaginate(ctx, q.k.ByProposal, req.Pagination,
		func(key collections.Pair[uint64, uint64], _ collections.NoValue) (uint64, error) {
			return key.K2(), nil
		},
		query.WithCollectionPaginationPairPrefix[uint64, uint64](req.ProposalId))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	comments, err := q.k.commentsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	var reasons []types.VoteReason
	err = q.k.VoteReasons.Walk(ctx, collections.NewPrefixedPairRange[uint64, sdk.AccAddress](req.ProposalId),
		func(_ collections.Pair[uint64, sdk.AccAddress], v types.VoteReason) (bool, error) {
			reasons = append(reasons, v)
			return false, nil
		})
	if err != nil {
		return nil, err
	}
	return &types.QueryThreadResponse{Comments: comments, VoteReasons: reasons, Pagination: page}, nil
}

// Comment returns one comment.
func (q queryServer) Comment(ctx context.Context, req *types.QueryCommentRequest) (*types.QueryCommentResponse, error) {
	if req == nil || req.CommentId == 0 {
		return nil, status.Error(codes.InvalidArgument, "comment_id must be positive")
	}
	c, err := q.k.GetComment(ctx, req.CommentId)
	if err != nil {
		return nil, err
	}
	return &types.QueryCommentResponse{Comment: c}, nil
}

// AuthorComments returns a page of an author's comments ordered by id.
func (q queryServer) AuthorComments(ctx context.Context, req *types.QueryAuthorCommentsRequest) (*types.QueryAuthorCommentsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	author, err := sdk.AccAddressFromBech32(req.Author)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "author %q: %s", req.Author, err)
	}
	ids, page, err := query.CollectionPaginate(ctx, q.k.ByAuthor, req.Pagination,
		func(key collections.Pair[sdk.AccAddress, uint64], _ collections.NoValue) (uint64, error) {
			return key.K2(), nil
		},
		query.WithCollectionPaginationPairPrefix[sdk.AccAddress, uint64](author))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	comments, err := q.k.commentsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	return &types.QueryAuthorCommentsResponse{Comments: comments, Pagination: page}, nil
}

func (k Keeper) commentsByID(ctx context.Context, ids []uint64) ([]types.Comment, error) {
	out := make([]types.Comment, 0, len(ids))
	for _, id := range ids {
		c, err := k.GetComment(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
