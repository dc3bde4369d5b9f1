package keeper_test

import (
	"testing"

	"github.com/agora-labs/agora/x/margin/types"
)

// Export → validate → import into a fresh keeper state gives back the same
// export: positions, funds, open interest and the next id survive, and the
// positions' accounts are managed again in x/lend.
func TestGenesisRoundTrip(t *testing.T) {
	e := newEnv(t, 100)
	e.fund(t, "5000000000uusdc")
	e.open(t, "bob", types.SIDE_LONG, "1000000000uusdc", "3")
	short := e.open(t, "dave", types.SIDE_SHORT, "1000000000uusdc", "2")
	k := e.c.App.MarginKeeper
	gs, err := k.ExportGenesis(e.c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	if err := gs.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(gs.Positions) != 2 || len(gs.Pairs) != 1 || len(gs.InsuranceFunds) != 1 || gs.NextPositionId != 3 {
		t.Fatalf("export %+v", gs)
	}
	// Wipe the module's state (and the managed mark of one account), import.
	ctx := e.c.WriteCtx()
	for _, p := range gs.Positions {
		if err := k.Positions.Remove(ctx, p.Id); err != nil {
			t.Fatal(err)
		}
	}
	if err := k.Index.Clear(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := k.OpenInterest.Clear(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.c.App.LendKeeper.Managed.Remove(ctx, types.PositionAccount(short.Id)); err != nil {
		t.Fatal(err)
	}
	if err := k.InitGenesis(ctx, *gs); err != nil {
		t.Fatal(err)
	}
	again, err := k.ExportGenesis(e.c.WriteCtx())
	if err != nil {
		t.Fatal(err)
	}
	if again.String() != gs.String() {
		t.Fatalf("round trip:\n%v\n%v", gs, again)
	}
	e.c.NextBlock() // every invariant, managed accounts included
}
