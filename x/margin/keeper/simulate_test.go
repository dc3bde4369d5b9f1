package keeper_test

import (
	"reflect"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/agora-labs/agora/x/margin/keeper"
	"github.com/agora-labs/agora/x/margin/types"
)

// TestSimulateOpenStrings: the request's plain strings (the REST form) give
// the position the open would create, leave no state behind, and a malformed
// value is an InvalidArgument naming the field.
func TestSimulateOpenStrings(t *testing.T) {
	e := newEnv(t, 100)
	q := keeper.NewQueryServerImpl(e.c.App.MarginKeeper)
	setPrices(t, e.c, nil)
	before := e.snapshot(t)
	for _, side := range []string{"long", "SIDE_LONG", " Long "} {
		res, err := q.SimulateOpen(e.c.Ctx(), &types.QuerySimulateOpenRequest{Owner: e.addr("bob"), Pair: pairID, Side: side,
			Margin: "1000000000uusdc", Leverage: "3"})
		if err != nil || res.Error != "" {
			t.Fatalf("side %q: %v %q", side, err, res.GetError())
		}
		p := res.Position
		if p.Position.Side != types.SIDE_LONG || p.Position.Margin.String() != "1000000000" || !p.Leverage.GT(dec("2.9")) || !p.Leverage.LT(dec("3.1")) {
			t.Fatalf("side %q: simulated %+v", side, p)
		}
		if !p.LiquidationPrice.IsPositive() || !p.LiquidationPrice.LT(dec("60000")) {
			t.Fatalf("long liquidation price %s", p.LiquidationPrice)
		}
	}
	res, err := q.SimulateOpen(e.c.Ctx(), &types.QuerySimulateOpenRequest{Owner: e.addr("bob"), Pair: pairID, Side: "short",
		Margin: "1000000000uusdc", Leverage: "2", PriceLimit: "59000"})
	if err != nil || res.Error != "" || res.Position.Position.Side != types.SIDE_SHORT || !res.Position.LiquidationPrice.GT(dec("60000")) {
		t.Fatalf("short: %v %+v", err, res)
	}
	// A well-formed open the module refuses: its message in the response.
	res, err = q.SimulateOpen(e.c.Ctx(), &types.QuerySimulateOpenRequest{Owner: e.addr("bob"), Pair: pairID, Side: "long",
		Margin: "1000000000uusdc", Leverage: "1000"})
	if err != nil || res.Error == "" {
		t.Fatalf("leverage 1000: %v %+v, want a refusal", err, res)
	}
	after := e.snapshot(t)
	if !reflect.DeepEqual(before.balances, after.balances) || !reflect.DeepEqual(before.margin, after.margin) ||
		!reflect.DeepEqual(stripAccrual(before.lend), stripAccrual(after.lend)) {
		t.Fatalf("simulation changed state")
	}

	ok := types.QuerySimulateOpenRequest{Owner: e.addr("bob"), Pair: pairID, Side: "long", Margin: "1000000000uusdc", Leverage: "3"}
	for _, c := range []struct {
		name, field string
		edit        func(r *types.QuerySimulateOpenRequest)
	}{
		{"side empty", "side", func(r *types.QuerySimulateOpenRequest) { r.Side = "" }},
		{"side other", "side", func(r *types.QuerySimulateOpenRequest) { r.Side = "up" }},
		{"side number", "side", func(r *types.QuerySimulateOpenRequest) { r.Side = "1" }},
		{"margin no denom", "margin", func(r *types.QuerySimulateOpenRequest) { r.Margin = "1000" }},
		{"margin garbage", "margin", func(r *types.QuerySimulateOpenRequest) { r.Margin = "uusdc1000" }},
		{"leverage empty", "leverage", func(r *types.QuerySimulateOpenRequest) { r.Leverage = "" }},
		{"leverage word", "leverage", func(r *types.QuerySimulateOpenRequest) { r.Leverage = "three" }},
		{"price_limit word", "price_limit", func(r *types.QuerySimulateOpenRequest) { r.PriceLimit = "high" }},
	} {
		r := ok
		c.edit(&r)
		_, err := q.SimulateOpen(e.c.Ctx(), &r)
		if status.Code(err) != codes.InvalidArgument || !strings.HasPrefix(status.Convert(err).Message(), c.field+" ") {
			t.Errorf("%s: %v, want InvalidArgument about %s", c.name, err, c.field)
		}
	}
	if _, err := q.SimulateOpen(e.c.Ctx(), nil); status.Code(err) != codes.InvalidArgument {
		t.Errorf("nil request: %v", err)
	}
}
