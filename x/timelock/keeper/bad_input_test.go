package keeper_test

import (
	"strings"
	"testing"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	errorsmod "cosmossdk.io/errors"

	"github.com/agora-labs/agora/app"
	forumtypes "github.com/agora-labs/agora/x/forum/types"
	"github.com/agora-labs/agora/x/timelock/types"
)

// Every bad input is refused with its registered error and changes nothing.
func TestBadInputs(t *testing.T) {
	c := newChain(t, 10)
	grantGuardian(t, c)
	queuedID := schedule(t, c, forumParams(c, maxBody(3000)))
	c.NextBlock()
	gov := app.GovAuthority()
	good := forumParams(c, maxBody(2500))
	withSigner := func(m *forumtypes.MsgUpdateParams, s string) *forumtypes.MsgUpdateParams {
		cp := *m
		cp.Authority = s
		return &cp
	}
	pack := func(msgs ...sdk.Msg) []*codectypes.Any {
		m, err := types.NewMsgSchedule(gov, msgs, "")
		if err != nil {
			t.Fatal(err)
		}
		return m.Messages
	}
	badParams := forumParams(c, maxBody(0)) // outside [1, 65536]
	many := make([]sdk.Msg, types.MaxMessagesPerOperation+1)
	for i := range many {
		many[i] = good
	}

	cases := []struct {
		name string
		run  func() error
		want *errorsmod.Error
	}{
		{"non-gov scheduler", func() error {
			_, err := msgServer(c).Schedule(c.WriteCtx(), &types.MsgSchedule{Authority: c.Address("alice").String(), Messages: pack(good)})
			return err
		}, types.ErrUnauthorized},
		{"guardian scheduler", func() error {
			_, err := msgServer(c).Schedule(c.WriteCtx(), &types.MsgSchedule{Authority: c.Address("guardian").String(), Messages: pack(good)})
			return err
		}, types.ErrUnauthorized},
		{"empty messages", func() error {
			_, err := msgServer(c).Schedule(c.WriteCtx(), &types.MsgSchedule{Authority: gov})
			return err
		}, types.ErrEmptyOperation},
		{"too many messages", func() error {
			_, err := msgServer(c).Schedule(c.WriteCtx(), &types.MsgSchedule{Authority: gov, Messages: pack(many...)})
			return err
		}, types.ErrTooManyMessages},
		{"title too long", func() error {
			_, err := msgServer(c).Schedule(c.WriteCtx(), &types.MsgSchedule{Authority: gov, Messages: pack(good), Title: strings.Repeat("x", types.MaxTitleBytes+1)})
			return err
		}, types.ErrTitleTooLong},
		{"inner message signed by gov", func() error {
			_, err := msgServer(c).Schedule(c.WriteCtx(), &types.MsgSchedule{Authority: gov, Messages: pack(withSigner(good, gov))})
			return err
		}, types.ErrWrongInnerSigner},
		{"inner message signed by alice", func() error {
			_, err := msgServer(c).Schedule(c.WriteCtx(), &types.MsgSchedule{Authority: gov, Messages: pack(withSigner(good, c.Address("alice").String()))})
			return err
		}, types.ErrWrongInnerSigner},
		{"inner message fails ValidateBasic", func() error {
			_, err := msgServer(c).Schedule(c.WriteCtx(), &types.MsgSchedule{Authority: gov, Messages: pack(badParams)})
			return err
		}, types.ErrInvalidInnerMessage},
		{"unknown message type", func() error {
			_, err := msgServer(c).Schedule(c.WriteCtx(), &types.MsgSchedule{Authority: gov,
				Messages: []*codectypes.Any{{TypeUrl: "/agora.nothing.v1.MsgNothing", Value: []byte{}}}})
			return err
		}, types.ErrInvalidInnerMessage},
		{"nested schedule", func() error {
			inner, err := types.NewMsgSchedule(gov, []sdk.Msg{good}, "")
			if err != nil {
				t.Fatal(err)
			}
			_, err = msgServer(c).Schedule(c.WriteCtx(), &types.MsgSchedule{Authority: gov, Messages: pack(inner)})
			return err
		}, types.ErrWrongInnerSigner},
		{"cancel by a stranger", func() error {
			_, err := msgServer(c).Cancel(c.WriteCtx(), &types.MsgCancel{Signer: c.Address("bob").String(), Id: queuedID})
			return err
		}, types.ErrUnauthorized},
		{"cancel of an unknown id", func() error {
			_, err := msgServer(c).Cancel(c.WriteCtx(), &types.MsgCancel{Signer: gov, Id: queuedID + 100})
			return err
		}, types.ErrOperationNotFound},
		{"cancel of id 0", func() error {
			_, err := msgServer(c).Cancel(c.WriteCtx(), &types.MsgCancel{Signer: gov, Id: 0})
			return err
		}, types.ErrInvalidOperationID},
		{"update params by gov directly", func() error {
			_, err := msgServer(c).UpdateParams(c.WriteCtx(), &types.MsgUpdateParams{Authority: gov, Params: types.DefaultParams()})
			return err
		}, types.ErrUnauthorized},
		{"update params out of bounds", func() error {
			_, err := msgServer(c).UpdateParams(c.WriteCtx(), &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: types.Params{}})
			return err
		}, types.ErrInvalidParams},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := state(t, c)
			wantErr(t, tc.run(), tc.want)
			sameState(t, before, state(t, c))
		})
	}

	// The same refusals reach a transaction's result with the timelock's
	// codespace: alice schedules, bob cancels.
	before := state(t, c)
	_, err := c.DeliverMsgs("alice", &types.MsgSchedule{Authority: c.Address("alice").String(), Messages: pack(good)})
	wantErr(t, err, types.ErrUnauthorized)
	_, err = c.DeliverMsgs("bob", &types.MsgCancel{Signer: c.Address("bob").String(), Id: queuedID})
	wantErr(t, err, types.ErrUnauthorized)
	sameState(t, before, state(t, c))
}

// Params.Validate reports every problem at once.
func TestParamsValidateReportsAll(t *testing.T) {
	err := types.Params{DelaySeconds: 0, MaxOperationsPerBlock: 1000}.Validate()
	wantErr(t, err, types.ErrInvalidParams)
	for _, field := range []string{"delay_seconds", "max_operations_per_block"} {
		if !strings.Contains(err.Error(), field) {
			t.Errorf("%q missing from %v", field, err)
		}
	}
	if err := types.DefaultParams().Validate(); err != nil {
		t.Fatal(err)
	}
}
