package devgenesis_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/testutil/apptest"
	margintypes "github.com/agora-labs/agora/x/margin/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// The devnet margin seed lists BTC/USDC, ETH/USDC and AGR/USDC with their
// insurance funds held by the margin module (every app invariant holds from
// genesis), and a new account opens a 3× BTC long at once.
func TestDevnetMarginSeed(t *testing.T) {
	c := apptest.New(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		accounts := map[string]sdk.AccAddress{}
		for _, name := range devgenesis.TestAccountNames {
			addr, err := devgenesis.AddressOf(name)
			if err != nil {
				t.Fatal(err)
			}
			accounts[name] = addr
		}
		for _, seed := range []devgenesis.GenesisSeed{devgenesis.SeedDexPools, devgenesis.SeedLendMarkets, devgenesis.SeedMargin} {
			if err := seed(cdc, gen, accounts); err != nil {
				t.Fatal(err)
			}
		}
	}))
	k := c.App.MarginKeeper
	for _, p := range devgenesis.MarginSeedPairs() {
		if _, err := k.GetPair(c.Ctx(), p.ID()); err != nil {
			t.Fatal(err)
		}
		if f, _ := k.InsuranceFund(c.Ctx(), p.ID()); !f.Equal(devgenesis.MarginSeedInsurance) {
			t.Fatalf("%s fund %s", p.ID(), f)
		}
	}
	for pair, price := range devgenesis.StartingPrices {
		if err := c.App.OracleKeeper.Prices.Set(c.WriteCtx(), pair, oracletypes.PriceRecord{
			Pair: pair, Price: sdkmath.LegacyMustNewDecFromStr(price), UpdatedHeight: c.Height(), UpdatedTime: c.Time(),
			Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
		}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.DeliverMsgs("bob", &margintypes.MsgOpenPosition{
		Owner: c.Address("bob").String(), Pair: "ubtc/uusdc", Side: margintypes.SIDE_LONG,
		Margin: sdk.NewInt64Coin("uusdc", 1_000_000_000), Leverage: sdkmath.LegacyNewDec(3), PriceLimit: sdkmath.LegacyZeroDec(),
	}); err != nil {
		t.Fatal(err)
	}
	if p, err := k.GetPosition(c.Ctx(), 1); err != nil || !p.Holdings.Amount.IsPositive() {
		t.Fatalf("position %v %v", p, err)
	}
}
