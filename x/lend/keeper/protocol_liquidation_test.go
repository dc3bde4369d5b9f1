package keeper_test

import (
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
)

// createPool opens a constant-product pool (0.3 % fee) funded by alice.
func createPool(t *testing.T, c *apptest.Chain, liquidity string) uint64 {
	t.Helper()
	coins, err := sdk.ParseCoinsNormalized(liquidity)
	if err != nil {
		t.Fatal(err)
	}
	deliver(t, c, "alice", &dextypes.MsgCreatePool{Sender: addr(c, "alice"), PoolType: dextypes.POOL_TYPE_CONSTANT_PRODUCT,
		InitialLiquidity: coins, SwapFee: sdkmath.LegacyNewDecWithPrec(3, 3)})
	return 1
}

func poolReserve(t *testing.T, c *apptest.Chain, id uint64, denom string) sdkmath.Int {
	t.Helper()
	p, err := c.App.DexKeeper.GetPool(c.Ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Reserves.AmountOf(denom)
}

// crashTo records BTC at price (other prices at their start) and commits
// a block: its EndBlock runs the protocol liquidation.
func crashTo(t *testing.T, c *apptest.Chain, price string) {
	t.Helper()
	pricesWith(t, c, "BTC/USD", price)
	c.NextBlock()
}

func setParams(t *testing.T, c *apptest.Chain, edit func(*types.Params)) {
	t.Helper()
	p, err := c.App.LendKeeper.Params.Get(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	edit(&p)
	if _, err := keeper.NewMsgServerImpl(c.App.LendKeeper).UpdateParams(c.WriteCtx(), &types.MsgUpdateParams{
		Authority: app.TimelockAuthority(), Params: p,
	}); err != nil {
		t.Fatal(err)
	}
	c.NextBlock()
}

// borrowAgainstBTC: alice supplies 100,000 USDC; name puts up 1 BTC and
// borrows usdc.
func borrowAgainstBTC(t *testing.T, c *apptest.Chain, name, usdc string) {
	t.Helper()
	a := addr(c, name)
	deliver(t, c, name, &types.MsgSupplyCollateral{Borrower: a, Amount: coin("1000000ubtc")})
	deliver(t, c, name, &types.MsgBorrow{Borrower: a, Amount: coin(usdc)})
}

func hasDebt(c *apptest.Chain, name string) bool {
	has, _ := c.App.LendKeeper.ScaledDebt.Has(c.Ctx(), keyOf(c, name, "uusdc"))
	return has
}

func collateralOf(c *apptest.Chain, name string) sdkmath.Int {
	v, err := c.App.LendKeeper.Collateral.Get(c.Ctx(), keyOf(c, name, "ubtc"))
	if err != nil {
		return sdkmath.ZeroInt()
	}
	return v
}

// BTC falls from 60,000 to 50,000 on the oracle and the pool alike, and
// no liquidator shows up: the protocol liquidates bob in the block of the
// crash, selling his seized BTC into the pool, repaying toward HF 1.05 and
// keeping the surplus in the USDC market's reserves.
func TestProtocolLiquidatesWithoutLiquidator(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	pool := createPool(t, c, "20000000ubtc,1000000000000uusdc") // 20 BTC at 50,000
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	borrowAgainstBTC(t, c, "bob", "40000000000uusdc")
	debtBefore, err := c.App.LendKeeper.Debt(c.Ctx(), c.Address("bob"), "uusdc")
	if err != nil {
		t.Fatal(err)
	}
	poolBTC := poolReserve(t, c, pool, "ubtc")
	reserves := marketState(t, c, "uusdc").Reserves
	btcCash := marketState(t, c, "ubtc").Cash

	crashTo(t, c, "50000")

	seized := collateralOf(c, "bob")
	seized = sdkmath.NewInt(1_000_000).Sub(seized)
	// ≈ 0.355 BTC (see TestLiquidateToTargetHealthFactor).
	if seized.LT(sdkmath.NewInt(350_000)) || seized.GT(sdkmath.NewInt(360_000)) {
		t.Fatalf("seized %s ubtc", seized)
	}
	if got := poolReserve(t, c, pool, "ubtc").Sub(poolBTC); !got.Equal(seized) {
		t.Fatalf("pool received %s ubtc, seized %s", got, seized)
	}
	if got := btcCash.Sub(marketState(t, c, "ubtc").Cash); !got.Equal(seized) {
		t.Fatalf("BTC market cash fell by %s, seized %s", got, seized)
	}
	debtAfter, err := c.App.LendKeeper.Debt(c.Ctx(), c.Address("bob"), "uusdc")
	if err != nil {
		t.Fatal(err)
	}
	repaid := debtBefore.Sub(debtAfter)
	if repaid.LT(sdkmath.NewInt(16_900_000_000)) || repaid.GT(sdkmath.NewInt(17_100_000_000)) {
		t.Fatalf("repaid %s", repaid)
	}
	// The sale (≈ 17,400 USDC after price impact and fee) beat the repay:
	// the surplus stays in reserves.
	if !marketState(t, c, "uusdc").Reserves.GT(reserves.Add(sdkmath.NewInt(100_000_000))) {
		t.Fatalf("reserves %s → %s", reserves, marketState(t, c, "uusdc").Reserves)
	}
	// Healthy again at the target: nothing more happens in later blocks.
	pricesWith(t, c, "BTC/USD", "50000")
	pos, err := keeper.NewQueryServerImpl(c.App.LendKeeper).Position(c.WriteCtx(), &types.QueryPositionRequest{Address: addr(c, "bob")})
	if err != nil || pos.HealthFactor.LT(dec("1.05")) {
		t.Fatalf("HF after %v (%v)", pos.HealthFactor, err)
	}
	left := collateralOf(c, "bob")
	crashTo(t, c, "50000")
	if !collateralOf(c, "bob").Equal(left) {
		t.Fatal("a healthy position was liquidated again")
	}
}

// BTC falls to 30,000: 1 BTC cannot cover 40,000 USDC. The protocol sells
// all of it into a deep pool, repays what the sale brought, and writes the
// rest off at once: reserves cover what they hold, the remainder is
// socialised (the USDC exchange rate falls by it).
func TestProtocolLiquidationDeficitCoveredThenSocialised(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	pool := createPool(t, c, "80000000ubtc,2400000000000uusdc") // 80 BTC at 30,000
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	borrowAgainstBTC(t, c, "bob", "40000000000uusdc")
	poolUSDC := poolReserve(t, c, pool, "uusdc")

	// The crash block: accrue first so that debt and reserves are read at
	// the block's time, then let EndBlock act.
	pricesWith(t, c, "BTC/USD", "30000")
	before := marketState(t, c, "uusdc")
	c.NextBlock()
	after := marketState(t, c, "uusdc")

	if !collateralOf(c, "bob").IsZero() || hasDebt(c, "bob") {
		t.Fatal("the position is not closed")
	}
	sold := poolUSDC.Sub(poolReserve(t, c, pool, "uusdc"))
	// 1 BTC into 80 BTC / 2,400,000 USDC at 0.3 %: ⌊2.4e12 × 997,000 / (8e7 + 997,000)⌋ ≈ 29,542 USDC.
	if sold.LT(sdkmath.NewInt(29_500_000_000)) || sold.GT(sdkmath.NewInt(29_600_000_000)) {
		t.Fatalf("sold for %s", sold)
	}
	// Exact accounting: the sale retires ⌊sold / index⌋ scaled units
	// (repay rounding), the deficit is what is left, ⌈scaled left × index⌉;
	// reserves cover the deficit first, the rest is socialised.
	index := after.BorrowIndex
	retired := sdkmath.LegacyNewDecFromInt(sold).Quo(index).TruncateInt()
	deficit := sdkmath.LegacyNewDecFromInt(before.ScaledBorrows.Sub(retired)).Mul(index).Ceil().TruncateInt() // bob is the only borrower
	accruedReserves := after.Reserves.Add(after.DeficitCoveredByReserves)                                     // reserves just before the write-off
	if !after.TotalDeficit.Equal(deficit) {
		t.Fatalf("deficit %s, want %s (sold %s)", after.TotalDeficit, deficit, sold)
	}
	if !after.DeficitCoveredByReserves.Equal(accruedReserves) || !after.Reserves.IsZero() {
		t.Fatalf("covered by reserves %s, reserves left %s", after.DeficitCoveredByReserves, after.Reserves)
	}
	if !after.DeficitSocialised.Equal(deficit.Sub(accruedReserves)) {
		t.Fatalf("socialised %s, want %s", after.DeficitSocialised, deficit.Sub(accruedReserves))
	}
	if !after.ScaledBorrows.IsZero() || !after.Cash.Equal(before.Cash.Add(sold)) {
		t.Fatalf("borrows %s, cash %s", after.ScaledBorrows, after.Cash)
	}
	// Suppliers bear the socialised part: total underlying = cash now.
	total, err := after.Total()
	if err != nil || !total.Equal(after.Cash) {
		t.Fatalf("total %s (%v)", total, err)
	}
	// Suppliers had 100,000 USDC plus the interest not taken by reserves;
	// they lost the socialised part, or one unit less: the deficit is the
	// position's debt rounded up (⌈scaled × index⌉) while the market's
	// borrows fall by their own rounding.
	interest := sdkmath.LegacyNewDecFromInt(before.ScaledBorrows).Mul(index).Ceil().TruncateInt().Sub(sdkmath.NewInt(40_000_000_000))
	if want := sdkmath.NewInt(100_000_000_000).Add(interest).Sub(accruedReserves).Sub(after.DeficitSocialised); total.LT(want) || total.GT(want.AddRaw(1)) {
		t.Fatalf("total %s, want 100,000 USDC + interest %s − reserves %s − socialised %s = %s",
			total, interest, accruedReserves, after.DeficitSocialised, want)
	}
	c.AdvanceBlocks(2)
}

// A missing BTC price: EndBlock liquidates nothing (fail closed) and says
// why; when the price returns, the position is liquidated.
func TestProtocolLiquidationFailsClosedWithoutPrice(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	createPool(t, c, "20000000ubtc,1000000000000uusdc")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	borrowAgainstBTC(t, c, "bob", "40000000000uusdc")

	pricesWith(t, c, "BTC/USD", "50000")
	if err := c.App.OracleKeeper.Prices.Remove(c.WriteCtx(), "BTC/USD"); err != nil {
		t.Fatal(err)
	}
	ctx := c.WriteCtx().WithEventManager(sdk.NewEventManager())
	if err := c.App.LendKeeper.EndBlock(ctx); err != nil {
		t.Fatal(err)
	}
	// Its positions cannot be valued: one event for the market says why.
	if !skippedFor(ctx, "", "positions holding ubtc are not examined") || !skippedFor(ctx, "", "price of ubtc") {
		t.Fatalf("no skip event: %v", ctx.EventManager().Events())
	}
	c.NextBlock()
	if !collateralOf(c, "bob").Equal(sdkmath.NewInt(1_000_000)) {
		t.Fatal("liquidated without a price")
	}
	crashTo(t, c, "50000")
	if collateralOf(c, "bob").Equal(sdkmath.NewInt(1_000_000)) {
		t.Fatal("not liquidated once the price returned")
	}
}

// A pool too thin to absorb the sized seize at the floor (oracle value −
// 5 %): the protocol sells the largest part the pool pays the floor for
// (≈ 0.0496 BTC of the ≈ 0.355 sized), repays in proportion and keeps the
// rest of the position; the moved pool then pays no floor (an event says
// so) until the oracle and a deeper pool meet and the position is
// liquidated.
func TestProtocolLiquidationSellsPartOfThinPool(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	pool := createPool(t, c, "1000000ubtc,50000000000uusdc") // 1 BTC at 50,000
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	borrowAgainstBTC(t, c, "bob", "40000000000uusdc")
	debtBefore := debtOf(t, c, "bob")

	pricesWith(t, c, "BTC/USD", "50000")
	ctx := c.WriteCtx().WithEventManager(sdk.NewEventManager())
	if err := c.App.LendKeeper.EndBlock(ctx); err != nil {
		t.Fatal(err)
	}
	ev := protocolLiquidation(t, ctx)
	sold := ev.Seized.Amount
	// Selling s BTC into 1 BTC / 50,000 USDC at 0.3 % fee pays the floor
	// 47,500·s while 0.997·50,000/(1 + 0.997·s) ≥ 47,500: s ≤ 0.049623 BTC.
	if sold.LT(sdkmath.NewInt(49_500)) || sold.GT(sdkmath.NewInt(49_623)) {
		t.Fatalf("sold %s ubtc, want the largest part clearing the floor (≈ 49,623)", sold)
	}
	if ev.SoldFor.Amount.LT(ev.MinOut.Amount) || !ev.MinOut.Amount.Equal(sdkmath.NewInt(47_500).Mul(sold)) {
		t.Fatalf("sold for %s, floor %s", ev.SoldFor, ev.MinOut)
	}
	c.NextBlock()
	if got := collateralOf(c, "bob"); !got.Equal(sdkmath.NewInt(1_000_000).Sub(sold)) {
		t.Fatalf("collateral %s after selling %s", got, sold)
	}
	if !poolReserve(t, c, pool, "ubtc").Equal(sdkmath.NewInt(1_000_000).Add(sold)) {
		t.Fatal("the pool did not receive exactly the part sold")
	}
	if repaid := debtBefore.Sub(debtOf(t, c, "bob")); !repaid.IsPositive() || repaid.GT(ev.SoldFor.Amount) {
		t.Fatalf("repaid %s of proceeds %s", repaid, ev.SoldFor)
	}

	// The pool now pays ≈ 45,000: the floor fails for any part. The block
	// just committed tried again and deferred bob for 2 blocks; at his
	// retry height the sale fails again and the event says why.
	d, err := c.App.LendKeeper.Risk.Deferrals.Get(c.Ctx(), c.Address("bob"))
	if err != nil || d.Attempts != 1 || d.RetryAt != c.Height()+2 {
		t.Fatalf("deferral %+v (%v) at height %d", d, err, c.Height())
	}
	pricesWith(t, c, "BTC/USD", "50000")
	ctx, _ = c.WriteCtx().WithBlockHeight(d.RetryAt).CacheContext()
	ctx = ctx.WithEventManager(sdk.NewEventManager())
	if err := c.App.LendKeeper.EndBlock(ctx); err != nil {
		t.Fatal(err)
	}
	if !skippedFor(ctx, addr(c, "bob"), "floor") || !skippedFor(ctx, addr(c, "bob"), "failure 2 in a row") {
		t.Fatalf("no skip event: %v", ctx.EventManager().Events())
	}
	deliver(t, c, "alice", &dextypes.MsgJoinPool{Sender: addr(c, "alice"), PoolId: pool,
		MaxAmountsIn: sdk.NewCoins(coin("30000000ubtc"), coin("1500000000000uusdc")), MinSharesOut: sdkmath.OneInt()})
	crashTo(t, c, "45000") // bob's retry height; the oracle meets the pool's ≈ 45,400: the floor clears
	if !collateralOf(c, "bob").LT(sdkmath.NewInt(900_000)) {
		t.Fatal("not liquidated once the pool was deep enough")
	}
}

// A partial sale never leaves dust: with the USDC market's minimum debt
// raised to 39,000 USD, the part sold is capped so that bob's debt left
// stays ≥ 39,000 (≈ 0.025 BTC, though the pool would take ≈ 0.049).
func TestProtocolLiquidationPartialSaleLeavesNoDust(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	createPool(t, c, "1000000ubtc,50000000000uusdc")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	borrowAgainstBTC(t, c, "bob", "40000000000uusdc")
	usdc := market("uusdc", "USDC/USD")
	usdc.MinDebtValue = dec("39000")
	setMarket(t, c, usdc)

	pricesWith(t, c, "BTC/USD", "50000")
	ctx := c.WriteCtx().WithEventManager(sdk.NewEventManager())
	if err := c.App.LendKeeper.EndBlock(ctx); err != nil {
		t.Fatal(err)
	}
	ev := protocolLiquidation(t, ctx)
	if ev.Seized.Amount.GT(sdkmath.NewInt(25_000)) || ev.Seized.Amount.LT(sdkmath.NewInt(20_000)) {
		t.Fatalf("sold %s, want ≈ 25,000 ubtc (capped by the minimum debt)", ev.Seized)
	}
	c.NextBlock()
	if left := debtOf(t, c, "bob"); left.LT(sdkmath.NewInt(39_000_000_000)) {
		t.Fatalf("debt left %s is below the market minimum", left)
	}
}

func debtOf(t *testing.T, c *apptest.Chain, name string) sdkmath.Int {
	t.Helper()
	d, err := c.App.LendKeeper.Debt(c.Ctx(), c.Address(name), "uusdc")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// protocolLiquidation returns the one EventProtocolLiquidation in ctx.
func protocolLiquidation(t *testing.T, ctx sdk.Context) *types.EventProtocolLiquidation {
	t.Helper()
	for _, e := range ctx.EventManager().ABCIEvents() {
		if e.Type != "agora.lend.v1.EventProtocolLiquidation" {
			continue
		}
		msg, err := sdk.ParseTypedEvent(e)
		if err != nil {
			t.Fatal(err)
		}
		return msg.(*types.EventProtocolLiquidation)
	}
	t.Fatalf("no protocol liquidation: %v", ctx.EventManager().Events())
	return nil
}

// With max_protocol_liquidations_per_block = 0 the protocol liquidates
// nothing; with 1, two positions below HF 1 are liquidated one per block,
// the riskiest (bob, HF ≈ 0.94) first.
func TestProtocolLiquidationPerBlockCap(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	createPool(t, c, "50000000ubtc,2500000000000uusdc")
	setParams(t, c, func(p *types.Params) { p.MaxProtocolLiquidationsPerBlock = 0 })
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	borrowAgainstBTC(t, c, "carol", "38000000000uusdc")
	borrowAgainstBTC(t, c, "bob", "40000000000uusdc")

	crashTo(t, c, "50000")
	full := sdkmath.NewInt(1_000_000)
	if !collateralOf(c, "bob").Equal(full) || !collateralOf(c, "carol").Equal(full) {
		t.Fatal("liquidated with the protocol liquidation off")
	}
	pricesWith(t, c, "BTC/USD", "50000")
	setParams(t, c, func(p *types.Params) { p.MaxProtocolLiquidationsPerBlock = 1 }) // its block liquidates
	if collateralOf(c, "bob").Equal(full) || !collateralOf(c, "carol").Equal(full) {
		t.Fatalf("first block: bob %s, carol %s", collateralOf(c, "bob"), collateralOf(c, "carol"))
	}
	crashTo(t, c, "50000")
	if collateralOf(c, "carol").Equal(full) {
		t.Fatal("second block: carol not liquidated")
	}
}

// skippedFor reports whether ctx holds an EventProtocolLiquidationSkipped
// for borrower whose reason contains want.
func skippedFor(ctx sdk.Context, borrower, want string) bool {
	for _, e := range ctx.EventManager().Events() {
		if e.Type != "agora.lend.v1.EventProtocolLiquidationSkipped" {
			continue
		}
		var b, r string
		for _, a := range e.Attributes {
			switch a.Key {
			case "borrower":
				b = a.Value
			case "reason":
				r = a.Value
			}
		}
		if strings.Contains(b, borrower) && strings.Contains(r, want) {
			return true
		}
	}
	return false
}

// With protocol_liquidation_scan_per_block = 1, EndBlock examines one
// index entry per block, the lowest first: bob (HF ≈ 0.94) is liquidated in
// the block of the crash, carol (HF ≈ 0.99) in the next.
func TestProtocolLiquidationScanBudget(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	createPool(t, c, "50000000ubtc,2500000000000uusdc")
	setParams(t, c, func(p *types.Params) { p.ProtocolLiquidationScanPerBlock = 1 })
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	borrowAgainstBTC(t, c, "carol", "38000000000uusdc")
	borrowAgainstBTC(t, c, "bob", "40000000000uusdc")

	full := sdkmath.NewInt(1_000_000)
	crashTo(t, c, "50000")
	if collateralOf(c, "bob").Equal(full) || !collateralOf(c, "carol").Equal(full) {
		t.Fatalf("first block: bob %s, carol %s (want bob only)", collateralOf(c, "bob"), collateralOf(c, "carol"))
	}
	crashTo(t, c, "50000")
	if collateralOf(c, "carol").Equal(full) {
		t.Fatal("second block: carol not liquidated")
	}
}
