package keeper_test

import (
	"strings"
	"testing"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/group"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/testutil/apptest"
)

// newCouncilChain is newChain plus the local networks' risk council
// (devgenesis.SeedCouncil: guardian, alice and bob, 2 of 3, holding
// circuit's all-messages permission; the plain guardian key has none).
func newCouncilChain(t *testing.T) *apptest.Chain {
	t.Helper()
	return apptest.New(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		chainGenesis(10)(cdc, gen)
		accounts := map[string]sdk.AccAddress{}
		for _, name := range devgenesis.CouncilMemberNames {
			addr, err := devgenesis.AddressOf(name)
			if err != nil {
				t.Fatal(err)
			}
			accounts[name] = addr
		}
		if err := devgenesis.SeedCouncil(cdc, gen, accounts); err != nil {
			t.Fatal(err)
		}
	}))
}

func councilPolicy() string { return devgenesis.CouncilPolicyAddress().String() }

// councilPropose submits msgs as a council proposal by proposer (who does
// not vote yet) and returns its id.
func councilPropose(t *testing.T, c *apptest.Chain, proposer string, msgs ...sdk.Msg) uint64 {
	t.Helper()
	m, err := group.NewMsgSubmitProposal(councilPolicy(), []string{c.Address(proposer).String()}, msgs, "",
		group.Exec_EXEC_UNSPECIFIED, "council action", "a pause")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeliverMsgs(proposer, m); err != nil {
		t.Fatalf("submit: %v", err)
	}
	res, err := c.App.GroupKeeper.ProposalsByGroupPolicy(c.Ctx(), &group.QueryProposalsByGroupPolicyRequest{Address: councilPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	var id uint64
	for _, p := range res.Proposals {
		id = max(id, p.Id)
	}
	return id
}

// councilVote votes yes as voter and tries to execute; it returns the
// execution's logs (x/group's EventExec), empty if nothing executed.
func councilVote(t *testing.T, c *apptest.Chain, voter string, id uint64) string {
	t.Helper()
	res, err := c.DeliverMsgs(voter, &group.MsgVote{ProposalId: id, Voter: c.Address(voter).String(),
		Option: group.VOTE_OPTION_YES, Exec: group.Exec_EXEC_TRY})
	if err != nil {
		t.Fatalf("vote: %v", err)
	}
	for _, ev := range res.Events {
		if ev.Type != "cosmos.group.v1.EventExec" {
			continue
		}
		for _, a := range ev.Attributes {
			if a.Key == "logs" {
				return strings.Trim(a.Value, `"`)
			}
		}
	}
	return ""
}

func councilProposal(t *testing.T, c *apptest.Chain, id uint64) group.Proposal {
	t.Helper()
	res, err := c.App.GroupKeeper.Proposal(c.Ctx(), &group.QueryProposalRequest{ProposalId: id})
	if err != nil {
		t.Fatal(err)
	}
	return *res.Proposal
}
