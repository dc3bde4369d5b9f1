package keeper

import (
	"context"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/agora-labs/agora/x/timelock/types"
)

type queryServer struct{ k Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns x/timelock's Query service.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

// Params returns the parameters.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// Operations lists the queued operations by id, each with its seconds left.
func (q queryServer) Operations(ctx context.Context, req *types.QueryOperationsRequest) (*types.QueryOperationsResponse, error) {
	if req == nil {
		req = &types.QueryOperationsRequest{}
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	ops, page, err := query.CollectionPaginate(ctx, q.k.Operations, req.Pagination,
		func(_ uint64, op types.Operation) (types.QueuedOperation, error) {
			return queued(op, now), nil
		})
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryOperationsResponse{Operations: ops, Pagination: page}, nil
}

// Operation returns one queued operation.
func (q queryServer) Operation(ctx context.Context, req *types.QueryOperationRequest) (*types.QueryOperationResponse, error) {
	if req == nil || req.Id == 0 {
		return nil, status.Error(codes.InvalidArgument, "id must be positive")
	}
	op, err := q.k.GetOperation(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryOperationResponse{Operation: queued(op, sdk.UnwrapSDKContext(ctx).BlockTime())}, nil
}

func queued(op types.Operation, now time.Time) types.QueuedOperation {
	return types.QueuedOperation{Operation: op, SecondsLeft: types.SecondsLeft(op.Eta, now)}
}
