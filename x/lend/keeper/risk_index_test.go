package keeper_test

import (
	"math/rand"
	"sort"
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
)

// riskMarkets lists uusdc, ubtc (LT 0.75) and ueth (LT 0.85), all usable
// as collateral and borrowable, with fresh prices: each block's EndBlock
// gives the priced markets a reference point.
func riskMarkets(t *testing.T, c *apptest.Chain) {
	t.Helper()
	freshPrices(t, c)
	setMarket(t, c, market("uusdc", "USDC/USD"))
	btc := market("ubtc", "BTC/USD")
	btc.CollateralFactor, btc.LiquidationThreshold = dec("0.7"), dec("0.75")
	setMarket(t, c, btc)
	setMarket(t, c, market("ueth", "ETH/USD"))
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("1000000000000uusdc")})
}

// record returns a borrower's index record (found false: not indexed) and
// checks that exactly its entries are in the index.
func record(t *testing.T, c *apptest.Chain, who sdk.AccAddress) (keeper.RiskRecord, bool) {
	t.Helper()
	k, ctx := c.App.LendKeeper, c.Ctx()
	rec, err := k.Risk.Records.Get(ctx, who)
	found := err == nil
	want := map[string]bool{}
	if found {
		for _, p := range rec.Prefixes {
			want[p] = true
		}
	}
	got := map[string]bool{}
	if err := k.Risk.Entries.Walk(ctx, nil, func(key keeper.RiskKey) (bool, error) {
		if key.K3().Equals(who) {
			if key.K2() != rec.Key {
				t.Fatalf("entry %v has key %d, record %d", key, key.K2(), rec.Key)
			}
			got[key.K1()] = true
		}
		return false, nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("entries %v, record %v", got, rec)
	}
	for p := range want {
		if !got[p] {
			t.Fatalf("entry %s of the record missing (entries %v)", p, got)
		}
	}
	return rec, found
}

// keyNear checks a health key against a health factor at the reference
// prices: key ≤ hf × 10⁶ and within 0.01 % of it (the ±1 unit bounds).
func keyNear(t *testing.T, what string, key uint64, hf float64) {
	t.Helper()
	want := hf * 1e6
	if float64(key) > want+1 || float64(key) < want*0.9999 {
		t.Fatalf("%s: key %d, want ≈ %.0f (HF %.4f at reference prices)", what, key, want, hf)
	}
}

// Every message that changes a position re-keys it: supply-collateral
// without debt (not indexed), borrow, repay, more collateral, a second
// collateral market, decollateralize, liquidation, repay all (removed).
func TestIndexRekeysOnEveryTouch(t *testing.T) {
	c := newChain(t)
	riskMarkets(t, c)
	bob := c.Address("bob")
	a := bob.String()
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: a, Amount: coin("1000000ubtc")})
	if _, ok := record(t, c, bob); ok {
		t.Fatal("a position without debt is indexed")
	}
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: a, Amount: coin("10000000000uusdc")})
	rec, ok := record(t, c, bob)
	if !ok || len(rec.Prefixes) != 1 {
		t.Fatalf("after borrow: %v %v", rec, ok)
	}
	keyNear(t, "borrow", rec.Key, 60000*0.75/10000)
	deliver(t, c, "bob", &types.MsgRepay{Sender: a, Borrower: a, Amount: coin("5000000000uusdc")})
	rec, _ = record(t, c, bob)
	keyNear(t, "repay", rec.Key, 60000*0.75/5000)
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: a, Amount: coin("1000000ubtc")})
	rec, _ = record(t, c, bob)
	keyNear(t, "collateralize", rec.Key, 2*60000*0.75/5000)
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: a, Amount: coin("10000000ueth")})
	rec, _ = record(t, c, bob)
	if len(rec.Prefixes) != 2 {
		t.Fatalf("two collateral markets, one debt: prefixes %v", rec.Prefixes)
	}
	keyNear(t, "second collateral", rec.Key, (2*60000*0.75+10*3000*0.85)/5000)
	receipts := c.App.LendKeeper.Collateral
	held, err := receipts.Get(c.Ctx(), collections.Join(bob, "ueth"))
	if err != nil {
		t.Fatal(err)
	}
	deliver(t, c, "bob", &types.MsgDecollateralize{Borrower: a, Amount: sdk.NewCoin("lend/ueth", held)})
	rec, _ = record(t, c, bob)
	if len(rec.Prefixes) != 1 {
		t.Fatalf("after decollateralizing ueth: prefixes %v", rec.Prefixes)
	}
	keyNear(t, "decollateralize", rec.Key, 2*60000*0.75/5000)

	// A liquidation re-keys at reference prices (BTC is still referenced
	// at 60,000 in this block).
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: a, Amount: coin("78000000000uusdc")})
	pricesWith(t, c, "BTC/USD", "50000")
	if _, err := c.DeliverMsgs("carol", &types.MsgLiquidate{Liquidator: addr(c, "carol"), Borrower: a,
		RepayDenom: "uusdc", CollateralDenom: "ubtc", MaxRepay: sdkmath.ZeroInt(), MinCollateralOut: sdkmath.ZeroInt()}); err != nil {
		t.Fatal(err)
	}
	before := rec.Key
	rec, ok = record(t, c, bob)
	if !ok || rec.Key == before {
		t.Fatalf("not re-keyed by the liquidation: %v", rec)
	}
	debt, err := c.App.LendKeeper.Debt(c.Ctx(), bob, "uusdc")
	if err != nil {
		t.Fatal(err)
	}
	deliver(t, c, "bob", &types.MsgRepay{Sender: a, Borrower: a, Amount: sdk.NewCoin("uusdc", debt), All: true})
	if _, ok := record(t, c, bob); ok {
		t.Fatal("a position without debt is still indexed")
	}
}

// With no price move EndBlock examines nothing, however many positions;
// a BTC crash examines the BTC-backed position below HF 1 and nothing
// else (not the ETH-backed one, not the healthy BTC ones); a 10 % ETH move
// examines nobody, a 15 % one the ETH-backed position it puts below 1.
func TestIndexExaminesOnlyExposedPositions(t *testing.T) {
	names := []string{"bob", "dave", "erin", "frank", "grace"}
	c := newChainWith(t, names[1:]...) // bob is a default account
	riskMarkets(t, c)
	borrow := func(name, collateral, debt string) {
		a := addr(c, name)
		deliver(t, c, name, &types.MsgSupplyCollateral{Borrower: a, Amount: coin(collateral)},
			&types.MsgBorrow{Borrower: a, Amount: coin(debt)})
	}
	borrow("bob", "1000000ubtc", "40000000000uusdc")   // HF 1.125
	borrow("dave", "20000000ueth", "45000000000uusdc") // HF 1.133
	for _, n := range names[2:] {
		borrow(n, "1000000ubtc", "10000000000uusdc") // HF 4.5
	}
	scan := func() []string {
		got, err := c.App.LendKeeper.ScanAtRisk(c.WriteCtx(), 1000)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range got {
			out = append(out, a.String())
		}
		return out
	}
	freshPrices(t, c)
	if got := scan(); len(got) != 0 {
		t.Fatalf("no price move: examined %v", got)
	}
	pricesWith(t, c, "BTC/USD", "50000") // bob 0.9375, the others 3.75
	if got := scan(); len(got) != 1 || got[0] != addr(c, "bob") {
		t.Fatalf("BTC −17 %%: examined %v, want bob only", got)
	}
	pricesWith(t, c, "ETH/USD", "2700") // dave 1.02
	if got := scan(); len(got) != 0 {
		t.Fatalf("ETH −10 %%: examined %v", got)
	}
	pricesWith(t, c, "ETH/USD", "2550") // dave 0.963
	if got := scan(); len(got) != 1 || got[0] != addr(c, "dave") {
		t.Fatalf("ETH −15 %%: examined %v, want dave only", got)
	}
}

func newChainWith(t *testing.T, extra ...string) *apptest.Chain {
	t.Helper()
	return newChainOpts(t, apptest.WithAccounts(extra...))
}

// The index never misses a position below HF 1: random positions over
// three markets (one or two collateral, one or two debt markets), random
// price moves of up to ±30 % per round, random repays, interest and
// EndBlock's rebases between rounds; each round every position a
// brute-force valuation finds below HF 1 is among those ScanAtRisk
// returns.
func TestIndexNeverMissesAgainstBruteForce(t *testing.T) {
	var names []string
	for i := 0; i < 24; i++ {
		names = append(names, "user"+string(rune('a'+i)))
	}
	c := newChainWith(t, names...)
	riskMarkets(t, c)
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("50000000ubtc")},
		&types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("500000000ueth")})
	r := rand.New(rand.NewSource(7))
	denoms := []string{"ubtc", "ueth", "uusdc"}
	unit := map[string]float64{"ubtc": 60000, "ueth": 3000, "uusdc": 1}
	for _, n := range names {
		a := addr(c, n)
		var msgs []sdk.Msg
		value := 0.0
		for _, d := range pick(r, denoms) {
			usd := 5000 + r.Float64()*50000
			value += usd * 0.7
			msgs = append(msgs, &types.MsgSupplyCollateral{Borrower: a,
				Amount: sdk.NewCoin(d, sdkmath.NewInt(int64(usd/unit[d]*1e6)))})
		}
		debts := pick(r, denoms)
		for _, d := range debts {
			usd := value * (0.5 + 0.45*r.Float64()) / float64(len(debts))
			msgs = append(msgs, &types.MsgBorrow{Borrower: a, Amount: sdk.NewCoin(d, sdkmath.NewInt(int64(usd/unit[d]*1e6)))})
		}
		deliver(t, c, n, msgs...)
	}
	pairs := map[string]string{"ubtc": "BTC/USD", "ueth": "ETH/USD", "uusdc": "USDC/USD"}
	below, examined := 0, 0
	for round := 0; round < 40; round++ {
		freshPrices(t, c)
		for d, p := range pairs {
			f := 0.7 + 0.6*r.Float64()
			setPrice(t, c, p, sdkmath.LegacyMustNewDecFromStr(startingPrices[p]).Mul(sdkmath.LegacyNewDecWithPrec(int64(f*1000), 3)).String())
			_ = d
		}
		got, err := c.App.LendKeeper.ScanAtRisk(c.WriteCtx(), 1_000_000)
		if err != nil {
			t.Fatal(err)
		}
		in := map[string]bool{}
		for _, a := range got {
			in[a.String()] = true
		}
		examined += len(got)
		listed := pageAll(t, c, uint64(1+r.Intn(4)))
		for _, n := range names {
			v, err := c.App.LendKeeper.Values(c.WriteCtx(), c.Address(n))
			if err != nil {
				t.Fatal(err)
			}
			if v.Debt.IsPositive() && v.HealthFactor.LT(sdkmath.LegacyOneDec()) {
				below++
				if !in[addr(c, n)] {
					t.Fatalf("round %d: %s at HF %s is not examined (examined %d)", round, n, v.HealthFactor, len(got))
				}
				if listed[addr(c, n)] != 1 {
					t.Fatalf("round %d: %s at HF %s listed %d times by the liquidatable query", round, n, v.HealthFactor, listed[addr(c, n)])
				}
				delete(listed, addr(c, n))
			}
		}
		if len(listed) != 0 {
			t.Fatalf("round %d: the liquidatable query lists positions not below HF 1: %v", round, listed)
		}
		// A random repay (a touch), then a block: interest, rebases, and
		// protocol liquidations that fail for want of a pool (skipped).
		n := names[r.Intn(len(names))]
		debts := debtDenoms(t, c, c.Address(n))
		if len(debts) > 0 {
			d := debts[0]
			owed, err := c.App.LendKeeper.Debt(c.Ctx(), c.Address(n), d)
			if err != nil {
				t.Fatal(err)
			}
			pay := owed.QuoRaw(4)
			if _, err := c.DeliverMsgs(n, &types.MsgRepay{Sender: addr(c, n), Borrower: addr(c, n), Amount: sdk.NewCoin(d, pay)}); err != nil {
				t.Logf("repay refused (%v)", err)
			}
		} else {
			c.NextBlock()
		}
	}
	if below == 0 {
		t.Fatal("no position ever fell below HF 1: the test proves nothing")
	}
	t.Logf("%d positions below HF 1 over the rounds, all examined; %d examined in all", below, examined)
}

// pick returns one or two distinct denoms.
func pick(r *rand.Rand, denoms []string) []string {
	p := r.Perm(len(denoms))
	out := []string{denoms[p[0]]}
	if r.Intn(2) == 0 {
		out = append(out, denoms[p[1]])
	}
	sort.Strings(out)
	return out
}

func debtDenoms(t *testing.T, c *apptest.Chain, who sdk.AccAddress) []string {
	t.Helper()
	var out []string
	if err := c.App.LendKeeper.ScaledDebt.Walk(c.Ctx(), collections.NewPrefixedPairRange[sdk.AccAddress, string](who),
		func(key keeper.PositionKey, _ sdkmath.Int) (bool, error) {
			out = append(out, key.K2())
			return false, nil
		}); err != nil {
		t.Fatal(err)
	}
	return out
}

// The index is not exported: InitGenesis rebuilds it through the position
// writes. Without reference points yet, bob is keyed 0 (examined first,
// never missed); the first EndBlock gives the markets their reference
// points and re-keys him at his health.
func TestIndexRebuiltByGenesis(t *testing.T) {
	c := newChain(t)
	riskMarkets(t, c)
	bob := c.Address("bob")
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob.String(), Amount: coin("1000000ubtc")},
		&types.MsgBorrow{Borrower: bob.String(), Amount: coin("30000000000uusdc")})
	k := c.App.LendKeeper
	gs, err := k.ExportGenesis(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	freshPrices(t, c)
	ctx, _ := c.WriteCtx().CacheContext()
	for _, clear := range []func() error{
		func() error { return k.Risk.Entries.Clear(ctx, nil) },
		func() error { return k.Risk.Records.Clear(ctx, nil) },
		func() error { return k.Risk.Refs.Clear(ctx, nil) },
		func() error { return k.Collateral.Map.Clear(ctx, nil) },
		func() error { return k.ScaledDebt.Map.Clear(ctx, nil) },
	} {
		if err := clear(); err != nil {
			t.Fatal(err)
		}
	}
	if err := k.InitGenesis(ctx, *gs); err != nil {
		t.Fatal(err)
	}
	rec, err := k.Risk.Records.Get(ctx, bob)
	if err != nil || rec.Key != 0 {
		t.Fatalf("after import: %v %v (want key 0)", rec, err)
	}
	got, err := k.ScanAtRisk(ctx, 10)
	if err != nil || len(got) != 1 || !got[0].Equals(bob) {
		t.Fatalf("after import bob is not examined: %v %v", got, err)
	}
	if err := k.EndBlock(ctx); err != nil {
		t.Fatal(err)
	}
	if rec, err = k.Risk.Records.Get(ctx, bob); err != nil {
		t.Fatal(err)
	}
	keyNear(t, "after the first EndBlock", rec.Key, 60000*0.75/30000)
	if got, _ := k.ScanAtRisk(ctx, 10); len(got) != 0 {
		t.Fatalf("healthy bob still examined: %v", got)
	}
}

// pageAll pages through the liquidatable query, limit index entries a
// page, and counts how often each borrower is listed.
func pageAll(t *testing.T, c *apptest.Chain, limit uint64) map[string]int {
	t.Helper()
	q := keeper.NewQueryServerImpl(c.App.LendKeeper)
	out := map[string]int{}
	var key []byte
	for pages := 0; ; pages++ {
		res, err := q.LiquidatablePositions(c.WriteCtx(), &types.QueryLiquidatablePositionsRequest{
			Pagination: &query.PageRequest{Key: key, Limit: limit}})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range res.Positions {
			out[p.Borrower]++
		}
		if key = res.Pagination.NextKey; len(key) == 0 {
			return out
		}
		if pages > 10_000 {
			t.Fatal("the pages never end")
		}
	}
}
