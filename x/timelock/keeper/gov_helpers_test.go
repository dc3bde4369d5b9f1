package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/agora-labs/agora/testutil/apptest"
)

// submitAndPass submits msgs as a proposal (alice, the test chain's only
// delegator, deposits and votes yes) and advances past its voting period.
// It returns the proposal's id.
func submitAndPass(t *testing.T, c *apptest.Chain, msgs ...sdk.Msg) uint64 {
	t.Helper()
	sub, err := govv1.NewMsgSubmitProposal(msgs, sdk.NewCoins(sdk.NewCoin("uagr", sdkmath.NewInt(10_000_000))),
		c.Address("alice").String(), "", "timelock test", "a change that waits", false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeliverMsgs("alice", sub); err != nil {
		t.Fatal(err)
	}
	next, err := c.App.GovKeeper.ProposalID.Peek(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	id := next - 1
	if _, err := c.DeliverMsgs("alice", govv1.NewMsgVote(c.Address("alice"), id, govv1.OptionYes, "")); err != nil {
		t.Fatal(err)
	}
	c.AdvanceBlocks(int(govPeriod/5e9) + 1)
	p, err := c.App.GovKeeper.Proposals.Get(c.Ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	if p.Status != govv1.StatusPassed && p.Status != govv1.StatusFailed {
		t.Fatalf("proposal %d status %s", id, p.Status)
	}
	return id
}
