package keeper

import (
	"context"
	"strings"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/agora-labs/agora/x/dex/types"
)

// The liquidity simulations and the pool statistics queries.

func parseShares(s string) (sdkmath.Int, error) {
	n, ok := sdkmath.NewIntFromString(strings.TrimSpace(s))
	if !ok || !n.IsPositive() {
		return sdkmath.Int{}, errorsmod.Wrapf(types.ErrInvalidAmount, "shares_in %q must be a positive whole number of shares", s)
	}
	return n, nil
}

func (q queryServer) SimulateJoinPool(ctx context.Context, req *types.QuerySimulateJoinPoolRequest) (*types.QuerySimulateJoinPoolResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	maxIn, err := sdk.ParseCoinsNormalized(strings.TrimSpace(req.MaxAmountsIn))
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAmount, "max_amounts_in %q: %v (write e.g. 1000000ueth,2500000000uusdc)", req.MaxAmountsIn, err)
	}
	shares, in, err := q.k.SimulateJoinPool(ctx, req.PoolId, maxIn)
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateJoinPoolResponse{SharesOut: shares, AmountsIn: in}, nil
}

func (q queryServer) SimulateExitPool(ctx context.Context, req *types.QuerySimulateExitPoolRequest) (*types.QuerySimulateExitPoolResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	shares, err := parseShares(req.SharesIn)
	if err != nil {
		return nil, err
	}
	out, err := q.k.SimulateExitPool(ctx, req.PoolId, shares)
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateExitPoolResponse{AmountsOut: out}, nil
}

func (q queryServer) SimulateJoinSingleAsset(ctx context.Context, req *types.QuerySimulateJoinSingleAssetRequest) (*types.QuerySimulateJoinSingleAssetResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	in, err := parseCoin("token_in", req.TokenIn)
	if err != nil {
		return nil, err
	}
	res, err := q.k.SimulateJoinSingleAsset(ctx, req.PoolId, in)
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateJoinSingleAssetResponse{SharesOut: res.Shares, Fee: res.Fee, ProtocolFee: res.ProtocolFee, PriceImpact: res.PriceImpact}, nil
}

func (q queryServer) SimulateExitSingleAsset(ctx context.Context, req *types.QuerySimulateExitSingleAssetRequest) (*types.QuerySimulateExitSingleAssetResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	shares, err := parseShares(req.SharesIn)
	if err != nil {
		return nil, err
	}
	res, err := q.k.SimulateExitSingleAsset(ctx, req.PoolId, shares, strings.TrimSpace(req.DenomOut))
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateExitSingleAssetResponse{TokenOut: res.Token, Fee: res.Fee, ProtocolFee: res.ProtocolFee, PriceImpact: res.PriceImpact}, nil
}

func (q queryServer) PoolStats(ctx context.Context, req *types.QueryPoolStatsRequest) (*types.QueryPoolStatsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	window := DefaultStatsWindow
	if w := strings.TrimSpace(req.Window); w != "" {
		d, err := time.ParseDuration(w)
		if err != nil {
			return nil, errorsmod.Wrapf(types.ErrInvalidTime, "window %q: %v (write e.g. 24h)", req.Window, err)
		}
		window = d
	}
	res, err := q.k.PoolStatsOver(ctx, req.PoolId, window)
	if err != nil {
		return nil, err
	}
	return &types.QueryPoolStatsResponse{Window: res.Window, StartTime: res.Start, EndTime: res.End, Cumulative: res.Cumulative}, nil
}

func (q queryServer) PoolHistory(ctx context.Context, req *types.QueryPoolHistoryRequest) (*types.QueryPoolHistoryResponse, error) {
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
	points := int(req.Points)
	if req.Points == 0 {
		points = 24
	}
	samples, err := q.k.PoolHistory(ctx, req.PoolId, start, end, points)
	if err != nil {
		return nil, err
	}
	return &types.QueryPoolHistoryResponse{Samples: samples}, nil
}
