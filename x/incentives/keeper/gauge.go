package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

// CreateGauge funds a gauge paying coins to poolID's bonded shares linearly
// from start (0: now) over duration seconds.
func (k Keeper) CreateGauge(ctx context.Context, creator sdk.AccAddress, poolID uint64, coins sdk.Coins, start int64,
	duration uint64,
) (uint64, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	t := now(ctx)
	if start == 0 {
		start = t
	}
	if start < t {
		return 0, errorsmod.Wrapf(types.ErrInvalidGauge, "start %d is in the past (block time %d)", start, t)
	}
	if duration < params.MinGaugeDurationSeconds {
		return 0, errorsmod.Wrapf(types.ErrInvalidGauge, "duration %ds below the minimum %ds", duration, params.MinGaugeDurationSeconds)
	}
	if _, err := k.dex.GetPool(ctx, poolID); err != nil {
		return 0, errorsmod.Wrapf(types.ErrUnknownPool, "pool %d: %s", poolID, err)
	}
	n := uint32(0)
	err = k.GaugesByPool.Walk(ctx, collections.NewPrefixedPairRange[uint64, uint64](poolID),
		func(collections.Pair[uint64, uint64]) (bool, error) { n++; return false, nil })
	if err != nil {
		return 0, err
	}
	if n >= params.MaxGaugesPerPool {
		return 0, errorsmod.Wrapf(types.ErrTooManyGauges, "pool %d has %d (max %d)", poolID, n, params.MaxGaugesPerPool)
	}
	for _, c := range coins {
		if have := k.bank.GetBalance(ctx, creator, c.Denom); have.Amount.LT(c.Amount) {
			return 0, errorsmod.Wrapf(types.ErrInsufficientFunds, "funding %s, holding %s", c, have)
		}
	}
	var id uint64
	err = atomic(ctx, func(ctx sdk.Context) error {
		if err := k.updatePool(ctx, poolID); err != nil {
			return err
		}
		if err := k.bank.SendCoinsFromAccountToModule(ctx, creator, types.ModuleName, coins); err != nil {
			return err
		}
		if id, err = k.NextGaugeID.Next(ctx); err != nil {
			return err
		}
		g := types.Gauge{
			Id: id, PoolId: poolID, Creator: creator.String(), Coins: coins, StartTime: start, DurationSeconds: duration,
			Released: sdk.NewCoins(), Unallocated: sdk.NewCoins(),
		}
		if err := k.putGauge(ctx, g); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventGaugeCreated{
			GaugeId: id, PoolId: poolID, Creator: g.Creator, Coins: coins, StartTime: start, DurationSeconds: duration,
		})
	})
	return id, err
}

// gaugeEnd is a gauge's end time (unix seconds).
func gaugeEnd(g types.Gauge) int64 { return g.StartTime + int64(g.DurationSeconds) }

func (k Keeper) putGauge(ctx context.Context, g types.Gauge) error {
	if err := k.Gauges.Set(ctx, g.Id, g); err != nil {
		return err
	}
	if err := k.GaugesByPool.Set(ctx, collections.Join(g.PoolId, g.Id)); err != nil {
		return err
	}
	return k.GaugeEnds.Set(ctx, collections.Join(gaugeEnd(g), g.Id))
}

// finishGauges closes at most limit gauges whose end has passed: their pool
// is updated (the last release), they leave the pool's unfinished set
// (max_gauges_per_pool counts only that set) for the finished set (pruned
// after the retention period, prune.go) and their unallocated coins go back
// to the creator.
func (k Keeper) finishGauges(ctx context.Context, limit uint32) error {
	t := now(ctx)
	var due []collections.Pair[int64, uint64]
	rng := new(collections.Range[collections.Pair[int64, uint64]]).EndInclusive(collections.Join(t, ^uint64(0)))
	err := k.GaugeEnds.Walk(ctx, rng, func(key collections.Pair[int64, uint64]) (bool, error) {
		due = append(due, key)
		return uint32(len(due)) >= limit, nil
	})
	if err != nil {
		return err
	}
	for _, key := range due {
		g, err := k.Gauges.Get(ctx, key.K2())
		if err != nil {
			return err
		}
		if err := k.updatePool(ctx, g.PoolId); err != nil {
			return err
		}
		if g, err = k.Gauges.Get(ctx, key.K2()); err != nil {
			return err
		}
		refund := g.Unallocated
		if !refund.Empty() {
			creator, err := sdk.AccAddressFromBech32(g.Creator)
			if err != nil {
				return err
			}
			if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, creator, refund); err != nil {
				return err
			}
		}
		g.Unallocated = sdk.NewCoins()
		if err := k.Gauges.Set(ctx, g.Id, g); err != nil {
			return err
		}
		if err := k.GaugesByPool.Remove(ctx, collections.Join(g.PoolId, g.Id)); err != nil {
			return err
		}
		if err := k.GaugeEnds.Remove(ctx, key); err != nil {
			return err
		}
		if err := k.Finished.Set(ctx, key); err != nil {
			return err
		}
		if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventGaugeFinished{
			GaugeId: g.Id, PoolId: g.PoolId, Refunded: refund,
		}); err != nil {
			return err
		}
	}
	return nil
}
