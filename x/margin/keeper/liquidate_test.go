package keeper_test

import (
	"math"
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
	"github.com/agora-labs/agora/x/margin/types"
)

// movePool trades erin's coins through the pool until its spot price is
// about price (USDC per BTC), without committing a block.
func (e *env) movePool(t testing.TB, price float64) {
	t.Helper()
	ctx := e.c.WriteCtx()
	p, err := e.c.App.DexKeeper.GetPool(ctx, e.poolID)
	if err != nil {
		t.Fatal(err)
	}
	x := float64(p.Reserves.AmountOf("ubtc").Int64())
	y := float64(p.Reserves.AmountOf("uusdc").Int64())
	target := math.Sqrt(x * y / price) // BTC reserve at the target price
	route := []dextypes.Hop{{PoolId: e.poolID, DenomOut: "uusdc"}}
	var in sdk.Coin
	if target > x { // price falls: sell BTC
		in = sdk.NewCoin("ubtc", sdkmath.NewInt(int64(target-x)))
	} else { // price rises: buy BTC with USDC
		route = []dextypes.Hop{{PoolId: e.poolID, DenomOut: "ubtc"}}
		in = sdk.NewCoin("uusdc", sdkmath.NewInt(int64(math.Sqrt(x*y*price)-y)))
	}
	if _, err := e.c.App.DexKeeper.SwapExactIn(ctx, e.c.Address("erin"), route, in, sdkmath.ZeroInt()); err != nil {
		t.Fatal(err)
	}
}

// crash moves the oracle (and the pool, when pool) to BTC = price and
// commits a block: its EndBlock liquidates.
func (e *env) crash(t testing.TB, price string, pool bool) {
	t.Helper()
	if pool {
		f, _ := dec(price).Float64()
		e.movePool(t, f)
	}
	setPrices(t, e.c, map[string]string{"BTC/USD": price})
	e.c.NextBlock()
}

func (e *env) fund(t testing.TB, amount string) {
	t.Helper()
	e.deliver(t, "alice", &types.MsgFundInsurance{Sender: e.addr("alice"), Pair: pairID, Amount: coin(amount)})
}

func (e *env) insurance(t testing.TB) sdkmath.Int {
	t.Helper()
	v, err := e.c.App.MarginKeeper.InsuranceFund(e.c.Ctx(), pairID)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func (e *env) usdcDeficit(t testing.TB) sdkmath.Int {
	t.Helper()
	s, err := e.c.App.LendKeeper.MarketStates.Get(e.c.Ctx(), "uusdc")
	if err != nil {
		t.Fatal(err)
	}
	return s.TotalDeficit
}

// A 5× long (liquidation price ≈ 50,600) is closed by EndBlock when BTC
// reaches 50,000: its debt repaid in full, the 2 % penalty in the fund, the
// rest to bob; a 2× long beside it is untouched.
func TestEndBlockLiquidatesLongPenaltyToFund(t *testing.T) {
	e := newEnv(t, 100)
	risky := e.open(t, "bob", types.SIDE_LONG, "1000000000uusdc", "5")
	safe := e.open(t, "dave", types.SIDE_LONG, "1000000000uusdc", "2")
	info, _ := e.c.App.MarginKeeper.PositionInfo(e.c.Ctx(), risky)
	if info.LiquidationPrice.LT(dec("50000")) || info.LiquidationPrice.GT(dec("51500")) {
		t.Fatalf("liquidation price %s", info.LiquidationPrice)
	}
	bob0 := e.balance("bob", "uusdc")
	e.crash(t, "50000", true)
	if _, err := e.c.App.MarginKeeper.GetPosition(e.c.Ctx(), risky.Id); err == nil {
		t.Fatal("the 5x long is still open")
	}
	if _, err := e.c.App.MarginKeeper.GetPosition(e.c.Ctx(), safe.Id); err != nil {
		t.Fatal("the 2x long was closed")
	}
	if d, _ := e.c.App.LendKeeper.Debt(e.c.Ctx(), types.PositionAccount(risky.Id), "uusdc"); !d.IsZero() {
		t.Fatalf("debt left %s", d)
	}
	// Proceeds ≈ 0.0832 BTC × 50,000 ≈ 4,150 USDC: penalty ⌈2 %⌉ ≈ 83 USDC.
	fund := e.insurance(t)
	if fund.LT(sdkmath.NewInt(75_000_000)) || fund.GT(sdkmath.NewInt(90_000_000)) {
		t.Fatalf("insurance fund %s", fund)
	}
	if got := e.balance("bob", "uusdc").Sub(bob0); !got.IsPositive() {
		t.Fatalf("bob got %s back", got)
	}
	if !e.usdcDeficit(t).IsZero() {
		t.Fatal("a lend deficit")
	}
}

// A 10× long under water (BTC 60,000 → 50,000, pool too): the sale does not
// repay the debt; the fund pays the shortfall and x/lend loses nothing.
// With a fund too small, the rest is x/lend's deficit.
func TestShortfallPaidByFundThenLendDeficit(t *testing.T) {
	for _, tc := range []struct {
		name    string
		fund    string
		deficit bool
	}{{"fund covers", "2000000000uusdc", false}, {"fund too small", "100000000uusdc", true}} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, 100)
			e.fund(t, tc.fund)
			fund0 := e.insurance(t)
			p := e.open(t, "bob", types.SIDE_LONG, "1000000000uusdc", "10")
			e.crash(t, "50000", true)
			if _, err := e.c.App.MarginKeeper.GetPosition(e.c.Ctx(), p.Id); err == nil {
				t.Fatal("still open")
			}
			used := fund0.Sub(e.insurance(t))
			deficit := e.usdcDeficit(t)
			t.Logf("fund %s → %s (paid %s), lend deficit %s", fund0, e.insurance(t), used, deficit)
			// shortfall ≈ 9,000 − 0.1664 × 50,000 ≈ 700 USDC
			if tc.deficit {
				if !e.insurance(t).IsZero() || !deficit.IsPositive() {
					t.Fatalf("fund %s deficit %s", e.insurance(t), deficit)
				}
			} else if !deficit.IsZero() || used.LT(sdkmath.NewInt(500_000_000)) || used.GT(sdkmath.NewInt(900_000_000)) {
				t.Fatalf("fund paid %s, deficit %s", used, deficit)
			}
		})
	}
}

// A 4× short under water when BTC jumps 60,000 → 75,000 (pool too): the
// buy-back takes all its USDC, the fund buys the rest of the BTC debt.
func TestShortLiquidatedFundBuysShortfall(t *testing.T) {
	e := newEnv(t, 100)
	e.fund(t, "2000000000uusdc")
	p := e.open(t, "dave", types.SIDE_SHORT, "1000000000uusdc", "4")
	e.crash(t, "75000", true)
	if _, err := e.c.App.MarginKeeper.GetPosition(e.c.Ctx(), p.Id); err == nil {
		t.Fatal("still open")
	}
	if d, _ := e.c.App.LendKeeper.Debt(e.c.Ctx(), types.PositionAccount(p.Id), "ubtc"); !d.IsZero() {
		t.Fatalf("debt left %s", d)
	}
	s, _ := e.c.App.LendKeeper.MarketStates.Get(e.c.Ctx(), "ubtc")
	if !s.TotalDeficit.IsZero() {
		t.Fatalf("btc deficit %s", s.TotalDeficit)
	}
	if used := sdkmath.NewInt(2_000_000_000).Sub(e.insurance(t)); !used.IsPositive() {
		t.Fatalf("fund did not pay: %s", e.insurance(t))
	}
}

// Take-profit of a long and stop-loss of a short fire in EndBlock when the
// oracle crosses them; a trigger on the wrong side is refused.
func TestTriggersFire(t *testing.T) {
	e := newEnv(t, 100)
	long := e.open(t, "bob", types.SIDE_LONG, "1000000000uusdc", "3")
	short := e.open(t, "dave", types.SIDE_SHORT, "1000000000uusdc", "2")
	e.deliver(t, "bob", &types.MsgSetTriggers{Owner: e.addr("bob"), PositionId: long.Id, TakeProfit: dec("66000"), StopLoss: dec("55000"), PriceLimit: sdkmath.LegacyZeroDec()})
	e.deliver(t, "dave", &types.MsgSetTriggers{Owner: e.addr("dave"), PositionId: short.Id, TakeProfit: dec("50000"), StopLoss: dec("66000"), PriceLimit: sdkmath.LegacyZeroDec()})
	e.expectRefused(t, "bob", &types.MsgSetTriggers{Owner: e.addr("bob"), PositionId: long.Id, TakeProfit: dec("59000"), StopLoss: sdkmath.LegacyZeroDec(), PriceLimit: sdkmath.LegacyZeroDec()}, types.ErrInvalidTrigger, nil)
	e.expectRefused(t, "dave", &types.MsgSetTriggers{Owner: e.addr("dave"), PositionId: short.Id, TakeProfit: sdkmath.LegacyZeroDec(), StopLoss: dec("59000"), PriceLimit: sdkmath.LegacyZeroDec()}, types.ErrInvalidTrigger, nil)

	bob0 := e.balance("bob", "uusdc")
	e.crash(t, "67000", true)
	if _, err := e.c.App.MarginKeeper.GetPosition(e.c.Ctx(), long.Id); err == nil {
		t.Fatal("take-profit did not fire")
	}
	if _, err := e.c.App.MarginKeeper.GetPosition(e.c.Ctx(), short.Id); err == nil {
		t.Fatal("stop-loss did not fire")
	}
	// bob's 3× long gained ≈ 3 × 11.7 % of 1,000 USDC.
	if got := e.balance("bob", "uusdc").Sub(bob0); got.LT(sdkmath.NewInt(1_250_000_000)) {
		t.Fatalf("bob got %s", got)
	}
	if !e.insurance(t).IsZero() {
		t.Fatal("a trigger paid a penalty")
	}
}
