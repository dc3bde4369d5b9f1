package keeper_test

import (
	"strings"
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
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// newestRecord is the newest TWAP record of (pool, base/quote) at or
// before t, if any.
func newestRecord(t *testing.T, k keeper.Keeper, ctx sdk.Context, id uint64, base, quote string, at time.Time) (types.TwapRecord, bool) {
	t.Helper()
	rng := new(collections.Range[keeper.TwapKey]).
		StartInclusive(collections.Join3(id, types.TwapPair(base, quote), time.Time{}.UTC())).
		EndInclusive(collections.Join3(id, types.TwapPair(base, quote), at.UTC())).Descending()
	it, err := k.TwapRecords.Iterate(ctx, rng)
	if err != nil {
		t.Fatal(err)
	}
	defer it.Close()
	if !it.Valid() {
		return types.TwapRecord{}, false
	}
	rec, err := it.Value()
	if err != nil {
		t.Fatal(err)
	}
	return rec, true
}

// A pool whose recording fails or panics does not stop the others: each
// pool is recorded in its own cached context, the failure is emitted as
// EventTwapError, and EndBlock returns no error.
func TestEndBlockIsolatesFailingPool(t *testing.T) {
	c := newChain(t)
	p1 := createCP(t, c, "1000000000uagr,1000000000uusdc")
	p2 := createCP(t, c, "1000000000ueth,1000000000uusdc")
	k := dexKeeper(c)
	c.AdvanceBlocks(1)

	for _, mode := range []string{"panic", "error write"} {
		ctx := c.WriteCtx().WithEventManager(sdk.NewEventManager()).WithBlockTime(c.Time().Add(time.Second))
		for _, id := range []uint64{p1, p2} {
			if err := k.TouchedPools.Set(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
		restore := keeper.SetEndBlockHook(func(hctx sdk.Context, id uint64) {
			if id != p1 {
				return
			}
			// A write that must be discarded with the failed unit.
			if err := k.TouchedPools.Set(hctx, 99); err != nil {
				t.Fatal(err)
			}
			if mode == "panic" {
				panic("boom")
			}
			// Corrupt the pool inside the unit's cached context: its spot
			// price cannot be computed.
			bad, _ := k.GetPool(hctx, p1)
			bad.Reserves[0].Amount = sdkmath.NewInt(1)
			bad.Reserves[1].Amount = sdkmath.NewIntWithDecimal(1, 30)
			if err := k.Pools.Set(hctx, p1, bad); err != nil {
				t.Fatal(err)
			}
		})
		err := k.EndBlock(ctx)
		restore()
		if err != nil {
			t.Fatalf("%s: EndBlock returned %v", mode, err)
		}
		now := ctx.BlockTime()
		if rec, ok := newestRecord(t, k, ctx, p2, "ueth", "uusdc", now); !ok || !rec.Time.Equal(now.UTC()) {
			t.Fatalf("%s: pool %d was not recorded at %s: %v", mode, p2, now, rec)
		}
		if rec, ok := newestRecord(t, k, ctx, p1, "uagr", "uusdc", now); ok && rec.Time.Equal(now.UTC()) {
			t.Fatalf("%s: the failing pool %d was recorded", mode, p1)
		}
		if p, _ := k.GetPool(ctx, p1); !p.Reserves[0].Amount.Equal(sdkmath.NewInt(1_000_000_000)) {
			t.Fatalf("%s: the failed unit's writes were kept: %s", mode, p.Reserves)
		}
		if has, _ := k.TouchedPools.Has(ctx, 99); has {
			t.Fatalf("%s: the failed unit's writes were kept", mode)
		}
		found := false
		for _, ev := range ctx.EventManager().Events() {
			if ev.Type != "agora.dex.v1.EventTwapError" {
				continue
			}
			for _, a := range ev.Attributes {
				if a.Key == "pool_id" && strings.Trim(a.Value, `"`) == "1" {
					found = true
				}
			}
		}
		if !found {
			t.Fatalf("%s: no EventTwapError for pool %d in %v", mode, p1, ctx.EventManager().Events())
		}
	}
}

// Security finding 6: a stableswap pool whose amplification ramps gets a
// TWAP record every block although nobody trades, so the TWAP follows the
// spot price during the ramp.
func TestTWAPTracksSpotDuringRamp(t *testing.T) {
	c := newChain(t)
	id := createPool(t, c, "alice", types.POOL_TYPE_STABLESWAP, "100000000uusdc,300000000ueth", feeTier, 1000)
	gov := app.TimelockAuthority()
	govExec(t, c, func(srv types.MsgServer, ctx sdk.Context) error {
		_, err := srv.RampAmplification(ctx, &types.MsgRampAmplification{Authority: gov, PoolId: id, FutureAmplification: 10_000, EndTime: c.Time().Add(24 * time.Hour)})
		return err
	})
	k := dexKeeper(c)
	if has, _ := k.RampingPools.Has(c.Ctx(), id); !has {
		t.Fatal("the ramping pool is not in the ramping set")
	}
	first := spot(t, c, id, "ueth", "uusdc")
	for b := 0; b < 40; b++ {
		c.NextBlock()
		rec, ok := newestRecord(t, k, c.Ctx(), id, "ueth", "uusdc", c.Time())
		if !ok || !rec.Time.Equal(c.Time().UTC()) {
			t.Fatalf("block %d: no TWAP record at %s during the ramp (newest %v)", b, c.Time(), rec.Time)
		}
		if s := spot(t, c, id, "ueth", "uusdc"); !rec.LastSpotPrice.Equal(s) {
			t.Fatalf("block %d: record price %s, spot %s", b, rec.LastSpotPrice, s)
		}
	}
	if last := spot(t, c, id, "ueth", "uusdc"); last.Equal(first) {
		t.Fatalf("the ramp did not move the price (%s): the test proves nothing", first)
	}
	// The TWAP over the last minute is within the spot prices of that minute.
	arith, _, err := k.TWAP(c.Ctx(), id, "ueth", "uusdc", c.Time().Add(-time.Minute), c.Time())
	if err != nil {
		t.Fatal(err)
	}
	now := spot(t, c, id, "ueth", "uusdc")
	if diff := arith.Sub(now).Abs(); diff.GT(now.Mul(sdkmath.LegacyNewDecWithPrec(1, 3))) {
		t.Fatalf("TWAP %s drifted from spot %s", arith, now)
	}
	// After the ramp ends the pool leaves the set.
	ctx := c.WriteCtx().WithBlockTime(c.Time().Add(25 * time.Hour))
	if err := k.EndBlock(ctx); err != nil {
		t.Fatal(err)
	}
	if has, _ := k.RampingPools.Has(ctx, id); has {
		t.Fatal("a finished ramp stays in the ramping set")
	}
}

// Governance cannot shrink the TWAP window below the oracle's lookback.
func TestTwapWindowNotBelowOracleLookback(t *testing.T) {
	c := newChain(t, apptest.WithGenesis(withOracleLookback(3*3600)))
	k := dexKeeper(c)
	params := types.DefaultParams()
	params.TwapWindowSeconds = 2 * 3600
	_, err := keeper.NewMsgServerImpl(k).UpdateParams(c.WriteCtx(), &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: params})
	requireErr(t, err, types.ErrInvalidParams)
	if err == nil || !strings.Contains(err.Error(), "shorter than the oracle's TWAP lookback 3h0m0s") {
		t.Fatalf("message: %v", err)
	}
	if w, _ := k.TwapWindow(c.Ctx()); w != types.DefaultParams().TwapWindow() {
		t.Fatalf("window changed to %s", w)
	}
	params.TwapWindowSeconds = 3 * 3600
	if _, err := keeper.NewMsgServerImpl(k).UpdateParams(c.WriteCtx(), &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: params}); err != nil {
		t.Fatal(err)
	}
	if w, _ := k.TwapWindow(c.WriteCtx()); w != 3*time.Hour {
		t.Fatalf("TwapWindow = %s", w)
	}
}

func withOracleLookback(seconds uint64) func(cdc codec.JSONCodec, gen app.GenesisState) {
	return func(cdc codec.JSONCodec, gen app.GenesisState) {
		var gs oracletypes.GenesisState
		cdc.MustUnmarshalJSON(gen[oracletypes.ModuleName], &gs)
		gs.Params.TwapLookbackSeconds = seconds
		gen[oracletypes.ModuleName] = cdc.MustMarshalJSON(&gs)
	}
}

// CheckPoolActive: nil, ErrPoolNotFound, ErrPaused (pool or exchange).
func TestCheckPoolActive(t *testing.T) {
	c := newChain(t)
	id := createCP(t, c, "1000000000uagr,1000000000uusdc")
	k := dexKeeper(c)
	if err := k.CheckPoolActive(c.Ctx(), id); err != nil {
		t.Fatal(err)
	}
	requireErr(t, k.CheckPoolActive(c.Ctx(), 42), types.ErrPoolNotFound)
	gov := app.TimelockAuthority()
	govExec(t, c, func(srv types.MsgServer, ctx sdk.Context) error {
		_, err := srv.SetPoolPaused(ctx, &types.MsgSetPoolPaused{Authority: gov, PoolId: id, Paused: true})
		return err
	})
	requireErr(t, k.CheckPoolActive(c.Ctx(), id), types.ErrPaused)
	govExec(t, c, func(srv types.MsgServer, ctx sdk.Context) error {
		if _, err := srv.SetPoolPaused(ctx, &types.MsgSetPoolPaused{Authority: gov, PoolId: id, Paused: false}); err != nil {
			return err
		}
		p := types.DefaultParams()
		p.Paused = true
		_, err := srv.UpdateParams(ctx, &types.MsgUpdateParams{Authority: gov, Params: p})
		return err
	})
	requireErr(t, k.CheckPoolActive(c.Ctx(), id), types.ErrPaused)
}
