package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/margin/types"
)

// Partial closes, adding and removing margin on both sides, through
// transactions: half a long sells half its base and repays half its debt;
// a long's added margin repays debt; a short's removed margin leaves its
// holdings; the open interest follows every step.
func TestPartialCloseAndMargin(t *testing.T) {
	e := newEnv(t, 100)
	k := e.c.App.MarginKeeper
	zero := sdkmath.LegacyZeroDec()
	long := e.open(t, "bob", types.SIDE_LONG, "1000000000uusdc", "3")
	acct := types.PositionAccount(long.Id)
	d0, _ := e.c.App.LendKeeper.Debt(e.c.Ctx(), acct, "uusdc")

	e.deliver(t, "bob", &types.MsgClosePosition{Owner: e.addr("bob"), PositionId: long.Id, Fraction: dec("0.5"), PriceLimit: dec("59000")})
	half := e.position(t, long.Id)
	if want := long.Holdings.Amount.Sub(long.Holdings.Amount.QuoRaw(2)); !half.Holdings.Amount.Equal(want) || !half.BaseSize.Equal(want) {
		t.Fatalf("after half a close: holds %s size %s, want %s", half.Holdings, half.BaseSize, want)
	}
	d1, _ := e.c.App.LendKeeper.Debt(e.c.Ctx(), acct, "uusdc")
	if d1.GT(d0.QuoRaw(2).AddRaw(10)) || d1.LT(d0.QuoRaw(2).SubRaw(2)) { // interest of a few blocks aside
		t.Fatalf("debt %s after half a close of %s", d1, d0)
	}
	bob0 := e.balance("bob", "uusdc")
	e.deliver(t, "bob", &types.MsgAddMargin{Owner: e.addr("bob"), PositionId: long.Id, Amount: coin("100000000uusdc")})
	d2, _ := e.c.App.LendKeeper.Debt(e.c.Ctx(), acct, "uusdc")
	if paid := bob0.Sub(e.balance("bob", "uusdc")); !paid.Equal(sdkmath.NewInt(100_000_000)) || !d1.Sub(d2).GT(sdkmath.NewInt(99_999_990)) {
		t.Fatalf("added margin: bob paid %s, debt %s → %s", paid, d1, d2)
	}
	e.deliver(t, "bob", &types.MsgRemoveMargin{Owner: e.addr("bob"), PositionId: long.Id, Amount: coin("50000000uusdc")})
	d3, _ := e.c.App.LendKeeper.Debt(e.c.Ctx(), acct, "uusdc")
	if got := e.balance("bob", "uusdc").Sub(bob0); !got.Equal(sdkmath.NewInt(-50_000_000)) || d3.Sub(d2).LT(sdkmath.NewInt(50_000_000)) {
		t.Fatalf("removed margin: bob net %s, debt %s → %s", got, d2, d3)
	}
	if p := e.position(t, long.Id); !p.Margin.Equal(sdkmath.NewInt(550_000_000)) { // 1,000 − 500 (half closed) + 100 − 50
		t.Fatalf("margin %s", p.Margin)
	}

	short := e.open(t, "dave", types.SIDE_SHORT, "1000000000uusdc", "2")
	dave0 := e.balance("dave", "uusdc")
	e.deliver(t, "dave", &types.MsgRemoveMargin{Owner: e.addr("dave"), PositionId: short.Id, Amount: coin("200000000uusdc")})
	if got := e.balance("dave", "uusdc").Sub(dave0); !got.Equal(sdkmath.NewInt(200_000_000)) {
		t.Fatalf("dave got %s", got)
	}
	if p := e.position(t, short.Id); !p.Holdings.Amount.Equal(short.Holdings.Amount.SubRaw(200_000_000)) {
		t.Fatalf("short holds %s", p.Holdings)
	}
	e.deliver(t, "dave", &types.MsgClosePosition{Owner: e.addr("dave"), PositionId: short.Id, Fraction: dec("0.25"), PriceLimit: zero})
	q := e.position(t, short.Id)
	if want := short.BaseSize.Sub(short.BaseSize.QuoRaw(4)); !q.BaseSize.Equal(want) {
		t.Fatalf("short size %s, want %s", q.BaseSize, want)
	}
	oi, _ := k.GetOpenInterest(e.c.Ctx(), pairID)
	if !oi.Long.Equal(e.position(t, long.Id).BaseSize) || !oi.Short.Equal(q.BaseSize) {
		t.Fatalf("open interest %v", oi)
	}
}
