package keeper_test

import (
	"fmt"
	"math/rand"
	"os"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/testutil/apptest"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	"github.com/agora-labs/agora/x/lend/types"
)

// TestStressCrash is the stress test: borrowers across the four
// devnet markets (devgenesis.LendSeedMarkets: uusdc, uagr, ubtc, ueth), a
// 40 % one-block crash of BTC (the oracle and, through an arbitrage swap in
// the same block, the BTC/USDC pool; an arbitrageur keeps the pool at the
// oracle price in each later block), no liquidator: every position below
// HF 1 must be closed (HF ≥ 1, or no debt left) within 10 blocks by the
// protocol alone, with the module's invariants asserted after every block
// (newChain) and no deficit socialised (deficit ≤ reserves + backstop).
//
// 100 borrowers in `make test` (seconds); LEND_STRESS=full runs 1,000:
//
//	LEND_STRESS=full go test ./x/lend/keeper -run TestStressCrash -v -timeout 30m
func TestStressCrash(t *testing.T) {
	n := 100
	if os.Getenv("LEND_STRESS") == "full" {
		n = 1000
	}
	start := time.Now()
	var names []string
	for i := 0; i < n; i++ {
		names = append(names, fmt.Sprintf("b%04d", i))
	}
	c := newChainOpts(t, apptest.WithAccounts(names...))
	freshPrices(t, c)
	for _, m := range devgenesis.LendSeedMarkets() {
		setMarket(t, c, m)
	}
	// Governed for a crash: up to 100 protocol liquidations per block (the
	// bound of the parameter) and 1,000 index entries examined.
	setParams(t, c, func(p *types.Params) {
		p.MaxProtocolLiquidationsPerBlock = types.MaxProtocolLiquidationsPerBlockLimit
		p.ProtocolLiquidationScanPerBlock = 1000
	})

	// alice (the market's suppliers, the pools' LPs and the backstop's
	// stakers in one) gets what a live chain would have.
	whale := sdk.NewCoins(coin("5000000000ubtc"), coin("100000000000ueth"), coin("400000000000000uusdc"), coin("100000000000000uagr"))
	if err := c.App.BankKeeper.MintCoins(c.WriteCtx(), minttypes.ModuleName, whale); err != nil {
		t.Fatal(err)
	}
	if err := c.App.BankKeeper.SendCoinsFromModuleToAccount(c.WriteCtx(), minttypes.ModuleName, c.Address("alice"), whale); err != nil {
		t.Fatal(err)
	}
	a := addr(c, "alice")
	for _, liq := range []string{"2000000000ubtc,120000000000000uusdc", "20000000000ueth,60000000000000uusdc", "10000000000000uagr,10000000000000uusdc"} {
		createPool(t, c, liq) // pools 1 (BTC), 2 (ETH), 3 (AGR), all against USDC
	}
	deliver(t, c, "alice",
		&types.MsgSupply{Supplier: a, Amount: coin("30000000000000uusdc")},
		&types.MsgSupply{Supplier: a, Amount: coin("300000000ubtc")},
		&types.MsgSupply{Supplier: a, Amount: coin("3000000000ueth")},
		&types.MsgSupply{Supplier: a, Amount: coin("4000000000000uagr")})
	// Backstops: about 5 % of each market's supply.
	deliver(t, c, "alice",
		&types.MsgBackstopStake{Staker: a, Amount: coin("1500000000000lend/uusdc")},
		&types.MsgBackstopStake{Staker: a, Amount: coin("15000000lend/ubtc")},
		&types.MsgBackstopStake{Staker: a, Amount: coin("150000000lend/ueth")},
		&types.MsgBackstopStake{Staker: a, Amount: coin("200000000000lend/uagr")})

	// Borrowers: collateral 70 % BTC, 15 % BTC + ETH, 10 % ETH, 5 % AGR,
	// $2,000–$40,000 per asset; one debt in another market (USDC mostly),
	// borrowed at 30–90 % of the borrow limit.
	r := rand.New(rand.NewSource(2026))
	usd := map[string]float64{"ubtc": 60000, "ueth": 3000, "uagr": 1, "uusdc": 1}
	ltv := map[string]float64{"ubtc": 0.7, "ueth": 0.7, "uagr": 0.5, "uusdc": 0.8}
	var txs [][]byte
	for _, name := range names {
		var colls []string
		switch x := r.Float64(); {
		case x < 0.70:
			colls = []string{"ubtc"}
		case x < 0.85:
			colls = []string{"ubtc", "ueth"}
		case x < 0.95:
			colls = []string{"ueth"}
		default:
			colls = []string{"uagr"}
		}
		var msgs []sdk.Msg
		limit := 0.0
		held := map[string]bool{}
		for _, d := range colls {
			v := 2000 + r.Float64()*38000
			limit += v * ltv[d]
			held[d] = true
			msgs = append(msgs, &types.MsgSupplyCollateral{Borrower: addr(c, name), Amount: sdk.NewCoin(d, sdkmath.NewInt(int64(v/usd[d]*1e6)))})
		}
		debt := "uusdc"
		if x := r.Float64(); x > 0.8 {
			for _, d := range []string{"ueth", "uagr", "ubtc"} {
				if !held[d] {
					debt = d
					break
				}
			}
		}
		v := limit * (0.3 + 0.6*r.Float64())
		msgs = append(msgs, &types.MsgBorrow{Borrower: addr(c, name), Amount: sdk.NewCoin(debt, sdkmath.NewInt(int64(v/usd[debt]*1e6)))})
		txs = append(txs, c.SignTx(name, apptest.DefaultFee, 1_000_000, msgs...))
	}
	for len(txs) > 0 {
		k := min(200, len(txs))
		freshPrices(t, c)
		for i, res := range c.NextBlock(txs[:k]...) {
			if res.Code != 0 {
				t.Fatalf("borrower tx %d: %s", i, res.Log)
			}
		}
		txs = txs[k:]
	}
	setup := time.Since(start)

	below := func() (int, int) {
		b, open := 0, 0
		for _, name := range names {
			v, err := c.App.LendKeeper.Values(c.Ctx(), c.Address(name))
			if err != nil {
				t.Fatal(err)
			}
			if v.Debt.IsPositive() {
				open++
				if v.HealthFactor.LT(sdkmath.LegacyOneDec()) {
					b++
				}
			}
		}
		return b, open
	}
	crashPrices := func() {
		freshPrices(t, c)
		setPrice(t, c, "BTC/USD", "36000")
	}
	// The crash: the oracle at 36,000 and an arbitrageur selling BTC into
	// the pool until it quotes 36,000, in one block; in each later block the
	// arbitrageur brings the pool back to the oracle (no liquidator runs).
	crashPrices()
	atRisk, _ := func() (int, int) { // valued at the crash prices before the block
		b := 0
		for _, name := range names {
			v, err := c.App.LendKeeper.Values(c.WriteCtx(), c.Address(name))
			if err != nil {
				t.Fatal(err)
			}
			if v.Debt.IsPositive() && v.HealthFactor.LT(sdkmath.LegacyOneDec()) {
				b++
			}
		}
		return b, 0
	}()
	// arbitrage is the market's arbitrageur (not a liquidator): one swap
	// bringing the BTC/USDC pool back to the oracle's 36,000 (constant
	// product: x' = √(k/p), y' = √(k·p), fee ignored).
	arbitrage := func() []byte {
		x, y := poolReserve(t, c, 1, "ubtc").ToLegacyDec(), poolReserve(t, c, 1, "uusdc").ToLegacyDec()
		k := x.Mul(y)
		p := sdkmath.LegacyNewDec(36000)
		xt, err := k.Quo(p).ApproxSqrt()
		if err != nil {
			t.Fatal(err)
		}
		in, route := sdk.Coin{Denom: "ubtc", Amount: xt.Sub(x).TruncateInt()}, []dextypes.Hop{{PoolId: 1, DenomOut: "uusdc"}}
		if !in.Amount.IsPositive() { // BTC too dear: buy it with USDC
			yt, err := k.Mul(p).ApproxSqrt()
			if err != nil {
				t.Fatal(err)
			}
			in, route = sdk.Coin{Denom: "uusdc", Amount: yt.Sub(y).TruncateInt()}, []dextypes.Hop{{PoolId: 1, DenomOut: "ubtc"}}
		}
		if !in.Amount.IsPositive() {
			return nil
		}
		return c.SignTx("alice", apptest.DefaultFee, apptest.DefaultGas, &dextypes.MsgSwapExactIn{Sender: a,
			Route: route, TokenIn: in, MinOut: sdkmath.OneInt(), Deadline: c.Time().Add(time.Hour)})
	}
	swap := arbitrage()
	reservesBefore := map[string]sdkmath.Int{}
	for _, d := range []string{"uusdc", "uagr", "ubtc", "ueth"} {
		reservesBefore[d] = marketState(t, c, d).Reserves
	}
	if res := c.NextBlock(swap); res[0].Code != 0 {
		t.Fatalf("arbitrage: %s", res[0].Log)
	}
	perBlock := []int{}
	blocks := 1
	left, _ := below()
	perBlock = append(perBlock, atRisk-left)
	for left > 0 && blocks < 10 {
		crashPrices()
		var txs [][]byte
		if tx := arbitrage(); tx != nil {
			txs = append(txs, tx)
		}
		for _, res := range c.NextBlock(txs...) {
			if res.Code != 0 {
				t.Fatalf("arbitrage: %s", res.Log)
			}
		}
		blocks++
		now, _ := below()
		perBlock = append(perBlock, left-now)
		left = now
	}
	if atRisk == 0 {
		t.Fatal("the crash put no position below HF 1: the test proves nothing")
	}
	if left > 0 {
		crashPrices()
		ctx, _ := c.WriteCtx().CacheContext()
		ctx = ctx.WithEventManager(sdk.NewEventManager())
		if err := c.App.LendKeeper.EndBlock(ctx); err != nil {
			t.Fatal(err)
		}
		reasons := map[string]int{}
		for _, e := range ctx.EventManager().Events() {
			for _, at := range e.Attributes {
				if at.Key == "reason" {
					reasons[at.Value[:min(90, len(at.Value))]]++
				}
			}
		}
		t.Fatalf("%d of %d positions still below HF 1 after %d blocks (per block %v); next block's skips: %v", left, atRisk, blocks, perBlock, reasons)
	}
	var report string
	for _, d := range []string{"uusdc", "uagr", "ubtc", "ueth"} {
		s := marketState(t, c, d)
		deficit, fromReserves := orZero(s.TotalDeficit), orZero(s.DeficitCoveredByReserves)
		fromBackstop, socialised := orZero(s.DeficitCoveredByBackstop), orZero(s.DeficitSocialised)
		report += fmt.Sprintf("\n  %-5s deficit %s = reserves %s + backstop %s + socialised %s; reserves before %s, after %s",
			d, deficit, fromReserves, fromBackstop, socialised, reservesBefore[d], s.Reserves)
		if socialised.IsPositive() {
			t.Errorf("%s: %s socialised: the deficit exceeded reserves + backstop", d, socialised)
		}
	}
	t.Logf("%d borrowers (setup %s): %d below HF 1 after the crash, all closed in %d blocks (per block %v), %s in all%s",
		n, setup.Round(time.Millisecond), atRisk, blocks, perBlock, time.Since(start).Round(time.Millisecond), report)
}

func orZero(i sdkmath.Int) sdkmath.Int {
	if i.IsNil() {
		return sdkmath.ZeroInt()
	}
	return i
}
