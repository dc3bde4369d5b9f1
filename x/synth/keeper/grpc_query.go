package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

type queryServer struct{ k Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns x/synth's Query service.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

func (q queryServer) Collaterals(ctx context.Context, _ *types.QueryCollateralsRequest) (*types.QueryCollateralsResponse, error) {
	out := &types.QueryCollateralsResponse{}
	err := q.k.Collaterals.Walk(ctx, nil, func(d string, c types.Collateral) (bool, error) {
		cs, err := q.k.CollateralStates.Get(ctx, d)
		if err != nil {
			return true, err
		}
		out.Collaterals = append(out.Collaterals, types.CollateralInfo{Collateral: c, State: cs})
		return false, nil
	})
	return out, err
}

func (q queryServer) synthInfos(ctx context.Context) ([]types.SynthInfo, error) {
	comp, err := q.k.composition(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]types.SynthInfo, 0, len(comp))
	for _, a := range comp {
		st, err := q.k.SynthStates.Get(ctx, a.synth.Symbol)
		if err != nil {
			return nil, err
		}
		info := types.SynthInfo{Synth: a.synth, State: st, Denom: a.synth.Denom(), Supply: a.supply,
			Price: sdkmath.LegacyZeroDec(), Value: sdkmath.ZeroInt()}
		if a.err != nil {
			info.PriceError = a.err.Error()
		} else {
			info.Price, info.Value = a.price, a.value.Ceil().TruncateInt()
		}
		out = append(out, info)
	}
	return out, nil
}

func (q queryServer) Synths(ctx context.Context, _ *types.QuerySynthsRequest) (*types.QuerySynthsResponse, error) {
	infos, err := q.synthInfos(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QuerySynthsResponse{Synths: infos}, nil
}

func (q queryServer) Pool(ctx context.Context, _ *types.QueryPoolRequest) (*types.QueryPoolResponse, error) {
	pool, err := q.k.Pool.Get(ctx)
	if err != nil {
		return nil, err
	}
	infos, err := q.synthInfos(ctx)
	if err != nil {
		return nil, err
	}
	out := &types.QueryPoolResponse{Pool: pool, Composition: infos, Debt: sdkmath.ZeroInt(), Deficit: sdkmath.ZeroInt()}
	d, err := q.k.PoolDebt(ctx)
	if err != nil {
		out.DebtError = err.Error()
		return out, nil
	}
	out.Debt = d.Ceil().TruncateInt()
	if out.Deficit, err = types.DebtOf(pool.DeficitShares, pool.TotalShares, d); err != nil {
		return nil, err
	}
	return out, nil
}

// positionInfo is a position with pending fees and redistribution applied,
// valued now (error filled when a price is unavailable).
func (q queryServer) positionInfo(ctx context.Context, owner sdk.AccAddress, denom string) (types.PositionInfo, error) {
	b, err := q.k.loadBook(ctx, owner, denom)
	if err != nil {
		return types.PositionInfo{}, err
	}
	if !b.exists {
		return types.PositionInfo{}, errorsmod.Wrapf(types.ErrNoPosition, "%s has no %s position", owner, denom)
	}
	info := types.PositionInfo{
		Position: b.pos, Collateral: b.pos.Collateral, Shares: b.pos.Shares, ClaimableFees: b.pos.UnclaimedFees,
		Debt: sdkmath.ZeroInt(), CollateralValue: sdkmath.LegacyZeroDec(), Ratio: sdkmath.LegacyZeroDec(), MaxMint: sdkmath.ZeroInt(),
	}
	d, err := q.k.PoolDebt(ctx)
	if err != nil {
		info.Error = err.Error()
		return info, nil
	}
	debt, value, _, err := q.k.health(ctx, b, d)
	if err != nil {
		info.Error = err.Error()
		return info, nil
	}
	info.Debt, info.CollateralValue, info.Ratio = debt, value, types.Ratio(value, debt)
	info.MaxMint = types.MaxMint(value, debt, b.coll.IssuanceRatio)
	return info, nil
}

func (q queryServer) Position(ctx context.Context, req *types.QueryPositionRequest) (*types.QueryPositionResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	owner, err := sdk.AccAddressFromBech32(req.Owner)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "owner %q: %v", req.Owner, err)
	}
	info, err := q.positionInfo(ctx, owner, req.Denom)
	if err != nil {
		return nil, err
	}
	return &types.QueryPositionResponse{Position: info}, nil
}

func (q queryServer) Positions(ctx context.Context, req *types.QueryPositionsRequest) (*types.QueryPositionsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	owner, err := sdk.AccAddressFromBech32(req.Owner)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "owner %q: %v", req.Owner, err)
	}
	out := &types.QueryPositionsResponse{}
	var denoms []string
	err = q.k.Positions.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, string](owner), func(key PositionKey, _ types.Position) (bool, error) {
		denoms = append(denoms, key.K2())
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	for _, d := range denoms {
		info, err := q.positionInfo(ctx, owner, d)
		if err != nil {
			return nil, err
		}
		out.Positions = append(out.Positions, info)
	}
	return out, nil
}

func (q queryServer) Exchange(ctx context.Context, req *types.QueryExchangeRequest) (*types.QueryExchangeResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	ex, err := q.k.Exchanges.Get(ctx, req.Id)
	if isNotFound(err) {
		return nil, errorsmod.Wrapf(types.ErrExchangeNotFound, "%d (finished exchanges are kept result_retention_blocks)", req.Id)
	}
	if err != nil {
		return nil, err
	}
	why, err := q.k.Waiting(ctx, ex)
	if err != nil {
		return nil, err
	}
	return &types.QueryExchangeResponse{Exchange: ex, Waiting: why}, nil
}

func (q queryServer) Exchanges(ctx context.Context, req *types.QueryExchangesRequest) (*types.QueryExchangesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	owner, err := sdk.AccAddressFromBech32(req.Owner)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "owner %q: %v", req.Owner, err)
	}
	out := &types.QueryExchangesResponse{}
	err = q.k.ExchangesByOwner.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](owner), func(key collections.Pair[sdk.AccAddress, uint64]) (bool, error) {
		ex, err := q.k.Exchanges.Get(ctx, key.K2())
		if err != nil {
			return true, err
		}
		out.Exchanges = append(out.Exchanges, ex)
		return len(out.Exchanges) >= 200, nil
	})
	return out, err
}
