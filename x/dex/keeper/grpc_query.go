package keeper

import (
	"context"
	"errors"
	"strings"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/agora-labs/agora/x/dex/types"
)

type queryServer struct{ k Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the Query service of x/dex.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

func (q queryServer) Pool(ctx context.Context, req *types.QueryPoolRequest) (*types.QueryPoolResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	p, err := q.k.GetPool(ctx, req.PoolId)
	if err != nil {
		return nil, err
	}
	return &types.QueryPoolResponse{Pool: p, Amplification: p.AmplificationAt(sdk.UnwrapSDKContext(ctx).BlockTime())}, nil
}

func (q queryServer) Pools(ctx context.Context, req *types.QueryPoolsRequest) (*types.QueryPoolsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if req.Denom == "" {
		pools, page, err := query.CollectionPaginate(ctx, q.k.Pools, req.Pagination,
			func(_ uint64, p types.Pool) (types.Pool, error) { return p, nil })
		if err != nil {
			return nil, err
		}
		return &types.QueryPoolsResponse{Pools: pools, Pagination: page}, nil
	}
	pools, page, err := query.CollectionPaginate(ctx, q.k.PoolsByDenom, req.Pagination,
		func(key collections.Pair[string, uint64], _ collections.NoValue) (types.Pool, error) {
			return q.k.GetPool(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[string, uint64](req.Denom))
	if err != nil {
		return nil, err
	}
	return &types.QueryPoolsResponse{Pools: pools, Pagination: page}, nil
}

// parseRoute zips the two route lists of a query.
func parseRoute(poolIDs []uint64, denomsOut []string) ([]types.Hop, error) {
	if len(poolIDs) != len(denomsOut) {
		return nil, errorsmod.Wrapf(types.ErrInvalidRoute, "%d route pool ids but %d route denoms out", len(poolIDs), len(denomsOut))
	}
	route := make([]types.Hop, len(poolIDs))
	for i := range poolIDs {
		route[i] = types.Hop{PoolId: poolIDs[i], DenomOut: denomsOut[i]}
	}
	return route, nil
}

func parseCoin(field, s string) (sdk.Coin, error) {
	c, err := sdk.ParseCoinNormalized(strings.TrimSpace(s))
	if err != nil {
		return sdk.Coin{}, errorsmod.Wrapf(types.ErrInvalidAmount, "%s %q: %v (write e.g. 1000000uagr)", field, s, err)
	}
	return c, nil
}

func (q queryServer) SimulateSwapExactIn(ctx context.Context, req *types.QuerySimulateSwapExactInRequest) (*types.QuerySimulateSwapExactInResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	route, err := parseRoute(req.RoutePoolIds, req.RouteDenomsOut)
	if err != nil {
		return nil, err
	}
	in, err := parseCoin("token_in", req.TokenIn)
	if err != nil {
		return nil, err
	}
	res, err := q.k.SimulateSwapExactIn(ctx, route, in)
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateSwapExactInResponse{TokenOut: res.TokenOut, Hops: res.Hops}, nil
}

func (q queryServer) SimulateSwapExactOut(ctx context.Context, req *types.QuerySimulateSwapExactOutRequest) (*types.QuerySimulateSwapExactOutResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	route, err := parseRoute(req.RoutePoolIds, req.RouteDenomsOut)
	if err != nil {
		return nil, err
	}
	out, err := parseCoin("token_out", req.TokenOut)
	if err != nil {
		return nil, err
	}
	res, err := q.k.SimulateSwapExactOut(ctx, route, req.DenomIn, out)
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateSwapExactOutResponse{TokenIn: res.TokenIn, Hops: res.Hops}, nil
}

func (q queryServer) BestRoute(ctx context.Context, req *types.QueryBestRouteRequest) (*types.QueryBestRouteResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	in, err := parseCoin("token_in", req.TokenIn)
	if err != nil {
		return nil, err
	}
	res, route, err := q.k.BestRoute(ctx, in, req.DenomOut)
	if err != nil {
		return nil, err
	}
	return &types.QueryBestRouteResponse{Route: route, TokenOut: res.TokenOut}, nil
}

func (q queryServer) SpotPrice(ctx context.Context, req *types.QuerySpotPriceRequest) (*types.QuerySpotPriceResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	p, err := q.k.GetPool(ctx, req.PoolId)
	if err != nil {
		return nil, err
	}
	price, err := p.SpotPrice(req.BaseDenom, req.QuoteDenom, sdk.UnwrapSDKContext(ctx).BlockTime())
	if err != nil {
		return nil, err
	}
	return &types.QuerySpotPriceResponse{SpotPrice: price}, nil
}

func (q queryServer) Positions(ctx context.Context, req *types.QueryPositionsRequest) (*types.QueryPositionsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	addr, err := sdk.AccAddressFromBech32(req.Address)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "%q: %v", req.Address, err)
	}
	var positions []types.Position
	for _, c := range q.k.bank.GetAllBalances(ctx, addr) {
		id, ok := types.PoolIDFromShareDenom(c.Denom)
		if !ok || !c.Amount.IsPositive() {
			continue
		}
		p, err := q.k.GetPool(ctx, id)
		if errors.Is(err, types.ErrPoolNotFound) {
			continue // a "dex/pool/N" coin of no pool (cannot be minted; skip rather than fail)
		} else if err != nil {
			return nil, err
		}
		value, _, err := p.ExitProportional(c.Amount)
		if err != nil {
			return nil, err
		}
		positions = append(positions, types.Position{PoolId: id, Shares: c, Value: value})
	}
	return &types.QueryPositionsResponse{Positions: positions}, nil
}

func (q queryServer) Twap(ctx context.Context, req *types.QueryTwapRequest) (*types.QueryTwapResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	start, err := time.Parse(time.RFC3339Nano, req.StartTime)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidTime, "start_time %q: %v (write e.g. 2026-01-01T00:00:00Z)", req.StartTime, err)
	}
	end := sdk.UnwrapSDKContext(ctx).BlockTime()
	if req.EndTime != "" {
		if end, err = time.Parse(time.RFC3339Nano, req.EndTime); err != nil {
			return nil, errorsmod.Wrapf(types.ErrInvalidTime, "end_time %q: %v (write e.g. 2026-01-01T00:00:00Z)", req.EndTime, err)
		}
	}
	arith, geo, err := q.k.TWAP(ctx, req.PoolId, req.BaseDenom, req.QuoteDenom, start, end)
	if err != nil {
		return nil, err
	}
	return &types.QueryTwapResponse{ArithmeticTwap: arith, GeometricTwap: geo, StartTime: start.UTC(), EndTime: end.UTC()}, nil
}

// SwapOrder returns a queued swap's status and fill.
func (q queryServer) SwapOrder(ctx context.Context, req *types.QuerySwapOrderRequest) (*types.QuerySwapOrderResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	o, err := q.k.SwapOrders.Get(ctx, req.OrderId)
	if err != nil {
		if errorsIsNotFound(err) {
			return nil, errorsmod.Wrapf(types.ErrOrderNotFound, "order %d does not exist or was pruned (settled orders are kept for %d blocks)", req.OrderId, OrderHistoryBlocks)
		}
		return nil, err
	}
	return &types.QuerySwapOrderResponse{Order: o}, nil
}
