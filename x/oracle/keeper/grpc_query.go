package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
	"github.com/agora-labs/agora/x/oracle/types"
)

// queryServer serves the oracle's gRPC queries. Malformed requests get a
// gRPC InvalidArgument status; everything else a registered oracle error
// (ErrUnknownPair, ErrPriceNotFound) or the store's error unchanged.
type queryServer struct{ k Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the query server.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

// Params implements types.QueryServer.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: params}, nil
}

// Prices implements types.QueryServer.
func (q queryServer) Prices(ctx context.Context, _ *types.QueryPricesRequest) (*types.QueryPricesResponse, error) {
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	out := &types.QueryPricesResponse{Height: sdk.UnwrapSDKContext(ctx).BlockHeight()}
	for _, pair := range params.Pairs {
		info, err := q.k.priceInfo(ctx, params, pair)
		if err != nil {
			return nil, err
		}
		out.Prices = append(out.Prices, info)
	}
	return out, nil
}

// Price implements types.QueryServer.
func (q queryServer) Price(ctx context.Context, req *types.QueryPriceRequest) (*types.QueryPriceResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	name := types.PairName(req.Base, req.Quote)
	pair, ok := params.Pair(name)
	if !ok {
		return nil, errorsmod.Wrapf(types.ErrUnknownPair, "%s", name)
	}
	info, err := q.k.priceInfo(ctx, params, pair)
	if err != nil {
		return nil, err
	}
	return &types.QueryPriceResponse{Price: info, Height: sdk.UnwrapSDKContext(ctx).BlockHeight()}, nil
}

// HistoricMedian implements types.QueryServer.
func (q queryServer) HistoricMedian(ctx context.Context, req *types.QueryHistoricMedianRequest) (*types.QueryHistoricMedianResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	name := types.PairName(req.Base, req.Quote)
	if _, ok := params.Pair(name); !ok {
		return nil, errorsmod.Wrapf(types.ErrUnknownPair, "%s", name)
	}
	hm, err := q.k.HistoricMedians.Get(ctx, name)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, errorsmod.Wrapf(types.ErrPriceNotFound, "%s has no historic samples yet", name)
	}
	if err != nil {
		return nil, err
	}
	iter, err := q.k.HistoricSamples.Iterate(ctx, collections.NewPrefixedPairRange[string, int64](name))
	if err != nil {
		return nil, err
	}
	samples, err := iter.Values()
	if err != nil {
		return nil, err
	}
	return &types.QueryHistoricMedianResponse{HistoricMedian: hm, Samples: samples}, nil
}

// MissCounters implements types.QueryServer.
func (q queryServer) MissCounters(ctx context.Context, _ *types.QueryMissCountersRequest) (*types.QueryMissCountersResponse, error) {
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	blocks, err := q.k.MissWindowBlocks.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	w := int64(params.MissWindowBlocks)
	out := &types.QueryMissCountersResponse{WindowBlocks: blocks, WindowEndHeight: (height/w + 1) * w}
	err = q.k.MissCounters.Walk(ctx, nil, func(addr []byte, misses uint64) (bool, error) {
		out.MissCounters = append(out.MissCounters, types.MissCounter{Validator: sdk.ConsAddress(addr).String(), Misses: misses})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// priceInfo describes a listed pair's current price for queries.
func (k Keeper) priceInfo(ctx context.Context, params types.Params, pair types.Pair) (types.PriceInfo, error) {
	info := types.PriceInfo{
		Pair: pair.Name, Denom: pair.Denom, Stale: true,
		Price: sdkmath.LegacyZeroDec(), PowerShare: sdkmath.LegacyZeroDec(),
	}
	rec, err := k.Prices.Get(ctx, pair.Name)
	if errors.Is(err, collections.ErrNotFound) {
		return info, nil
	}
	if err != nil {
		return info, err
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()
	info.HasPrice = true
	info.Price = rec.Price
	info.UpdatedHeight = rec.UpdatedHeight
	info.UpdatedTime = rec.UpdatedTime
	info.AgeBlocks = height - rec.UpdatedHeight
	info.Stale = oraclemath.IsStale(rec.UpdatedHeight, height, int64(params.MaxPriceAgeBlocks))
	info.Reporters = rec.Reporters
	info.PowerShare = rec.PowerShare
	return info, nil
}
