package devgenesis_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/testutil/apptest"
	cdptypes "github.com/agora-labs/agora/x/cdp/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// The devnet's AUSD seed: collateral types, the PSM with its USDC, a
// funded stability pool and the AUSD/USDC stableswap pool, with every
// invariant holding from genesis on. With the pool emptied, a crashed ETH
// vault is liquidated in EndBlock by selling its ETH through the dex
// (ETH → USDC → AUSD): no system debt.
func TestDevnetCdpSeed(t *testing.T) {
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
	k := c.App.CdpKeeper
	if got := len(devgenesis.CdpSeedTypes()); got != 3 {
		t.Fatalf("%d types", got)
	}
	pool, _ := k.Pool.Get(c.Ctx())
	if !pool.TotalDeposits.Equal(devgenesis.CdpSeedPool) {
		t.Fatalf("pool holds %s", pool.TotalDeposits)
	}
	setPrices := func(eth string) {
		for pair, price := range devgenesis.StartingPrices {
			if pair == "ETH/USD" {
				price = eth
			}
			if err := c.App.OracleKeeper.Prices.Set(c.WriteCtx(), pair, oracletypes.PriceRecord{
				Pair: pair, Price: sdkmath.LegacyMustNewDecFromStr(price), UpdatedHeight: c.Height(), UpdatedTime: c.Time(),
				Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
	setPrices("3000")
	bob, alice := c.Address("bob").String(), c.Address("alice").String()
	if _, err := c.DeliverMsgs("bob", &cdptypes.MsgOpenVault{Owner: bob, Collateral: sdk.NewInt64Coin("ueth", 10_000_000), Mint: sdkmath.NewInt(20_000_000_000)}); err != nil {
		t.Fatal(err)
	}
	// the seeding account (alice here) leaves the pool: nothing absorbs
	setPrices("3000")
	if _, err := c.DeliverMsgs("alice", &cdptypes.MsgPoolWithdraw{Depositor: alice, Amount: sdkmath.ZeroInt(), All: true}); err != nil {
		t.Fatal(err)
	}
	setPrices("2500")
	c.NextBlock()
	if _, err := k.Vaults.Get(c.Ctx(), 1); err == nil {
		t.Fatal("the crashed vault was not liquidated")
	}
	b, _ := k.Books.Get(c.Ctx())
	if !b.SystemDebt.IsZero() || !b.Surplus.IsPositive() {
		t.Fatalf("after a dex sale: system debt %s, surplus %s", b.SystemDebt, b.Surplus)
	}
}
