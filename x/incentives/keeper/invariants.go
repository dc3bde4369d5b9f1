package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

// ModuleBalanceInvariant: the module account holds at least the coins its
// gauges have not released yet plus their unallocated (to be refunded)
// coins, and every pool's bonded plus unbonding shares.
func (k Keeper) ModuleBalanceInvariant(ctx sdk.Context) error {
	owed := sdk.NewCoins()
	err := k.GaugesByPool.Walk(ctx, nil, func(key collections.Pair[uint64, uint64]) (bool, error) {
		g, err := k.Gauges.Get(ctx, key.K2())
		if err != nil {
			return true, err
		}
		owed = owed.Add(g.Coins.Sub(g.Released...)...).Add(g.Unallocated...)
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.Bonds.Walk(ctx, nil, func(key collections.Pair[sdk.AccAddress, uint64], s sdkmath.Int) (bool, error) {
		owed = owed.Add(sdk.NewCoin(poolShareDenom(key.K2()), s))
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.Unbondings.Walk(ctx, nil, func(_ uint64, u types.Unbonding) (bool, error) {
		owed = owed.Add(sdk.NewCoin(poolShareDenom(u.PoolId), u.Shares))
		return false, nil
	})
	if err != nil {
		return err
	}
	have := k.bank.GetAllBalances(ctx, k.moduleAddr)
	if !have.IsAllGTE(owed) {
		return fmt.Errorf("incentives module account holds %s, owes at least %s", have, owed)
	}
	return nil
}

// BondedTotalsInvariant: per pool, the owners' bonds add up to the pool's
// recorded total_bonded.
func (k Keeper) BondedTotalsInvariant(ctx sdk.Context) error {
	sums := map[uint64]sdkmath.Int{}
	err := k.Bonds.Walk(ctx, nil, func(key collections.Pair[sdk.AccAddress, uint64], s sdkmath.Int) (bool, error) {
		cur, ok := sums[key.K2()]
		if !ok {
			cur = sdkmath.ZeroInt()
		}
		sums[key.K2()] = cur.Add(s)
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.PoolStates.Walk(ctx, nil, func(id uint64, ps types.PoolState) (bool, error) {
		sum, ok := sums[id]
		if !ok {
			sum = sdkmath.ZeroInt()
		}
		if !sum.Equal(ps.TotalBonded) {
			return true, fmt.Errorf("pool %d: bonds sum to %s, total_bonded is %s", id, sum, ps.TotalBonded)
		}
		delete(sums, id)
		return false, nil
	})
	if err != nil {
		return err
	}
	for id, sum := range sums {
		return fmt.Errorf("pool %d: bonds sum to %s but the pool has no recorded total", id, sum)
	}
	return nil
}

// GaugeIndexInvariant: every gauge record is either unfinished (in
// GaugesByPool under its pool and in GaugeEnds under its end) or finished
// and awaiting pruning (in Finished under its end), never both or neither,
// and no index names a missing gauge.
func (k Keeper) GaugeIndexInvariant(ctx sdk.Context) error {
	seen := map[uint64]string{}
	mark := func(id uint64, where string) error {
		if prev, ok := seen[id]; ok && prev != where {
			return fmt.Errorf("gauge %d is both %s and %s", id, prev, where)
		}
		seen[id] = where
		return nil
	}
	check := func(where string, id uint64, ok func(types.Gauge) bool) error {
		g, err := k.Gauges.Get(ctx, id)
		if err != nil {
			return fmt.Errorf("%s index names gauge %d: %w", where, id, err)
		}
		if !ok(g) {
			return fmt.Errorf("%s index of gauge %d does not match its record", where, id)
		}
		return nil
	}
	byPool := 0
	err := k.GaugesByPool.Walk(ctx, nil, func(key collections.Pair[uint64, uint64]) (bool, error) {
		byPool++
		if err := check("by-pool", key.K2(), func(g types.Gauge) bool { return g.PoolId == key.K1() }); err != nil {
			return true, err
		}
		return false, mark(key.K2(), "unfinished")
	})
	if err != nil {
		return err
	}
	ends := 0
	err = k.GaugeEnds.Walk(ctx, nil, func(key collections.Pair[int64, uint64]) (bool, error) {
		ends++
		if err := check("end", key.K2(), func(g types.Gauge) bool { return gaugeEnd(g) == key.K1() }); err != nil {
			return true, err
		}
		if seen[key.K2()] != "unfinished" {
			return true, fmt.Errorf("gauge %d has an end entry but is not in its pool's unfinished set", key.K2())
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	if ends != byPool {
		return fmt.Errorf("%d unfinished gauges by pool, %d by end", byPool, ends)
	}
	err = k.Finished.Walk(ctx, nil, func(key collections.Pair[int64, uint64]) (bool, error) {
		if err := check("finished", key.K2(), func(g types.Gauge) bool { return gaugeEnd(g) == key.K1() && g.Unallocated.Empty() }); err != nil {
			return true, err
		}
		return false, mark(key.K2(), "finished")
	})
	if err != nil {
		return err
	}
	return k.Gauges.Walk(ctx, nil, func(id uint64, _ types.Gauge) (bool, error) {
		if _, ok := seen[id]; !ok {
			return true, fmt.Errorf("gauge %d is in no index (neither unfinished nor finished)", id)
		}
		return false, nil
	})
}
