package devgenesis_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/testutil/apptest"
	incentiveskeeper "github.com/agora-labs/agora/x/incentives/keeper"
	incentivestypes "github.com/agora-labs/agora/x/incentives/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// The devnet incentives seed: every app invariant holds from genesis, the
// seeded bonds earn emissions (and pool 2 its gauge) each block, and every
// seed pool shows a positive APR at once.
func TestDevnetIncentivesSeed(t *testing.T) {
	c := apptest.New(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		accounts := map[string]sdk.AccAddress{}
		for _, name := range devgenesis.TestAccountNames {
			addr, err := devgenesis.AddressOf(name)
			if err != nil {
				t.Fatal(err)
			}
			accounts[name] = addr
		}
		for _, seed := range []devgenesis.GenesisSeed{devgenesis.SeedDexPools, devgenesis.SeedIncentives} {
			if err := seed(cdc, gen, accounts); err != nil {
				t.Fatal(err)
			}
		}
	}))
	k := c.App.IncentivesKeeper
	holder := c.Address(devgenesis.TestAccountNames[0])
	before, err := k.Claimable(c.Ctx(), holder, 0)
	if err != nil {
		t.Fatal(err)
	}
	c.AdvanceBlocks(3)
	after, err := k.Claimable(c.Ctx(), holder, 0)
	if err != nil {
		t.Fatal(err)
	}
	// 1 AGR a block to the holder's bonds (the only bonds), less rounding.
	if got := after.AmountOf("uagr").Sub(before.AmountOf("uagr")); got.LT(sdkmath.NewInt(2_999_990)) || got.GT(sdkmath.NewInt(3_000_000)) {
		t.Fatalf("3 blocks of emissions paid %s", got)
	}
	if !after.AmountOf("uusdc").GT(before.AmountOf("uusdc")) {
		t.Fatalf("the seed gauge pays nothing: %s → %s", before, after)
	}
	// After emissions reached the module account, it still takes bonds (a
	// plain account created there by the emission send would refuse them).
	if _, err := c.DeliverMsgs(devgenesis.TestAccountNames[0], &incentivestypes.MsgBond{
		Owner: holder.String(), Shares: sdk.NewInt64Coin("dex/pool/1", 1000),
	}); err != nil {
		t.Fatal(err)
	}
	for pair, price := range devgenesis.StartingPrices {
		if err := c.App.OracleKeeper.Prices.Set(c.WriteCtx(), pair, oracletypes.PriceRecord{
			Pair: pair, Price: sdkmath.LegacyMustNewDecFromStr(price), UpdatedHeight: c.Height(), UpdatedTime: c.Time(),
			Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
		}); err != nil {
			t.Fatal(err)
		}
	}
	q := incentiveskeeper.NewQueryServerImpl(k)
	for id := uint64(1); id <= 3; id++ {
		res, err := q.PoolIncentives(c.Ctx(), &incentivestypes.QueryPoolIncentivesRequest{PoolId: id})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Apr.IsPositive() {
			t.Fatalf("pool %d: APR %s", id, res.Apr)
		}
	}
}
