package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/agora-labs/agora/x/forum/types"
)

// openProposal returns nil when the proposal is in its deposit or voting
// period, ErrProposalNotFound or ErrProposalClosed otherwise.
func (k Keeper) openProposal(ctx context.Context, id uint64) error {
	p, err := k.gov.GetProposal(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return errorsmod.Wrapf(types.ErrProposalNotFound, "proposal %d", id)
	}
	if err != nil {
		return err
	}
	switch p.Status {
	case govv1.StatusDepositPeriod, govv1.StatusVotingPeriod:
		return nil
	default:
		return errorsmod.Wrapf(types.ErrProposalClosed, "proposal %d is %s", id, p.Status)
	}
}

func checkLength(body string, p types.Params) error {
	if len(body) > int(p.MaxBodyBytes) {
		return errorsmod.Wrapf(types.ErrBodyTooLong, "%d bytes, at most %d", len(body), p.MaxBodyBytes)
	}
	return nil
}

// GetComment returns a comment or ErrCommentNotFound.
func (k Keeper) GetComment(ctx context.Context, id uint64) (types.Comment, error) {
	c, err := k.Comments.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return c, errorsmod.Wrapf(types.ErrCommentNotFound, "comment %d", id)
	}
	return c, err
}

// PostComment stores a comment on an open proposal (a reply when
// parent > 0) after the author paid params.post_fee into the community pool.
func (k Keeper) PostComment(ctx context.Context, author sdk.AccAddress, proposalID, parent uint64, body string) (uint64, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	if err := types.CheckBody(body); err != nil {
		return 0, err
	}
	if err := checkLength(body, params); err != nil {
		return 0, err
	}
	if err := k.openProposal(ctx, proposalID); err != nil {
		return 0, err
	}
	if parent != 0 {
		pc, err := k.GetComment(ctx, parent)
		if err != nil {
			return 0, err
		}
		if pc.ProposalId != proposalID {
			return 0, errorsmod.Wrapf(types.ErrWrongProposal, "comment %d is on proposal %d, not %d", parent, pc.ProposalId, proposalID)
		}
	}
	fee := params.PostFee
	if !fee.IsZero() {
		if spendable := k.bank.SpendableCoins(ctx, author); !spendable.IsAllGTE(fee) {
			return 0, errorsmod.Wrapf(types.ErrInsufficientFunds, "fee %s, spendable %s", fee, spendable)
		}
	}
	var id uint64
	err = atomic(ctx, func(ctx sdk.Context) error {
		if !fee.IsZero() {
			if err := k.distr.FundCommunityPool(ctx, fee, author); err != nil {
				return errorsmod.Wrapf(types.ErrInsufficientFunds, "paying the fee %s: %s", fee, err)
			}
		}
		var err error
		if id, err = k.NextCommentID.Next(ctx); err != nil {
			return err
		}
		c := types.Comment{
			Id: id, ProposalId: proposalID, ParentCommentId: parent, Author: author.String(), Body: body,
			CreatedAt: ctx.BlockTime(), Height: uint64(ctx.BlockHeight()),
		}
		if err := k.setComment(ctx, c); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventCommentPosted{
			CommentId: id, ProposalId: proposalID, ParentCommentId: parent, Author: c.Author, Body: body, Fee: fee.String(),
		})
	})
	return id, err
}

// setComment stores a comment and its two indexes.
func (k Keeper) setComment(ctx context.Context, c types.Comment) error {
	author, err := sdk.AccAddressFromBech32(c.Author)
	if err != nil {
		return err
	}
	if err := k.Comments.Set(ctx, c.Id, c); err != nil {
		return err
	}
	if err := k.ByProposal.Set(ctx, collections.Join(c.ProposalId, c.Id)); err != nil {
		return err
	}
	return k.ByAuthor.Set(ctx, collections.Join(author, c.Id))
}

// authored returns the author's own, unretracted comment.
func (k Keeper) authored(ctx context.Context, author sdk.AccAddress, id uint64) (types.Comment, error) {
	c, err := k.GetComment(ctx, id)
	if err != nil {
		return c, err
	}
	if c.Author != author.String() {
		return c, errorsmod.Wrapf(types.ErrNotAuthor, "comment %d is %s's", id, c.Author)
	}
	if c.Retracted {
		return c, errorsmod.Wrapf(types.ErrRetracted, "comment %d", id)
	}
	return c, nil
}

// EditComment replaces the body of the author's comment while its edit
// window (params.edit_window_seconds after posting) is open and its
// proposal still in its deposit or voting period.
func (k Keeper) EditComment(ctx context.Context, author sdk.AccAddress, id uint64, body string) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if err := types.CheckBody(body); err != nil {
		return err
	}
	if err := checkLength(body, params); err != nil {
		return err
	}
	c, err := k.authored(ctx, author, id)
	if err != nil {
		return err
	}
	sctx := sdk.UnwrapSDKContext(ctx)
	now := sctx.BlockTime()
	if !EditWindowOpen(c.CreatedAt, now, params.EditWindowSeconds) {
		return errorsmod.Wrapf(types.ErrEditWindowClosed, "comment %d was posted at %s; edits closed %d s later",
			id, c.CreatedAt.UTC().Format(time.RFC3339), params.EditWindowSeconds)
	}
	if err := k.openProposal(ctx, c.ProposalId); err != nil {
		return err
	}
	c.Body = body
	c.EditedAt = &now
	if err := k.Comments.Set(ctx, id, c); err != nil {
		return err
	}
	return sctx.EventManager().EmitTypedEvent(&types.EventCommentEdited{CommentId: id, ProposalId: c.ProposalId, Author: c.Author, Body: body})
}

// EditWindowOpen reports whether a comment created at created may still be
// edited at now: until created + window inclusive (window 0: never).
func EditWindowOpen(created, now time.Time, windowSeconds uint64) bool {
	if windowSeconds == 0 {
		return false
	}
	return !now.After(created.Add(time.Duration(windowSeconds) * time.Second))
}

// RetractComment hides the body of the author's comment; the record (id,
// author, parent, times) stays so that replies keep their place.
func (k Keeper) RetractComment(ctx context.Context, author sdk.AccAddress, id uint64) error {
	c, err := k.authored(ctx, author, id)
	if err != nil {
		return err
	}
	c.Body = ""
	c.Retracted = true
	if err := k.Comments.Set(ctx, id, c); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventCommentRetracted{CommentId: id, ProposalId: c.ProposalId, Author: c.Author})
}
