package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/incentives/types"
)

// TestInvariantsCatchBrokenState: the invariants hold after a bond and fail
// on a bond recorded without its shares or its pool total.
func TestInvariantsCatchBrokenState(t *testing.T) {
	e := newEnv(t)
	k := e.c.App.IncentivesKeeper
	e.deliver(t, "bob", &types.MsgBond{Owner: e.addr("bob"), Shares: coin("500000" + share1)})
	if err := k.ModuleBalanceInvariant(e.c.Ctx()); err != nil {
		t.Fatal(err)
	}
	if err := k.BondedTotalsInvariant(e.c.Ctx()); err != nil {
		t.Fatal(err)
	}
	ctx, _ := e.c.Ctx().CacheContext()
	if err := k.Bonds.Set(ctx, collections.Join(e.c.Address("carol"), uint64(1)), sdkmath.NewInt(7)); err != nil {
		t.Fatal(err)
	}
	if err := k.BondedTotalsInvariant(ctx); err == nil {
		t.Fatal("bonded totals invariant missed a bond not in the pool total")
	}
	if err := k.Bonds.Set(ctx, collections.Join(e.c.Address("carol"), uint64(1)), sdkmath.NewInt(10_000_000_000)); err != nil {
		t.Fatal(err)
	}
	if err := k.ModuleBalanceInvariant(ctx); err == nil {
		t.Fatal("module balance invariant missed shares not held")
	}
}
