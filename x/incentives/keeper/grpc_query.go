package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/agora-labs/agora/x/incentives/types"
)

type queryServer struct{ k Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns x/incentives' Query service.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k: k} }

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

func (q queryServer) PoolWeights(ctx context.Context, _ *types.QueryPoolWeightsRequest) (*types.QueryPoolWeightsResponse, error) {
	out := &types.QueryPoolWeightsResponse{}
	err := q.k.PoolWeights.Walk(ctx, nil, func(_ uint64, w types.PoolWeight) (bool, error) {
		out.Weights = append(out.Weights, w)
		return false, nil
	})
	return out, err
}

// GaugeStatus is "upcoming" before start, "finished" from the end on,
// "active" between.
func GaugeStatus(g types.Gauge, t int64) string {
	switch {
	case t < g.StartTime:
		return "upcoming"
	case t >= gaugeEnd(g):
		return "finished"
	default:
		return "active"
	}
}

// GaugeRemaining is what the schedule has not released at t.
func GaugeRemaining(g types.Gauge, t int64) sdk.Coins {
	out := sdk.NewCoins()
	for _, c := range g.Coins {
		rest := c.Amount.Sub(types.ReleasedBy(c.Amount, g.StartTime, g.DurationSeconds, t))
		out = out.Add(sdk.NewCoin(c.Denom, rest))
	}
	return out
}

func (q queryServer) Gauges(ctx context.Context, req *types.QueryGaugesRequest) (*types.QueryGaugesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	switch req.Status {
	case "", "upcoming", "active", "finished":
	default:
		return nil, status.Errorf(codes.InvalidArgument, "status %q: use upcoming, active or finished", req.Status)
	}
	t := now(ctx)
	out := &types.QueryGaugesResponse{}
	err := q.k.Gauges.Walk(ctx, nil, func(_ uint64, g types.Gauge) (bool, error) {
		st := GaugeStatus(g, t)
		if (req.PoolId == 0 || g.PoolId == req.PoolId) && (req.Status == "" || req.Status == st) {
			out.Gauges = append(out.Gauges, types.GaugeInfo{Gauge: g, Status: st, Remaining: GaugeRemaining(g, t)})
		}
		return false, nil
	})
	return out, err
}

func (q queryServer) PoolIncentives(ctx context.Context, req *types.QueryPoolIncentivesRequest) (*types.QueryPoolIncentivesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return q.k.PoolIncentives(ctx, req.PoolId)
}

// PoolIncentives is a pool's bonded shares, yearly rewards (active gauges'
// rates and its emission share × x/mint's blocks_per_year), their USD value
// and the APR over the bonded shares' USD value (the pool's reserves at
// oracle prices × bonded / total shares).
func (k Keeper) PoolIncentives(ctx context.Context, poolID uint64) (*types.QueryPoolIncentivesResponse, error) {
	pool, err := k.dex.GetPool(ctx, poolID)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrUnknownPool, "pool %d: %s", poolID, err)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	ps, err := k.poolState(ctx, poolID)
	if err != nil {
		return nil, err
	}
	weight := sdkmath.LegacyZeroDec()
	if w, err := k.PoolWeights.Get(ctx, poolID); err == nil {
		weight = w.Weight
	}
	t := now(ctx)
	perYear := sdk.NewCoins()
	err = k.GaugesByPool.Walk(ctx, collections.NewPrefixedPairRange[uint64, uint64](poolID),
		func(key collections.Pair[uint64, uint64]) (bool, error) {
			g, err := k.Gauges.Get(ctx, key.K2())
			if err != nil {
				return true, err
			}
			if GaugeStatus(g, t) == "active" {
				for _, c := range g.Coins {
					perYear = perYear.Add(sdk.NewCoin(c.Denom, types.YearlyRate(c.Amount, g.DurationSeconds)))
				}
			}
			return false, nil
		})
	if err != nil {
		return nil, err
	}
	if perBlock := types.EmissionShare(params.EmissionPerBlock, weight); perBlock.IsPositive() {
		bpy, err := k.blocks.BlocksPerYear(ctx)
		if err != nil {
			return nil, err
		}
		perYear = perYear.Add(sdk.NewCoin(params.EmissionDenom, perBlock.Mul(sdkmath.NewIntFromUint64(bpy))))
	}
	rewardsUSD, err := k.valueUSD(ctx, perYear)
	if err != nil {
		return nil, err
	}
	bondedUSD := sdkmath.LegacyZeroDec()
	if ps.TotalBonded.IsPositive() && pool.TotalShares.IsPositive() {
		reservesUSD, err := k.valueUSD(ctx, pool.Reserves)
		if err != nil {
			return nil, err
		}
		bondedUSD = reservesUSD.MulInt(ps.TotalBonded).QuoInt(pool.TotalShares)
	}
	return &types.QueryPoolIncentivesResponse{
		PoolId: poolID, TotalBonded: ps.TotalBonded, Weight: weight, RewardsPerYear: perYear,
		RewardsUsdPerYear: rewardsUSD, BondedUsd: bondedUSD, Apr: types.APR(rewardsUSD, bondedUSD),
	}, nil
}

// valueUSD values coins at oracle prices; a missing price is an error
// naming the denom.
func (k Keeper) valueUSD(ctx context.Context, coins sdk.Coins) (sdkmath.LegacyDec, error) {
	sum := sdkmath.LegacyZeroDec()
	for _, c := range coins {
		p, err := k.prices.UnitPriceUSD(ctx, c.Denom)
		if err != nil {
			return sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrPriceUnavailable, "no USD price for %s, so no APR: %s", c.Denom, err)
		}
		sum = sum.Add(p.MulInt(c.Amount))
	}
	return sum, nil
}

func (q queryServer) Bonds(ctx context.Context, req *types.QueryBondsRequest) (*types.QueryBondsResponse, error) {
	owner, err := ownerOf(req)
	if err != nil {
		return nil, err
	}
	out := &types.QueryBondsResponse{}
	err = q.k.Bonds.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](owner),
		func(key collections.Pair[sdk.AccAddress, uint64], s sdkmath.Int) (bool, error) {
			out.Bonds = append(out.Bonds, types.Bond{Owner: req.Owner, PoolId: key.K2(), Shares: s})
			return false, nil
		})
	return out, err
}

func (q queryServer) Unbondings(ctx context.Context, req *types.QueryUnbondingsRequest) (*types.QueryUnbondingsResponse, error) {
	owner, err := ownerOf(req)
	if err != nil {
		return nil, err
	}
	out := &types.QueryUnbondingsResponse{}
	err = q.k.UnbondsOf.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](owner),
		func(key collections.Pair[sdk.AccAddress, uint64]) (bool, error) {
			u, err := q.k.Unbondings.Get(ctx, key.K2())
			if err != nil {
				return true, err
			}
			out.Unbondings = append(out.Unbondings, u)
			return false, nil
		})
	return out, err
}

func (q queryServer) Claimable(ctx context.Context, req *types.QueryClaimableRequest) (*types.QueryClaimableResponse, error) {
	owner, err := ownerOf(req)
	if err != nil {
		return nil, err
	}
	paid, err := q.k.Claimable(ctx, owner, req.PoolId)
	if err != nil {
		return nil, err
	}
	return &types.QueryClaimableResponse{Rewards: paid}, nil
}

// Claimable is what ClaimRewards would pay now, computed on a throw-away
// context.
func (k Keeper) Claimable(ctx context.Context, owner sdk.AccAddress, poolID uint64) (sdk.Coins, error) {
	cache, _ := sdk.UnwrapSDKContext(ctx).CacheContext()
	return k.ClaimRewards(cache, owner, poolID)
}

type ownerReq interface{ GetOwner() string }

func ownerOf(req ownerReq) (sdk.AccAddress, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	owner, err := sdk.AccAddressFromBech32(req.GetOwner())
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "owner: %s", err)
	}
	return owner, nil
}
