package keeper

import (
	"context"

	"github.com/agora-labs/agora/x/timelock/types"
)

type msgServer struct{ Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns x/timelock's Msg service.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{Keeper: k} }

// Schedule queues an operation (gov authority only).
func (m msgServer) Schedule(ctx context.Context, msg *types.MsgSchedule) (*types.MsgScheduleResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	op, err := m.Keeper.Schedule(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgScheduleResponse{Id: op.Id, Eta: op.Eta}, nil
}

// Cancel removes a queued operation (gov authority or a guardian).
func (m msgServer) Cancel(ctx context.Context, msg *types.MsgCancel) (*types.MsgCancelResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.Cancel(ctx, msg.Signer, msg.Id); err != nil {
		return nil, err
	}
	return &types.MsgCancelResponse{}, nil
}
