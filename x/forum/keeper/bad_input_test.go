package keeper_test

import (
	"strings"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/forum/types"
)

// Every refused message fails with its registered error (codespace and
// code) and changes neither the forum's state nor the signer's balance
// beyond the tx fee.
func TestBadInput(t *testing.T) {
	period := 10 * time.Minute
	c := newChainWithPeriod(t, period, func(p *types.Params) { p.MaxBodyBytes = 100; p.EditWindowSeconds = 60 })
	open := submitProposal(t, c)
	other := submitProposal(t, c)
	bobs := post(t, c, "bob", open, 0, "first")
	elsewhere := post(t, c, "carol", other, 0, "on the other proposal")
	bob, carol := c.Address("bob").String(), c.Address("carol").String()

	cases := []struct {
		name   string
		signer string
		msg    sdk.Msg
		want   *errorsmod.Error
	}{
		{"unknown proposal", "bob", &types.MsgPostComment{Author: bob, ProposalId: 999, Body: "hi"}, types.ErrProposalNotFound},
		{"proposal id zero", "bob", &types.MsgPostComment{Author: bob, ProposalId: 0, Body: "hi"}, types.ErrInvalidProposalID},
		{"empty body", "bob", &types.MsgPostComment{Author: bob, ProposalId: open, Body: ""}, types.ErrEmptyBody},
		{"over-long body", "bob", &types.MsgPostComment{Author: bob, ProposalId: open, Body: strings.Repeat("x", 101)}, types.ErrBodyTooLong},
		{"invalid UTF-8", "bob", &types.MsgPostComment{Author: bob, ProposalId: open, Body: "\xff\xfe"}, types.ErrInvalidUTF8},
		{"reply to an unknown comment", "bob", &types.MsgPostComment{Author: bob, ProposalId: open, ParentCommentId: 999, Body: "hi"}, types.ErrCommentNotFound},
		{"reply to another proposal's comment", "bob", &types.MsgPostComment{Author: bob, ProposalId: open, ParentCommentId: elsewhere, Body: "hi"}, types.ErrWrongProposal},
		{"edit of someone else's comment", "carol", &types.MsgEditComment{Author: carol, CommentId: bobs, Body: "mine now"}, types.ErrNotAuthor},
		{"edit over-long", "bob", &types.MsgEditComment{Author: bob, CommentId: bobs, Body: strings.Repeat("x", 101)}, types.ErrBodyTooLong},
		{"edit of an unknown comment", "bob", &types.MsgEditComment{Author: bob, CommentId: 999, Body: "x"}, types.ErrCommentNotFound},
		{"retract someone else's comment", "carol", &types.MsgRetractComment{Author: carol, CommentId: bobs}, types.ErrNotAuthor},
		{"params by a non-gov signer", "bob", &types.MsgUpdateParams{Authority: bob, Params: types.DefaultParams()}, types.ErrUnauthorized},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before, balance := forumState(t, c), c.Balances(c.Address(tc.signer))
			_, err := c.DeliverMsgs(tc.signer, tc.msg)
			wantErr(t, err, tc.want)
			sameState(t, before, forumState(t, c))
			// A message failing ValidateBasic costs nothing, others the tx fee.
			if got, want := c.Balances(c.Address(tc.signer)), balance.Sub(apptest.DefaultFee...); !got.Equal(want) && !got.Equal(balance) {
				t.Fatalf("balance %s, want %s (only the tx fee paid)", got, want)
			}
		})
	}

	t.Run("edit after the window", func(t *testing.T) {
		c.AdvanceBlocks(60/int(apptest.BlockInterval.Seconds()) + 1)
		before := forumState(t, c)
		_, err := c.DeliverMsgs("bob", &types.MsgEditComment{Author: bob, CommentId: bobs, Body: "late"})
		wantErr(t, err, types.ErrEditWindowClosed)
		sameState(t, before, forumState(t, c))
	})
	t.Run("edit of a retracted comment", func(t *testing.T) {
		fresh := post(t, c, "bob", open, 0, "to retract")
		if _, err := c.DeliverMsgs("bob", &types.MsgRetractComment{Author: bob, CommentId: fresh}); err != nil {
			t.Fatal(err)
		}
		before := forumState(t, c)
		_, err := c.DeliverMsgs("bob", &types.MsgEditComment{Author: bob, CommentId: fresh, Body: "back"})
		wantErr(t, err, types.ErrRetracted)
		_, err = c.DeliverMsgs("bob", &types.MsgRetractComment{Author: bob, CommentId: fresh})
		wantErr(t, err, types.ErrRetracted)
		sameState(t, before, forumState(t, c))
	})
	t.Run("fee the author cannot pay", func(t *testing.T) {
		p := types.DefaultParams()
		p.PostFee = sdk.NewCoins(sdk.NewCoin("unobody", sdkmath.NewInt(1)))
		if err := c.App.ForumKeeper.Params.Set(c.WriteCtx(), p); err != nil {
			t.Fatal(err)
		}
		c.NextBlock()
		before := forumState(t, c)
		_, err := c.DeliverMsgs("bob", &types.MsgPostComment{Author: bob, ProposalId: open, Body: "hi"})
		wantErr(t, err, types.ErrInsufficientFunds)
		sameState(t, before, forumState(t, c))
	})
	t.Run("comment on a finished proposal", func(t *testing.T) {
		c.AdvanceBlocks(int(period/apptest.BlockInterval) + 1)
		p := types.DefaultParams()
		if err := c.App.ForumKeeper.Params.Set(c.WriteCtx(), p); err != nil {
			t.Fatal(err)
		}
		c.NextBlock()
		before := forumState(t, c)
		_, err := c.DeliverMsgs("bob", &types.MsgPostComment{Author: bob, ProposalId: open, Body: "too late"})
		wantErr(t, err, types.ErrProposalClosed)
		sameState(t, before, forumState(t, c))
	})
	t.Run("gov authority with invalid params", func(t *testing.T) {
		before := forumState(t, c)
		bad := types.DefaultParams()
		bad.MaxBodyBytes = 0
		_, err := c.App.ForumKeeper.Params.Get(c.Ctx())
		if err != nil {
			t.Fatal(err)
		}
		msg := &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: bad}
		_, err = newMsgServer(c).UpdateParams(c.WriteCtx(), msg)
		wantErr(t, err, types.ErrInvalidParams)
		sameState(t, before, forumState(t, c))
	})
}
