package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// initBackstopGenesis loads the backstops and the deficit history.
func (k Keeper) initBackstopGenesis(ctx context.Context, gs types.GenesisState) error {
	for _, p := range gs.BackstopPools {
		if err := k.BackstopPools.Set(ctx, p.Denom, p); err != nil {
			return err
		}
	}
	for _, s := range gs.BackstopStakes {
		if err := k.BackstopStakes.Set(ctx, collections.Join(sdk.MustAccAddressFromBech32(s.Staker), s.Denom), s.Stake); err != nil {
			return err
		}
	}
	for _, c := range gs.BackstopCooldowns {
		key := collections.Join3(sdk.MustAccAddressFromBech32(c.Staker), c.Denom, c.Cooldown.Id)
		if err := k.BackstopCooldowns.Set(ctx, key, c.Cooldown); err != nil {
			return err
		}
	}
	for _, r := range gs.DeficitRecords {
		if err := k.DeficitRecords.Set(ctx, collections.Join(r.Denom, r.Sequence), r); err != nil {
			return err
		}
	}
	return nil
}

// exportBackstopGenesis adds the backstops and the deficit history to gs.
func (k Keeper) exportBackstopGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := k.BackstopPools.Walk(ctx, nil, func(_ string, p types.BackstopPool) (bool, error) {
		gs.BackstopPools = append(gs.BackstopPools, p)
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.BackstopStakes.Walk(ctx, nil, func(key PositionKey, s types.BackstopStake) (bool, error) {
		gs.BackstopStakes = append(gs.BackstopStakes, types.GenesisBackstopStake{Staker: key.K1().String(), Denom: key.K2(), Stake: s})
		return false, nil
	}); err != nil {
		return err
	}
	if err := k.BackstopCooldowns.Walk(ctx, nil, func(key CooldownKey, c types.BackstopCooldown) (bool, error) {
		gs.BackstopCooldowns = append(gs.BackstopCooldowns, types.GenesisBackstopCooldown{Staker: key.K1().String(), Denom: key.K2(), Cooldown: c})
		return false, nil
	}); err != nil {
		return err
	}
	return k.DeficitRecords.Walk(ctx, nil, func(_ collections.Pair[string, uint64], r types.DeficitRecord) (bool, error) {
		gs.DeficitRecords = append(gs.DeficitRecords, r)
		return false, nil
	})
}
