package keeper_test

import (
	"reflect"
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/keeper"
	"github.com/agora-labs/agora/x/margin/types"
)

// The previews run on the same state as the tx right after them (one
// WriteCtx, no block between): each must equal what the tx then does.

func (e *env) q() types.QueryServer { return keeper.NewQueryServerImpl(e.c.App.MarginKeeper) }

// wantRefusal checks a preview's refusal is err's registered error.
func wantRefusal(t *testing.T, what, msg, codespace string, code uint32, want *errorsmod.Error) {
	t.Helper()
	if msg == "" || codespace != want.Codespace() || code != want.ABCICode() {
		t.Fatalf("%s: preview refusal %s/%d %q, want %s/%d", what, codespace, code, msg, want.Codespace(), want.ABCICode())
	}
}

// closedEvent is the last EventPositionClosed emitted on ctx.
func closedEvent(t *testing.T, ctx sdk.Context) *types.EventPositionClosed {
	t.Helper()
	var out *types.EventPositionClosed
	for _, ev := range ctx.EventManager().Events() {
		if ev.Type != "agora.margin.v1.EventPositionClosed" {
			continue
		}
		msg, err := sdk.ParseTypedEvent(abci.Event(ev))
		if err != nil {
			t.Fatal(err)
		}
		out = msg.(*types.EventPositionClosed)
	}
	if out == nil {
		t.Fatal("no EventPositionClosed")
	}
	return out
}

func (e *env) debt(t *testing.T, ctx sdk.Context, id uint64, denom string) sdkmath.Int {
	t.Helper()
	d, err := e.c.App.LendKeeper.Debt(ctx, types.PositionAccount(id), denom)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func (e *env) info(t *testing.T, ctx sdk.Context, id uint64) types.PositionInfo {
	t.Helper()
	p, err := e.c.App.MarginKeeper.GetPosition(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	info, err := e.c.App.MarginKeeper.PositionInfo(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// TestSimulateCloseMatchesTx: half then all of a long and of a short; the
// preview's payout is the owner's balance change, its repaid the debt's
// fall, its fill the proceeds over the size, its remaining position the
// stored one. Refusals carry the tx's registered error.
func TestSimulateCloseMatchesTx(t *testing.T) {
	e := newEnv(t, 100)
	bk := e.c.App.BankKeeper
	for _, c := range []struct {
		owner string
		side  types.Side
		lev   string
	}{{"bob", types.SIDE_LONG, "3"}, {"dave", types.SIDE_SHORT, "2"}} {
		p := e.open(t, c.owner, c.side, "1000000000uusdc", c.lev)
		debtDenom := "uusdc"
		if c.side == types.SIDE_SHORT {
			debtDenom = "ubtc"
		}
		for _, frac := range []string{"0.5", ""} {
			setPrices(t, e.c, nil)
			ctx := e.c.WriteCtx()
			req := &types.QuerySimulateCloseRequest{Owner: e.addr(c.owner), PositionId: p.Id, Fraction: frac}
			sim, err := e.q().SimulateClose(ctx, req)
			if err != nil || sim.Error != "" {
				t.Fatalf("%s close %q: %v %q", c.side.Word(), frac, err, sim.GetError())
			}
			owner := e.c.Address(c.owner)
			usdc0, btc0 := bk.GetBalance(ctx, owner, "uusdc").Amount, bk.GetBalance(ctx, owner, "ubtc").Amount
			debt0 := e.debt(t, ctx, p.Id, debtDenom)
			f := sdkmath.LegacyZeroDec()
			if frac != "" {
				f = dec(frac)
			}
			paid, err := e.ms().ClosePosition(ctx, &types.MsgClosePosition{Owner: e.addr(c.owner), PositionId: p.Id, Fraction: f, PriceLimit: sdkmath.LegacyZeroDec()})
			if err != nil {
				t.Fatal(err)
			}
			gotUSDC := bk.GetBalance(ctx, owner, "uusdc").Amount.Sub(usdc0)
			gotBTC := bk.GetBalance(ctx, owner, "ubtc").Amount.Sub(btc0)
			if !paid.PaidOut.Equal(sim.PaidOut) || !gotUSDC.Equal(sim.PaidOut.Amount) || !gotBTC.Equal(sim.Returned.Amount) {
				t.Fatalf("%s close %q: preview pays %s + %s, the tx paid %s (balances +%s uusdc +%s ubtc)", c.side.Word(), frac, sim.PaidOut, sim.Returned, paid.PaidOut, gotUSDC, gotBTC)
			}
			if !sim.Debt.Amount.Equal(debt0) || sim.Debt.Denom != debtDenom {
				t.Fatalf("preview debt %s, lend's %s", sim.Debt, debt0)
			}
			ev := closedEvent(t, ctx)
			if !ev.Sold.Equal(sim.Sold) || !ev.Repaid.Equal(sim.Repaid) || !ev.PaidOut.Equal(sim.PaidOut) || ev.Full != sim.Full {
				t.Fatalf("%s close %q: preview sold %s repaid %s paid %s full %v; the tx's event %+v", c.side.Word(), frac, sim.Sold, sim.Repaid, sim.PaidOut, sim.Full, ev)
			}
			// a partial repay retires ⌊paid / index⌋ scaled debt and lend reads the debt back rounded up: one unit at most
			if fell := debt0.Sub(e.debt(t, ctx, p.Id, debtDenom)); fell.GT(sim.Repaid.Amount) || fell.LT(sim.Repaid.Amount.SubRaw(1)) {
				t.Fatalf("%s close %q: preview repays %s, the debt fell by %s", c.side.Word(), frac, sim.Repaid, fell)
			}
			// the fill: a long's proceeds (repaid + paid out, no penalty) per base sold; a short's cost per base bought
			wantFill := types.WholePrice(sim.Repaid.Amount.Add(sim.PaidOut.Amount), sim.Sold.Amount, 6, 6)
			if c.side == types.SIDE_SHORT {
				wantFill = types.WholePrice(sim.Sold.Amount, sim.Repaid.Amount, 6, 6)
			}
			if !sim.FillPrice.Equal(wantFill) || sim.FillPrice.LT(dec("57000")) || sim.FillPrice.GT(dec("63000")) {
				t.Fatalf("%s fill %s, want %s near 60,000", c.side.Word(), sim.FillPrice, wantFill)
			}
			if frac == "" {
				if !sim.Full {
					t.Fatal("a full close previewed as partial")
				}
				if _, err := e.c.App.MarginKeeper.GetPosition(ctx, p.Id); err == nil {
					t.Fatal("still open after a full close")
				}
			} else if after := e.info(t, ctx, p.Id); sim.Full || !reflect.DeepEqual(after, sim.Remaining) {
				t.Fatalf("%s remaining:\npreview %+v\nstored  %+v", c.side.Word(), sim.Remaining, after)
			}
			t.Logf("%s close %q: fill %s, repaid %s of %s, paid %s", c.side.Word(), frac, sim.FillPrice, sim.Repaid, sim.Debt, sim.PaidOut)
			e.c.NextBlock()
		}
	}

	// Refusals: the preview's codespace and code are the tx's, and the tx changes nothing.
	long := e.open(t, "bob", types.SIDE_LONG, "1000000000uusdc", "3")
	zero := sdkmath.LegacyZeroDec()
	for _, c := range []struct {
		name, signer string
		req          types.QuerySimulateCloseRequest
		msg          *types.MsgClosePosition
		want         *errorsmod.Error
	}{
		{"someone else's", "dave", types.QuerySimulateCloseRequest{Owner: e.addr("dave"), PositionId: long.Id},
			&types.MsgClosePosition{Owner: e.addr("dave"), PositionId: long.Id, Fraction: zero, PriceLimit: zero}, types.ErrNotOwner},
		{"price limit", "bob", types.QuerySimulateCloseRequest{Owner: e.addr("bob"), PositionId: long.Id, PriceLimit: "70000"},
			&types.MsgClosePosition{Owner: e.addr("bob"), PositionId: long.Id, Fraction: zero, PriceLimit: dec("70000")}, types.ErrPriceLimit},
		{"fraction above 1", "bob", types.QuerySimulateCloseRequest{Owner: e.addr("bob"), PositionId: long.Id, Fraction: "1.5"},
			&types.MsgClosePosition{Owner: e.addr("bob"), PositionId: long.Id, Fraction: dec("1.5"), PriceLimit: zero}, types.ErrInvalidAmount},
		{"unknown position", "bob", types.QuerySimulateCloseRequest{Owner: e.addr("bob"), PositionId: 999},
			&types.MsgClosePosition{Owner: e.addr("bob"), PositionId: 999, Fraction: zero, PriceLimit: zero}, types.ErrPositionNotFound},
	} {
		setPrices(t, e.c, nil)
		sim, err := e.q().SimulateClose(e.c.WriteCtx(), &c.req)
		if err != nil {
			t.Fatal(err)
		}
		wantRefusal(t, c.name, sim.Error, sim.Codespace, sim.Code, c.want)
		e.expectRefused(t, c.signer, c.msg, c.want, nil)
	}
	for _, bad := range []types.QuerySimulateCloseRequest{{PositionId: 1, Fraction: "half"}, {PositionId: 1, PriceLimit: "x"}} {
		if _, err := e.q().SimulateClose(e.c.Ctx(), &bad); status.Code(err) != codes.InvalidArgument {
			t.Errorf("%+v: %v, want InvalidArgument", bad, err)
		}
	}
}

// TestSimulateMarginMatchesTx: adding and removing margin on a long and a
// short; the previewed position is the stored one after the tx; the max
// removable is accepted and one unit more is refused with the tx's error.
func TestSimulateMarginMatchesTx(t *testing.T) {
	e := newEnv(t, 100)
	for _, c := range []struct {
		owner string
		side  types.Side
		lev   string
	}{{"bob", types.SIDE_LONG, "3"}, {"dave", types.SIDE_SHORT, "2"}} {
		p := e.open(t, c.owner, c.side, "1000000000uusdc", c.lev)
		owner := e.addr(c.owner)

		setPrices(t, e.c, nil)
		ctx := e.c.WriteCtx()
		add, err := e.q().SimulateAddMargin(ctx, &types.QuerySimulateAddMarginRequest{Owner: owner, PositionId: p.Id, Amount: "100000000uusdc"})
		if err != nil || add.Error != "" {
			t.Fatalf("add: %v %q", err, add.GetError())
		}
		before := e.info(t, ctx, p.Id)
		res, err := e.ms().AddMargin(ctx, &types.MsgAddMargin{Owner: owner, PositionId: p.Id, Amount: coin("100000000uusdc")})
		if err != nil {
			t.Fatal(err)
		}
		if after := e.info(t, ctx, p.Id); !res.Added.Equal(add.Added) || !reflect.DeepEqual(after, add.Position) {
			t.Fatalf("%s add: preview %s %+v, tx %s %+v", c.side.Word(), add.Added, add.Position, res.Added, after)
		}
		if !add.Position.Leverage.LT(before.Leverage) || !add.Position.Equity.GT(before.Equity) {
			t.Fatalf("adding margin: leverage %s → %s, equity %s → %s", before.Leverage, add.Position.Leverage, before.Equity, add.Position.Equity)
		}
		e.c.NextBlock()

		setPrices(t, e.c, nil)
		ctx = e.c.WriteCtx()
		most, err := e.q().SimulateRemoveMargin(ctx, &types.QuerySimulateRemoveMarginRequest{Owner: owner, PositionId: p.Id})
		if err != nil || most.Error != "" || !most.MaxRemovable.IsPositive() || most.MaxRemovable.Denom != "uusdc" {
			t.Fatalf("max removable: %v %+v", err, most)
		}
		max := most.MaxRemovable
		over, err := e.q().SimulateRemoveMargin(ctx, &types.QuerySimulateRemoveMarginRequest{Owner: owner, PositionId: p.Id, Amount: max.AddAmount(sdkmath.OneInt()).String()})
		if err != nil {
			t.Fatal(err)
		}
		wantRefusal(t, "one unit over the max", over.Error, over.Codespace, over.Code, types.ErrBelowInitialMargin)
		if !strings.Contains(over.Error, "at most "+max.String()) || !over.MaxRemovable.Equal(max) {
			t.Fatalf("the refusal does not say the max: %q", over.Error)
		}
		if _, err := e.ms().RemoveMargin(ctx, &types.MsgRemoveMargin{Owner: owner, PositionId: p.Id, Amount: max.AddAmount(sdkmath.OneInt())}); !errorsmod.IsOf(err, types.ErrBelowInitialMargin) {
			t.Fatalf("the tx removing max + 1: %v", err)
		}
		rm, err := e.q().SimulateRemoveMargin(ctx, &types.QuerySimulateRemoveMarginRequest{Owner: owner, PositionId: p.Id, Amount: max.String()})
		if err != nil || rm.Error != "" {
			t.Fatalf("remove the max: %v %q", err, rm.GetError())
		}
		if _, err := e.ms().RemoveMargin(ctx, &types.MsgRemoveMargin{Owner: owner, PositionId: p.Id, Amount: max}); err != nil {
			t.Fatalf("the tx removing the max %s: %v", max, err)
		}
		after := e.info(t, ctx, p.Id)
		if !reflect.DeepEqual(after, rm.Position) {
			t.Fatalf("%s remove: preview %+v, tx %+v", c.side.Word(), rm.Position, after)
		}
		im := testPair().InitialMargin()
		if after.MarginRatio.LT(im) || after.MarginRatio.GT(im.Add(dec("0.0001"))) {
			t.Fatalf("after removing the max the margin ratio is %s, want just above %s", after.MarginRatio, im)
		}
		t.Logf("%s: max removable %s, ratio after %s, leverage %s, liquidation price %s", c.side.Word(), max, after.MarginRatio, after.Leverage, after.LiquidationPrice)
		e.c.NextBlock()

		// refusals: the tx's codes
		wrong, err := e.q().SimulateAddMargin(e.c.WriteCtx(), &types.QuerySimulateAddMarginRequest{Owner: owner, PositionId: p.Id, Amount: "1000ubtc"})
		if err != nil {
			t.Fatal(err)
		}
		wantRefusal(t, "add in the base", wrong.Error, wrong.Codespace, wrong.Code, types.ErrWrongDenom)
		e.expectRefused(t, c.owner, &types.MsgAddMargin{Owner: owner, PositionId: p.Id, Amount: coin("1000ubtc")}, types.ErrWrongDenom, nil)
		other, err := e.q().SimulateRemoveMargin(e.c.WriteCtx(), &types.QuerySimulateRemoveMarginRequest{Owner: e.addr("erin"), PositionId: p.Id, Amount: "1uusdc"})
		if err != nil {
			t.Fatal(err)
		}
		wantRefusal(t, "remove from someone else's", other.Error, other.Codespace, other.Code, types.ErrNotOwner)
		e.expectRefused(t, "erin", &types.MsgRemoveMargin{Owner: e.addr("erin"), PositionId: p.Id, Amount: coin("1uusdc")}, types.ErrNotOwner, nil)
		stale, err := e.q().SimulateRemoveMargin(e.c.WriteCtx(), &types.QuerySimulateRemoveMarginRequest{Owner: owner, PositionId: p.Id, Amount: "1uusdc"})
		if err != nil || !strings.HasSuffix(stale.Error, "at most 0uusdc can be removed now") {
			t.Fatalf("remove 1 unit at the max already removed: %v %q", err, stale.GetError())
		}
	}
	if _, err := e.q().SimulateAddMargin(e.c.Ctx(), &types.QuerySimulateAddMarginRequest{PositionId: 1, Amount: "100"}); status.Code(err) != codes.InvalidArgument {
		t.Errorf("amount without a denom: %v", err)
	}
	// without a price: removing is refused, the max says why
	setPrices(t, e.c, map[string]string{"BTC/USD": ""})
	np, err := e.q().SimulateRemoveMargin(e.c.WriteCtx(), &types.QuerySimulateRemoveMarginRequest{Owner: e.addr("bob"), PositionId: 1})
	if err != nil {
		t.Fatal(err)
	}
	wantRefusal(t, "no price", np.Error, np.Codespace, np.Code, types.ErrPriceUnavailable)
}

// TestSimulateSetTriggers: triggers on their side are accepted and valued
// at their price; on the wrong side the preview and the tx both refuse with
// margin/19.
func TestSimulateSetTriggers(t *testing.T) {
	e := newEnv(t, 100)
	long := e.open(t, "bob", types.SIDE_LONG, "1000000000uusdc", "3")
	short := e.open(t, "dave", types.SIDE_SHORT, "1000000000uusdc", "2")
	setPrices(t, e.c, nil)
	ctx := e.c.WriteCtx()
	now := e.info(t, ctx, long.Id)
	sim, err := e.q().SimulateSetTriggers(ctx, &types.QuerySimulateSetTriggersRequest{Owner: e.addr("bob"), PositionId: long.Id, TakeProfit: "70000", StopLoss: "50000"})
	if err != nil || sim.Error != "" {
		t.Fatalf("long triggers: %v %q", err, sim.GetError())
	}
	if !sim.Price.Equal(now.Price) || sim.TakeProfit.FiresWhen != "price >= "+dec("70000").String() || sim.StopLoss.FiresWhen != "price <= "+dec("50000").String() {
		t.Fatalf("long preview %+v", sim)
	}
	if !sim.TakeProfit.PriceLimit.Equal(dec("66500")) || !sim.StopLoss.PriceLimit.Equal(dec("47500")) { // ∓ 5 % max slippage
		t.Fatalf("limits %s %s", sim.TakeProfit.PriceLimit, sim.StopLoss.PriceLimit)
	}
	// the long's equity moves by its size × the price move (USD, 6 decimals each side)
	size := sdkmath.LegacyNewDecFromInt(long.Holdings.Amount).QuoInt64(1_000_000)
	for _, tr := range []types.TriggerPreview{sim.TakeProfit, sim.StopLoss} {
		want := now.Equity.Add(size.Mul(tr.Price.Sub(now.Price)))
		if d := tr.Equity.Sub(want).Abs(); d.GT(dec("0.000001")) {
			t.Fatalf("equity at %s: %s, want %s", tr.Price, tr.Equity, want)
		}
		if !tr.Pnl.Equal(tr.Equity.Sub(sdkmath.LegacyNewDec(1000))) {
			t.Fatalf("pnl %s at equity %s", tr.Pnl, tr.Equity)
		}
	}
	if _, err := e.ms().SetTriggers(ctx, &types.MsgSetTriggers{Owner: e.addr("bob"), PositionId: long.Id, TakeProfit: dec("70000"), StopLoss: dec("50000"), PriceLimit: sdkmath.LegacyZeroDec()}); err != nil {
		t.Fatalf("the tx after an accepted preview: %v", err)
	}
	e.c.NextBlock()

	ss, err := e.q().SimulateSetTriggers(e.c.Ctx(), &types.QuerySimulateSetTriggersRequest{Owner: e.addr("dave"), PositionId: short.Id, TakeProfit: "50000", StopLoss: "70000", PriceLimit: "71000"})
	if err != nil || ss.Error != "" || ss.TakeProfit.FiresWhen != "price <= "+dec("50000").String() || !ss.StopLoss.PriceLimit.Equal(dec("71000")) ||
		!ss.TakeProfit.Pnl.IsPositive() || !ss.StopLoss.Pnl.IsNegative() {
		t.Fatalf("short triggers: %v %+v", err, ss)
	}

	zero := sdkmath.LegacyZeroDec()
	for _, c := range []struct {
		name, signer string
		req          types.QuerySimulateSetTriggersRequest
		msg          *types.MsgSetTriggers
		want         *errorsmod.Error
	}{
		{"long take-profit below the price", "bob", types.QuerySimulateSetTriggersRequest{Owner: e.addr("bob"), PositionId: long.Id, TakeProfit: "59000"},
			&types.MsgSetTriggers{Owner: e.addr("bob"), PositionId: long.Id, TakeProfit: dec("59000"), StopLoss: zero, PriceLimit: zero}, types.ErrInvalidTrigger},
		{"short stop-loss below the price", "dave", types.QuerySimulateSetTriggersRequest{Owner: e.addr("dave"), PositionId: short.Id, StopLoss: "59000"},
			&types.MsgSetTriggers{Owner: e.addr("dave"), PositionId: short.Id, TakeProfit: zero, StopLoss: dec("59000"), PriceLimit: zero}, types.ErrInvalidTrigger},
		{"someone else's", "dave", types.QuerySimulateSetTriggersRequest{Owner: e.addr("dave"), PositionId: long.Id, TakeProfit: "70000"},
			&types.MsgSetTriggers{Owner: e.addr("dave"), PositionId: long.Id, TakeProfit: dec("70000"), StopLoss: zero, PriceLimit: zero}, types.ErrNotOwner},
	} {
		setPrices(t, e.c, nil)
		sim, err := e.q().SimulateSetTriggers(e.c.WriteCtx(), &c.req)
		if err != nil {
			t.Fatal(err)
		}
		wantRefusal(t, c.name, sim.Error, sim.Codespace, sim.Code, c.want)
		e.expectRefused(t, c.signer, c.msg, c.want, nil)
	}
	if _, err := e.q().SimulateSetTriggers(e.c.Ctx(), &types.QuerySimulateSetTriggersRequest{PositionId: 1, TakeProfit: "high"}); status.Code(err) != codes.InvalidArgument {
		t.Errorf("take_profit word: %v", err)
	}
}
