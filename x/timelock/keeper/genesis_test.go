package keeper_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/timelock/types"
)

// Exporting a queue and starting a chain from it gives back the same queue,
// which then executes at the exported etas.
func TestGenesisRoundTrip(t *testing.T) {
	c := newChain(t, 10)
	base := currentMaxBody(t, c)
	schedule(t, c, forumParams(c, maxBody(base+1)))
	schedule(t, c, forumParams(c, maxBody(base+2)))
	c.NextBlock()
	exported := state(t, c)
	if len(exported.Operations) != 2 || exported.NextOperationId != 3 {
		t.Fatalf("exported %+v", exported)
	}
	bz, err := c.App.AppCodec().MarshalJSON(exported)
	if err != nil {
		t.Fatal(err)
	}

	d := apptest.New(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		gen[types.ModuleName] = json.RawMessage(bz)
	}))
	again, err := d.App.AppCodec().MarshalJSON(state(t, d))
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(bz) {
		t.Fatalf("round trip changed the state:\nexported %s\nimported %s", bz, again)
	}
	if err := d.App.TimelockKeeper.QueueInvariant(d.Ctx()); err != nil {
		t.Fatal(err)
	}
}

// Genesis validation refuses duplicate ids, ids at or above the next id,
// empty operations and a missing eta.
func TestGenesisValidate(t *testing.T) {
	c := newChain(t, 10)
	schedule(t, c, forumParams(c, maxBody(3000)))
	c.NextBlock()
	good := state(t, c)
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(*types.GenesisState){
		"duplicate id":         func(g *types.GenesisState) { g.Operations = append(g.Operations, g.Operations[0]) },
		"id at next":           func(g *types.GenesisState) { g.Operations[0].Id = g.NextOperationId },
		"no messages":          func(g *types.GenesisState) { g.Operations[0].Messages = nil },
		"no eta":               func(g *types.GenesisState) { g.Operations[0].Eta = time.Time{} },
		"next id zero":         func(g *types.GenesisState) { g.NextOperationId = 0 },
		"params out of bounds": func(g *types.GenesisState) { g.Params.MaxOperationsPerBlock = 0 },
	} {
		g := state(t, c)
		edit(g)
		if err := g.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// The queue invariant holds on a live queue and catches an operation that
// no longer decodes or lost its queue entry.
func TestQueueInvariant(t *testing.T) {
	c := newChain(t, 10)
	id := schedule(t, c, forumParams(c, maxBody(3000)))
	c.NextBlock()
	k := c.App.TimelockKeeper
	if err := k.QueueInvariant(c.Ctx()); err != nil {
		t.Fatal(err)
	}
	op, err := k.Operations.Get(c.Ctx(), id)
	if err != nil {
		t.Fatal(err)
	}

	ctx, _ := c.Ctx().CacheContext()
	broken := op
	broken.Messages = []*codectypes.Any{{TypeUrl: "/agora.nothing.v1.MsgNothing"}}
	if err := k.Operations.Set(ctx, id, broken); err != nil {
		t.Fatal(err)
	}
	if err := k.QueueInvariant(ctx); err == nil {
		t.Fatal("an undecodable operation passed the invariant")
	}

	ctx, _ = c.Ctx().CacheContext()
	moved := op
	moved.Eta = op.Eta.Add(1)
	if err := k.Operations.Set(ctx, id, moved); err != nil {
		t.Fatal(err)
	}
	if err := k.QueueInvariant(ctx); err == nil {
		t.Fatal("an operation without its queue entry passed the invariant")
	}
}
