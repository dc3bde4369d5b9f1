package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// The keeper-level swap works with a module account (blocked for plain
// bank sends) as sender and recipient: x/lend and x/cdp sell seized
// collateral through it. The mint module account stands in for them.
func TestKeeperSwapWithModuleAccount(t *testing.T) {
	c := newChain(t)
	pool := createCP(t, c, "1000000000uagr,1000000000uusdc")
	k := dexKeeper(c)
	mod := authtypes.NewModuleAddress(minttypes.ModuleName)
	if !c.App.BankKeeper.BlockedAddr(mod) {
		t.Fatal("the mint module account should be a blocked address")
	}

	ctx := c.WriteCtx()
	if err := c.App.BankKeeper.MintCoins(ctx, minttypes.ModuleName, coins("10000000uagr")); err != nil {
		t.Fatal(err)
	}
	route := []types.Hop{{PoolId: pool, DenomOut: "uusdc"}}
	sim, err := k.SimulateSwapExactIn(ctx, route, coin("1000000uagr"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := k.SwapExactIn(ctx, mod, route, coin("1000000uagr"), sim.TokenOut.Amount)
	if err != nil {
		t.Fatalf("exact in from a module account: %v", err)
	}
	if !res.TokenOut.Equal(sim.TokenOut) || len(res.Hops) != 1 || res.Hops[0].PoolId != pool {
		t.Fatalf("result %+v, simulated %+v", res, sim)
	}
	bal := c.App.BankKeeper.GetAllBalances(ctx, mod)
	if !bal.AmountOf("uagr").Equal(sdkmath.NewInt(9_000_000)) || !bal.AmountOf("uusdc").Equal(res.TokenOut.Amount) {
		t.Fatalf("module balance after exact in: %s", bal)
	}

	// Exact out, back to uagr, bounded by max_in.
	back := []types.Hop{{PoolId: pool, DenomOut: "uagr"}}
	res2, err := k.SwapExactOut(ctx, mod, back, "uusdc", coin("100000uagr"), res.TokenOut.Amount)
	if err != nil {
		t.Fatalf("exact out from a module account: %v", err)
	}
	bal2 := c.App.BankKeeper.GetAllBalances(ctx, mod)
	if !bal2.AmountOf("uagr").Equal(sdkmath.NewInt(9_100_000)) ||
		!bal2.AmountOf("uusdc").Equal(res.TokenOut.Amount.Sub(res2.TokenIn.Amount)) {
		t.Fatalf("module balance after exact out: %s (paid %s)", bal2, res2.TokenIn)
	}
	c.NextBlock() // the app's invariants (module balance ≥ reserves, share supply) hold

	// Slippage is checked inside the keeper, with the registered error.
	ctx = c.WriteCtx()
	_, err = k.SwapExactIn(ctx, mod, route, coin("1000000uagr"), sdkmath.NewInt(1_000_000))
	requireErr(t, err, types.ErrMinOutNotMet)
	_, err = k.SwapExactOut(ctx, mod, back, "uusdc", coin("100000uagr"), sdkmath.NewInt(100_000))
	requireErr(t, err, types.ErrMaxInExceeded)
	_, err = k.SwapExactIn(ctx, mod, []types.Hop{{PoolId: pool, DenomOut: "uusdc"}, {PoolId: pool, DenomOut: "uagr"}}, coin("1000uagr"), sdkmath.ZeroInt())
	requireErr(t, err, types.ErrInvalidRoute)
	_, err = k.SwapExactIn(ctx, nil, route, coin("1000uagr"), sdkmath.ZeroInt())
	requireErr(t, err, types.ErrInvalidAddress)
	if got := c.App.BankKeeper.GetAllBalances(ctx, mod); !got.Equal(bal2) {
		t.Fatalf("a refused swap moved coins: %s -> %s", bal2, got)
	}
}
