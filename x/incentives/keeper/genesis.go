package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

// InitGenesis loads the state.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	k.accounts.GetModuleAccount(ctx, types.ModuleName) // a module account, before any coins arrive
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, w := range gs.PoolWeights {
		if err := k.PoolWeights.Set(ctx, w.PoolId, w); err != nil {
			return err
		}
	}
	for _, g := range gs.Gauges {
		if g.StartTime == 0 {
			g.StartTime = now(ctx) // a genesis gauge with start 0 starts at genesis
		}
		if g.Released.IsAllGTE(g.Coins) && g.Unallocated.Empty() && gaugeEnd(g) <= now(ctx) {
			if err := k.Gauges.Set(ctx, g.Id, g); err != nil { // finished
				return err
			}
			if err := k.Finished.Set(ctx, collections.Join(gaugeEnd(g), g.Id)); err != nil {
				return err
			}
			continue
		}
		if err := k.putGauge(ctx, g); err != nil {
			return err
		}
	}
	for _, p := range gs.Pools {
		if err := k.PoolStates.Set(ctx, p.PoolId, p); err != nil {
			return err
		}
	}
	for _, a := range gs.Accumulators {
		if err := k.Accumulators.Set(ctx, collections.Join(a.PoolId, a.Denom), a.Accumulator); err != nil {
			return err
		}
	}
	for _, b := range gs.Bonds {
		owner, err := sdk.AccAddressFromBech32(b.Owner)
		if err != nil {
			return err
		}
		if err := k.Bonds.Set(ctx, collections.Join(owner, b.PoolId), b.Shares); err != nil {
			return err
		}
	}
	for _, u := range gs.UserRewards {
		owner, err := sdk.AccAddressFromBech32(u.Owner)
		if err != nil {
			return err
		}
		if err := k.UserRewards.Set(ctx, collections.Join3(owner, u.PoolId, u.Denom), u.Reward); err != nil {
			return err
		}
	}
	for _, u := range gs.Unbondings {
		if err := k.putUnbonding(ctx, u); err != nil {
			return err
		}
	}
	if err := k.NextGaugeID.Set(ctx, max(gs.NextGaugeId, 1)); err != nil {
		return err
	}
	return k.NextUnbondID.Set(ctx, max(gs.NextUnbondingId, 1))
}

// ExportGenesis writes the state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if err := k.PoolWeights.Walk(ctx, nil, func(_ uint64, w types.PoolWeight) (bool, error) {
		gs.PoolWeights = append(gs.PoolWeights, w)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Gauges.Walk(ctx, nil, func(_ uint64, g types.Gauge) (bool, error) {
		gs.Gauges = append(gs.Gauges, g)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.PoolStates.Walk(ctx, nil, func(_ uint64, p types.PoolState) (bool, error) {
		gs.Pools = append(gs.Pools, p)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Accumulators.Walk(ctx, nil, func(key collections.Pair[uint64, string], a types.Accumulator) (bool, error) {
		gs.Accumulators = append(gs.Accumulators, types.AccumulatorEntry{PoolId: key.K1(), Denom: key.K2(), Accumulator: a})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Bonds.Walk(ctx, nil, func(key collections.Pair[sdk.AccAddress, uint64], s sdkmath.Int) (bool, error) {
		gs.Bonds = append(gs.Bonds, types.Bond{Owner: key.K1().String(), PoolId: key.K2(), Shares: s})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.UserRewards.Walk(ctx, nil, func(key collections.Triple[sdk.AccAddress, uint64, string], r types.UserReward) (bool, error) {
		gs.UserRewards = append(gs.UserRewards, types.UserRewardEntry{Owner: key.K1().String(), PoolId: key.K2(), Denom: key.K3(), Reward: r})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Unbondings.Walk(ctx, nil, func(_ uint64, u types.Unbonding) (bool, error) {
		gs.Unbondings = append(gs.Unbondings, u)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if gs.NextGaugeId, err = k.NextGaugeID.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.NextUnbondingId, err = k.NextUnbondID.Peek(ctx); err != nil {
		return nil, err
	}
	return gs, nil
}
