package keeper_test

import (
	"math"
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
	lendkeeper "github.com/agora-labs/agora/x/lend/keeper"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
	"github.com/agora-labs/agora/x/margin/types"
)

const ethPairID = "ueth/uusdc"

// addEthPair lists ETH/USDC beside BTC/USDC: an ETH lend market, a pool
// of 100 ETH at 3,000 (pool 2) and the test pair's rules.
func (e *env) addEthPair(t *testing.T) uint64 {
	t.Helper()
	lms := lendkeeper.NewMsgServerImpl(e.c.App.LendKeeper)
	if _, err := lms.SetMarket(e.c.WriteCtx(), &lendtypes.MsgSetMarket{Authority: e.c.App.LendKeeper.Authority(), Market: lendMarket("ueth", "ETH/USD")}); err != nil {
		t.Fatal(err)
	}
	e.c.NextBlock()
	liq := sdk.NewCoins(sdk.NewCoin("ueth", sdkmath.NewInt(100_000_000)), sdk.NewCoin("uusdc", sdkmath.NewInt(300_000_000_000)))
	e.deliver(t, "carol", &dextypes.MsgCreatePool{Sender: e.addr("carol"), PoolType: dextypes.POOL_TYPE_CONSTANT_PRODUCT,
		InitialLiquidity: liq, SwapFee: sdkmath.LegacyNewDecWithPrec(3, 3)})
	p := testPair()
	p.BaseDenom = "ueth"
	e.setPair(t, p)
	return 2
}

// movePoolTo trades erin's coins through pool id (base/uusdc) until its
// spot price is about price (USDC per base), without committing a block.
func (e *env) movePoolTo(t *testing.T, id uint64, base string, price float64) {
	t.Helper()
	ctx := e.c.WriteCtx()
	p, err := e.c.App.DexKeeper.GetPool(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	x, y := float64(p.Reserves.AmountOf(base).Int64()), float64(p.Reserves.AmountOf("uusdc").Int64())
	target := math.Sqrt(x * y / price)
	var route []dextypes.Hop
	var in sdk.Coin
	if target > x { // price falls: sell base
		route, in = []dextypes.Hop{{PoolId: id, DenomOut: "uusdc"}}, sdk.NewCoin(base, sdkmath.NewInt(int64(target-x)))
	} else { // price rises: buy base with USDC
		route, in = []dextypes.Hop{{PoolId: id, DenomOut: base}}, sdk.NewCoin("uusdc", sdkmath.NewInt(int64(math.Sqrt(x*y*price)-y)))
	}
	if _, err := e.c.App.DexKeeper.SwapExactIn(ctx, e.c.Address("erin"), route, in, sdkmath.ZeroInt()); err != nil {
		t.Fatal(err)
	}
}

func deferredEvents(ctx sdk.Context) []*types.EventLiquidationDeferred {
	var out []*types.EventLiquidationDeferred
	for _, ev := range ctx.EventManager().Events() {
		if ev.Type != "agora.margin.v1.EventLiquidationDeferred" {
			continue
		}
		if msg, err := sdk.ParseTypedEvent(abci.Event(ev)); err == nil {
			out = append(out, msg.(*types.EventLiquidationDeferred))
		}
	}
	return out
}

// TestFailingLiquidationBacksOff: with one liquidation per block, an ETH
// long whose sale cannot meet the floor (its pool far below the oracle) is
// tried, fails and is deferred (an event says until when); the next block
// liquidates the BTC long behind it instead of trying the ETH long again;
// its retries come after 2 then 4 blocks; once the pool recovers, its next
// retry liquidates it.
func TestFailingLiquidationBacksOff(t *testing.T) {
	e := newEnv(t, 100)
	ethPool := e.addEthPair(t)
	k := e.c.App.MarginKeeper
	params := types.DefaultParams()
	params.MaxLiquidationsPerBlock = 1
	if _, err := e.ms().UpdateParams(e.c.WriteCtx(), &types.MsgUpdateParams{Authority: k.Authority(), Params: params}); err != nil {
		t.Fatal(err)
	}
	e.c.NextBlock()
	// the ETH long's sale after the wait may fall short of its debt by a little: the fund pays it
	e.deliver(t, "alice", &types.MsgFundInsurance{Sender: e.addr("alice"), Pair: ethPairID, Amount: coin("1000000000uusdc")})
	next, _ := k.NextID.Peek(e.c.Ctx())
	e.deliver(t, "bob", &types.MsgOpenPosition{Owner: e.addr("bob"), Pair: ethPairID, Side: types.SIDE_LONG, Margin: coin("1000000000uusdc"),
		Leverage: dec("8"), PriceLimit: sdkmath.LegacyZeroDec()})
	eth := e.position(t, next)
	btc := e.open(t, "dave", types.SIDE_LONG, "1000000000uusdc", "5")

	// ETH 3,000 → 2,700 on the oracle, its pool to 2,000 (below the 2,565 floor);
	// BTC 60,000 → 50,000, its pool too. Both below maintenance, ETH the riskier.
	crash := map[string]string{"ETH/USD": "2700", "BTC/USD": "50000"}
	e.movePoolTo(t, ethPool, "ueth", 2000)
	e.movePool(t, 50000)
	setPrices(t, e.c, crash)
	ctx := e.c.WriteCtx()
	ie, _ := k.PositionInfo(ctx, eth)
	ib, _ := k.PositionInfo(ctx, btc)
	if !ie.Liquidatable || !ib.Liquidatable || !ie.MarginRatio.LT(ib.MarginRatio) {
		t.Fatalf("want both liquidatable, ETH riskier: ETH %s, BTC %s", ie.MarginRatio, ib.MarginRatio)
	}
	h := ctx.BlockHeight()
	if err := k.EndBlock(ctx); err != nil {
		t.Fatal(err)
	}
	evs := deferredEvents(ctx)
	if len(evs) != 1 || evs[0].PositionId != eth.Id || evs[0].Pair != ethPairID || evs[0].RetryAt != h+2 || evs[0].Attempts != 1 ||
		!strings.Contains(evs[0].Reason, "below the limit") || !strings.Contains(evs[0].Reason, "failure 1 in a row") {
		t.Fatalf("deferral events %+v", evs)
	}
	open := func(id uint64) bool { _, err := k.GetPosition(e.c.Ctx(), id); return err == nil }
	if !open(eth.Id) || !open(btc.Id) {
		t.Fatal("a position closed in the failing block (one liquidation per block, and it failed)")
	}
	t.Logf("height %d: %s", h, evs[0].Reason)

	// h+1: ETH is passed over; the BTC long behind it is liquidated.
	setPrices(t, e.c, crash)
	e.c.NextBlock()
	if !open(eth.Id) || open(btc.Id) {
		t.Fatalf("height %d: ETH open %v (want deferred), BTC open %v (want liquidated)", e.c.Height(), open(eth.Id), open(btc.Id))
	}
	d, err := k.Deferrals.Get(e.c.Ctx(), eth.Id)
	if err != nil || d.Attempts != 1 || d.RetryAt != h+2 {
		t.Fatalf("deferral %+v %v", d, err)
	}
	// h+2: retried, fails again: the wait doubles to 4 blocks.
	setPrices(t, e.c, crash)
	e.c.NextBlock()
	if d, _ = k.Deferrals.Get(e.c.Ctx(), eth.Id); d.Attempts != 2 || d.RetryAt != h+6 {
		t.Fatalf("after the second failure: %+v", d)
	}
	// The pool recovers; the position waits for its retry height, then is liquidated.
	e.movePoolTo(t, ethPool, "ueth", 2700)
	for e.c.Height() < h+5 {
		setPrices(t, e.c, crash)
		e.c.NextBlock()
		if !open(eth.Id) {
			t.Fatalf("liquidated at height %d, before its retry height %d", e.c.Height(), h+6)
		}
	}
	setPrices(t, e.c, crash)
	e.c.NextBlock()
	if open(eth.Id) {
		t.Fatalf("height %d: the ETH long is still open after the pool recovered", e.c.Height())
	}
	if has, _ := k.Deferrals.Has(e.c.Ctx(), eth.Id); has {
		t.Fatal("the deferral outlived the position")
	}
	if !e.usdcDeficit(t).IsZero() {
		t.Fatal("a lend deficit")
	}
}
