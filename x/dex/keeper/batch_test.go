package keeper_test

import (
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/keeper"
	dexmath "github.com/agora-labs/agora/x/dex/math"
	"github.com/agora-labs/agora/x/dex/types"
)

// Batch execution through the whole app: swaps sent in one block are
// escrowed in DeliverTx and fill at the end of the block at one price per
// pool (x/dex/README.md, "Batch execution").

func swapIn(c *apptest.Chain, who string, pool uint64, in string, denomOut string, minOut int64) []byte {
	return c.SignTx(who, apptest.DefaultFee, 400_000, &types.MsgSwapExactIn{
		Sender: c.Address(who).String(), Route: []types.Hop{{PoolId: pool, DenomOut: denomOut}},
		TokenIn: coin(in), MinOut: sdkmath.NewInt(minOut),
	})
}

func orderOf(t *testing.T, c *apptest.Chain, res *abci.ExecTxResult) types.SwapOrder {
	t.Helper()
	if res.Code != 0 {
		t.Fatalf("tx failed: %s", res.Log)
	}
	var resp types.MsgSwapExactInResponse
	decodeResponse(t, c, res.Data, &resp)
	if !resp.Queued || resp.OrderId == 0 {
		t.Fatalf("swap not queued: %+v", resp)
	}
	q, err := keeper.NewQueryServerImpl(dexKeeper(c)).SwapOrder(c.Ctx(), &types.QuerySwapOrderRequest{OrderId: resp.OrderId})
	if err != nil {
		t.Fatal(err)
	}
	return q.Order
}

// Two opposite swaps in one block fill at the one price of the pure
// clearing (x/dex/math), each sender receives exactly its fill, and the
// order's record and events say so.
func TestBatchTwoSwapsOnePrice(t *testing.T) {
	c := newChain(t)
	k := dexKeeper(c)
	pid := createCP(t, c, "100000000000uagr,100000000000uusdc")
	pool, _ := k.GetPool(c.Ctx(), pid)
	alice, bob := c.Address("alice"), c.Address("bob")
	aBefore, bBefore := c.Balances(alice), c.Balances(bob)
	res := c.NextBlock(
		swapIn(c, "alice", pid, "1000000000uagr", "uusdc", 1),
		swapIn(c, "bob", pid, "500000000uusdc", "uagr", 1),
	)
	want, err := dexmath.ClearConstantProduct(pool.Reserves[0].Amount, pool.Reserves[1].Amount, pool.SwapFee, []dexmath.BatchOrder{
		{Side: dexmath.SideSellX, Amount: sdkmath.NewInt(1_000_000_000)}, {Side: dexmath.SideSellY, Amount: sdkmath.NewInt(500_000_000)},
	})
	if err != nil {
		t.Fatal(err)
	}
	oa, ob := orderOf(t, c, res[0]), orderOf(t, c, res[1])
	for _, o := range []types.SwapOrder{oa, ob} {
		if o.Status != types.ORDER_STATUS_FILLED || len(o.Hops) != 1 {
			t.Fatalf("order %d: %s, hops %d (%s)", o.Id, o.Status, len(o.Hops), o.Reason)
		}
	}
	if !oa.TokenOut.Equal(sdk.NewCoin("uusdc", want.Out[0])) || !ob.TokenOut.Equal(sdk.NewCoin("uagr", want.Out[1])) {
		t.Fatalf("fills %s, %s; the clearing says %s, %s", oa.TokenOut, ob.TokenOut, want.Out[0], want.Out[1])
	}
	if got, w := c.Balances(alice), aBefore.Sub(coin("1000000000uagr")).Sub(apptest.DefaultFee...).Add(oa.TokenOut); !got.Equal(w) {
		t.Fatalf("alice has %s, want %s", got, w)
	}
	if got, w := c.Balances(bob), bBefore.Sub(coin("500000000uusdc")).Sub(apptest.DefaultFee...).Add(ob.TokenOut); !got.Equal(w) {
		t.Fatalf("bob has %s, want %s", got, w)
	}
	// One price: alice's y per x and bob's x per y are the two sides of p.
	after, _ := k.GetPool(c.Ctx(), pid)
	x, y := dexmath.BatchReservesAfter(pool.Reserves[0].Amount, pool.Reserves[1].Amount, want)
	if !after.Reserves[0].Amount.Equal(x) || !after.Reserves[1].Amount.Equal(y) {
		t.Fatalf("reserves %s, want %s/%s", after.Reserves, x, y)
	}
	esc, err := k.EscrowedOrders(c.Ctx())
	if err != nil || !esc.IsZero() {
		t.Fatalf("escrow after the block: %s %v", esc, err)
	}
}

// A sandwich in one block (carol buys before bob and sells after, in one
// tx) fills at the batch's one price: carol never ends with more of both
// assets, whereas one after the other the same swaps profit.
func TestBatchSandwichInOneBlock(t *testing.T) {
	c := newChain(t)
	pid := createCP(t, c, "100000000000uagr,100000000000uusdc")
	carol := c.Address("carol")
	// carol holds uagr already; she sells uusdc for uagr and the same uagr
	// back (what a sequential sandwich would have bought) around bob's buy.
	before := c.Balances(carol)
	front := coin("20000000000uusdc")
	pool, _ := dexKeeper(c).GetPool(c.Ctx(), pid)
	bought, _, err := dexmath.SwapExactIn(pool.Reserves[1].Amount, pool.Reserves[0].Amount, front.Amount, pool.SwapFee)
	if err != nil {
		t.Fatal(err)
	}
	sandwich := c.SignTx("carol", apptest.DefaultFee, 800_000,
		&types.MsgSwapExactIn{Sender: carol.String(), Route: []types.Hop{{PoolId: pid, DenomOut: "uagr"}}, TokenIn: front, MinOut: sdkmath.OneInt()},
		&types.MsgSwapExactIn{Sender: carol.String(), Route: []types.Hop{{PoolId: pid, DenomOut: "uusdc"}}, TokenIn: sdk.NewCoin("uagr", bought), MinOut: sdkmath.OneInt()},
	)
	res := c.NextBlock(sandwich, swapIn(c, "bob", pid, "5000000000uusdc", "uagr", 1))
	if res[0].Code != 0 || res[1].Code != 0 {
		t.Fatalf("txs failed: %s / %s", res[0].Log, res[1].Log)
	}
	after := c.Balances(carol).Add(apptest.DefaultFee...) // ignore the tx fee
	dAgr := after.AmountOf("uagr").Sub(before.AmountOf("uagr"))
	dUsdc := after.AmountOf("uusdc").Sub(before.AmountOf("uusdc"))
	if !dAgr.IsNegative() && !dUsdc.IsNegative() {
		t.Fatalf("carol gained from the sandwich: %s uagr, %s uusdc", dAgr, dUsdc)
	}
}

// An order that could fill alone but not at the batch's price (others
// sold the same way in the block) is refunded in full at the end of the
// block; its record says why.
func TestBatchRefundBelowMinOut(t *testing.T) {
	c := newChain(t)
	pid := createCP(t, c, "100000000000uagr,100000000000uusdc")
	pool, _ := dexKeeper(c).GetPool(c.Ctx(), pid)
	lone, _, err := dexmath.SwapExactIn(pool.Reserves[0].Amount, pool.Reserves[1].Amount, sdkmath.NewInt(1_000_000_000), pool.SwapFee)
	if err != nil {
		t.Fatal(err)
	}
	bob := c.Address("bob")
	before := c.Balances(bob)
	res := c.NextBlock(
		swapIn(c, "alice", pid, "5000000000uagr", "uusdc", 1),
		swapIn(c, "bob", pid, "1000000000uagr", "uusdc", lone.Int64()),
	)
	o := orderOf(t, c, res[1])
	if o.Status != types.ORDER_STATUS_REFUNDED || !o.Refund.Equal(coin("1000000000uagr")) || o.Reason == "" {
		t.Fatalf("bob's order: %s refund %s (%s)", o.Status, o.Refund, o.Reason)
	}
	if got, w := c.Balances(bob), before.Sub(apptest.DefaultFee...); !got.Equal(w) {
		t.Fatalf("bob has %s, want %s (only the fee spent)", got, w)
	}
	if a := orderOf(t, c, res[0]); a.Status != types.ORDER_STATUS_FILLED {
		t.Fatalf("alice's order: %s", a.Status)
	}
}

// A route whose second hop misses min_out stops: the sender is paid the
// output of the first hop (an intermediate asset), status STOPPED.
func TestBatchRouteStopsAtLaterHop(t *testing.T) {
	c := newChain(t)
	p1 := createCP(t, c, "100000000000uagr,100000000000uusdc")
	p2 := createCP(t, c, "100000000ueth,300000000000uusdc")
	route := []types.Hop{{PoolId: p1, DenomOut: "uusdc"}, {PoolId: p2, DenomOut: "ueth"}}
	sim, err := dexKeeper(c).SimulateSwapExactIn(c.Ctx(), route, coin("1000000000uagr"))
	if err != nil {
		t.Fatal(err)
	}
	bob := c.Address("bob")
	before := c.Balances(bob)
	res := c.NextBlock(
		c.SignTx("bob", apptest.DefaultFee, 600_000, &types.MsgSwapExactIn{Sender: bob.String(), Route: route, TokenIn: coin("1000000000uagr"), MinOut: sim.TokenOut.Amount}),
		swapIn(c, "alice", p2, "30000000000uusdc", "ueth", 1), // buys ETH first (depth 1)
	)
	o := orderOf(t, c, res[0])
	if o.Status != types.ORDER_STATUS_STOPPED || len(o.Hops) != 1 || o.Refund.Denom != "uusdc" {
		t.Fatalf("route order: %s hops %d refund %s (%s)", o.Status, len(o.Hops), o.Refund, o.Reason)
	}
	want := before.Sub(coin("1000000000uagr")).Sub(apptest.DefaultFee...).Add(o.Refund)
	if got := c.Balances(bob); !got.Equal(want) {
		t.Fatalf("bob has %s, want %s", got, want)
	}
}

// The governed cap on queued swaps per pool per block: the swap beyond it
// is refused in DeliverTx with ErrTooManyOrders and changes nothing; the
// next block takes it.
func TestBatchOrderCap(t *testing.T) {
	c := newChain(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var gs types.GenesisState
		cdc.MustUnmarshalJSON(gen[types.ModuleName], &gs)
		gs.Params.MaxOrdersPerPoolPerBlock = 2
		gen[types.ModuleName] = cdc.MustMarshalJSON(&gs)
	}))
	pid := createCP(t, c, "100000000000uagr,100000000000uusdc")
	before := snapshot(t, c)
	res := c.NextBlock(
		swapIn(c, "alice", pid, "1000000uagr", "uusdc", 1),
		swapIn(c, "bob", pid, "1000000uagr", "uusdc", 1),
		swapIn(c, "carol", pid, "1000000uagr", "uusdc", 1),
	)
	if res[0].Code != 0 || res[1].Code != 0 {
		t.Fatalf("the first two swaps failed: %s / %s", res[0].Log, res[1].Log)
	}
	requireErr(t, &apptest.TxError{Code: res[2].Code, Codespace: res[2].Codespace, Log: res[2].Log}, types.ErrTooManyOrders)
	// carol's balances moved by the fee only
	after := snapshot(t, c)
	if got, w := after.balances["carol"], before.balances["carol"].Sub(apptest.DefaultFee...); !got.Equal(w) {
		t.Fatalf("carol has %s, want %s", got, w)
	}
	if _, err := c.DeliverMsgs("carol", &types.MsgSwapExactIn{Sender: c.Address("carol").String(),
		Route: []types.Hop{{PoolId: pid, DenomOut: "uusdc"}}, TokenIn: coin("1000000uagr"), MinOut: sdkmath.OneInt()}); err != nil {
		t.Fatalf("next block: %v", err)
	}
}

// Unknown orders: ErrOrderNotFound.
func TestSwapOrderQueryUnknown(t *testing.T) {
	c := newChain(t)
	_, err := keeper.NewQueryServerImpl(dexKeeper(c)).SwapOrder(c.Ctx(), &types.QuerySwapOrderRequest{OrderId: 99})
	requireErr(t, err, types.ErrOrderNotFound)
}

// A pool whose batch fails (here: it panics) does not stop the block: its
// orders are refunded in full with the error as the reason (EndBlock also
// emits EventBatchError), the other pool's batch fills, and every invariant
// holds.
func TestBatchFailingPoolRefunds(t *testing.T) {
	c := newChain(t)
	p1 := createCP(t, c, "100000000000uagr,100000000000uusdc")
	p2 := createCP(t, c, "100000000ueth,300000000000uusdc")
	restore := keeper.SetEndBlockHook(func(_ sdk.Context, id uint64) {
		if id == p1 {
			panic("boom")
		}
	})
	defer restore()
	bob := c.Address("bob")
	before := c.Balances(bob)
	reserves, _ := dexKeeper(c).GetPool(c.Ctx(), p1)
	res := c.NextBlock(
		swapIn(c, "bob", p1, "1000000000uagr", "uusdc", 1),
		swapIn(c, "alice", p2, "1000000000uusdc", "ueth", 1),
	)
	ob, oa := orderOf(t, c, res[0]), orderOf(t, c, res[1])
	if ob.Status != types.ORDER_STATUS_REFUNDED || !ob.Refund.Equal(coin("1000000000uagr")) || !strings.Contains(ob.Reason, "could not clear") {
		t.Fatalf("order on the failing pool: %s refund %s (%s)", ob.Status, ob.Refund, ob.Reason)
	}
	if oa.Status != types.ORDER_STATUS_FILLED {
		t.Fatalf("order on the other pool: %s (%s)", oa.Status, oa.Reason)
	}
	if got, w := c.Balances(bob), before.Sub(apptest.DefaultFee...); !got.Equal(w) {
		t.Fatalf("bob has %s, want %s", got, w)
	}
	after, _ := dexKeeper(c).GetPool(c.Ctx(), p1)
	if !after.Reserves.Equal(reserves.Reserves) {
		t.Fatalf("the failing pool's reserves moved: %s -> %s", reserves.Reserves, after.Reserves)
	}
}

// A 3-asset stableswap pool with swaps on two pairs in one block: each pair
// clears at its own price (pairs in sorted order), both fill, D does not
// fall (asserted by ClearPair) and every invariant holds.
func TestBatchStableSwapTwoPairs(t *testing.T) {
	c := newChain(t)
	pid := createPool(t, c, "bob", types.POOL_TYPE_STABLESWAP, "20000000ubtc,20000000ueth,20000000uusdc", sdkmath.LegacyNewDecWithPrec(5, 4), 200)
	res := c.NextBlock(
		swapIn(c, "alice", pid, "1000000ubtc", "ueth", 1),
		swapIn(c, "carol", pid, "500000ueth", "ubtc", 1),
		swapIn(c, "bob", pid, "2000000uusdc", "ueth", 1),
	)
	for n, r := range res {
		if o := orderOf(t, c, r); o.Status != types.ORDER_STATUS_FILLED {
			t.Fatalf("order %d: %s (%s)", n, o.Status, o.Reason)
		}
	}
}
