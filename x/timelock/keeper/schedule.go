package keeper

import (
	"bytes"
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/timelock/types"
)

// Schedule queues msg's messages for execution at block time +
// params.delay_seconds. Only the gov authority schedules; every message must
// pass its ValidateBasic, have a handler and be signed by the timelock's
// address alone. Nothing is stored when a check fails.
func (k Keeper) Schedule(ctx context.Context, msg *types.MsgSchedule) (types.Operation, error) {
	if msg.Authority != k.authority {
		return types.Operation{}, errorsmod.Wrapf(types.ErrUnauthorized, "only governance schedules: expected %s, got %s", k.authority, msg.Authority)
	}
	if err := msg.ValidateBasic(); err != nil {
		return types.Operation{}, err
	}
	if err := k.checkMessages(msg); err != nil {
		return types.Operation{}, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return types.Operation{}, err
	}
	id, err := k.NextOperationID.Next(ctx)
	if err != nil {
		return types.Operation{}, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	op := types.Operation{
		Id: id, Messages: msg.Messages, Title: msg.Title, ScheduledAt: now,
		Eta: types.Eta(now, params.DelaySeconds),
	}
	if err := k.setOperation(ctx, op); err != nil {
		return types.Operation{}, err
	}
	if err := k.Unstamped.Set(ctx, id); err != nil {
		return types.Operation{}, err
	}
	urls := make([]string, len(op.Messages))
	for i, a := range op.Messages {
		urls[i] = a.TypeUrl
	}
	err = sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventOperationScheduled{
		Id: id, Eta: op.Eta, MsgTypeUrls: urls, Title: op.Title,
	})
	return op, err
}

// checkMessages unpacks each message and checks its ValidateBasic, its
// handler and its signer (the timelock's address, alone).
func (k Keeper) checkMessages(msg *types.MsgSchedule) error {
	if err := msg.UnpackInterfaces(k.cdc.InterfaceRegistry()); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidInnerMessage, "%s", err)
	}
	msgs, err := msg.GetMsgs()
	if err != nil {
		return errorsmod.Wrapf(types.ErrInvalidInnerMessage, "%s", err)
	}
	for i, m := range msgs {
		url := sdk.MsgTypeURL(m)
		if v, ok := m.(sdk.HasValidateBasic); ok {
			if err := v.ValidateBasic(); err != nil {
				return errorsmod.Wrapf(types.ErrInvalidInnerMessage, "message %d (%s): %s", i, url, err)
			}
		}
		if k.router.Handler(m) == nil {
			return errorsmod.Wrapf(types.ErrUnroutableMessage, "message %d (%s)", i, url)
		}
		signers, _, err := k.cdc.GetMsgV1Signers(m)
		if err != nil {
			return errorsmod.Wrapf(types.ErrInvalidInnerMessage, "message %d (%s): signers: %s", i, url, err)
		}
		if len(signers) != 1 || !bytes.Equal(signers[0], k.self) {
			return errorsmod.Wrapf(types.ErrWrongInnerSigner, "message %d (%s) must name %s as its authority/signer", i, url, types.ModuleAddress())
		}
	}
	return nil
}

// setOperation stores an operation and its queue entry.
func (k Keeper) setOperation(ctx context.Context, op types.Operation) error {
	if err := k.Operations.Set(ctx, op.Id, op); err != nil {
		return err
	}
	return k.Queue.Set(ctx, queueKey(op))
}

// removeOperation deletes an operation and its queue entry.
func (k Keeper) removeOperation(ctx context.Context, op types.Operation) error {
	if err := k.Queue.Remove(ctx, queueKey(op)); err != nil {
		return err
	}
	if err := k.Unstamped.Remove(ctx, op.Id); err != nil {
		return err
	}
	return k.Operations.Remove(ctx, op.Id)
}

// GetOperation returns a queued operation or ErrOperationNotFound.
func (k Keeper) GetOperation(ctx context.Context, id uint64) (types.Operation, error) {
	if id == 0 {
		return types.Operation{}, types.ErrInvalidOperationID
	}
	op, err := k.Operations.Get(ctx, id)
	if err != nil {
		if errors.Is(err, collections.ErrNotFound) {
			return types.Operation{}, errorsmod.Wrapf(types.ErrOperationNotFound, "operation %d is not queued (never scheduled, executed, failed or cancelled)", id)
		}
		return types.Operation{}, err
	}
	return op, nil
}

func queueKey(op types.Operation) collections.Pair[int64, uint64] {
	return collections.Join(op.Eta.UnixNano(), op.Id)
}
