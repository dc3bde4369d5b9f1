package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/margin/types"
)

type queryServer struct{ k Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns x/margin's Query service.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k} }

// Params returns the parameters.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// Pairs lists the pairs with their figures now.
func (q queryServer) Pairs(ctx context.Context, _ *types.QueryPairsRequest) (*types.QueryPairsResponse, error) {
	var out []types.PairInfo
	err := q.k.Pairs.Walk(ctx, nil, func(id string, p types.MarginPair) (bool, error) {
		info, err := q.k.PairInfo(ctx, p)
		if err != nil {
			return true, err
		}
		out = append(out, info)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return &types.QueryPairsResponse{Pairs: out}, nil
}

// PairInfo is a pair with its open interest, fund, lend rates and room now.
func (k Keeper) PairInfo(ctx context.Context, p types.MarginPair) (types.PairInfo, error) {
	id := p.ID()
	oi, err := k.GetOpenInterest(ctx, id)
	if err != nil {
		return types.PairInfo{}, err
	}
	fund, err := k.InsuranceFund(ctx, id)
	if err != nil {
		return types.PairInfo{}, err
	}
	info := types.PairInfo{
		Pair: p, Id: id, OpenInterest: oi, InsuranceFund: sdk.NewCoin(p.QuoteDenom, fund),
		LongRoom:  sdkmath.MaxInt(p.MaxOpenInterestLong.Sub(oi.Long), sdkmath.ZeroInt()),
		ShortRoom: sdkmath.MaxInt(p.MaxOpenInterestShort.Sub(oi.Short), sdkmath.ZeroInt()),
	}
	rate := func(denom string) (sdkmath.LegacyDec, sdkmath.Int, error) {
		m, s, err := k.lend.AccruedMarket(ctx, denom)
		if err != nil {
			return sdkmath.LegacyDec{}, sdkmath.Int{}, err
		}
		borrows, err := s.Borrows()
		if err != nil {
			return sdkmath.LegacyDec{}, sdkmath.Int{}, err
		}
		u, err := risk.Utilization(s.Cash, borrows, s.Reserves)
		if err != nil {
			return sdkmath.LegacyDec{}, sdkmath.Int{}, err
		}
		r, _, err := m.BorrowRate(s, u, 0)
		return r, s.Cash, err
	}
	if info.LongBorrowRate, info.QuoteCash, err = rate(p.QuoteDenom); err != nil {
		return types.PairInfo{}, err
	}
	if info.ShortBorrowRate, info.BaseCash, err = rate(p.BaseDenom); err != nil {
		return types.PairInfo{}, err
	}
	return info, nil
}

// Position returns a position valued now.
func (q queryServer) Position(ctx context.Context, req *types.QueryPositionRequest) (*types.QueryPositionResponse, error) {
	if req == nil || req.Id == 0 {
		return nil, status.Error(codes.InvalidArgument, "id must be positive")
	}
	p, err := q.k.GetPosition(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	info, err := q.k.PositionInfo(ctx, p)
	if err != nil {
		return nil, err
	}
	return &types.QueryPositionResponse{Position: info}, nil
}

// PositionsByOwner lists an owner's positions.
func (q queryServer) PositionsByOwner(ctx context.Context, req *types.QueryPositionsByOwnerRequest) (*types.QueryPositionsByOwnerResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	owner, err := sdk.AccAddressFromBech32(req.Owner)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "owner: %v", err)
	}
	var out []types.PositionInfo
	err = q.k.ByOwner.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](owner), func(key collections.Pair[sdk.AccAddress, uint64]) (bool, error) {
		p, err := q.k.GetPosition(ctx, key.K2())
		if err != nil {
			return true, err
		}
		info, err := q.k.PositionInfo(ctx, p)
		if err != nil {
			return true, err
		}
		out = append(out, info)
		return len(out) >= 200, nil
	})
	if err != nil {
		return nil, err
	}
	return &types.QueryPositionsByOwnerResponse{Positions: out}, nil
}

// PositionsAtRisk reads a pair's liquidation books from their riskiest end.
func (q queryServer) PositionsAtRisk(ctx context.Context, req *types.QueryPositionsAtRiskRequest) (*types.QueryPositionsAtRiskResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	limit := int(req.Limit)
	if limit == 0 {
		limit = 20
	}
	if limit > 100 {
		return nil, status.Errorf(codes.InvalidArgument, "limit %d is above 100", limit)
	}
	if _, err := q.k.GetPair(ctx, req.Pair); err != nil {
		return nil, err
	}
	var out []types.PositionInfo
	add := func(id uint64) (bool, error) {
		p, err := q.k.GetPosition(ctx, id)
		if err != nil {
			return true, err
		}
		info, err := q.k.PositionInfo(ctx, p)
		if err != nil {
			return true, err
		}
		out = append(out, info)
		return true, nil
	}
	all := func(sdkmath.LegacyDec) bool { return true }
	if req.Side != types.SIDE_SHORT {
		if _, err := q.k.scanBook(ctx, book(req.Pair, bookLong), true, limit, all, add); err != nil {
			return nil, err
		}
	}
	if req.Side != types.SIDE_LONG {
		if _, err := q.k.scanBook(ctx, book(req.Pair, bookShort), false, limit, all, add); err != nil {
			return nil, err
		}
	}
	return &types.QueryPositionsAtRiskResponse{Positions: out}, nil
}

// SimulateOpen runs MsgOpenPosition in a discarded context.
func (q queryServer) SimulateOpen(ctx context.Context, req *types.QuerySimulateOpenRequest) (*types.QuerySimulateOpenResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	msg, err := simulateOpenMsg(req)
	if err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return &types.QuerySimulateOpenResponse{Error: err.Error()}, nil
	}
	cache, _ := sdk.UnwrapSDKContext(ctx).CacheContext()
	p, err := q.k.OpenPosition(cache, msg)
	if err != nil {
		return &types.QuerySimulateOpenResponse{Error: err.Error()}, nil
	}
	info, err := q.k.PositionInfo(cache, p)
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateOpenResponse{Position: info}, nil
}

// PositionInfo values a position now; without a price only the position and
// its debt are set, with price_error saying why.
func (k Keeper) PositionInfo(ctx context.Context, p types.Position) (types.PositionInfo, error) {
	pair, err := k.GetPair(ctx, p.Pair)
	if err != nil {
		return types.PositionInfo{}, err
	}
	zero := sdkmath.LegacyZeroDec()
	info := types.PositionInfo{Position: p, HoldingsValue: zero, DebtValue: zero, Equity: zero, Pnl: zero,
		MarginRatio: zero, Leverage: zero, LiquidationPrice: zero, Price: zero}
	debt, err := k.lend.Debt(ctx, types.PositionAccount(p.Id), pair.DebtDenom(p.Side))
	if err != nil {
		return types.PositionInfo{}, err
	}
	info.Debt = sdk.NewCoin(pair.DebtDenom(p.Side), debt)
	pp, err := k.prices(ctx, pair)
	if err != nil {
		info.PriceError = err.Error()
		return info, nil
	}
	v, _, err := k.value(ctx, p, pair, pp)
	if err != nil {
		return types.PositionInfo{}, err
	}
	info.HoldingsValue, info.DebtValue, info.Equity = v.Holdings, v.Debt, v.Equity
	info.Pnl = v.Equity.Sub(pp.QuoteColl.MulInt(p.Margin))
	info.MarginRatio, info.Leverage = v.MarginRatio, v.Leverage()
	info.LiquidationPrice = liquidationPriceWhole(p, pair, v, debt, pp)
	info.Price = pp.Price
	info.Liquidatable = v.Liquidatable(pair.MaintenanceMargin)
	return info, nil
}
