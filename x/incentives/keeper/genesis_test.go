package keeper_test

import (
	"reflect"
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

// TestGenesisRoundTrip: the exported state (bonds, rewards, a gauge, an
// unbonding) imports into a fresh store and exports the same.
func TestGenesisRoundTrip(t *testing.T) {
	e := newEnv(t)
	k := e.c.App.IncentivesKeeper
	e.deliver(t, "alice", &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1,
		Coins: sdk.NewCoins(coin("5000000uusdc")), DurationSeconds: 600})
	e.deliver(t, "bob", &types.MsgBond{Owner: e.addr("bob"), Shares: coin("500000" + share1)})
	e.c.AdvanceBlocks(2)
	e.deliver(t, "bob", &types.MsgUnbond{Owner: e.addr("bob"), Shares: coin("100000" + share1)})
	gs, err := k.ExportGenesis(e.c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	if len(gs.Bonds) != 1 || len(gs.Gauges) != 1 || len(gs.Unbondings) != 1 || len(gs.UserRewards) == 0 || len(gs.Accumulators) == 0 {
		t.Fatalf("export misses state: %+v", gs)
	}
	if err := gs.Validate(); err != nil {
		t.Fatal(err)
	}
	f := newEnv(t) // a fresh chain at the same height and time
	ctx := f.c.WriteCtx()
	if err := f.c.App.IncentivesKeeper.InitGenesis(ctx, *gs); err != nil {
		t.Fatal(err)
	}
	again, err := f.c.App.IncentivesKeeper.ExportGenesis(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gs, again) {
		t.Fatalf("round trip differs:\n%v\n%v", gs, again)
	}
}
