package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/dex/types"
)

func spot(t *testing.T, c *apptest.Chain, id uint64, base, quote string) sdkmath.LegacyDec {
	t.Helper()
	p, err := dexKeeper(c).GetPool(c.Ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	price, err := p.SpotPrice(base, quote, c.Time())
	if err != nil {
		t.Fatal(err)
	}
	return price
}

// The TWAP over a window equals the time-weighted mean of the spot prices
// that held in it, computed by hand, including windows that start and end
// between records (interpolation); windows not covered are refused.
func TestTWAP(t *testing.T) {
	c := newChain(t)
	k := dexKeeper(c)
	id := createCP(t, c, "100000000000uagr,100000000000uusdc")
	t0 := c.Time() // the creation block's EndBlock wrote the first record
	p0 := spot(t, c, id, "uagr", "uusdc")
	c.AdvanceBlocks(10) // 50 s at p0

	alice := c.Address("alice").String()
	pool, err := k.GetPool(c.Ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeliverMsgs("alice", &types.MsgSwapExactIn{Sender: alice, Route: []types.Hop{{PoolId: id, DenomOut: "uusdc"}},
		TokenIn: coin("10000000000uagr"), MinOut: sdkmath.ZeroInt()}); err != nil {
		t.Fatal(err)
	}
	t1 := c.Time()
	// The swap's block records its batch's clearing price (the lone swap's
	// average price), which holds until the pool is touched again.
	p1, p1inv := clearingPriceOf(pool.Reserves[0].Amount, pool.Reserves[1].Amount, 10_000_000_000, 0)
	if !p1.LT(p0) {
		t.Fatalf("selling AGR should lower its price: %s -> %s", p0, p1)
	}
	c.AdvanceBlocks(6) // 30 s at p1
	end := c.Time()

	mean := func(segments ...struct {
		p sdkmath.LegacyDec
		d time.Duration
	}) sdkmath.LegacyDec {
		sum, total := sdkmath.LegacyZeroDec(), int64(0)
		for _, s := range segments {
			sum = sum.Add(s.p.MulInt64(int64(s.d / time.Second)))
			total += int64(s.d / time.Second)
		}
		return sum.QuoInt64(total)
	}
	type seg = struct {
		p sdkmath.LegacyDec
		d time.Duration
	}
	near := func(a, b sdkmath.LegacyDec) bool {
		return a.Sub(b).Abs().LTE(sdkmath.LegacyNewDecWithPrec(1, 17))
	}

	arith, geo, err := k.TWAP(c.Ctx(), id, "uagr", "uusdc", t0, end)
	if err != nil {
		t.Fatal(err)
	}
	want := mean(seg{p0, t1.Sub(t0)}, seg{p1, end.Sub(t1)})
	if !near(arith, want) {
		t.Fatalf("arithmetic TWAP %s, want %s", arith, want)
	}
	if !geo.LTE(arith) || !geo.GTE(p1) {
		t.Fatalf("geometric TWAP %s must lie in [%s, %s]", geo, p1, arith)
	}

	// A window inside the segments: interpolated on both sides.
	start := t0.Add(20 * time.Second)
	stop := t1.Add(10 * time.Second)
	arith, _, err = k.TWAP(c.Ctx(), id, "uagr", "uusdc", start, stop)
	if err != nil {
		t.Fatal(err)
	}
	if want := mean(seg{p0, t1.Sub(start)}, seg{p1, stop.Sub(t1)}); !near(arith, want) {
		t.Fatalf("interpolated TWAP %s, want %s", arith, want)
	}

	// The reverse pair is recorded too.
	inv, _, err := k.TWAP(c.Ctx(), id, "uusdc", "uagr", t1, end)
	if err != nil {
		t.Fatal(err)
	}
	if want := p1inv; !near(inv, want) {
		t.Fatalf("reverse TWAP %s, want %s", inv, want)
	}

	// Not covered / bad windows.
	_, _, err = k.TWAP(c.Ctx(), id, "uagr", "uusdc", t0.Add(-time.Second), end)
	requireErr(t, err, types.ErrTwapNotCovered)
	_, _, err = k.TWAP(c.Ctx(), id, "uagr", "uusdc", t0, end.Add(time.Hour))
	requireErr(t, err, types.ErrInvalidTime)
	_, _, err = k.TWAP(c.Ctx(), id, "uagr", "uusdc", end, t0)
	requireErr(t, err, types.ErrInvalidTime)
	_, _, err = k.TWAP(c.Ctx(), id, "uagr", "ueth", t0, end)
	requireErr(t, err, types.ErrDenomNotInPool)
}

// Records older than the window are pruned, except the newest one before
// it, so a TWAP over the whole window still works.
func TestTWAPPruning(t *testing.T) {
	c := newChain(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var gs types.GenesisState
		cdc.MustUnmarshalJSON(gen[types.ModuleName], &gs)
		gs.Params.TwapWindowSeconds = 3600
		gen[types.ModuleName] = cdc.MustMarshalJSON(&gs)
	}))
	k := dexKeeper(c)
	id := createCP(t, c, "100000000000uagr,100000000000uusdc")
	alice := c.Address("alice").String()
	swap := func() {
		if _, err := c.DeliverMsgs("alice", &types.MsgSwapExactIn{Sender: alice, Route: []types.Hop{{PoolId: id, DenomOut: "uusdc"}},
			TokenIn: coin("1000000uagr"), MinOut: sdkmath.ZeroInt()}); err != nil {
			t.Fatal(err)
		}
	}
	count := func() int {
		n := 0
		err := k.TwapRecords.Walk(c.Ctx(), collections.NewSuperPrefixedTripleRange[uint64, string, time.Time](id, types.TwapPair("uagr", "uusdc")),
			func(keeper.TwapKey, types.TwapRecord) (bool, error) { n++; return false, nil })
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	// A swap every 10 minutes for 2 hours: 13 records per pair.
	for i := 0; i < 12; i++ {
		swap()
		c.AdvanceBlocks(119)
	}
	if n := count(); n > 8 {
		t.Fatalf("%d records of one pair remain; a 1 h window needs at most 8", n)
	}
	if _, _, err := k.TWAP(c.Ctx(), id, "uagr", "uusdc", c.Time().Add(-time.Hour), c.Time()); err != nil {
		t.Fatalf("TWAP over the whole window: %v", err)
	}
}

// Pruning keeps pace with writing: when a block writes more TWAP records
// than TwapPruneBatch and expired records are waiting, EndBlock deletes at
// least as many as it writes, so the store does not grow without bound
// under sustained traffic.
func TestTWAPPruningKeepsPace(t *testing.T) {
	tiers := make([]sdkmath.LegacyDec, types.MaxFeeTiers)
	for i := range tiers {
		tiers[i] = sdkmath.LegacyNewDecWithPrec(int64(i+1), 4)
	}
	c := newChain(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var gs types.GenesisState
		cdc.MustUnmarshalJSON(gen[types.ModuleName], &gs)
		gs.Params.FeeTiers = types.FeeTiers(tiers...)
		gs.Params.TwapWindowSeconds = 3600
		gen[types.ModuleName] = cdc.MustMarshalJSON(&gs)
	}))
	k := dexKeeper(c)
	alice := c.Address("alice").String()
	// 16 four-asset pools (12 pairs each) and 2 three-asset pools (6 each):
	// 204 records per block when all are touched.
	var msgs []sdk.Msg
	for _, fee := range tiers {
		msgs = append(msgs, &types.MsgCreatePool{Sender: alice, PoolType: types.POOL_TYPE_STABLESWAP,
			InitialLiquidity: coins("1000000uagr,1000000ubtc,1000000ueth,1000000uusdc"), SwapFee: fee, Amplification: 100})
	}
	for _, fee := range tiers[:2] {
		msgs = append(msgs, &types.MsgCreatePool{Sender: alice, PoolType: types.POOL_TYPE_STABLESWAP,
			InitialLiquidity: coins("1000000ubtc,1000000ueth,1000000uusdc"), SwapFee: fee, Amplification: 100})
	}
	if res := c.NextBlock(c.SignTx("alice", apptest.DefaultFee, 20_000_000, msgs...))[0]; res.Code != 0 {
		t.Fatalf("create pools: %s", res.Log)
	}
	count := func() int {
		n := 0
		if err := k.TwapRecords.Walk(c.Ctx(), nil, func(keeper.TwapKey, types.TwapRecord) (bool, error) { n++; return false, nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	// A backlog of 1000 expired records (each with a successor long ago).
	ctx := c.WriteCtx()
	old := c.Time().Add(-24 * time.Hour)
	for i := 0; i < 1000; i++ {
		at := old.Add(time.Duration(i) * time.Second)
		key := collections.Join3(uint64(1), types.TwapPair("uagr", "ubtc"), at)
		if err := k.TwapRecords.Set(ctx, key, types.TwapRecord{PoolId: 1, BaseDenom: "uagr", QuoteDenom: "ubtc", Time: at,
			ArithmeticCumulative: sdkmath.LegacyZeroDec(), GeometricCumulative: sdkmath.LegacyZeroDec(), LastSpotPrice: sdkmath.LegacyOneDec()}); err != nil {
			t.Fatal(err)
		}
		if err := k.TwapPruneIndex.Set(ctx, collections.Join(at.Add(time.Second), key)); err != nil {
			t.Fatal(err)
		}
	}
	c.NextBlock()
	for b := 0; b < 2; b++ { // the backlog lasts at least two blocks
		before := count()
		ctx := c.WriteCtx()
		for id := uint64(1); id <= uint64(len(msgs)); id++ {
			if err := k.TouchedPools.Set(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
		c.NextBlock()
		if after := count(); after > before {
			t.Fatalf("block %d: TWAP records grew from %d to %d while expired records wait to be pruned", b, before, after)
		}
	}
}
