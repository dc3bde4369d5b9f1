package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/types"
)

// The whole life of a pool: create, join, swap exact-in and exact-out over
// two hops, exit. Every balance moves by exactly what the simulate queries
// and the responses say.
func TestPoolLifecycle(t *testing.T) {
	c := newChain(t)
	k := dexKeeper(c)
	alice, bob := c.Address("alice"), c.Address("bob")

	p1 := createCP(t, c, "100000000000uagr,100000000000uusdc")
	p2 := createCP(t, c, "100000000ueth,300000000000uusdc")
	pool, err := k.GetPool(c.Ctx(), p1)
	if err != nil {
		t.Fatal(err)
	}
	if !pool.TotalShares.Equal(sdkmath.NewInt(100_000_000_000)) {
		t.Fatalf("total shares %s", pool.TotalShares)
	}
	if got := c.Balances(alice).AmountOf(types.ShareDenom(p1)); !got.Equal(sdkmath.NewInt(100_000_000_000 - 1000)) {
		t.Fatalf("alice holds %s shares", got)
	}

	// Join: bob deposits at most 1000 AGR + 2000 USDC; the pool takes 1000/1000.
	before := c.Balances(bob)
	res, err := c.DeliverMsgs("bob", &types.MsgJoinPool{
		Sender: bob.String(), PoolId: p1, MaxAmountsIn: coins("1000000000uagr,2000000000uusdc"), MinSharesOut: sdkmath.NewInt(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	var join types.MsgJoinPoolResponse
	decodeResponse(t, c, res.Data, &join)
	if !join.AmountsIn.Equal(coins("1000000000uagr,1000000000uusdc")) || !join.SharesOut.Equal(sdkmath.NewInt(1_000_000_000)) {
		t.Fatalf("join took %s for %s shares", join.AmountsIn, join.SharesOut)
	}
	want := before.Sub(join.AmountsIn...).Sub(apptest.DefaultFee...).Add(sdk.NewCoin(types.ShareDenom(p1), join.SharesOut))
	if got := c.Balances(bob); !got.Equal(want) {
		t.Fatalf("bob has %s, want %s", got, want)
	}

	// Two-hop exact-in: uagr -> uusdc (pool 1) -> ueth (pool 2).
	route := []types.Hop{{PoolId: p1, DenomOut: "uusdc"}, {PoolId: p2, DenomOut: "ueth"}}
	sim, err := k.SimulateSwapExactIn(c.Ctx(), route, coin("5000000000uagr"))
	if err != nil {
		t.Fatal(err)
	}
	before = c.Balances(bob)
	res, err = c.DeliverMsgs("bob", &types.MsgSwapExactIn{Sender: bob.String(), Route: route, TokenIn: coin("5000000000uagr"), MinOut: sim.TokenOut.Amount})
	if err != nil {
		t.Fatal(err)
	}
	var swapIn types.MsgSwapExactInResponse
	decodeResponse(t, c, res.Data, &swapIn)
	if !swapIn.TokenOut.Equal(sim.TokenOut) {
		t.Fatalf("swap paid %s, simulate said %s", swapIn.TokenOut, sim.TokenOut)
	}
	want = before.Sub(coin("5000000000uagr")).Sub(apptest.DefaultFee...).Add(sim.TokenOut)
	if got := c.Balances(bob); !got.Equal(want) {
		t.Fatalf("bob has %s, want %s", got, want)
	}

	// Two-hop exact-out: buy exactly 1 ETH with uagr.
	simOut, err := k.SimulateSwapExactOut(c.Ctx(), route, "uagr", coin("1000000ueth"))
	if err != nil {
		t.Fatal(err)
	}
	before = c.Balances(bob)
	res, err = c.DeliverMsgs("bob", &types.MsgSwapExactOut{Sender: bob.String(), Route: route, DenomIn: "uagr", TokenOut: coin("1000000ueth"), MaxIn: simOut.TokenIn.Amount})
	if err != nil {
		t.Fatal(err)
	}
	var swapOut types.MsgSwapExactOutResponse
	decodeResponse(t, c, res.Data, &swapOut)
	if !swapOut.TokenIn.Equal(simOut.TokenIn) {
		t.Fatalf("swap took %s, simulate said %s", swapOut.TokenIn, simOut.TokenIn)
	}
	want = before.Sub(simOut.TokenIn).Sub(apptest.DefaultFee...).Add(coin("1000000ueth"))
	if got := c.Balances(bob); !got.Equal(want) {
		t.Fatalf("bob has %s, want %s", got, want)
	}

	// Exit all of bob's shares.
	shares := c.Balances(bob).AmountOf(types.ShareDenom(p1))
	pool, _ = k.GetPool(c.Ctx(), p1)
	expect, _, err := pool.ExitProportional(shares)
	if err != nil {
		t.Fatal(err)
	}
	before = c.Balances(bob)
	if _, err := c.DeliverMsgs("bob", &types.MsgExitPool{Sender: bob.String(), PoolId: p1, SharesIn: shares, MinAmountsOut: expect}); err != nil {
		t.Fatal(err)
	}
	want = before.Add(expect...).Sub(apptest.DefaultFee...).Sub(sdk.NewCoin(types.ShareDenom(p1), shares))
	if got := c.Balances(bob); !got.Equal(want) {
		t.Fatalf("bob has %s, want %s", got, want)
	}
}
