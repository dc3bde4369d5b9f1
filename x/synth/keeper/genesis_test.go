package keeper_test

import (
	"testing"

	"github.com/agora-labs/agora/x/synth/keeper"

	"github.com/agora-labs/agora/x/synth/types"
)

// TestGenesisRoundTrip: a state with positions, a redistribution, a pending
// and a finished exchange exports a valid genesis that imports into the
// same state (indexes rebuilt).
func TestGenesisRoundTrip(t *testing.T) {
	c := newChain(t)
	alice, bob, carol := c.addr("alice"), c.addr("bob"), c.addr("carol")
	c.deliver("alice", stake(alice, 1_000_000_000), mint(alice, 250_000_000))
	c.deliver("bob", stake(bob, 1_000_000_000), mint(bob, 100_000_000))
	c.deliver("carol", stake(carol, 2_000_000_000), mint(carol, 100_000_000))
	c.deliver("bob", exch(bob, 10_000_000, usd, btc, 0))
	c.next()
	c.deliver("bob", exch(bob, 10_000_000, usd, eth, 0)) // pending at export
	c.p["AGR/USD"], c.p["ETH/USD"] = "0.35", "4000"      // ETH suspended: exchange 2 waits
	c.next()
	gs, err := c.App.SynthKeeper.ExportGenesis(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	if err := gs.Validate(); err != nil {
		t.Fatalf("exported genesis invalid: %v", err)
	}
	if len(gs.Positions) != 3 || len(gs.Exchanges) != 2 || gs.Pool.TotalShares.IsZero() {
		t.Fatalf("export: %d positions, %d exchanges, shares %s", len(gs.Positions), len(gs.Exchanges), gs.Pool.TotalShares)
	}
	ctx, _ := c.Ctx().CacheContext()
	k := c.App.SynthKeeper
	// drop the indexes: InitGenesis must rebuild them from the export
	for _, clear := range []func() error{
		func() error { return k.Pending.Clear(ctx, nil) },
		func() error { return k.RiskIndex.Clear(ctx, nil) },
		func() error { return k.ExchangesByOwner.Clear(ctx, nil) },
		func() error { return k.Finished.Clear(ctx, nil) },
	} {
		if err := clear(); err != nil {
			t.Fatal(err)
		}
	}
	if err := k.InitGenesis(ctx, *gs); err != nil {
		t.Fatal(err)
	}
	again, err := k.ExportGenesis(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again.String() != gs.String() {
		t.Fatalf("re-export differs")
	}
	if has, _ := k.Pending.Has(ctx, 2); !has {
		t.Fatal("the pending exchange is not pending after import")
	}
	n := 0
	_ = k.RiskIndex.Walk(ctx, nil, func(RiskKeyT) (bool, error) { n++; return false, nil })
	if n != 2 { // bob and carol; alice was liquidated
		t.Fatalf("risk index has %d entries after import, want 2", n)
	}
	bad := *gs
	bad.Pool.TotalShares = bad.Pool.TotalShares.AddRaw(1)
	if err := bad.Validate(); err == nil {
		t.Fatal("shares that do not add up pass Validate")
	}
	if gs.Exchanges[1].Status != types.ExchangeStatus_EXCHANGE_STATUS_PENDING {
		t.Fatalf("exchange 2 exported as %v", gs.Exchanges[1].Status)
	}
}

type RiskKeyT = keeper.RiskKey
