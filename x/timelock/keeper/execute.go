package keeper

import (
	"context"
	"fmt"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/timelock/types"
)

// EndBlock executes the operations that are due (eta at or before the
// block's time), in (eta, id) order, at most params.max_operations_per_block
// of them; the others wait for the next block. Each operation runs in its
// own cached context: all of its messages commit together or none does. A
// failed operation is reported by EventOperationFailed and removed (no
// retry). EndBlock returns an error only when its own store fails.
func (k Keeper) EndBlock(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	due, err := k.dueOperations(ctx, sdkCtx.BlockTime(), params.MaxOperationsPerBlock)
	if err != nil {
		return err
	}
	for _, id := range due {
		op, err := k.Operations.Get(ctx, id)
		if err != nil {
			return err
		}
		if err := k.removeOperation(ctx, op); err != nil {
			return err
		}
		if failed := k.execute(sdkCtx, op); failed != nil {
			sdkCtx.Logger().Error("timelock operation failed", "id", op.Id, "msg", failed.MsgIndex, "err", failed.Error)
			if err := sdkCtx.EventManager().EmitTypedEvent(failed); err != nil {
				return err
			}
			continue
		}
		if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventOperationExecuted{Id: op.Id}); err != nil {
			return err
		}
	}
	return nil
}

// dueOperations returns the ids at the front of the queue whose eta has
// passed, at most max of them.
func (k Keeper) dueOperations(ctx context.Context, now time.Time, max uint32) ([]uint64, error) {
	var ids []uint64
	err := k.Queue.Walk(ctx, nil, func(key collections.Pair[int64, uint64]) (bool, error) {
		if uint32(len(ids)) >= max || !types.IsDue(time.Unix(0, key.K1()), now) {
			return true, nil
		}
		ids = append(ids, key.K2())
		return false, nil
	})
	return ids, err
}

// execute runs every message of op through the router in one cached
// context, signed by the timelock (each message names it), and commits only
// when all succeed. It returns the failure, or nil.
func (k Keeper) execute(ctx sdk.Context, op types.Operation) *types.EventOperationFailed {
	msgs, err := op.GetMsgs()
	if err != nil {
		return &types.EventOperationFailed{Id: op.Id, Error: "decode: " + err.Error()}
	}
	cache, write := ctx.CacheContext()
	var events sdk.Events
	for i, msg := range msgs {
		url := sdk.MsgTypeURL(msg)
		res, err := k.runMessage(cache, msg)
		if err != nil {
			return &types.EventOperationFailed{Id: op.Id, MsgIndex: uint32(i), MsgTypeUrl: url, Error: err.Error()}
		}
		events = append(events, res.GetEvents()...)
	}
	write()
	ctx.EventManager().EmitEvents(events)
	return nil
}

// runMessage calls msg's handler, turning a panic into an error so that a
// faulty handler cannot halt the chain.
func (k Keeper) runMessage(ctx sdk.Context, msg sdk.Msg) (res *sdk.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("handler panicked: %v", r)
		}
	}()
	handler := k.router.Handler(msg)
	if handler == nil {
		return nil, fmt.Errorf("no handler for %s", sdk.MsgTypeURL(msg))
	}
	return handler(ctx, msg)
}
