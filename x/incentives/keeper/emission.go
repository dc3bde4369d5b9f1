package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

// emit takes this block's emission from the community pool and spreads each
// weighted pool's share ⌊emission_per_block × weight⌋ over its bonded
// shares. Pools with nothing bonded get nothing (the community pool keeps
// it); when the community pool cannot pay, the block's emission is skipped
// (EventEmissionSkipped), never failed.
func (k Keeper) emit(ctx context.Context, params types.Params) error {
	if !params.EmissionPerBlock.IsPositive() {
		return nil
	}
	type share struct {
		pool   uint64
		amount sdkmath.Int
		total  sdkmath.Int
	}
	var shares []share
	sum := sdkmath.ZeroInt()
	err := k.PoolWeights.Walk(ctx, nil, func(id uint64, w types.PoolWeight) (bool, error) {
		amt := types.EmissionShare(params.EmissionPerBlock, w.Weight)
		ps, err := k.poolState(ctx, id)
		if err != nil {
			return true, err
		}
		if amt.IsPositive() && ps.TotalBonded.IsPositive() {
			shares = append(shares, share{id, amt, ps.TotalBonded})
			sum = sum.Add(amt)
		}
		return false, nil
	})
	if err != nil || sum.IsZero() {
		return err
	}
	sctx := sdk.UnwrapSDKContext(ctx)
	k.accounts.GetModuleAccount(ctx, types.ModuleName) // never let the send create a plain account here
	err = atomic(ctx, func(c sdk.Context) error {
		return k.distr.DistributeFromFeePool(c, sdk.NewCoins(sdk.NewCoin(params.EmissionDenom, sum)), k.moduleAddr)
	})
	if err != nil {
		return sctx.EventManager().EmitTypedEvent(&types.EventEmissionSkipped{Reason: err.Error()})
	}
	for _, s := range shares {
		if err := k.updatePool(ctx, s.pool); err != nil {
			return err
		}
		if err := k.spread(ctx, s.pool, params.EmissionDenom, s.amount, s.total); err != nil {
			return err
		}
		if err := sctx.EventManager().EmitTypedEvent(&types.EventEmission{
			PoolId: s.pool, Amount: sdk.NewCoin(params.EmissionDenom, s.amount),
		}); err != nil {
			return err
		}
	}
	return nil
}

// EndBlock emits, finishes ended gauges, prunes gauges finished longer than
// the retention period and returns matured unbondings (each bounded by
// max_queue_per_block).
func (k Keeper) EndBlock(ctx context.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if err := k.emit(ctx, params); err != nil {
		return err
	}
	if err := k.finishGauges(ctx, params.MaxQueuePerBlock); err != nil {
		return err
	}
	if err := k.pruneGauges(ctx, params.FinishedGaugeRetentionSeconds, params.MaxQueuePerBlock); err != nil {
		return err
	}
	return k.completeUnbondings(ctx, params.MaxQueuePerBlock)
}
