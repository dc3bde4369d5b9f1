package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/agora-labs/agora/x/lend/types"
)

// Backstop returns a market's backstop with its worth at the market's
// current exchange rate and the reward APR at the current borrow rate.
func (q queryServer) Backstop(ctx context.Context, req *types.QueryBackstopRequest) (*types.QueryBackstopResponse, error) {
	if req == nil || req.Denom == "" {
		return nil, status.Error(codes.InvalidArgument, "denom is required")
	}
	m, s, err := q.k.AccruedMarket(ctx, req.Denom)
	if err != nil {
		return nil, err
	}
	pool, err := q.k.BackstopPool(ctx, req.Denom)
	if err != nil {
		return nil, err
	}
	value, err := CollateralUnderlying(s, pool.StakedReceipts)
	if err != nil {
		return nil, err
	}
	info, err := MarketInfo(m, s)
	if err != nil {
		return nil, err
	}
	share := types.OrZeroDec(m.BackstopRewardShare)
	return &types.QueryBackstopResponse{
		Pool: pool, StakedUnderlying: value,
		PendingReceipts: types.ReceiptsForShares(pool.PendingShares, pool.TotalShares, pool.StakedReceipts),
		ShareRate:       types.ShareRate(pool.TotalShares, pool.StakedReceipts),
		RewardApr:       types.BackstopRewardAPR(info.TotalBorrows, info.BorrowRate, m.ReserveFactor, share, value),
		CooldownSeconds: m.BackstopCooldownSeconds, RewardShare: share,
	}, nil
}

// BackstopStaker returns an account's active stake, its worth and
// earnings, and its cooldowns in every market's backstop.
func (q queryServer) BackstopStaker(ctx context.Context, req *types.QueryBackstopStakerRequest) (*types.QueryBackstopStakerResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	addr, err := sdk.AccAddressFromBech32(req.Address)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "address %q: %s", req.Address, err)
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	byDenom := map[string]*types.BackstopStakerEntry{}
	var order []string
	entry := func(denom string) (*types.BackstopStakerEntry, types.BackstopPool, error) {
		pool, err := q.k.BackstopPool(ctx, denom)
		if err != nil {
			return nil, pool, err
		}
		if e, ok := byDenom[denom]; ok {
			return e, pool, nil
		}
		z := sdkmath.ZeroInt()
		e := &types.BackstopStakerEntry{Denom: denom, Stake: types.BackstopStake{Shares: z, Principal: z, Epoch: pool.Epoch},
			Receipts: z, Earned: z, Claimable: z}
		byDenom[denom] = e
		order = append(order, denom)
		return e, pool, nil
	}
	rng := collections.NewPrefixedPairRange[sdk.AccAddress, string](addr)
	err = q.k.BackstopStakes.Walk(ctx, rng, func(key PositionKey, st types.BackstopStake) (bool, error) {
		e, pool, err := entry(key.K2())
		if err != nil || st.Epoch != pool.Epoch {
			return false, err
		}
		e.Stake = st
		e.Receipts = types.ReceiptsForShares(st.Shares, pool.TotalShares, pool.StakedReceipts)
		e.Earned = e.Receipts.Sub(st.Principal)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = q.k.BackstopCooldowns.Walk(ctx, collections.NewPrefixedTripleRange[sdk.AccAddress, string, uint64](addr),
		func(key CooldownKey, cd types.BackstopCooldown) (bool, error) {
			e, pool, err := entry(key.K2())
			if err != nil {
				return false, err
			}
			e.Cooldowns = append(e.Cooldowns, cd)
			if !cd.ClaimableAt.After(now) && cd.Epoch == pool.Epoch {
				e.Claimable = e.Claimable.Add(types.ClaimReceipts(cd.Shares, cd.MaxReceipts, pool.TotalShares, pool.StakedReceipts))
			}
			return false, nil
		})
	if err != nil {
		return nil, err
	}
	out := &types.QueryBackstopStakerResponse{}
	for _, d := range order {
		out.Entries = append(out.Entries, *byDenom[d])
	}
	return out, nil
}

// Deficits lists every market's deficit records (by market, oldest first).
func (q queryServer) Deficits(ctx context.Context, req *types.QueryDeficitsRequest) (*types.QueryDeficitsResponse, error) {
	var pg *query.PageRequest
	if req != nil {
		pg = req.Pagination
	}
	recs, page, err := query.CollectionPaginate(ctx, q.k.DeficitRecords, pg,
		func(_ collections.Pair[string, uint64], r types.DeficitRecord) (types.DeficitRecord, error) {
			return r, nil
		})
	if err != nil {
		return nil, err
	}
	return &types.QueryDeficitsResponse{Deficits: recs, Pagination: page}, nil
}

// MarketDeficits lists one market's deficit records, oldest first.
func (q queryServer) MarketDeficits(ctx context.Context, req *types.QueryMarketDeficitsRequest) (*types.QueryDeficitsResponse, error) {
	if req == nil || req.Denom == "" {
		return nil, status.Error(codes.InvalidArgument, "denom is required")
	}
	if _, err := q.k.GetMarket(ctx, req.Denom); err != nil {
		return nil, err
	}
	recs, page, err := query.CollectionPaginate(ctx, q.k.DeficitRecords, req.Pagination,
		func(_ collections.Pair[string, uint64], r types.DeficitRecord) (types.DeficitRecord, error) {
			return r, nil
		},
		query.WithCollectionPaginationPairPrefix[string, uint64](req.Denom))
	if err != nil {
		return nil, err
	}
	return &types.QueryDeficitsResponse{Deficits: recs, Pagination: page}, nil
}
