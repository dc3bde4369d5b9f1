package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

func coin(s string) sdk.Coin {
	c, err := sdk.ParseCoinNormalized(s)
	if err != nil {
		panic(err)
	}
	return c
}

// startingPrices are the devnet's (one whole unit, in USD).
var startingPrices = map[string]string{"BTC/USD": "60000", "ETH/USD": "3000", "AGR/USD": "1", "USDC/USD": "1"}

// newChain starts the app with the module's invariants asserted after
// every block.
func newChain(t *testing.T) *apptest.Chain {
	t.Helper()
	return newChainOpts(t)
}

// newChainOpts is newChain with more apptest options.
func newChainOpts(t testing.TB, opts ...apptest.Option) *apptest.Chain {
	t.Helper()
	var c *apptest.Chain // bound after New: the invariants read c.App
	for _, inv := range []string{"lend/module-balance", "lend/scaled-debt", "lend/receipt-backing"} {
		name := inv
		opts = append(opts, apptest.WithInvariant(name, func(ctx sdk.Context) error {
			if c == nil { // the genesis block, inside apptest.New: no markets yet
				return nil
			}
			for _, i := range c.App.LendKeeper.Invariants() {
				if i.Name == name {
					return i.Check(ctx)
				}
			}
			t.Fatalf("no invariant %s", name)
			return nil
		}))
	}
	c = apptest.New(t, opts...)
	return c
}

// setPrice records an oracle price at the current height (fresh).
func setPrice(t *testing.T, c *apptest.Chain, pair, price string) {
	t.Helper()
	setPriceAt(t, c, pair, price, c.Height())
}

func setPriceAt(t *testing.T, c *apptest.Chain, pair, price string, height int64) {
	t.Helper()
	if err := c.App.OracleKeeper.Prices.Set(c.WriteCtx(), pair, oracletypes.PriceRecord{
		Pair: pair, Price: dec(price), UpdatedHeight: height, UpdatedTime: c.Time(), Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
	}); err != nil {
		t.Fatal(err)
	}
}

// freshPrices records the starting prices at the current height.
func freshPrices(t *testing.T, c *apptest.Chain) {
	t.Helper()
	for p, v := range startingPrices {
		setPrice(t, c, p, v)
	}
}

func kinked() types.KinkedRateModel {
	return types.KinkedRateModel{Base: dec("0"), Slope1: dec("0.04"), Slope2: dec("0.75"), OptimalUtilization: dec("0.8")}
}

func adaptive() types.AdaptiveRateModel {
	return types.AdaptiveRateModel{
		TargetUtilization: dec("0.9"), CurveSteepness: dec("4"), AdjustmentSpeed: dec("50"),
		InitialRateAtTarget: dec("0.04"), MinRateAtTarget: dec("0.001"), MaxRateAtTarget: dec("2"),
	}
}

// market is a valid market: LTV 0.8, LT 0.85, bonus 4–5 % (max at HF 0.9),
// kinked rates, reserve factor 10 %, no caps, both uses enabled, minimum
// debt 1 USD.
func market(denom, pair string) types.Market {
	return types.Market{
		Denom: denom, OraclePair: pair, Decimals: 6,
		CollateralFactor: dec("0.8"), LiquidationThreshold: dec("0.85"),
		MinLiquidationBonus: dec("0.04"), MaxLiquidationBonus: dec("0.05"), HealthFactorForMaxBonus: dec("0.9"),
		LiquidationProtocolShare: dec("0.1"), ReserveFactor: dec("0.1"),
		RateModelType: types.RATE_MODEL_TYPE_KINKED, Kinked: kinked(), Adaptive: types.AdaptiveRateModel{
			TargetUtilization: sdkmath.LegacyZeroDec(), CurveSteepness: sdkmath.LegacyZeroDec(), AdjustmentSpeed: sdkmath.LegacyZeroDec(),
			InitialRateAtTarget: sdkmath.LegacyZeroDec(), MinRateAtTarget: sdkmath.LegacyZeroDec(), MaxRateAtTarget: sdkmath.LegacyZeroDec(),
		},
		SupplyCap: sdkmath.ZeroInt(), BorrowCap: sdkmath.ZeroInt(),
		CollateralEnabled: true, BorrowEnabled: true, MinDebtValue: dec("1"),
	}
}

// setMarket executes MsgSetMarket as the gov authority (what a passed
// proposal does) and commits a block.
func setMarket(t *testing.T, c *apptest.Chain, m types.Market) {
	t.Helper()
	if _, err := keeper.NewMsgServerImpl(c.App.LendKeeper).SetMarket(c.WriteCtx(), &types.MsgSetMarket{
		Authority: app.TimelockAuthority(), Market: m,
	}); err != nil {
		t.Fatalf("set market %s: %v", m.Denom, err)
	}
	c.NextBlock()
}

// standardMarkets lists uusdc (kinked), ubtc (adaptive), and ueth
// (neither collateral nor borrowable), with fresh prices.
func standardMarkets(t *testing.T, c *apptest.Chain) {
	t.Helper()
	freshPrices(t, c)
	setMarket(t, c, market("uusdc", "USDC/USD"))
	btc := market("ubtc", "BTC/USD")
	btc.CollateralFactor, btc.LiquidationThreshold = dec("0.7"), dec("0.75")
	btc.RateModelType, btc.Adaptive = types.RATE_MODEL_TYPE_ADAPTIVE, adaptive()
	setMarket(t, c, btc)
	eth := market("ueth", "ETH/USD")
	eth.CollateralEnabled, eth.BorrowEnabled = false, false
	setMarket(t, c, eth)
}

// deliver runs msgs as signer with fresh prices and fails the test on error.
func deliver(t *testing.T, c *apptest.Chain, signer string, msgs ...sdk.Msg) {
	t.Helper()
	freshPrices(t, c)
	if _, err := c.DeliverMsgs(signer, msgs...); err != nil {
		t.Fatalf("%s: %v", signer, err)
	}
}

func addr(c *apptest.Chain, name string) string { return c.Address(name).String() }

func balance(c *apptest.Chain, name, denom string) sdkmath.Int {
	return c.App.BankKeeper.GetBalance(c.Ctx(), c.Address(name), denom).Amount
}

func marketState(t *testing.T, c *apptest.Chain, denom string) types.MarketState {
	t.Helper()
	s, err := c.App.LendKeeper.MarketStates.Get(c.Ctx(), denom)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func keyOf(c *apptest.Chain, name, denom string) keeper.PositionKey {
	return collections.Join(c.Address(name), denom)
}
