package devgenesis_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/testutil/apptest"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
	synthkeeper "github.com/agora-labs/agora/x/synth/keeper"
	synthtypes "github.com/agora-labs/agora/x/synth/types"
)

// The devnet's synth seed: AGR staking, the five synths, the XAU/USD pair,
// the seeding account's position and the synth/USD–AUSD pool, with every
// invariant holding from genesis on; a new staker can stake, mint and
// exchange into synth/XAU once prices arrive.
func TestDevnetSynthSeed(t *testing.T) {
	c := apptest.New(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		accounts := map[string]sdk.AccAddress{}
		for _, name := range devgenesis.TestAccountNames {
			addr, err := devgenesis.AddressOf(name)
			if err != nil {
				t.Fatal(err)
			}
			accounts[name] = addr
		}
		for _, seed := range devgenesis.Seeds {
			if err := seed(cdc, gen, accounts); err != nil {
				t.Fatal(err)
			}
		}
	}))
	k := c.App.SynthKeeper
	params, _ := c.App.OracleKeeper.Params.Get(c.Ctx())
	if _, ok := params.Pair(devgenesis.XAUPair); !ok {
		t.Fatal("XAU/USD is not an oracle pair")
	}
	if _, ok := devgenesis.StartingPrices[devgenesis.XAUPair]; !ok {
		t.Fatal("prices.json has no XAU/USD")
	}
	pool, _ := k.Pool.Get(c.Ctx())
	if !pool.TotalShares.Equal(devgenesis.SynthSeedMint) {
		t.Fatalf("total shares %s", pool.TotalShares)
	}
	if got := c.App.BankKeeper.GetSupply(c.Ctx(), synthtypes.USDDenom).Amount; !got.Equal(devgenesis.SynthSeedMint) {
		t.Fatalf("synth/USD supply %s", got)
	}
	publish := func() {
		for pair, price := range devgenesis.StartingPrices {
			if err := c.App.OracleKeeper.Prices.Set(c.WriteCtx(), pair, oracletypes.PriceRecord{
				Pair: pair, Price: sdkmath.LegacyMustNewDecFromStr(price), UpdatedHeight: c.Height() + 1, UpdatedTime: c.Time(),
				Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
	publish()
	c.NextBlock()
	bob := c.Address("bob").String()
	publish()
	if _, err := c.DeliverMsgs("bob",
		&synthtypes.MsgStake{Staker: bob, Amount: sdk.NewInt64Coin(app.BondDenom, 4_000_000_000)},
		&synthtypes.MsgMint{Staker: bob, Denom: app.BondDenom, Amount: sdkmath.NewInt(1_000_000_000)},
		&synthtypes.MsgExchange{Trader: bob, Amount: sdk.NewInt64Coin(synthtypes.USDDenom, 240_000_000), ToDenom: "synth/XAU", MinOut: sdkmath.ZeroInt()},
	); err != nil {
		t.Fatal(err)
	}
	publish()
	c.NextBlock()
	res, err := synthkeeper.NewQueryServerImpl(k).Exchange(c.Ctx(), &synthtypes.QueryExchangeRequest{Id: 1})
	if err != nil {
		t.Fatal(err)
	}
	// 240 synth/USD at 2400 with the 0.3 % fee: ⌊239.28e6 / 2400⌋ = 99700.
	if res.Exchange.Status != synthtypes.ExchangeStatus_EXCHANGE_STATUS_SETTLED || !res.Exchange.Out.Equal(sdkmath.NewInt(99_700)) {
		t.Fatalf("exchange to synth/XAU: %+v", res.Exchange)
	}
}
