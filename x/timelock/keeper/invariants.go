package keeper

import (
	"fmt"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/timelock/types"
)

// QueueInvariant: every queued operation decodes into messages that have a
// handler and name the timelock as their only signer; each has exactly one
// queue entry at its eta and the queue has no other entries; every id is
// below the next id.
func (k Keeper) QueueInvariant(ctx sdk.Context) error {
	next, err := k.NextOperationID.Peek(ctx)
	if err != nil {
		return err
	}
	count := 0
	err = k.Operations.Walk(ctx, nil, func(id uint64, op types.Operation) (bool, error) {
		count++
		if id != op.Id || id == 0 || id >= next {
			return true, fmt.Errorf("operation stored under %d has id %d (next id %d)", id, op.Id, next)
		}
		if err := k.checkMessages(&types.MsgSchedule{Authority: k.authority, Messages: op.Messages}); err != nil {
			return true, fmt.Errorf("operation %d does not decode into valid timelock messages: %w", id, err)
		}
		has, err := k.Queue.Has(ctx, queueKey(op))
		if err != nil {
			return true, err
		}
		if !has {
			return true, fmt.Errorf("operation %d has no queue entry at its eta %s", id, op.Eta)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	entries := 0
	err = k.Queue.Walk(ctx, nil, func(key collections.Pair[int64, uint64]) (bool, error) {
		entries++
		op, err := k.Operations.Get(ctx, key.K2())
		if err != nil {
			return true, fmt.Errorf("queue entry %d has no operation: %w", key.K2(), err)
		}
		if op.Eta.UnixNano() != key.K1() {
			return true, fmt.Errorf("queue entry of operation %d at %s, its eta is %s", key.K2(), time.Unix(0, key.K1()).UTC(), op.Eta)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	if entries != count {
		return fmt.Errorf("%d queue entries for %d operations", entries, count)
	}
	return nil
}
