package keeper_test

import (
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"
	circuittypes "cosmossdk.io/x/circuit/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/group"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/testutil/apptest"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	"github.com/agora-labs/agora/x/timelock/types"
)

func swapMsg(c *apptest.Chain) *dextypes.MsgSwapExactIn {
	return &dextypes.MsgSwapExactIn{
		Sender: c.Address("alice").String(), Route: []dextypes.Hop{{PoolId: 1, DenomOut: "uusdc"}},
		TokenIn: sdk.NewCoin("uagr", sdkmath.NewInt(1000)), MinOut: sdkmath.OneInt(),
	}
}

func swapDisabled(t *testing.T, c *apptest.Chain) bool {
	t.Helper()
	ok, err := c.App.CircuitKeeper.IsAllowed(c.Ctx(), swapURL)
	if err != nil {
		t.Fatal(err)
	}
	return !ok
}

// The council pauses with 2 of 3 votes; one vote neither executes nor
// passes once the voting period ends.
func TestCouncilPausesWithTwoOfThree(t *testing.T) {
	c := newCouncilChain(t)
	trip := &circuittypes.MsgTripCircuitBreaker{Authority: councilPolicy(), MsgTypeUrls: []string{swapURL}}

	// One vote: not executed, rejected at the end of the voting period.
	lone := councilPropose(t, c, "guardian", trip)
	if logs := councilVote(t, c, "guardian", lone); logs != "" {
		t.Fatalf("one vote executed: %s", logs)
	}
	if p := councilProposal(t, c, lone); p.Status != group.PROPOSAL_STATUS_SUBMITTED || p.ExecutorResult == group.PROPOSAL_EXECUTOR_RESULT_SUCCESS {
		t.Fatalf("one vote: %s/%s", p.Status, p.ExecutorResult)
	}
	c.AdvanceBlocks(int(devgenesis.CouncilVotingPeriod/5e9) + 1)
	if p := councilProposal(t, c, lone); p.Status != group.PROPOSAL_STATUS_REJECTED {
		t.Fatalf("one vote after the voting period: %s", p.Status)
	}
	if _, err := c.DeliverMsgs("guardian", &group.MsgExec{ProposalId: lone, Executor: c.Address("guardian").String()}); err == nil {
		t.Fatal("a rejected proposal executed")
	}
	if swapDisabled(t, c) {
		t.Fatal("one vote paused swaps")
	}

	// Two votes: executed at the second vote, swaps refused.
	id := councilPropose(t, c, "guardian", trip)
	councilVote(t, c, "guardian", id)
	if swapDisabled(t, c) {
		t.Fatal("paused before the second vote")
	}
	if logs := councilVote(t, c, "bob", id); logs != "" {
		t.Fatalf("execution failed: %s", logs)
	}
	// x/group prunes a proposal once it executed successfully.
	if _, err := c.App.GroupKeeper.Proposal(c.Ctx(), &group.QueryProposalRequest{ProposalId: id}); err == nil {
		t.Fatal("executed proposal not pruned")
	}
	if !swapDisabled(t, c) {
		t.Fatal("swaps not paused")
	}
	_, err := c.DeliverMsgs("alice", swapMsg(c))
	wantErr(t, err, types.ErrMessageDisabled)
}

// Whatever else the council passes fails when it executes, with the
// guardian's (or the module's) error in the execution's logs, and changes
// nothing; it cannot even propose moving someone else's funds.
func TestCouncilCannotOverreach(t *testing.T) {
	c := newCouncilChain(t)
	policy := councilPolicy()
	// Governance pauses swaps first, so a reset would be visible.
	if _, err := circuitServer(c).TripCircuitBreaker(c.WriteCtx(), &circuittypes.MsgTripCircuitBreaker{
		Authority: app.GovAuthority(), MsgTypeUrls: []string{swapURL}}); err != nil {
		t.Fatal(err)
	}
	c.NextBlock()
	dexParams, err := c.App.DexKeeper.Params.Get(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	sched, err := types.NewMsgSchedule(policy, []sdk.Msg{forumParams(c, maxBody(3000))}, "")
	if err != nil {
		t.Fatal(err)
	}
	maxBodyBefore := currentMaxBody(t, c)
	for name, tc := range map[string]struct {
		msg  sdk.Msg
		want string
	}{
		"re-enable swaps": {&circuittypes.MsgResetCircuitBreaker{Authority: policy, MsgTypeUrls: []string{swapURL}},
			types.ErrGuardianForbidden.Error()},
		"grant bob": {&circuittypes.MsgAuthorizeCircuitBreaker{Granter: policy, Grantee: c.Address("bob").String(),
			Permissions: &circuittypes.Permissions{Level: circuittypes.Permissions_LEVEL_ALL_MSGS}},
			types.ErrGuardianForbidden.Error()},
		"change dex params": {&dextypes.MsgUpdateParams{Authority: policy, Params: dexParams}, dextypes.ErrUnauthorized.Error()},
		"schedule":          {sched, types.ErrUnauthorized.Error()},
	} {
		t.Run(name, func(t *testing.T) {
			id := councilPropose(t, c, "guardian", tc.msg)
			councilVote(t, c, "guardian", id)
			logs := councilVote(t, c, "alice", id)
			if !strings.Contains(logs, tc.want) {
				t.Fatalf("execution logs %q, want %q", logs, tc.want)
			}
			if p := councilProposal(t, c, id); p.ExecutorResult != group.PROPOSAL_EXECUTOR_RESULT_FAILURE {
				t.Fatalf("executor result %s", p.ExecutorResult)
			}
			if !swapDisabled(t, c) {
				t.Fatal("swaps re-enabled")
			}
			if _, err := c.App.CircuitKeeper.Permissions.Get(c.Ctx(), c.Address("bob")); err == nil {
				t.Fatal("bob got a permission")
			}
			if got, _ := c.App.DexKeeper.Params.Get(c.Ctx()); got.String() != dexParams.String() {
				t.Fatal("dex params changed")
			}
			if ops := queued(t, c); len(ops) != 0 {
				t.Fatalf("queued %v", ops)
			}
		})
	}
	c.AdvanceBlocks(int(delay/5e9) + 1)
	if got := currentMaxBody(t, c); got != maxBodyBefore {
		t.Fatalf("forum max body %d, was %d", got, maxBodyBefore)
	}

	// Someone else's funds: x/group refuses the proposal itself.
	aliceBefore := c.Balances(c.Address("alice"))
	send := banktypes.NewMsgSend(c.Address("alice"), c.Address("guardian"), sdk.NewCoins(sdk.NewCoin("uagr", sdkmath.NewInt(1))))
	m, err := group.NewMsgSubmitProposal(policy, []string{c.Address("guardian").String()}, []sdk.Msg{send}, "",
		group.Exec_EXEC_TRY, "take", "alice's funds")
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.DeliverMsgs("guardian", m)
	if err == nil || res.Codespace != sdkerrors.ErrUnauthorized.Codespace() || res.Code != sdkerrors.ErrUnauthorized.ABCICode() {
		t.Fatalf("bank send of alice's funds: %v", err)
	}
	if !c.Balances(c.Address("alice")).Equal(aliceBefore) {
		t.Fatal("alice's balance changed")
	}
}

// The council cancels a queued timelock operation through a proposal.
func TestCouncilCancels(t *testing.T) {
	c := newCouncilChain(t)
	before := currentMaxBody(t, c)
	op := schedule(t, c, forumParams(c, maxBody(before+1)))
	id := councilPropose(t, c, "bob", &types.MsgCancel{Signer: councilPolicy(), Id: op})
	councilVote(t, c, "bob", id)
	if logs := councilVote(t, c, "alice", id); logs != "" {
		t.Fatalf("cancel failed: %s", logs)
	}
	if ops := queued(t, c); len(ops) != 0 {
		t.Fatalf("still queued: %v", ops)
	}
	c.AdvanceBlocks(int(delay/5e9) + 1)
	if got := currentMaxBody(t, c); got != before {
		t.Fatalf("cancelled change executed: %d", got)
	}
}
