package keeper_test

import (
	"errors"
	"reflect"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	lendkeeper "github.com/agora-labs/agora/x/lend/keeper"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
	"github.com/agora-labs/agora/x/margin/keeper"
	"github.com/agora-labs/agora/x/margin/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

const pairID = "ubtc/uusdc"

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

func coin(s string) sdk.Coin {
	c, err := sdk.ParseCoinNormalized(s)
	if err != nil {
		panic(err)
	}
	return c
}

// prices are the test's oracle prices (one whole unit, USD); setPrices
// records them fresh at the current height.
var startPrices = map[string]string{"BTC/USD": "60000", "ETH/USD": "3000", "AGR/USD": "1", "USDC/USD": "1"}

func setPrices(t testing.TB, c *apptest.Chain, over map[string]string) {
	t.Helper()
	for pair, v := range startPrices {
		if o, ok := over[pair]; ok {
			if o == "" { // no price at all
				if err := c.App.OracleKeeper.Prices.Remove(c.WriteCtx(), pair); err != nil {
					t.Fatal(err)
				}
				continue
			}
			v = o
		}
		if err := c.App.OracleKeeper.Prices.Set(c.WriteCtx(), pair, oracletypes.PriceRecord{
			Pair: pair, Price: dec(v), UpdatedHeight: c.Height(), UpdatedTime: c.Time(), Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
		}); err != nil {
			t.Fatal(err)
		}
	}
}

func lendMarket(denom, pair string) lendtypes.Market {
	z := sdkmath.LegacyZeroDec()
	return lendtypes.Market{
		Denom: denom, OraclePair: pair, Decimals: 6,
		CollateralFactor: dec("0.7"), LiquidationThreshold: dec("0.75"),
		MinLiquidationBonus: dec("0.04"), MaxLiquidationBonus: dec("0.05"), HealthFactorForMaxBonus: dec("0.9"),
		LiquidationProtocolShare: dec("0.1"), ReserveFactor: dec("0.1"),
		RateModelType: lendtypes.RATE_MODEL_TYPE_KINKED,
		Kinked:        lendtypes.KinkedRateModel{Base: dec("0.02"), Slope1: dec("0.04"), Slope2: dec("0.75"), OptimalUtilization: dec("0.8")},
		Adaptive: lendtypes.AdaptiveRateModel{TargetUtilization: z, CurveSteepness: z, AdjustmentSpeed: z,
			InitialRateAtTarget: z, MinRateAtTarget: z, MaxRateAtTarget: z},
		SupplyCap: sdkmath.ZeroInt(), BorrowCap: sdkmath.ZeroInt(),
		CollateralEnabled: true, BorrowEnabled: true, MinDebtValue: dec("1"),
	}
}

// testPair: BTC/USDC, 10× max (initial margin 10 %), maintenance 5 %,
// penalty 2 %, caps 50 BTC per side, max slippage 5 %.
func testPair() types.MarginPair {
	return types.MarginPair{
		BaseDenom: "ubtc", QuoteDenom: "uusdc", MaxLeverage: dec("10"), MaintenanceMargin: dec("0.05"),
		LiquidationPenalty: dec("0.02"), MaxOpenInterestLong: sdkmath.NewInt(50_000_000), MaxOpenInterestShort: sdkmath.NewInt(50_000_000),
		MaxSlippage: dec("0.05"),
	}
}

type env struct {
	c      *apptest.Chain
	poolID uint64
}

// newEnv: lend markets for USDC and BTC (alice supplies 2,000,000 USDC and
// 40 BTC), a BTC/USDC pool of poolBTC BTC at 60,000 (0.3 % fee, carol's),
// and testPair listed; bob and dave trade.
func newEnv(t testing.TB, poolBTC int64) *env {
	t.Helper()
	c := apptest.New(t, apptest.WithAccounts("dave", "erin"))
	e := &env{c: c}
	setPrices(t, c, nil)
	lms := lendkeeper.NewMsgServerImpl(c.App.LendKeeper)
	for _, m := range []lendtypes.Market{lendMarket("uusdc", "USDC/USD"), lendMarket("ubtc", "BTC/USD")} {
		if _, err := lms.SetMarket(c.WriteCtx(), &lendtypes.MsgSetMarket{Authority: c.App.LendKeeper.Authority(), Market: m}); err != nil {
			t.Fatal(err)
		}
	}
	c.NextBlock()
	e.deliver(t, "alice", &lendtypes.MsgSupply{Supplier: e.addr("alice"), Amount: coin("2000000000000uusdc")})
	e.deliver(t, "alice", &lendtypes.MsgSupply{Supplier: e.addr("alice"), Amount: coin("40000000ubtc")})
	liq := sdk.NewCoins(sdk.NewCoin("ubtc", sdkmath.NewInt(poolBTC*1_000_000)), sdk.NewCoin("uusdc", sdkmath.NewInt(poolBTC*60_000_000_000)))
	e.deliver(t, "carol", &dextypes.MsgCreatePool{Sender: e.addr("carol"), PoolType: dextypes.POOL_TYPE_CONSTANT_PRODUCT,
		InitialLiquidity: liq, SwapFee: sdkmath.LegacyNewDecWithPrec(3, 3)})
	e.poolID = 1
	e.setPair(t, testPair())
	return e
}

func (e *env) addr(name string) string { return e.c.Address(name).String() }

func (e *env) ms() types.MsgServer { return keeper.NewMsgServerImpl(e.c.App.MarginKeeper) }

func (e *env) setPair(t testing.TB, p types.MarginPair) {
	t.Helper()
	setPrices(t, e.c, nil)
	if _, err := e.ms().SetMarginPair(e.c.WriteCtx(), &types.MsgSetMarginPair{Authority: e.c.App.MarginKeeper.Authority(), Pair: p}); err != nil {
		t.Fatalf("set pair: %v", err)
	}
	e.c.NextBlock()
}

// deliver runs msgs with fresh start prices and fails on error.
func (e *env) deliver(t testing.TB, signer string, msgs ...sdk.Msg) {
	t.Helper()
	setPrices(t, e.c, nil)
	if _, err := e.c.DeliverMsgs(signer, msgs...); err != nil {
		t.Fatalf("%s: %v", signer, err)
	}
}

func (e *env) open(t testing.TB, owner string, side types.Side, margin, leverage string) types.Position {
	t.Helper()
	next, err := e.c.App.MarginKeeper.NextID.Peek(e.c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	e.deliver(t, owner, &types.MsgOpenPosition{Owner: e.addr(owner), Pair: pairID, Side: side, Margin: coin(margin),
		Leverage: dec(leverage), PriceLimit: sdkmath.LegacyZeroDec()})
	return e.position(t, next)
}

func (e *env) position(t testing.TB, id uint64) types.Position {
	t.Helper()
	p, err := e.c.App.MarginKeeper.GetPosition(e.c.Ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (e *env) balance(name, denom string) sdkmath.Int {
	return e.c.App.BankKeeper.GetBalance(e.c.Ctx(), e.c.Address(name), denom).Amount
}

// snapshot is everything a refused message must leave unchanged.
type snapshot struct {
	margin   *types.GenesisState
	lend     *lendtypes.GenesisState
	balances map[string]string
}

func (e *env) snapshot(t testing.TB) snapshot {
	t.Helper()
	ctx := e.c.Ctx()
	mg, err := e.c.App.MarginKeeper.ExportGenesis(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lg, err := e.c.App.LendKeeper.ExportGenesis(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bals := map[string]string{}
	for name, acc := range e.c.Accounts { // fees (uagr) aside
		all := e.c.App.BankKeeper.GetAllBalances(ctx, acc.Address)
		bals[name] = all.Sub(sdk.NewCoin(app.BondDenom, all.AmountOf(app.BondDenom))).String()
	}
	bals["margin"] = e.c.App.BankKeeper.GetAllBalances(ctx, e.c.App.MarginKeeper.ModuleAddress()).String()
	return snapshot{margin: mg, lend: lg, balances: bals}
}

// expectRefused delivers msg and checks the codespace and code of the
// failure and that no state changed (lend's market accrual aside: the
// snapshot is taken in the same block time as the tx, so nothing accrues).
func (e *env) expectRefused(t *testing.T, signer string, msg sdk.Msg, want *errorsmod.Error, prices map[string]string) {
	t.Helper()
	setPrices(t, e.c, prices)
	e.c.NextBlock()
	before := e.snapshot(t)
	setPrices(t, e.c, prices)
	_, err := e.c.DeliverMsgs(signer, msg)
	var txErr *apptest.TxError
	if !errors.As(err, &txErr) {
		t.Fatalf("%T accepted, want %s", msg, want)
	}
	if txErr.Codespace != want.Codespace() || txErr.Code != want.ABCICode() {
		t.Fatalf("%T: got %s/%d (%s), want %s/%d (%s)", msg, txErr.Codespace, txErr.Code, txErr.Log, want.Codespace(), want.ABCICode(), want)
	}
	after := e.snapshot(t)
	if !reflect.DeepEqual(before.balances, after.balances) {
		t.Fatalf("%T changed balances:\n%v\n%v", msg, before.balances, after.balances)
	}
	if !reflect.DeepEqual(before.margin, after.margin) {
		t.Fatalf("%T changed margin state", msg)
	}
	if !reflect.DeepEqual(stripAccrual(before.lend), stripAccrual(after.lend)) {
		t.Fatalf("%T changed lend state", msg)
	}
	t.Logf("%T refused: %s", msg, txErr.Log)
}

// stripAccrual keeps of lend's export what a refused message could change
// (cash, scaled borrows, receipts, positions), not what a block's accrual
// moves (index, reserves, time).
func stripAccrual(g *lendtypes.GenesisState) *lendtypes.GenesisState {
	cp := *g
	cp.MarketStates = nil
	for _, s := range g.MarketStates {
		cp.MarketStates = append(cp.MarketStates, lendtypes.MarketState{
			Denom: s.Denom, Cash: s.Cash, ScaledBorrows: s.ScaledBorrows, ReceiptSupply: s.ReceiptSupply,
		})
	}
	return &cp
}
