package keeper_test

import (
	"math/big"
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/dex/types"
)

// The maker/taker fee on the matched part of limit-order fills
// (x/dex/README.md, "Limit orders: fees"): a rebate after the clearing,
// checked here against an independent computation in exact rationals.

func ratFloor(r *big.Rat) sdkmath.Int {
	return sdkmath.NewIntFromBigInt(new(big.Int).Quo(r.Num(), r.Denom()))
}

func decRat(d sdkmath.LegacyDec) *big.Rat {
	return new(big.Rat).SetFrac(d.BigInt(), new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
}

func onlyFill(t *testing.T, c *apptest.Chain, id uint64) types.LimitOrderFill {
	t.Helper()
	fills, err := keeper.NewQueryServerImpl(dexKeeper(c)).LimitOrderFills(c.Ctx(), &types.QueryLimitOrderFillsRequest{OrderId: id})
	if err != nil || len(fills.Fills) != 1 {
		t.Fatalf("order %d: want one fill, got %+v (%v)", id, fills, err)
	}
	return fills.Fills[0]
}

// rebateScenario: alice's order selling 1,000 AGR at 1.0 rests (a maker);
// in the next block bob swaps 10,000 USDC for AGR and carol places an order
// selling 2,000 USDC at 0.5 AGR per USDC (a taker, in the money). All three
// fill in full at p = (y + γY)/(x + γX); the AGR side (alice, worth X·p ≈
// 1,109 USDC) is the smaller one, so alice is matched in full and carol in
// the fraction m = X·p/Y. It checks every fill against the exact rationals
// and returns alice's and carol's rebates.
func rebateScenario(t *testing.T, c *apptest.Chain, makerFee, takerFee sdkmath.LegacyDec) (sdkmath.Int, sdkmath.Int) {
	t.Helper()
	pid := createCP(t, c, "100000000000uagr,100000000000uusdc")
	alice := place(t, c, placeMsg(c, "alice", pid, "1000000000uagr", "uusdc", "1.0"))
	if o := limitOrder(t, c, alice); !o.FilledIn.IsZero() {
		t.Fatalf("alice's order should rest: %+v", o)
	}
	pool, err := dexKeeper(c).GetPool(c.Ctx(), pid)
	if err != nil {
		t.Fatal(err)
	}
	x, y := new(big.Rat).SetInt(pool.Reserves[0].Amount.BigInt()), new(big.Rat).SetInt(pool.Reserves[1].Amount.BigInt())
	carolMsg := placeMsg(c, "carol", pid, "2000000000uusdc", "uagr", "0.5")
	res := c.NextBlock(swapIn(c, "bob", pid, "10000000000uusdc", "uagr", 1),
		c.SignTx("carol", apptest.DefaultFee, 400_000, carolMsg))
	if so := orderOf(t, c, res[0]); so.Status != types.ORDER_STATUS_FILLED {
		t.Fatalf("bob's swap: %s %s", so.Status, so.Reason)
	}
	if res[1].Code != 0 {
		t.Fatalf("carol's order: %s", res[1].Log)
	}
	var placed types.MsgPlaceLimitOrderResponse
	decodeResponse(t, c, res[1].Data, &placed)
	carol := placed.OrderId

	f := decRat(feeTier)
	gamma := new(big.Rat).Sub(big.NewRat(1, 1), f)
	X, Y := big.NewRat(1_000_000_000, 1), big.NewRat(12_000_000_000, 1)
	p := new(big.Rat).Quo(new(big.Rat).Add(y, new(big.Rat).Mul(gamma, Y)), new(big.Rat).Add(x, new(big.Rat).Mul(gamma, X)))
	vx := new(big.Rat).Mul(X, p)
	if vx.Cmp(Y) >= 0 {
		t.Fatalf("scenario: the AGR side should be the smaller (%s vs %s)", vx.FloatString(2), Y.FloatString(2))
	}
	m := new(big.Rat).Quo(vx, Y)
	g := func(fee sdkmath.LegacyDec) *big.Rat {
		if r := decRat(fee); r.Cmp(f) < 0 {
			return r
		}
		return f
	}
	wantAlice := ratFloor(new(big.Rat).Mul(X, new(big.Rat).Sub(f, g(makerFee))))
	wantCarol := ratFloor(new(big.Rat).Mul(new(big.Rat).Mul(m, big.NewRat(2_000_000_000, 1)), new(big.Rat).Sub(f, g(takerFee))))

	for _, tc := range []struct {
		name   string
		id     uint64
		amount int64
		rate   *big.Rat
		maker  bool
		want   sdkmath.Int
	}{
		{"alice (maker, smaller side)", alice, 1_000_000_000, new(big.Rat).Mul(gamma, p), true, wantAlice},
		{"carol (taker, larger side)", carol, 2_000_000_000, new(big.Rat).Quo(gamma, p), false, wantCarol},
	} {
		fill := onlyFill(t, c, tc.id)
		o := limitOrder(t, c, tc.id)
		if fill.Maker != tc.maker || !fill.FeeRebate.Equal(tc.want) {
			t.Fatalf("%s: maker %v rebate %s, want maker %v rebate %s", tc.name, fill.Maker, fill.FeeRebate, tc.maker, tc.want)
		}
		a := sdkmath.NewInt(tc.amount)
		// The output is that of the whole amount at the batch price; the
		// rebate is left out of amount_in and back in the remainder.
		if out := ratFloor(new(big.Rat).Mul(new(big.Rat).SetInt(a.BigInt()), tc.rate)); !fill.AmountOut.Equal(out) || !o.FilledOut.Equal(out) {
			t.Fatalf("%s: paid %s, want %s", tc.name, fill.AmountOut, out)
		}
		if !fill.AmountIn.Equal(a.Sub(tc.want)) || !o.FilledIn.Equal(a.Sub(tc.want)) || !o.FilledIn.Add(o.Remaining).Equal(a) {
			t.Fatalf("%s: fill %+v order %+v", tc.name, fill, o)
		}
		if tc.want.GTE(types.DefaultParams().MinLimitOrderSize) && (o.Status != types.LIMIT_ORDER_STATUS_OPEN || !o.Remaining.Equal(tc.want)) {
			t.Fatalf("%s: the rebate %s should stay on the book: %+v", tc.name, tc.want, o)
		}
	}
	return wantAlice, wantCarol
}

// With the default fees a resting maker order matched against opposite
// flow gets f − 0.05% of its sale back, a same-block taker on the larger
// side its pro-rata part of f − 0.15%; the swap gets nothing (its output is
// the batch's, checked by the invariants after every block).
func TestLimitOrderMakerTakerRebate(t *testing.T) {
	c := newChain(t)
	p := types.DefaultParams()
	a, b := rebateScenario(t, c, p.LimitMakerFee, p.LimitTakerFee)
	if !a.Equal(sdkmath.NewInt(2_500_000)) || !b.IsPositive() {
		t.Fatalf("rebates %s, %s", a, b)
	}
	requireGenesisRoundTrip(t, c, 2, 2)
}

// A governance change of the fees takes effect in the next batch: a maker
// fee at the pool fee gives the maker nothing back, a zero taker fee gives
// the taker its whole matched fee.
func TestLimitFeeParamsChange(t *testing.T) {
	c := newChain(t)
	p := types.DefaultParams()
	p.LimitMakerFee, p.LimitTakerFee = sdkmath.LegacyMustNewDecFromStr("0.01"), sdkmath.LegacyZeroDec()
	govExec(t, c, func(srv types.MsgServer, ctx sdk.Context) error {
		_, err := srv.UpdateParams(ctx, &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: p})
		return err
	})
	a, b := rebateScenario(t, c, p.LimitMakerFee, p.LimitTakerFee)
	if !a.IsZero() || !b.IsPositive() {
		t.Fatalf("rebates %s, %s", a, b)
	}
}

// Fees outside [0, 0.1] are refused and change nothing.
func TestLimitFeeParamsBad(t *testing.T) {
	c := newChain(t)
	k := dexKeeper(c)
	for _, tc := range []struct {
		maker, taker string
		msg          string
	}{
		{"0.2", "0.0015", "limit_maker_fee 0.200000000000000000 must be in [0, 0.100000000000000000]"},
		{"0.0005", "-0.001", "limit_taker_fee -0.001000000000000000 must be in [0, 0.100000000000000000]"},
	} {
		p := types.DefaultParams()
		p.LimitMakerFee, p.LimitTakerFee = sdkmath.LegacyMustNewDecFromStr(tc.maker), sdkmath.LegacyMustNewDecFromStr(tc.taker)
		_, err := keeper.NewMsgServerImpl(k).UpdateParams(c.WriteCtx(), &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: p})
		requireErr(t, err, types.ErrInvalidParams)
		if !strings.Contains(err.Error(), tc.msg) {
			t.Fatalf("message %q lacks %q", err, tc.msg)
		}
	}
	p := types.DefaultParams()
	p.LimitMakerFee = sdkmath.LegacyDec{}
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), "limit_maker_fee") {
		t.Fatalf("nil maker fee: %v", err)
	}
	got, err := k.GetParams(c.Ctx())
	want := types.DefaultParams()
	if err != nil || got.String() != want.String() {
		t.Fatalf("params changed: %+v (%v)", got, err)
	}
}
