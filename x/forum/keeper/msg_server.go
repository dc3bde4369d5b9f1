package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/forum/types"
)

type msgServer struct{ Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns x/forum's Msg service.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{Keeper: k} }

// PostComment posts a comment or a reply.
func (m msgServer) PostComment(ctx context.Context, msg *types.MsgPostComment) (*types.MsgPostCommentResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	author := sdk.MustAccAddressFromBech32(msg.Author)
	id, err := m.Keeper.PostComment(ctx, author, msg.ProposalId, msg.ParentCommentId, msg.Body)
	if err != nil {
		return nil, err
	}
	return &types.MsgPostCommentResponse{CommentId: id}, nil
}

// EditComment edits the author's comment.
func (m msgServer) EditComment(ctx context.Context, msg *types.MsgEditComment) (*types.MsgEditCommentResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.EditComment(ctx, sdk.MustAccAddressFromBech32(msg.Author), msg.CommentId, msg.Body); err != nil {
		return nil, err
	}
	return &types.MsgEditCommentResponse{}, nil
}

// RetractComment retracts the author's comment.
func (m msgServer) RetractComment(ctx context.Context, msg *types.MsgRetractComment) (*types.MsgRetractCommentResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.RetractComment(ctx, sdk.MustAccAddressFromBech32(msg.Author), msg.CommentId); err != nil {
		return nil, err
	}
	return &types.MsgRetractCommentResponse{}, nil
}
