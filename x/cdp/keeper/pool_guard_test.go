package keeper_test

import (
	"testing"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/cdp/types"
)

// While a vault is below its minimum ratio, nobody can leave the stability
// pool ahead of its liquidation: the withdrawal is refused (cdp/30) and
// changes nothing; once the vault is liquidated, the withdrawal goes through.
func TestPoolWithdrawWaitsForPendingLiquidation(t *testing.T) {
	c := newChain(t)
	// EndBlock liquidates nothing, so the unsafe vault stays pending.
	p, _ := c.App.CdpKeeper.Params.Get(c.Ctx())
	p.MaxLiquidationsPerBlock = 0
	gov(t, c, &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: p})

	deliver(t, c, "alice", &types.MsgOpenVault{Owner: addr(c, "alice"), Collateral: coinOf(1_000_000, "ueth"), Mint: ints(2_000_000_000)})
	deliver(t, c, "bob", &types.MsgPsmSwapIn{Sender: addr(c, "bob"), Amount: ints(5_000_000_000)})
	deliver(t, c, "bob", &types.MsgPoolDeposit{Depositor: addr(c, "bob"), Amount: ints(3_000_000_000)})
	withdraw := &types.MsgPoolWithdraw{Depositor: addr(c, "bob"), Amount: ints(500_000_000)}

	// ETH falls to 2,500: alice's ratio 1.25 < 1.3.
	for pair, v := range prices {
		setPrice(t, c, pair, v)
	}
	setPrice(t, c, "ETH/USD", "2500")
	c.NextBlock()
	if _, err := c.App.CdpKeeper.Vaults.Get(c.Ctx(), 1); err != nil {
		t.Fatalf("the vault was liquidated although EndBlock may not: %v", err)
	}
	before := snapshot(t, c, "bob")
	_, err := c.DeliverMsgs("bob", withdraw)
	txErr, ok := err.(*apptest.TxError)
	if !ok || txErr.Codespace != types.ModuleName || txErr.Code != types.ErrLiquidationPending.ABCICode() {
		t.Fatalf("withdraw with an unsafe vault pending: %v, want %s", err, types.ErrLiquidationPending)
	}
	if after := snapshot(t, c, "bob"); after != before {
		t.Fatalf("a refused withdrawal changed the state:\nbefore %s\nafter  %s", before, after)
	}

	// Liquidated by anyone: the pool absorbs it, then bob may leave.
	// (deliver would restore the starting prices: send directly.)
	if _, err := c.DeliverMsgs("carol", &types.MsgLiquidate{Liquidator: addr(c, "carol"), VaultId: 1}); err != nil {
		t.Fatalf("liquidate: %v", err)
	}
	if _, err := c.DeliverMsgs("bob", withdraw); err != nil {
		t.Fatalf("withdraw after the liquidation: %v", err)
	}
}
