package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

// poolState loads a pool's state (zero bonded when it has none yet).
func (k Keeper) poolState(ctx context.Context, poolID uint64) (types.PoolState, error) {
	ps, err := k.PoolStates.Get(ctx, poolID)
	if errors.Is(err, collections.ErrNotFound) {
		return types.PoolState{PoolId: poolID, TotalBonded: sdkmath.ZeroInt()}, nil
	}
	return ps, err
}

// spread adds amount of denom to the pool's accumulator over totalBonded
// (positive), carrying the scaled remainder.
func (k Keeper) spread(ctx context.Context, poolID uint64, denom string, amount, totalBonded sdkmath.Int) error {
	key := collections.Join(poolID, denom)
	acc, err := k.Accumulators.Get(ctx, key)
	if errors.Is(err, collections.ErrNotFound) {
		acc = types.Accumulator{Acc: sdkmath.ZeroInt(), Carry: sdkmath.ZeroInt()}
	} else if err != nil {
		return err
	}
	inc, carry := types.Spread(amount, acc.Carry, totalBonded)
	acc.Acc, acc.Carry = acc.Acc.Add(inc), carry
	return k.Accumulators.Set(ctx, key, acc)
}

// updatePool releases the pool's unfinished gauges up to the block time into
// its accumulators, at most once per block (O(gauges of the pool), never
// O(bonders)). What is released while nothing is bonded is set aside in
// the gauge's unallocated coins, returned to its creator at the end.
func (k Keeper) updatePool(ctx context.Context, poolID uint64) error {
	ps, err := k.poolState(ctx, poolID)
	if err != nil {
		return err
	}
	t := now(ctx)
	rng := collections.NewPrefixedPairRange[uint64, uint64](poolID)
	ids := []uint64{}
	if ps.LastUpdate == t {
		if sdkCtx(ctx).ExecMode() != sdk.ExecModeSimulate {
			return nil
		}
		// A simulation runs on the last block's state, where the pool was
		// usually updated already (emissions do it every block); the
		// transaction itself lands in a later block and pays for the
		// update. Charge its cost here so gas estimates cover it.
		err = k.GaugesByPool.Walk(ctx, rng, func(key collections.Pair[uint64, uint64]) (bool, error) {
			ids = append(ids, key.K2())
			return false, nil
		})
		if err != nil {
			return err
		}
		sdkCtx(ctx).GasMeter().ConsumeGas(simulatedUpdateGas(len(ids)), "incentives: pool update in the next block")
		return nil
	}
	err = k.GaugesByPool.Walk(ctx, rng, func(key collections.Pair[uint64, uint64]) (bool, error) {
		ids = append(ids, key.K2())
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		g, err := k.Gauges.Get(ctx, id)
		if err != nil {
			return err
		}
		for _, c := range g.Coins {
			delta := types.ReleasedBy(c.Amount, g.StartTime, g.DurationSeconds, t).Sub(g.Released.AmountOf(c.Denom))
			if !delta.IsPositive() {
				continue
			}
			d := sdk.NewCoin(c.Denom, delta)
			g.Released = g.Released.Add(d)
			if ps.TotalBonded.IsPositive() {
				if err := k.spread(ctx, poolID, c.Denom, delta, ps.TotalBonded); err != nil {
					return err
				}
			} else {
				g.Unallocated = g.Unallocated.Add(d)
			}
		}
		if err := k.Gauges.Set(ctx, id, g); err != nil {
			return err
		}
	}
	ps.LastUpdate = t
	return k.PoolStates.Set(ctx, poolID, ps)
}

// simulatedUpdateGas is a ceiling of what updatePool costs with n gauges
// (reading and rewriting each gauge and its accumulator, and the pool
// state), measured with one coin per gauge in simulate_gas_test.go.
func simulatedUpdateGas(n int) storetypes.Gas {
	return 8_000 + 16_000*storetypes.Gas(n)
}

// settle credits an owner's earnings in every accumulator of the pool since
// its snapshot to its pending rewards; it must run (after updatePool)
// before the owner's bonded shares change. Records with no shares and
// nothing pending are removed unless keep is set (a bond about to be made
// must start at today's accumulators, not at 0).
func (k Keeper) settle(ctx context.Context, owner sdk.AccAddress, poolID uint64, keep bool) error {
	shares, err := k.bonded(ctx, owner, poolID)
	if err != nil {
		return err
	}
	rng := collections.NewPrefixedPairRange[uint64, string](poolID)
	type entry struct {
		denom string
		acc   sdkmath.Int
	}
	var accs []entry
	err = k.Accumulators.Walk(ctx, rng, func(key collections.Pair[uint64, string], a types.Accumulator) (bool, error) {
		accs = append(accs, entry{key.K2(), a.Acc})
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, a := range accs {
		key := collections.Join3(owner, poolID, a.denom)
		ur, err := k.UserRewards.Get(ctx, key)
		if errors.Is(err, collections.ErrNotFound) {
			// No record: the accumulator started (at 0) after the owner's
			// last settle, so everything in it was earned with these shares.
			ur = types.UserReward{Snapshot: sdkmath.ZeroInt(), Pending: sdkmath.ZeroInt()}
		} else if err != nil {
			return err
		}
		ur.Pending = ur.Pending.Add(types.Earned(shares, a.acc, ur.Snapshot))
		ur.Snapshot = a.acc
		if shares.IsZero() && ur.Pending.IsZero() && !keep {
			if err := k.UserRewards.Remove(ctx, key); err != nil {
				return err
			}
			continue
		}
		if err := k.UserRewards.Set(ctx, key, ur); err != nil {
			return err
		}
	}
	return nil
}

// bonded is an owner's bonded shares of a pool (zero when none).
func (k Keeper) bonded(ctx context.Context, owner sdk.AccAddress, poolID uint64) (sdkmath.Int, error) {
	s, err := k.Bonds.Get(ctx, collections.Join(owner, poolID))
	if errors.Is(err, collections.ErrNotFound) {
		return sdkmath.ZeroInt(), nil
	}
	return s, err
}
