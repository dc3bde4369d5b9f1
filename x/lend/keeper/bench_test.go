package keeper_test

import (
	"encoding/binary"
	"math/rand"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
)

// benchPositions is the number of positions the EndBlock benchmarks hold.
const benchPositions = 100_000

// manyPositions lists uusdc, ubtc and ueth (EndBlock sets their reference
// points) and writes n positions straight through the keeper's
// collections (each write re-keys the position in the index, as a message
// would): one BTC or ETH collateral against a USDC debt, at a health
// factor between 1.05 and 3 at the starting prices. Batches of 10,000 are
// written in a cache, the markets' totals and the module's coins follow
// (minted), and a block commits them (the invariants hold).
func manyPositions(b *testing.B, n int) *apptest.Chain {
	b.Helper()
	c := apptest.New(b)
	freshPricesB(b, c)
	for _, m := range []types.Market{market("uusdc", "USDC/USD"), btcMarket(), market("ueth", "ETH/USD")} {
		if _, err := keeper.NewMsgServerImpl(c.App.LendKeeper).SetMarket(c.WriteCtx(), &types.MsgSetMarket{
			Authority: app.TimelockAuthority(), Market: m,
		}); err != nil {
			b.Fatal(err)
		}
	}
	c.NextBlock() // EndBlock: every market gets its reference point
	k := c.App.LendKeeper
	r := rand.New(rand.NewSource(1))
	for done := 0; done < n; {
		ctx, write := c.WriteCtx().CacheContext()
		receipts := map[string]sdkmath.Int{"ubtc": sdkmath.ZeroInt(), "ueth": sdkmath.ZeroInt()}
		scaled := sdkmath.ZeroInt()
		for end := min(n, done+10_000); done < end; done++ {
			who := make(sdk.AccAddress, 20)
			binary.BigEndian.PutUint64(who[12:], uint64(done+1))
			denom, whole, lt := "ubtc", 60000.0, 0.75 // USD per whole unit (10⁶ base units)
			if done%3 == 2 {
				denom, whole, lt = "ueth", 3000.0, 0.85
			}
			value := 100 + 9900*r.Float64() // USD of collateral
			hf := 1.05 + 1.95*r.Float64()
			amount := int64(value / whole * 1e6)
			debt := int64(value * lt / hf * 1e6) // uusdc at index 1
			if err := k.Collateral.Set(ctx, collections.Join(who, denom), sdkmath.NewInt(amount)); err != nil {
				b.Fatal(err)
			}
			if err := k.ScaledDebt.Set(ctx, collections.Join(who, "uusdc"), sdkmath.NewInt(debt)); err != nil {
				b.Fatal(err)
			}
			receipts[denom] = receipts[denom].AddRaw(amount)
			scaled = scaled.AddRaw(debt)
		}
		// The module holds the collateral receipts and the cash; the USDC
		// suppliers (alice) hold their receipts. Exchange rates stay 1.
		mint := sdk.NewCoins(sdk.NewCoin("lend/ubtc", receipts["ubtc"]), sdk.NewCoin("lend/ueth", receipts["ueth"]),
			sdk.NewCoin("ubtc", receipts["ubtc"]), sdk.NewCoin("ueth", receipts["ueth"]), sdk.NewCoin("uusdc", scaled.MulRaw(2)))
		supplied := sdk.NewCoins(sdk.NewCoin("lend/uusdc", scaled.MulRaw(3)))
		if err := c.App.BankKeeper.MintCoins(ctx, minttypes.ModuleName, mint.Add(supplied...)); err != nil {
			b.Fatal(err)
		}
		if err := c.App.BankKeeper.SendCoinsFromModuleToModule(ctx, minttypes.ModuleName, types.ModuleName, mint); err != nil {
			b.Fatal(err)
		}
		if err := c.App.BankKeeper.SendCoinsFromModuleToAccount(ctx, minttypes.ModuleName, c.Address("alice"), supplied); err != nil {
			b.Fatal(err)
		}
		for d, rc := range receipts {
			s, err := k.MarketStates.Get(ctx, d)
			if err != nil {
				b.Fatal(err)
			}
			s.ReceiptSupply, s.Cash = s.ReceiptSupply.Add(rc), s.Cash.Add(rc)
			if err := k.MarketStates.Set(ctx, d, s); err != nil {
				b.Fatal(err)
			}
		}
		s, err := k.MarketStates.Get(ctx, "uusdc")
		if err != nil {
			b.Fatal(err)
		}
		s.ScaledBorrows = s.ScaledBorrows.Add(scaled)
		s.Cash = s.Cash.Add(scaled.MulRaw(2)) // what was lent out stays with the borrowers
		s.ReceiptSupply = s.ReceiptSupply.Add(scaled.MulRaw(3))
		if err := k.MarketStates.Set(ctx, "uusdc", s); err != nil {
			b.Fatal(err)
		}
		write()
		freshPricesB(b, c)
		c.NextBlock()
	}
	freshPricesB(b, c)
	return c
}

func btcMarket() types.Market {
	m := market("ubtc", "BTC/USD")
	m.CollateralFactor, m.LiquidationThreshold = dec("0.7"), dec("0.75")
	return m
}

// benchChain is the 100,000-position chain, built once for both EndBlock
// benchmarks (LEND_BENCH_POSITIONS overrides the count).
var (
	benchOnce  sync.Once
	benchState *apptest.Chain
)

func benchChain(b *testing.B) *apptest.Chain {
	benchOnce.Do(func() {
		n := benchPositions
		if v, err := strconv.Atoi(os.Getenv("LEND_BENCH_POSITIONS")); err == nil && v > 0 {
			n = v
		}
		start := time.Now()
		benchState = manyPositions(b, n)
		b.Logf("%d positions written and indexed in %s", n, time.Since(start).Round(time.Millisecond))
	})
	if benchState == nil {
		b.Fatal("no bench chain")
	}
	return benchState
}

// benchEndBlock runs EndBlock in a discarded cache of the same state each
// iteration (every run is the first block after move), and reports the
// entries examined and the gas EndBlock consumed.
func benchEndBlock(b *testing.B, move func(ctx sdk.Context)) {
	c := benchChain(b)
	k := c.App.LendKeeper
	fresh := func() sdk.Context {
		ctx, _ := c.WriteCtx().CacheContext()
		move(ctx)
		return ctx.WithGasMeter(storetypes.NewInfiniteGasMeter()).WithEventManager(sdk.NewEventManager())
	}
	examined, err := k.ScanAtRisk(fresh(), int(types.DefaultProtocolLiquidationScanPerBlock))
	if err != nil {
		b.Fatal(err)
	}
	var gas uint64
	for b.Loop() {
		ctx := fresh()
		if err := k.EndBlock(ctx); err != nil {
			b.Fatal(err)
		}
		gas = ctx.GasMeter().GasConsumed()
	}
	b.ReportMetric(float64(len(examined)), "examined/block")
	b.ReportMetric(float64(gas), "gas/block")
}

// BenchmarkEndBlockNoMove: 100,000 healthy positions, prices as at their
// reference: EndBlock examines nothing.
//
//	go test ./x/lend/keeper -run '^$' -bench 'EndBlock' -benchtime 20x
func BenchmarkEndBlockNoMove(b *testing.B) {
	benchEndBlock(b, func(sdk.Context) {})
}

// BenchmarkEndBlockBTCDown10: the same positions, BTC 10 % lower: EndBlock
// examines (at most scan_per_block of) the BTC-backed positions whose bound
// falls below 1, starts BTC's rebase and re-keys a batch.
func BenchmarkEndBlockBTCDown10(b *testing.B) {
	c := benchChain(b)
	benchEndBlock(b, func(ctx sdk.Context) {
		if err := c.App.OracleKeeper.Prices.Set(ctx, "BTC/USD", oracletypes.PriceRecord{Pair: "BTC/USD", Price: dec("54000"),
			UpdatedHeight: c.Height(), UpdatedTime: c.Time(), Reporters: 1, PowerShare: sdkmath.LegacyOneDec()}); err != nil {
			b.Fatal(err)
		}
	})
}

func freshPricesB(b *testing.B, c *apptest.Chain) {
	b.Helper()
	for p, v := range startingPrices {
		setPriceB(b, c, p, v)
	}
}

func setPriceB(b *testing.B, c *apptest.Chain, pair, price string) {
	b.Helper()
	if err := c.App.OracleKeeper.Prices.Set(c.WriteCtx(), pair, oracletypes.PriceRecord{
		Pair: pair, Price: dec(price), UpdatedHeight: c.Height(), UpdatedTime: c.Time(), Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
	}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkGasPerOperation measures the gas each message consumes in the
// msg server (store reads and writes, the index's re-keying included; the
// ante handler's signature and fee costs are not), each run in a
// discarded cache of the same state.
//
//	go test ./x/lend/keeper -run '^$' -bench GasPerOperation -benchtime 20x
func BenchmarkGasPerOperation(b *testing.B) {
	c := newChainOpts(b)
	freshPricesB(b, c)
	srv := keeper.NewMsgServerImpl(c.App.LendKeeper)
	for _, m := range []types.Market{market("uusdc", "USDC/USD"), btcMarket()} {
		if _, err := srv.SetMarket(c.WriteCtx(), &types.MsgSetMarket{Authority: app.TimelockAuthority(), Market: m}); err != nil {
			b.Fatal(err)
		}
	}
	c.NextBlock()
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	prepare := []sdk.Msg{
		&types.MsgSupply{Supplier: alice, Amount: coin("1000000000000uusdc")},
		&types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")},
		&types.MsgBorrow{Borrower: bob, Amount: coin("20000000000uusdc")},
		&types.MsgSupplyCollateral{Borrower: carol, Amount: coin("1000000ubtc")},
		&types.MsgBorrow{Borrower: carol, Amount: coin("40000000000uusdc")},
	}
	for _, m := range prepare {
		if err := deliverB(c, srv, m); err != nil {
			b.Fatal(err)
		}
	}
	c.NextBlock()
	freshPricesB(b, c)
	ops := []struct {
		name  string
		msg   sdk.Msg
		crash bool
	}{
		{"supply", &types.MsgSupply{Supplier: alice, Amount: coin("1000000000uusdc")}, false},
		{"supply_collateral", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("100000ubtc")}, false},
		{"borrow", &types.MsgBorrow{Borrower: bob, Amount: coin("1000000000uusdc")}, false},
		{"repay", &types.MsgRepay{Sender: bob, Borrower: bob, Amount: coin("1000000000uusdc")}, false},
		{"repay_all", &types.MsgRepay{Sender: bob, Borrower: bob, Amount: coin("1uusdc"), All: true}, false},
		{"withdraw", &types.MsgWithdraw{Supplier: alice, Amount: coin("1000000000uusdc")}, false},
		{"decollateralize", &types.MsgDecollateralize{Borrower: bob, Amount: coin("100000lend/ubtc")}, false},
		{"liquidate", &types.MsgLiquidate{Liquidator: alice, Borrower: carol, RepayDenom: "uusdc", CollateralDenom: "ubtc",
			MaxRepay: sdkmath.ZeroInt(), MinCollateralOut: sdkmath.ZeroInt()}, true},
	}
	b.Run("reindex_alone", func(b *testing.B) { // what the index adds to a touch of bob's position
		var gas uint64
		for i := 0; i < b.N; i++ {
			ctx, _ := c.WriteCtx().CacheContext()
			ctx = ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
			if err := c.App.LendKeeper.Reindex(ctx, c.Address("bob")); err != nil {
				b.Fatal(err)
			}
			gas = ctx.GasMeter().GasConsumed()
		}
		b.ReportMetric(float64(gas), "gas/op")
	})
	for _, op := range ops {
		b.Run(op.name, func(b *testing.B) {
			var gas uint64
			for i := 0; i < b.N; i++ {
				ctx, _ := c.WriteCtx().CacheContext()
				if op.crash {
					if err := c.App.OracleKeeper.Prices.Set(ctx, "BTC/USD", oracletypes.PriceRecord{Pair: "BTC/USD", Price: dec("50000"),
						UpdatedHeight: c.Height(), UpdatedTime: c.Time(), Reporters: 1, PowerShare: sdkmath.LegacyOneDec()}); err != nil {
						b.Fatal(err)
					}
				}
				ctx = ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
				if err := deliverB(c, srv, op.msg, ctx); err != nil {
					b.Fatal(err)
				}
				gas = ctx.GasMeter().GasConsumed()
			}
			b.ReportMetric(float64(gas), "gas/op")
		})
	}
}

// deliverB runs one message through the msg server (in ctx, or straight
// into the store).
func deliverB(c *apptest.Chain, srv types.MsgServer, m sdk.Msg, ctxs ...sdk.Context) error {
	ctx := c.WriteCtx()
	if len(ctxs) > 0 {
		ctx = ctxs[0]
	}
	var err error
	switch m := m.(type) {
	case *types.MsgSupply:
		_, err = srv.Supply(ctx, m)
	case *types.MsgSupplyCollateral:
		_, err = srv.SupplyCollateral(ctx, m)
	case *types.MsgBorrow:
		_, err = srv.Borrow(ctx, m)
	case *types.MsgRepay:
		_, err = srv.Repay(ctx, m)
	case *types.MsgWithdraw:
		_, err = srv.Withdraw(ctx, m)
	case *types.MsgDecollateralize:
		_, err = srv.Decollateralize(ctx, m)
	case *types.MsgLiquidate:
		_, err = srv.Liquidate(ctx, m)
	}
	return err
}
