package keeper_test

import (
	"testing"

	circuittypes "cosmossdk.io/x/circuit/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/x/timelock/types"
)

// A guardian (a circuit permission holder) and governance may cancel a
// queued operation; it then never executes. Revoking the permission takes
// the power away.
func TestCancel(t *testing.T) {
	c := newChain(t, 10)
	base := currentMaxBody(t, c)
	grantGuardian(t, c)
	byGuardian := schedule(t, c, forumParams(c, maxBody(base+1)))
	byGov := schedule(t, c, forumParams(c, maxBody(base+2)))
	c.NextBlock()

	if _, err := c.DeliverMsgs("guardian", &types.MsgCancel{Signer: c.Address("guardian").String(), Id: byGuardian}); err != nil {
		t.Fatal(err)
	}
	if _, err := msgServer(c).Cancel(c.WriteCtx(), &types.MsgCancel{Signer: app.GovAuthority(), Id: byGov}); err != nil {
		t.Fatal(err)
	}
	c.NextBlock()
	if ids := queued(t, c); len(ids) != 0 {
		t.Fatalf("queued after cancels: %v", ids)
	}
	c.AdvanceBlocks(int(delay/5e9) + 1)
	if got := currentMaxBody(t, c); got != base {
		t.Fatalf("a cancelled operation executed: max_body_bytes %d", got)
	}
	// A cancelled id stays gone.
	_, err := c.DeliverMsgs("guardian", &types.MsgCancel{Signer: c.Address("guardian").String(), Id: byGuardian})
	wantErr(t, err, types.ErrOperationNotFound)

	// Governance revokes the permission: the account can no longer cancel.
	if _, err := circuitServer(c).AuthorizeCircuitBreaker(c.WriteCtx(), &circuittypes.MsgAuthorizeCircuitBreaker{
		Granter: app.GovAuthority(), Grantee: c.Address("guardian").String(), Permissions: &circuittypes.Permissions{},
	}); err != nil {
		t.Fatal(err)
	}
	later := schedule(t, c, forumParams(c, maxBody(base+3)))
	c.NextBlock()
	_, err = c.DeliverMsgs("guardian", &types.MsgCancel{Signer: c.Address("guardian").String(), Id: later})
	wantErr(t, err, types.ErrUnauthorized)
}
