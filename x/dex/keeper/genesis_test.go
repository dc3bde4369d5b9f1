package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/types"
)

// The devnet seed creates the AGR/USDC, BTC/USDC and ETH/USDC pools at
// genesis, correctly priced and funded, and a new user can swap at once.
func TestDevnetSeed(t *testing.T) {
	c := newChain(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		accounts := map[string]sdk.AccAddress{}
		for _, name := range devgenesis.TestAccountNames {
			addr, err := devgenesis.AddressOf(name)
			if err != nil {
				t.Fatal(err)
			}
			accounts[name] = addr
		}
		if err := devgenesis.SeedDexPools(cdc, gen, accounts); err != nil {
			t.Fatal(err)
		}
	}))
	k := dexKeeper(c)
	for id, want := range map[uint64]struct {
		base  string
		price int64
	}{1: {"uagr", 1}, 2: {"ubtc", 60_000}, 3: {"ueth", 3_000}} {
		if got := spot(t, c, id, want.base, "uusdc"); !got.Equal(sdkmath.LegacyNewDec(want.price)) {
			t.Fatalf("pool %d: %s price %s, want %d", id, want.base, got, want.price)
		}
	}
	carol := c.Address("carol").String()
	if _, err := c.DeliverMsgs("carol", &types.MsgSwapExactIn{Sender: carol, Route: []types.Hop{{PoolId: 2, DenomOut: "uusdc"}, {PoolId: 3, DenomOut: "ueth"}},
		TokenIn: coin("1000000ubtc"), MinOut: sdkmath.NewInt(19_000_000)}); err != nil {
		t.Fatal(err)
	}
	c.AdvanceBlocks(3)

	// Export, validate, and import again over the same state: identical.
	gs, err := k.ExportGenesis(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	if err := gs.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(gs.Pools) != 3 || gs.NextPoolId != 4 || len(gs.TwapRecords) == 0 || len(gs.PoolStatsRecords) == 0 {
		t.Fatalf("exported %d pools, next id %d, %d TWAP records, %d stats records", len(gs.Pools), gs.NextPoolId, len(gs.TwapRecords), len(gs.PoolStatsRecords))
	}
	ctx, _ := c.Ctx().CacheContext()
	if err := k.InitGenesis(ctx, *gs); err != nil {
		t.Fatal(err)
	}
	again, err := k.ExportGenesis(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again.String() != gs.String() {
		t.Fatal("re-imported genesis exports differently")
	}
	bz := c.App.AppCodec().MustMarshalJSON(gs)
	var decoded types.GenesisState
	c.App.AppCodec().MustUnmarshalJSON(bz, &decoded)
	if decoded.String() != gs.String() {
		t.Fatal("genesis JSON round trip differs")
	}
}
