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
