package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/agora-labs/agora/x/dex/types"
)

// Limit order queries (x/dex/README.md, "Limit orders: queries").

// DefaultBookLevels and MaxBookLevels bound the levels per side of an
// OrderBook answer.
const (
	DefaultBookLevels = 50
	MaxBookLevels     = 500
)

// OrderBook aggregates a pool's open orders on (base, quote) by price.
func (q queryServer) OrderBook(ctx context.Context, req *types.QueryOrderBookRequest) (*types.QueryOrderBookResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	pool, err := q.k.GetPool(ctx, req.PoolId)
	if err != nil {
		return nil, err
	}
	if _, _, err := pool.Pair(req.Base, req.Quote); err != nil {
		return nil, err
	}
	limit := int(req.Limit)
	if limit == 0 {
		limit = DefaultBookLevels
	}
	if limit > MaxBookLevels {
		return nil, status.Errorf(codes.InvalidArgument, "limit %d is above %d", limit, MaxBookLevels)
	}
	spot, err := pool.SpotPrice(req.Base, req.Quote, sdk.UnwrapSDKContext(ctx).BlockTime())
	if err != nil {
		return nil, err
	}
	asks, err := q.k.bookLevels(ctx, req.PoolId, req.Base, req.Quote, limit, false)
	if err != nil {
		return nil, err
	}
	bids, err := q.k.bookLevels(ctx, req.PoolId, req.Quote, req.Base, limit, true)
	if err != nil {
		return nil, err
	}
	return &types.QueryOrderBookResponse{Asks: asks, Bids: bids, SpotPrice: spot}, nil
}

// bookLevels walks one book side best first and sums the remainders per
// limit price; invert gives the price as 1/limit (bids).
func (k Keeper) bookLevels(ctx context.Context, poolID uint64, in, out string, limit int, invert bool) ([]types.OrderBookLevel, error) {
	levels := []types.OrderBookLevel{}
	var last sdkmath.LegacyDec
	rng := collections.NewSuperPrefixedTripleRange[uint64, string, []byte](poolID, types.BookSide(in, out))
	err := k.LimitBook.Walk(ctx, rng, func(key LimitBookKey) (bool, error) {
		price, id, err := types.BookKeyPrice(key.K3())
		if err != nil {
			return true, err
		}
		o, err := k.LimitOrders.Get(ctx, id)
		if err != nil {
			return true, err
		}
		if len(levels) > 0 && price.Equal(last) {
			l := &levels[len(levels)-1]
			l.Remaining, l.Orders = l.Remaining.Add(o.Remaining), l.Orders+1
			return false, nil
		}
		if len(levels) == limit {
			return true, nil
		}
		last = price
		shown := price
		if invert {
			shown = sdkmath.LegacyOneDec().Quo(price)
		}
		levels = append(levels, types.OrderBookLevel{Price: shown, Remaining: o.Remaining, Orders: 1})
		return false, nil
	})
	return levels, err
}

// LimitOrder returns one limit order.
func (q queryServer) LimitOrder(ctx context.Context, req *types.QueryLimitOrderRequest) (*types.QueryLimitOrderResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	o, err := q.k.GetLimitOrder(ctx, req.OrderId)
	if err != nil {
		return nil, err
	}
	return &types.QueryLimitOrderResponse{Order: o}, nil
}

// LimitOrdersByOwner pages through an owner's orders.
func (q queryServer) LimitOrdersByOwner(ctx context.Context, req *types.QueryLimitOrdersByOwnerRequest) (*types.QueryLimitOrdersByOwnerResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if _, err := sdk.AccAddressFromBech32(req.Owner); err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "owner %q: %v", req.Owner, err)
	}
	orders, page, err := query.CollectionFilteredPaginate(ctx, q.k.LimitByOwner, req.Pagination,
		func(key collections.Pair[string, uint64], _ collections.NoValue) (bool, error) {
			if !req.OpenOnly {
				return true, nil
			}
			o, err := q.k.LimitOrders.Get(ctx, key.K2())
			return err == nil && o.IsOpen(), err
		},
		func(key collections.Pair[string, uint64], _ collections.NoValue) (types.LimitOrder, error) {
			return q.k.LimitOrders.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[string, uint64](req.Owner))
	if err != nil {
		return nil, err
	}
	return &types.QueryLimitOrdersByOwnerResponse{Orders: orders, Pagination: page}, nil
}

// LimitOrderFills pages through an order's fills, oldest first.
func (q queryServer) LimitOrderFills(ctx context.Context, req *types.QueryLimitOrderFillsRequest) (*types.QueryLimitOrderFillsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if _, err := q.k.GetLimitOrder(ctx, req.OrderId); err != nil {
		return nil, err
	}
	fills, page, err := query.CollectionPaginate(ctx, q.k.LimitFills, req.Pagination,
		func(_ collections.Pair[uint64, int64], f types.LimitOrderFill) (types.LimitOrderFill, error) {
			return f, nil
		},
		query.WithCollectionPaginationPairPrefix[uint64, int64](req.OrderId))
	if err != nil {
		return nil, err
	}
	return &types.QueryLimitOrderFillsResponse{Fills: fills, Pagination: page}, nil
}
