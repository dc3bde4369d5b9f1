package keeper_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/dex/types"
)

// Limit orders through the whole app (x/dex/README.md, "Limit orders").
// The chain checks the module-balance invariant (reserves + escrowed
// swaps + open orders) after every block.

func placeMsg(c *apptest.Chain, who string, pool uint64, in, denomOut, price string) *types.MsgPlaceLimitOrder {
	return &types.MsgPlaceLimitOrder{Sender: c.Address(who).String(), PoolId: pool, TokenIn: coin(in), DenomOut: denomOut,
		LimitPrice: sdkmath.LegacyMustNewDecFromStr(price)}
}

func place(t *testing.T, c *apptest.Chain, msg *types.MsgPlaceLimitOrder) uint64 {
	t.Helper()
	res, err := c.DeliverMsgs(signerOf(c, msg.Sender), msg)
	if err != nil {
		t.Fatalf("place: %v", err)
	}
	var resp types.MsgPlaceLimitOrderResponse
	decodeResponse(t, c, res.Data, &resp)
	return resp.OrderId
}

func signerOf(c *apptest.Chain, addr string) string {
	for name, a := range c.Accounts {
		if a.Address.String() == addr {
			return name
		}
	}
	return ""
}

func limitOrder(t *testing.T, c *apptest.Chain, id uint64) types.LimitOrder {
	t.Helper()
	q, err := keeper.NewQueryServerImpl(dexKeeper(c)).LimitOrder(c.Ctx(), &types.QueryLimitOrderRequest{OrderId: id})
	if err != nil {
		t.Fatal(err)
	}
	return q.Order
}

// A sell order above the pool's price rests; a swap that pushes the price
// past it fills it in that block's batch, partly, at no less than its
// limit, and the book clears again in the next block.
func TestLimitOrderRestsThenFills(t *testing.T) {
	c := newChain(t)
	pid := createCP(t, c, "100000000000uagr,100000000000uusdc")
	alice := c.Address("alice")
	before := c.Balances(alice)
	id := place(t, c, placeMsg(c, "alice", pid, "10000000000uagr", "uusdc", "1.02"))
	c.NextBlock()
	o := limitOrder(t, c, id)
	if o.Status != types.LIMIT_ORDER_STATUS_OPEN || !o.Remaining.Equal(sdkmath.NewInt(10_000_000_000)) || !o.FilledIn.IsZero() {
		t.Fatalf("order should rest untouched: %+v", o)
	}
	if got, want := c.Balances(alice), before.Sub(coin("10000000000uagr")).Sub(apptest.DefaultFee...); !got.Equal(want) {
		t.Fatalf("alice has %s, want %s (escrowed)", got, want)
	}
	book, err := keeper.NewQueryServerImpl(dexKeeper(c)).OrderBook(c.Ctx(), &types.QueryOrderBookRequest{PoolId: pid, Base: "uagr", Quote: "uusdc"})
	if err != nil {
		t.Fatal(err)
	}
	if len(book.Asks) != 1 || !book.Asks[0].Price.Equal(sdkmath.LegacyMustNewDecFromStr("1.02")) || book.Asks[0].Orders != 1 || len(book.Bids) != 0 {
		t.Fatalf("book: %+v", book)
	}
	// Bob buys uagr with 10,000 USDC: alone it would move the price ~20 %.
	res := c.NextBlock(swapIn(c, "bob", pid, "10000000000uusdc", "uagr", 1))
	so := orderOf(t, c, res[0])
	if so.Status != types.ORDER_STATUS_FILLED {
		t.Fatalf("swap: %s %s", so.Status, so.Reason)
	}
	o = limitOrder(t, c, id)
	if !o.FilledIn.IsPositive() || !o.FilledIn.Add(o.Remaining).Equal(sdkmath.NewInt(10_000_000_000)) {
		t.Fatalf("order should have filled partly: %+v", o)
	}
	if min := o.LimitPrice.MulInt(o.FilledIn).TruncateInt(); o.FilledOut.LT(min) {
		t.Fatalf("filled %s for %s: below the limit (%s)", o.FilledOut, o.FilledIn, min)
	}
	fills, err := keeper.NewQueryServerImpl(dexKeeper(c)).LimitOrderFills(c.Ctx(), &types.QueryLimitOrderFillsRequest{OrderId: id})
	if err != nil || len(fills.Fills) == 0 || !fills.Fills[0].AmountOut.Equal(o.FilledOut) || fills.Fills[0].Maker != true {
		t.Fatalf("fills %+v (%v)", fills, err)
	}
	got := c.Balances(alice).AmountOf("uusdc")
	if want := before.AmountOf("uusdc").Add(o.FilledOut); !got.Equal(want) {
		t.Fatalf("alice holds %s uusdc, want %s (paid at the fill)", got, want)
	}
	// The pool's price after the batch is above the order's level: the book
	// clears again in the next block and the order sells more.
	first := o.FilledIn
	c.NextBlock()
	o = limitOrder(t, c, id)
	if !o.FilledIn.GT(first) {
		t.Fatalf("the book was not revisited: filled %s then %s", first, o.FilledIn)
	}
	requireGenesisRoundTrip(t, c, 1, 1)
}

// requireGenesisRoundTrip exports the dex state, checks it holds the limit
// orders and fills, imports it over a copy of the state and exports the same.
func requireGenesisRoundTrip(t *testing.T, c *apptest.Chain, orders, minFills int) {
	t.Helper()
	k := dexKeeper(c)
	gs, err := k.ExportGenesis(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	if err := gs.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(gs.LimitOrders) != orders || len(gs.LimitOrderFills) < minFills || gs.NextLimitOrderId == 0 {
		t.Fatalf("exported %d limit orders, %d fills, next id %d", len(gs.LimitOrders), len(gs.LimitOrderFills), gs.NextLimitOrderId)
	}
	ctx, _ := c.Ctx().CacheContext()
	if err := k.InitGenesis(ctx, *gs); err != nil {
		t.Fatal(err)
	}
	again, err := k.ExportGenesis(ctx)
	if err != nil || again.String() != gs.String() {
		t.Fatalf("re-imported genesis exports differently (%v)", err)
	}
}

// A cancelled order refunds exactly what was not sold; only the owner may
// cancel, and only once.
func TestLimitOrderCancel(t *testing.T) {
	c := newChain(t)
	pid := createCP(t, c, "100000000000uagr,100000000000uusdc")
	alice := c.Address("alice")
	before := c.Balances(alice)
	id := place(t, c, placeMsg(c, "alice", pid, "5000000uagr", "uusdc", "1.5"))
	c.NextBlock()
	runBadCase(t, c, badCase{signer: "bob", msg: func(c *apptest.Chain) sdk.Msg {
		return &types.MsgCancelLimitOrder{Sender: c.Address("bob").String(), OrderId: id}
	}, want: types.ErrNotOrderOwner})
	runBadCase(t, c, badCase{msg: func(c *apptest.Chain) sdk.Msg {
		return &types.MsgCancelLimitOrder{Sender: c.Address("alice").String(), OrderId: 999}
	}, want: types.ErrLimitOrderNotFound})
	res, err := c.DeliverMsgs("alice", &types.MsgCancelLimitOrder{Sender: alice.String(), OrderId: id})
	if err != nil {
		t.Fatal(err)
	}
	var resp types.MsgCancelLimitOrderResponse
	decodeResponse(t, c, res.Data, &resp)
	if !resp.Refund.Equal(coin("5000000uagr")) {
		t.Fatalf("refund %s", resp.Refund)
	}
	// Three tx fees: the placement, the refused cancel of order 999, the cancel.
	if got, want := c.Balances(alice), before.Sub(apptest.DefaultFee...).Sub(apptest.DefaultFee...).Sub(apptest.DefaultFee...); !got.Equal(want) {
		t.Fatalf("alice has %s, want %s (tx fees only)", got, want)
	}
	if o := limitOrder(t, c, id); o.Status != types.LIMIT_ORDER_STATUS_CANCELLED || !o.Remaining.IsZero() {
		t.Fatalf("order %+v", o)
	}
	runBadCase(t, c, badCase{msg: func(c *apptest.Chain) sdk.Msg {
		return &types.MsgCancelLimitOrder{Sender: c.Address("alice").String(), OrderId: id}
	}, want: types.ErrOrderClosed})
}

// An order expires at the end of its expiry height and is refunded.
func TestLimitOrderExpires(t *testing.T) {
	c := newChain(t)
	pid := createCP(t, c, "100000000000uagr,100000000000uusdc")
	alice := c.Address("alice")
	msg := placeMsg(c, "alice", pid, "5000000uagr", "uusdc", "1.5")
	msg.ExpiryHeight = c.Height() + 3
	id := place(t, c, msg)
	byTime := placeMsg(c, "alice", pid, "7000000uagr", "uusdc", "1.6")
	byTime.ExpiryTime = c.Time().Add(30 * time.Second)
	id2 := place(t, c, byTime)
	before := c.Balances(alice)
	for n := 0; n < 12; n++ {
		c.NextBlock()
	}
	for _, x := range []uint64{id, id2} {
		if o := limitOrder(t, c, x); o.Status != types.LIMIT_ORDER_STATUS_EXPIRED || !o.Remaining.IsZero() {
			t.Fatalf("order %+v should have expired", o)
		}
	}
	if got, want := c.Balances(alice), before.Add(coin("5000000uagr"), coin("7000000uagr")); !got.Equal(want) {
		t.Fatalf("alice has %s, want %s", got, want)
	}
}

// Every bad placement fails with its error and changes nothing.
func TestLimitOrderBadInput(t *testing.T) {
	c := newChain(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var gs types.GenesisState
		cdc.MustUnmarshalJSON(gen[types.ModuleName], &gs)
		gs.Params.MaxOpenOrdersPerAccount = 2
		gen[types.ModuleName] = cdc.MustMarshalJSON(&gs)
	}))
	pid := createCP(t, c, "100000000000uagr,100000000000uusdc")
	other := createCP(t, c, "100000000ueth,300000000000uusdc")
	k := dexKeeper(c)
	noNewOrder := func(t *testing.T, c *apptest.Chain, name string, tc badCase) {
		t.Helper()
		next, _ := k.NextLimitOrderID.Peek(c.Ctx())
		runBadCase(t, c, tc)
		if after, _ := k.NextLimitOrderID.Peek(c.Ctx()); after != next {
			t.Fatalf("%s: an order was stored", name)
		}
	}
	mk := func(edit func(m *types.MsgPlaceLimitOrder)) func(c *apptest.Chain) sdk.Msg {
		return func(c *apptest.Chain) sdk.Msg {
			m := placeMsg(c, "alice", pid, "5000000uagr", "uusdc", "1.1")
			edit(m)
			return m
		}
	}
	cases := map[string]badCase{
		"zero price":      {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.LimitPrice = sdkmath.LegacyZeroDec() }), want: types.ErrInvalidLimitPrice},
		"negative price":  {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.LimitPrice = sdkmath.LegacyNewDec(-1) }), want: types.ErrInvalidLimitPrice},
		"price over 1e18": {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.LimitPrice = types.MaxLimitPrice.Add(sdkmath.LegacyOneDec()) }), want: types.ErrInvalidLimitPrice},
		"price 1e7 times the pool's": {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.LimitPrice = sdkmath.LegacyNewDec(10_000_000) }),
			want: types.ErrInvalidLimitPrice, contains: "check the units"},
		"price 1e-7 of the pool's": {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.LimitPrice = sdkmath.LegacyNewDecWithPrec(1, 7) }), want: types.ErrInvalidLimitPrice},
		"expiry height past":       {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.ExpiryHeight = c.Height() - 1 }), want: types.ErrInvalidExpiry},
		"expiry time past":         {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.ExpiryTime = c.Time().Add(-time.Hour) }), want: types.ErrInvalidExpiry},
		"below min size":           {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.TokenIn = coin("999uagr") }), want: types.ErrOrderTooSmall},
		"unknown pool":             {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.PoolId = 99 }), want: types.ErrPoolNotFound},
		"denom not in pool":        {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.PoolId = other }), want: types.ErrDenomNotInPool},
		"denom out not in pool":    {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.DenomOut = "ueth" }), want: types.ErrDenomNotInPool},
		"same denom":               {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.DenomOut = "uagr" }), want: types.ErrSameDenom},
		"zero amount":              {msg: mk(func(m *types.MsgPlaceLimitOrder) { m.TokenIn = sdk.Coin{Denom: "uagr", Amount: sdkmath.ZeroInt()} }), want: types.ErrInvalidAmount},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) { noNewOrder(t, c, name, tc) })
	}
	// The per-account cap.
	place(t, c, placeMsg(c, "alice", pid, "5000000uagr", "uusdc", "1.1"))
	place(t, c, placeMsg(c, "alice", pid, "5000000uagr", "uusdc", "1.2"))
	noNewOrder(t, c, "cap", badCase{msg: mk(func(*types.MsgPlaceLimitOrder) {}), want: types.ErrTooManyOpenOrders})
	// A paused pool, then the circuit breaker on the message.
	govExec(t, c, func(srv types.MsgServer, ctx sdk.Context) error {
		_, err := srv.SetPoolPaused(ctx, &types.MsgSetPoolPaused{Authority: app.TimelockAuthority(), PoolId: pid, Paused: true})
		return err
	})
	bobMsg := func(c *apptest.Chain) sdk.Msg { return placeMsg(c, "bob", pid, "5000000uagr", "uusdc", "1.1") }
	noNewOrder(t, c, "paused pool", badCase{signer: "bob", msg: bobMsg, want: types.ErrPaused})
	govExec(t, c, func(srv types.MsgServer, ctx sdk.Context) error {
		_, err := srv.SetPoolPaused(ctx, &types.MsgSetPoolPaused{Authority: app.TimelockAuthority(), PoolId: pid, Paused: false})
		return err
	})
	if err := c.App.CircuitKeeper.DisableList.Set(c.WriteCtx(), sdk.MsgTypeURL(&types.MsgPlaceLimitOrder{})); err != nil {
		t.Fatal(err)
	}
	c.NextBlock()
	next, _ := k.NextLimitOrderID.Peek(c.Ctx())
	before := c.Balances(c.Address("bob"))
	if _, err := c.DeliverMsgs("bob", bobMsg(c)); err == nil {
		t.Fatal("the circuit breaker did not stop the message")
	}
	if after, _ := k.NextLimitOrderID.Peek(c.Ctx()); after != next || !c.Balances(c.Address("bob")).IsAllGTE(before.Sub(apptest.DefaultFee...)) {
		t.Fatal("a tripped message changed state")
	}
}
