package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

// pruneGauges deletes at most limit finished gauges whose end lies at least
// retention seconds in the past, oldest end first. A finished gauge is
// settled (everything released, its unallocated coins refunded) and no
// longer in GaugesByPool or GaugeEnds, so only its record goes; its final
// state is emitted in EventGaugePruned so indexers keep the history.
func (k Keeper) pruneGauges(ctx context.Context, retention uint64, limit uint32) error {
	cutoff, ok := pruneCutoff(now(ctx), retention)
	if !ok {
		return nil
	}
	var due []collections.Pair[int64, uint64]
	rng := new(collections.Range[collections.Pair[int64, uint64]]).EndInclusive(collections.Join(cutoff, ^uint64(0)))
	err := k.Finished.Walk(ctx, rng, func(key collections.Pair[int64, uint64]) (bool, error) {
		due = append(due, key)
		return uint32(len(due)) >= limit, nil
	})
	if err != nil {
		return err
	}
	em := sdk.UnwrapSDKContext(ctx).EventManager()
	for _, key := range due {
		g, err := k.Gauges.Get(ctx, key.K2())
		if err != nil {
			return err
		}
		if err := k.Gauges.Remove(ctx, g.Id); err != nil {
			return err
		}
		if err := k.Finished.Remove(ctx, key); err != nil {
			return err
		}
		if err := em.EmitTypedEvent(&types.EventGaugePruned{Gauge: g}); err != nil {
			return err
		}
	}
	return nil
}

// pruneCutoff is the latest end time a gauge may have to be pruned at t:
// t − retention (false when that precedes the epoch: nothing to prune).
func pruneCutoff(t int64, retention uint64) (int64, bool) {
	if retention > uint64(t) || t < 0 {
		return 0, false
	}
	return t - int64(retention), true
}
