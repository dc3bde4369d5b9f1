package keeper_test

import (
	"testing"
	"time"

	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

// TestSimulatedBondCoversThePoolUpdate: a bond simulated on the state of
// the block that already updated the pool costs at least what the same
// bond costs in the next block, where it pays for the pool's update (the
// gauges' release) — so a wallet's gas estimate is enough. Without the
// simulation charge the estimate falls short (checked as well).
func TestSimulatedBondCoversThePoolUpdate(t *testing.T) {
	e := newEnv(t)
	k := e.c.App.IncentivesKeeper
	g := func() *types.MsgCreateGauge {
		return &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1, Coins: sdk.NewCoins(coin("6000000uusdc")), DurationSeconds: 600}
	}
	e.deliver(t, "alice", g(), g(), g())
	e.deliver(t, "bob", &types.MsgBond{Owner: e.addr("bob"), Shares: coin("500000" + share1)}) // updates the pool in this block
	bob := e.c.Address("bob")
	gasOf := func(ctx sdk.Context) storetypes.Gas {
		ctx, _ = ctx.WithGasMeter(storetypes.NewInfiniteGasMeter()).CacheContext()
		if err := k.Bond(ctx, bob, coin("1000"+share1)); err != nil {
			t.Fatal(err)
		}
		return ctx.GasMeter().GasConsumed()
	}
	simulated := gasOf(e.c.Ctx().WithExecMode(sdk.ExecModeSimulate))
	sameBlock := gasOf(e.c.Ctx().WithExecMode(sdk.ExecModeFinalize))
	nextBlock := gasOf(e.c.Ctx().WithExecMode(sdk.ExecModeFinalize).WithBlockTime(e.c.Time().Add(5 * time.Second)))
	if sameBlock >= nextBlock {
		t.Fatalf("the pool update costs nothing? same block %d, next block %d", sameBlock, nextBlock)
	}
	if simulated < nextBlock {
		t.Fatalf("simulated bond %d gas, the bond in the next block %d", simulated, nextBlock)
	}
	if simulated > nextBlock+40_000 {
		t.Fatalf("simulated bond %d gas overcharges the next block's %d", simulated, nextBlock)
	}
	t.Logf("gas: simulated %d, same block %d, next block %d", simulated, sameBlock, nextBlock)
}
