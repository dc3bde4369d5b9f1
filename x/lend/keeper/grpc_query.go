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
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/lend/types"
)

type queryServer struct{ k Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the Query service. Market and position queries
// show interest accrued to the current block (accrued in the query's
// context, which is discarded: a query writes nothing).
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k} }

// Params returns the parameters.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// MarketInfo describes a market with its derived figures.
func MarketInfo(m types.Market, s types.MarketState) (types.MarketInfo, error) {
	borrows, err := s.Borrows()
	if err != nil {
		return types.MarketInfo{}, err
	}
	total, err := types.TotalUnderlying(s.Cash, borrows, s.Reserves)
	if err != nil {
		return types.MarketInfo{}, err
	}
	u, err := risk.Utilization(s.Cash, borrows, s.Reserves)
	if err != nil {
		return types.MarketInfo{}, err
	}
	borrowRate, _, err := m.BorrowRate(s, u, 0)
	if err != nil {
		return types.MarketInfo{}, err
	}
	supplyRate, err := risk.SupplyRate(borrowRate, u, m.ReserveFactor)
	if err != nil {
		return types.MarketInfo{}, errorsmod.Wrapf(types.ErrMath, "supply rate: %s", err)
	}
	borrowAPY, err := risk.CompoundedRate(borrowRate, risk.SecondsPerYear)
	if err != nil {
		return types.MarketInfo{}, errorsmod.Wrapf(types.ErrMath, "borrow APY: %s", err)
	}
	supplyAPY, err := risk.CompoundedRate(supplyRate, risk.SecondsPerYear)
	if err != nil {
		return types.MarketInfo{}, errorsmod.Wrapf(types.ErrMath, "supply APY: %s", err)
	}
	return types.MarketInfo{
		Market: m, State: s, TotalBorrows: borrows, Utilization: u,
		ExchangeRate: types.ExchangeRate(s.ReceiptSupply, total),
		BorrowRate:   borrowRate, SupplyRate: supplyRate, BorrowApy: borrowAPY, SupplyApy: supplyAPY,
	}, nil
}

// Market returns one market.
func (q queryServer) Market(ctx context.Context, req *types.QueryMarketRequest) (*types.QueryMarketResponse, error) {
	if req == nil || req.Denom == "" {
		return nil, status.Error(codes.InvalidArgument, "denom is required")
	}
	info, err := q.k.marketInfoNow(ctx, req.Denom)
	if err != nil {
		return nil, err
	}
	return &types.QueryMarketResponse{Market: info}, nil
}

// Markets lists the markets by denom.
func (q queryServer) Markets(ctx context.Context, req *types.QueryMarketsRequest) (*types.QueryMarketsResponse, error) {
	var pg *query.PageRequest
	if req != nil {
		pg = req.Pagination
	}
	infos, page, err := query.CollectionPaginate(ctx, q.k.Markets, pg,
		func(denom string, _ types.Market) (types.MarketInfo, error) {
			return q.k.marketInfoNow(ctx, denom)
		})
	if err != nil {
		return nil, err
	}
	return &types.QueryMarketsResponse{Markets: infos, Pagination: page}, nil
}

// Position returns an account's collateral and debt per market, with
// interest accrued to the current block (as the health factor is), and a
// liquidation price per collateral when it owes anything.
func (q queryServer) Position(ctx context.Context, req *types.QueryPositionRequest) (*types.QueryPositionResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	addr, err := sdk.AccAddressFromBech32(req.Address)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "address %q: %s", req.Address, err)
	}
	coll, debt, err := q.k.positionDenoms(ctx, addr)
	if err != nil {
		return nil, err
	}
	entries := map[string]*types.PositionEntry{}
	var order []string
	entry := func(d string) *types.PositionEntry {
		if e, ok := entries[d]; ok {
			return e
		}
		e := &types.PositionEntry{Denom: d, Collateral: sdkmath.ZeroInt(), CollateralUnderlying: sdkmath.ZeroInt(),
			ScaledDebt: sdkmath.ZeroInt(), Debt: sdkmath.ZeroInt()}
		entries[d] = e
		order = append(order, d)
		return e
	}
	for _, d := range append(coll, debt...) {
		e := entry(d)
		// Accrued to this block, like the values below (the query
		// context is discarded, so nothing is written).
		_, s, err := q.k.AccruedMarket(ctx, d)
		if err != nil {
			return nil, err
		}
		key := collections.Join(addr, d)
		if e.Collateral, err = getAmount(ctx, q.k.Collateral, key); err != nil {
			return nil, err
		}
		if e.CollateralUnderlying, err = CollateralUnderlying(s, e.Collateral); err != nil {
			return nil, err
		}
		if e.ScaledDebt, err = getAmount(ctx, q.k.ScaledDebt, key); err != nil {
			return nil, err
		}
		if e.Debt, err = risk.DebtFromScaled(e.ScaledDebt, s.BorrowIndex); err != nil {
			return nil, err
		}
	}
	z := sdkmath.LegacyZeroDec()
	out := &types.QueryPositionResponse{BorrowLimit: z, WeightedCollateral: z, DebtValue: z, HealthFactor: z}
	for _, d := range order {
		out.Entries = append(out.Entries, *entries[d])
	}
	// Values accrues the markets: the query context is discarded afterwards.
	v, err := q.k.Values(ctx, addr)
	switch {
	case errors.Is(err, types.ErrPriceUnavailable):
		out.PriceError = err.Error()
	case err != nil:
		return nil, err
	default:
		out.BorrowLimit, out.WeightedCollateral, out.DebtValue, out.HealthFactor = v.BorrowLimit, v.WeightedCollateral, v.Debt, v.HealthFactor
		if v.Debt.IsPositive() {
			if out.LiquidationPrices, err = q.k.LiquidationPrices(ctx, addr); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
