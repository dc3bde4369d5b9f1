package keeper

import (
	"context"
	"sort"

	"cosmossdk.io/collections"

	"github.com/agora-labs/agora/x/dex/types"
)

// InitGenesis loads params, pools (with their indexes and LP share
// metadata) and TWAP records, and rebuilds the TWAP prune index and the set
// of ramping pools. The bank
// genesis must already hold the reserves in the dex module account and the
// LP share supply (bank initialises before dex).
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.NextPoolID.Set(ctx, gs.NextPoolId); err != nil {
		return err
	}
	for _, p := range gs.Pools {
		if err := k.insertPool(ctx, p); err != nil {
			return err
		}
		if a := p.Amplification; a != nil && a.Initial != a.Future {
			// possibly ramping: EndBlock records it until the ramp's end
			if err := k.RampingPools.Set(ctx, p.Id); err != nil {
				return err
			}
		}
	}
	records := append([]types.TwapRecord(nil), gs.TwapRecords...)
	sort.SliceStable(records, func(i, j int) bool {
		a, b := records[i], records[j]
		if a.PoolId != b.PoolId {
			return a.PoolId < b.PoolId
		}
		if pa, pb := types.TwapPair(a.BaseDenom, a.QuoteDenom), types.TwapPair(b.BaseDenom, b.QuoteDenom); pa != pb {
			return pa < pb
		}
		return a.Time.Before(b.Time)
	})
	for i, r := range records {
		r.Time = r.Time.UTC()
		pair := types.TwapPair(r.BaseDenom, r.QuoteDenom)
		key := collections.Join3(r.PoolId, pair, r.Time)
		if err := k.TwapRecords.Set(ctx, key, r); err != nil {
			return err
		}
		if i > 0 {
			prev := records[i-1]
			if prev.PoolId == r.PoolId && types.TwapPair(prev.BaseDenom, prev.QuoteDenom) == pair {
				prevKey := collections.Join3(prev.PoolId, pair, prev.Time.UTC())
				if err := k.TwapPruneIndex.Set(ctx, collections.Join(r.Time, prevKey)); err != nil {
					return err
				}
			}
		}
	}
	if err := k.initPoolStats(ctx, gs.PoolStatsRecords); err != nil {
		return err
	}
	return k.initLimitOrders(ctx, gs)
}

// initLimitOrders loads the limit orders with their indexes and fills.
func (k Keeper) initLimitOrders(ctx context.Context, gs types.GenesisState) error {
	if err := k.NextLimitOrderID.Set(ctx, gs.NextLimitOrderId); err != nil {
		return err
	}
	open := map[string]uint64{}
	for _, o := range gs.LimitOrders {
		if o.IsOpen() {
			if err := k.insertLimitOrder(ctx, o); err != nil {
				return err
			}
			open[o.Owner]++
			continue
		}
		if err := k.LimitOrders.Set(ctx, o.Id, o); err != nil {
			return err
		}
		if err := k.LimitByOwner.Set(ctx, collections.Join(o.Owner, o.Id)); err != nil {
			return err
		}
		if err := k.LimitPruneIndex.Set(ctx, collections.Join(o.ClosedHeight, o.Id)); err != nil {
			return err
		}
	}
	for owner, n := range open {
		if err := k.LimitOpenCount.Set(ctx, owner, n); err != nil {
			return err
		}
	}
	for _, f := range gs.LimitOrderFills {
		if err := k.LimitFills.Set(ctx, collections.Join(f.OrderId, f.Height), f); err != nil {
			return err
		}
	}
	return nil
}

// initPoolStats loads the stats records and rebuilds their prune index.
func (k Keeper) initPoolStats(ctx context.Context, in []types.PoolStatsRecord) error {
	records := append([]types.PoolStatsRecord(nil), in...)
	sort.SliceStable(records, func(i, j int) bool {
		if records[i].PoolId != records[j].PoolId {
			return records[i].PoolId < records[j].PoolId
		}
		return records[i].Time.Before(records[j].Time)
	})
	for i, r := range records {
		r.Time = r.Time.UTC()
		if err := k.PoolStatsRecords.Set(ctx, collections.Join(r.PoolId, r.Time), r); err != nil {
			return err
		}
		if i > 0 && records[i-1].PoolId == r.PoolId {
			prev := collections.Join(r.PoolId, records[i-1].Time.UTC())
			if err := k.PoolStatsPruneIndex.Set(ctx, collections.Join(r.Time, prev)); err != nil {
				return err
			}
		}
	}
	return nil
}

// ExportGenesis writes the whole state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	next, err := k.NextPoolID.Peek(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params, NextPoolId: next}
	if err := k.IteratePools(ctx, func(p types.Pool) (bool, error) {
		gs.Pools = append(gs.Pools, p)
		return false, nil
	}); err != nil {
		return nil, err
	}
	err = k.TwapRecords.Walk(ctx, nil, func(_ TwapKey, r types.TwapRecord) (bool, error) {
		gs.TwapRecords = append(gs.TwapRecords, r)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.PoolStatsRecords.Walk(ctx, nil, func(_ PoolStatsKey, r types.PoolStatsRecord) (bool, error) {
		gs.PoolStatsRecords = append(gs.PoolStatsRecords, r)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	if gs.NextLimitOrderId, err = k.NextLimitOrderID.Peek(ctx); err != nil {
		return nil, err
	}
	err = k.LimitOrders.Walk(ctx, nil, func(_ uint64, o types.LimitOrder) (bool, error) {
		gs.LimitOrders = append(gs.LimitOrders, o)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.LimitFills.Walk(ctx, nil, func(_ collections.Pair[uint64, int64], f types.LimitOrderFill) (bool, error) {
		gs.LimitOrderFills = append(gs.LimitOrderFills, f)
		return false, nil
	})
	return gs, err
}
