package devgenesis_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/testutil/apptest"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// The devnet seed lists the four lend markets with their seed supply held
// by the lend module (the lend invariants hold from genesis on), and a new
// account can supply BTC as collateral and borrow USDC at once.
func TestDevnetLendSeed(t *testing.T) {
	var c *apptest.Chain
	opts := []apptest.Option{apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		accounts := map[string]sdk.AccAddress{}
		for _, name := range devgenesis.TestAccountNames {
			addr, err := devgenesis.AddressOf(name)
			if err != nil {
				t.Fatal(err)
			}
			accounts[name] = addr
		}
		if err := devgenesis.SeedLendMarkets(cdc, gen, accounts); err != nil {
			t.Fatal(err)
		}
	})}
	check := func(ctx sdk.Context) error {
		if c == nil {
			return nil
		}
		for _, inv := range c.App.LendKeeper.Invariants() {
			if err := inv.Check(ctx); err != nil {
				return err
			}
		}
		return nil
	}
	opts = append(opts, apptest.WithInvariant("lend", check))
	c = apptest.New(t, opts...)
	if err := check(c.Ctx()); err != nil {
		t.Fatalf("invariants at genesis: %v", err)
	}
	k := c.App.LendKeeper
	for _, m := range devgenesis.LendSeedMarkets() {
		s, err := k.MarketStates.Get(c.Ctx(), m.Denom)
		if err != nil {
			t.Fatal(err)
		}
		want := devgenesis.LendSeedSupply.AmountOf(m.Denom)
		if !s.Cash.Equal(want) || !s.ReceiptSupply.Equal(want) || !want.IsPositive() {
			t.Fatalf("%s: cash %s receipts %s, want %s", m.Denom, s.Cash, s.ReceiptSupply, want)
		}
		if got := c.App.BankKeeper.GetBalance(c.Ctx(), c.Address("alice"), lendtypes.ReceiptDenom(m.Denom)).Amount; !got.Equal(want) {
			t.Fatalf("alice holds %s lend/%s, want %s", got, m.Denom, want)
		}
	}
	if got := c.App.BankKeeper.GetBalance(c.Ctx(), c.Address("alice"), "uusdc").Amount; !got.Equal(sdkmath.NewInt(9_000_000_000_000)) {
		t.Fatalf("alice holds %s uusdc after the seed supply, want 9,000,000 USDC", got)
	}

	for pair, price := range devgenesis.StartingPrices {
		if err := c.App.OracleKeeper.Prices.Set(c.WriteCtx(), pair, oracletypes.PriceRecord{
			Pair: pair, Price: sdkmath.LegacyMustNewDecFromStr(price), UpdatedHeight: c.Height(), UpdatedTime: c.Time(),
			Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
		}); err != nil {
			t.Fatal(err)
		}
	}
	bob := c.Address("bob").String()
	before := c.App.BankKeeper.GetBalance(c.Ctx(), c.Address("bob"), "uusdc").Amount
	if _, err := c.DeliverMsgs("bob",
		&lendtypes.MsgSupplyCollateral{Borrower: bob, Amount: sdk.NewInt64Coin("ubtc", 1_000_000)}, // 1 BTC: limit 42,000 USD
		&lendtypes.MsgBorrow{Borrower: bob, Amount: sdk.NewInt64Coin("uusdc", 40_000_000_000)},
	); err != nil {
		t.Fatal(err)
	}
	if got := c.App.BankKeeper.GetBalance(c.Ctx(), c.Address("bob"), "uusdc").Amount.Sub(before); !got.Equal(sdkmath.NewInt(40_000_000_000)) {
		t.Fatalf("bob received %s uusdc, want 40,000 USDC", got)
	}
}
