package keeper_test

import (
	"reflect"
	"testing"
	"time"

	"cosmossdk.io/collections"
	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/incentives/keeper"
	"github.com/agora-labs/agora/x/incentives/types"
)

// setParams changes x/incentives' params in place (tests only).
func (e *env) setParams(t testing.TB, edit func(*types.Params)) {
	t.Helper()
	k := e.c.App.IncentivesKeeper
	p, err := k.Params.Get(e.c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	edit(&p)
	if err := k.Params.Set(e.c.WriteCtx(), p); err != nil {
		t.Fatal(err)
	}
}

func gaugeIDs(t testing.TB, e *env) map[uint64]types.Gauge {
	t.Helper()
	out := map[uint64]types.Gauge{}
	err := e.c.App.IncentivesKeeper.Gauges.Walk(e.c.Ctx(), nil, func(id uint64, g types.Gauge) (bool, error) {
		out[id] = g
		return false, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPruneFinishedGauges: five 60 s gauges and one 600 s gauge on pool 1,
// a 30 s retention and at most 2 queue entries a block. A finished gauge is
// kept (queryable as finished) until end + retention, then deleted at most
// 2 a block with its final state in EventGaugePruned; the long gauge is
// never touched; the invariants (module balance, bonded totals, gauge
// index) hold after every block and bob's rewards are all still claimable.
func TestPruneFinishedGauges(t *testing.T) {
	e := newEnv(t)
	k := e.c.App.IncentivesKeeper
	e.setParams(t, func(p *types.Params) { p.MaxQueuePerBlock = 2; p.FinishedGaugeRetentionSeconds = 30 })
	e.deliver(t, "bob", &types.MsgBond{Owner: e.addr("bob"), Shares: coin("500000" + share1)})
	var msgs []sdk.Msg
	for i := 0; i < 5; i++ {
		msgs = append(msgs, &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1, Coins: sdk.NewCoins(coin("6000000uusdc")), DurationSeconds: 60})
	}
	msgs = append(msgs, &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1, Coins: sdk.NewCoins(coin("6000000uusdc")), DurationSeconds: 600})
	e.deliver(t, "alice", msgs...)
	all := gaugeIDs(t, e)
	if len(all) != 6 {
		t.Fatalf("gauges %v", all)
	}
	long := uint64(6)
	end := e.c.Time().Unix() + 60
	prunedAt := int64(0)
	last := len(all)
	for b := 0; b < 40; b++ {
		// Before the block: what EndBlock would do now, on a throw-away
		// context, checked against the pruning rule and its event.
		ctx, _ := e.c.Ctx().WithBlockTime(e.c.Time().Add(5 * time.Second)).WithEventManager(sdk.NewEventManager()).CacheContext()
		if err := k.EndBlock(ctx); err != nil {
			t.Fatal(err)
		}
		pruned := 0
		for _, ev := range ctx.EventManager().Events() {
			if ev.Type != "agora.incentives.v1.EventGaugePruned" {
				continue
			}
			msg, err := sdk.ParseTypedEvent(abci.Event(ev))
			if err != nil {
				t.Fatal(err)
			}
			g := msg.(*types.EventGaugePruned).Gauge
			if want := all[g.Id]; g.Id == long || !g.Released.Equal(want.Coins) || g.Creator != e.addr("alice") || !g.Unallocated.Empty() {
				t.Fatalf("pruned %v (recorded %v)", g, want)
			}
			pruned++
		}

		e.c.NextBlock()
		t0 := e.c.Time().Unix()
		got := gaugeIDs(t, e)
		if last-len(got) != pruned {
			t.Fatalf("block %d: %d records went, the events name %d", b, last-len(got), pruned)
		}
		if last-len(got) > 2 {
			t.Fatalf("block %d: %d gauges pruned in one block (max 2)", b, last-len(got))
		}
		if _, ok := got[long]; !ok {
			t.Fatalf("block %d: the active gauge was pruned", b)
		}
		if len(got) < len(all) && t0 < end+30 {
			t.Fatalf("block %d (t=%d): a gauge pruned before its end %d + retention 30 s", b, t0, end)
		}
		if len(got) == len(all) && t0 >= end+30+5 {
			t.Fatalf("block %d (t=%d): nothing pruned a block after the retention ended", b, t0)
		}
		if len(got) == 1 && prunedAt == 0 {
			prunedAt = t0
		}
		last = len(got)
	}
	if last != 1 || prunedAt == 0 {
		t.Fatalf("left %d gauges", last)
	}
	// Finished gauges are still listed as finished until pruned; now only the long one is left.
	res, err := keeper.NewQueryServerImpl(k).Gauges(e.c.Ctx(), &types.QueryGaugesRequest{})
	if err != nil || len(res.Gauges) != 1 || res.Gauges[0].Gauge.Id != long || res.Gauges[0].Status != "active" {
		t.Fatalf("gauges after pruning %v %v", res, err)
	}
	// Pruning a gauge's record never touches what it paid: bob claims it all.
	before := e.balance("bob", "uusdc")
	e.deliver(t, "bob", &types.MsgClaimRewards{Owner: e.addr("bob"), PoolId: 1})
	if paid := e.balance("bob", "uusdc").Sub(before); paid.LT(coin("29999990uusdc").Amount) {
		t.Fatalf("bob claimed %s after pruning, at least the five short gauges' 30,000,000 less rounding expected", paid)
	}
}

// TestMaxGaugesCountsLiveOnly: with max_gauges_per_pool 2, a third gauge is
// refused while two run; once they finished (records still kept, status
// finished) a new one is accepted.
func TestMaxGaugesCountsLiveOnly(t *testing.T) {
	e := newEnv(t)
	e.setParams(t, func(p *types.Params) { p.MaxGaugesPerPool = 2 })
	mk := func() *types.MsgCreateGauge {
		return &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1, Coins: sdk.NewCoins(coin("1000000uusdc")), DurationSeconds: 60}
	}
	e.deliver(t, "alice", mk(), mk())
	e.expectRefused(t, "alice", mk(), types.ErrTooManyGauges)
	e.c.AdvanceBlocks(14)
	q := keeper.NewQueryServerImpl(e.c.App.IncentivesKeeper)
	fin, err := q.Gauges(e.c.Ctx(), &types.QueryGaugesRequest{Status: "finished"})
	if err != nil || len(fin.Gauges) != 2 {
		t.Fatalf("finished gauges %v %v", fin, err)
	}
	e.deliver(t, "alice", mk())
}

// TestGenesisKeepsFinishedGauges: a finished, not yet pruned gauge
// round-trips through genesis, lands in the finished index (the gauge-index
// invariant holds on the imported state) and is pruned there after the
// retention period.
func TestGenesisKeepsFinishedGauges(t *testing.T) {
	e := newEnv(t)
	e.deliver(t, "bob", &types.MsgBond{Owner: e.addr("bob"), Shares: coin("500000" + share1)})
	e.deliver(t, "alice", &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1, Coins: sdk.NewCoins(coin("1000000uusdc")), DurationSeconds: 60})
	e.c.AdvanceBlocks(14)
	gs, err := e.c.App.IncentivesKeeper.ExportGenesis(e.c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	if len(gs.Gauges) != 1 {
		t.Fatalf("export %v", gs.Gauges)
	}
	f := newEnv(t)
	fk := f.c.App.IncentivesKeeper
	ctx := f.c.WriteCtx().WithBlockTime(e.c.Time())
	if err := fk.InitGenesis(ctx, *gs); err != nil {
		t.Fatal(err)
	}
	again, err := fk.ExportGenesis(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gs, again) {
		t.Fatalf("round trip differs:\n%v\n%v", gs, again)
	}
	if err := fk.GaugeIndexInvariant(ctx); err != nil {
		t.Fatal(err)
	}
	end := gs.Gauges[0].StartTime + 60
	if ok, err := fk.Finished.Has(ctx, collections.Join(end, gs.Gauges[0].Id)); err != nil || !ok {
		t.Fatalf("imported finished gauge not in the finished index: %v %v", ok, err)
	}
	later, _ := ctx.WithBlockTime(time.Unix(end+int64(gs.Params.FinishedGaugeRetentionSeconds), 0)).CacheContext()
	if err := fk.EndBlock(later); err != nil {
		t.Fatal(err)
	}
	if has, _ := fk.Gauges.Has(later, gs.Gauges[0].Id); has {
		t.Fatal("imported finished gauge not pruned after the retention period")
	}
	if err := fk.GaugeIndexInvariant(later); err != nil {
		t.Fatal(err)
	}
}
