package keeper_test

import (
	"encoding/binary"
	"math/rand"
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// benchPositions is the number of positions the EndBlock benchmarks hold.
const benchPositions = 100_000

// manyPositions lists riskMarkets (whose reference points EndBlock sets)
// and writes n positions straight through the keeper's collections (each
// write re-keys the position in the index, as a message would): one BTC or
// ETH collateral against a USDC debt, at a health factor between 1.05 and
// 3 at the starting prices. The markets' totals follow.
func manyPositions(b *testing.B, n int) *apptest.Chain {
	b.Helper()
	c := newChainOpts(b)
	freshPricesB(b, c)
	for _, m := range []types.Market{market("uusdc", "USDC/USD"), btcMarket(), market("ueth", "ETH/USD")} {
		if _, err := keeper.NewMsgServerImpl(c.App.LendKeeper).SetMarket(c.WriteCtx(), &types.MsgSetMarket{
			Authority: app.GovAuthority(), Market: m,
		}); err != nil {
			b.Fatal(err)
		}
	}
	c.NextBlock() // EndBlock: every market gets its reference point
	k, ctx := c.App.LendKeeper, c.WriteCtx()
	r := rand.New(rand.NewSource(1))
	receipts := map[string]sdkmath.Int{"ubtc": sdkmath.ZeroInt(), "ueth": sdkmath.ZeroInt()}
	scaled := sdkmath.ZeroInt()
	for i := 0; i < n; i++ {
		who := make(sdk.AccAddress, 20)
		binary.BigEndian.PutUint64(who[12:], uint64(i+1))
		denom, whole, lt := "ubtc", 60000.0, 0.75 // USD per whole unit (10⁶ base units)
		if i%3 == 2 {
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
	for d, rc := range receipts {
		s, err := k.MarketStates.Get(ctx, d)
		if err != nil {
			b.Fatal(err)
		}
		s.ReceiptSupply, s.Cash = s.ReceiptSupply.Add(rc), s.Cash.Add(rc) // exchange rate 1
		if err := k.MarketStates.Set(ctx, d, s); err != nil {
			b.Fatal(err)
		}
	}
	s, err := k.MarketStates.Get(ctx, "uusdc")
	if err != nil {
		b.Fatal(err)
	}
	s.ScaledBorrows = s.ScaledBorrows.Add(scaled)
	s.Cash = s.Cash.Add(scaled.MulRaw(2)) // the suppliers' cash the borrowers took, and as much left
	s.ReceiptSupply = s.ReceiptSupply.Add(scaled.MulRaw(3))
	if err := k.MarketStates.Set(ctx, "uusdc", s); err != nil {
		b.Fatal(err)
	}
	return c
}

func btcMarket() types.Market {
	m := market("ubtc", "BTC/USD")
	m.CollateralFactor, m.LiquidationThreshold = dec("0.7"), dec("0.75")
	return m
}

// benchEndBlock runs EndBlock b.N times, each in a discarded cache of the
// same state (every run is the first block after the prices were set),
// and reports the entries examined.
func benchEndBlock(b *testing.B, c *apptest.Chain) {
	k := c.App.LendKeeper
	examined, err := k.ScanAtRisk(c.WriteCtx(), int(types.DefaultProtocolLiquidationScanPerBlock))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(examined)), "examined/block")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ctx, _ := c.WriteCtx().CacheContext()
		ctx = ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		if err := k.EndBlock(ctx); err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(ctx.GasMeter().GasConsumed()), "gas/block")
		}
	}
}

// BenchmarkEndBlockNoMove: 100,000 healthy positions, prices as at their
// reference: EndBlock examines nothing.
//
//	go test ./x/lend/keeper -run '^$' -bench 'EndBlock' -benchtime 20x
func BenchmarkEndBlockNoMove(b *testing.B) {
	c := manyPositions(b, benchPositions)
	freshPricesB(b, c)
	benchEndBlock(b, c)
}

// BenchmarkEndBlockBTCDown10: the same positions, BTC 10 % lower: EndBlock
// examines (at most scan_per_block of) the BTC-backed positions whose bound
// falls below 1, starts BTC's rebase and re-keys a batch.
func BenchmarkEndBlockBTCDown10(b *testing.B) {
	c := manyPositions(b, benchPositions)
	freshPricesB(b, c)
	setPriceB(b, c, "BTC/USD", "54000")
	benchEndBlock(b, c)
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
		if _, err := srv.SetMarket(c.WriteCtx(), &types.MsgSetMarket{Authority: app.GovAuthority(), Market: m}); err != nil {
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
