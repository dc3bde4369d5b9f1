package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
)

// The position query gives a liquidation price per collateral once the
// account owes anything: 1 BTC (LT 0.75) against 30,000 USDC reaches HF 1
// at 30,000 / 0.75 = 40,000 per BTC.
func TestPositionLiquidationPrices(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	alice, bob := addr(c, "alice"), addr(c, "bob")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	q := keeper.NewQueryServerImpl(c.App.LendKeeper)
	freshPrices(t, c)
	p, err := q.Position(c.Ctx(), &types.QueryPositionRequest{Address: bob})
	if err != nil || len(p.LiquidationPrices) != 0 {
		t.Fatalf("no debt: %v %v", p, err)
	}
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("30000000000uusdc")})
	freshPrices(t, c)
	p, err = q.Position(c.Ctx(), &types.QueryPositionRequest{Address: bob})
	if err != nil || len(p.LiquidationPrices) != 1 || p.LiquidationPrices[0].Denom != "ubtc" {
		t.Fatalf("with debt: %v %v", p, err)
	}
	// Interest of the current block lifts it a hair above 40,000.
	if lp := p.LiquidationPrices[0].Price; lp.LT(dec("40000")) || lp.GT(dec("40001")) {
		t.Fatalf("liquidation price %s", lp)
	}
}

// The liquidation simulate query sizes what MsgLiquidate would do (the
// same repay and collateral as the tx that follows), reports the bonus
// and profit, and changes nothing; a healthy position gets the tx's
// registered error; malformed requests get InvalidArgument.
func TestSimulateLiquidate(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("40000000000uusdc")})
	q := keeper.NewQueryServerImpl(c.App.LendKeeper)
	req := &types.QuerySimulateLiquidateRequest{Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc"}

	freshPrices(t, c)
	_, err := q.SimulateLiquidate(c.Ctx(), req)
	if space, code, _ := errorsmod.ABCIInfo(err, false); space != types.ModuleName || code != types.ErrNotLiquidatable.ABCICode() {
		t.Fatalf("healthy: %s/%d %v", space, code, err)
	}
	for _, bad := range []*types.QuerySimulateLiquidateRequest{
		nil,
		{Borrower: "nope", RepayDenom: "uusdc", CollateralDenom: "ubtc"},
		{Borrower: bob, RepayDenom: "", CollateralDenom: "ubtc"},
		{Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc", MaxRepay: "-1"},
		{Liquidator: "nope", Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc"},
	} {
		if _, err := q.SimulateLiquidate(c.Ctx(), bad); status.Code(err) != codes.InvalidArgument {
			t.Fatalf("%v: %v, want InvalidArgument", bad, err)
		}
	}

	pricesWith(t, c, "BTC/USD", "50000")
	c.NextBlock()
	pricesWith(t, c, "BTC/USD", "50000")
	stateBefore := marketState(t, c, "uusdc")
	sim, err := q.SimulateLiquidate(c.Ctx(), req)
	if err != nil {
		t.Fatal(err)
	}
	// Without a liquidator the repay is assumed available: same sizing.
	anon, err := q.SimulateLiquidate(c.Ctx(), &types.QuerySimulateLiquidateRequest{Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc"})
	if err != nil || !anon.Repay.Equal(sim.Repay) || !anon.CollateralOut.Equal(sim.CollateralOut) {
		t.Fatalf("anonymous %v %v vs %v", anon, err, sim)
	}
	if !sim.HealthFactorBefore.LT(sdkmath.LegacyOneDec()) || !sim.Bonus.IsPositive() || !sim.Profit.IsPositive() ||
		!sim.Profit.Equal(sim.CollateralOutValue.Sub(sim.RepayValue)) || sim.PositionAfter.HealthFactor.LT(dec("1.05")) {
		t.Fatalf("sim %+v", sim)
	}
	// Profit ≈ repay × bonus × (1 − protocol share 0.1).
	want := sim.RepayValue.Mul(sim.Bonus).Mul(dec("0.9"))
	if sim.Profit.Sub(want).Abs().GT(dec("1")) {
		t.Fatalf("profit %s, want ≈ %s", sim.Profit, want)
	}
	if after := marketState(t, c, "uusdc"); !after.Cash.Equal(stateBefore.Cash) || !after.ScaledBorrows.Equal(stateBefore.ScaledBorrows) {
		t.Fatal("the simulation changed the market")
	}
	// A cap is honoured.
	capped, err := q.SimulateLiquidate(c.Ctx(), &types.QuerySimulateLiquidateRequest{Liquidator: carol, Borrower: bob,
		RepayDenom: "uusdc", CollateralDenom: "ubtc", MaxRepay: "1000000000"})
	if err != nil || !capped.Repay.Amount.Equal(sdkmath.NewInt(1_000_000_000)) {
		t.Fatalf("capped %v %v", capped, err)
	}

	// The transaction does what the simulation said, up to the interest
	// of the block it runs in (one more block: a millionth here).
	carolUSDC := balance(c, "carol", "uusdc")
	pricesWith(t, c, "BTC/USD", "50000")
	mustDeliver(t, c, "carol", &types.MsgLiquidate{Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc",
		MaxRepay: sdkmath.ZeroInt(), MinCollateralOut: sim.CollateralOut.MulRaw(999_990).QuoRaw(1_000_000)})
	near := func(got, want sdkmath.Int) bool {
		return got.Sub(want).Abs().MulRaw(1_000_000).LTE(want) // within 1e-6
	}
	if paid := carolUSDC.Sub(balance(c, "carol", "uusdc")); !near(paid, sim.Repay.Amount) {
		t.Fatalf("paid %s, simulated %s", paid, sim.Repay)
	}
	if got := balance(c, "carol", "lend/ubtc"); !near(got, sim.Receipts.Amount) {
		t.Fatalf("received %s, simulated %s", got, sim.Receipts)
	}
}

// The liquidatable-positions query reads the index: it lists exactly the
// borrowers below HF 1, riskiest first, examining at most pagination.limit
// index entries per page; next_key resumes the walk where it stopped.
func TestLiquidatablePositions(t *testing.T) {
	c := newChainOpts(t, apptest.WithAccounts("dave"))
	standardMarkets(t, c)
	alice := addr(c, "alice")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	// At BTC 50,000: bob HF 0.9375, carol 0.987, dave 3.75.
	for name, usdc := range map[string]string{"bob": "40000000000uusdc", "carol": "38000000000uusdc", "dave": "10000000000uusdc"} {
		deliver(t, c, name, &types.MsgSupplyCollateral{Borrower: addr(c, name), Amount: coin("1000000ubtc")})
		deliver(t, c, name, &types.MsgBorrow{Borrower: addr(c, name), Amount: coin(usdc)})
	}
	bob, carol := addr(c, "bob"), addr(c, "carol")
	q := keeper.NewQueryServerImpl(c.App.LendKeeper)
	list := func(pg *query.PageRequest) *types.QueryLiquidatablePositionsResponse {
		t.Helper()
		res, err := q.LiquidatablePositions(c.Ctx(), &types.QueryLiquidatablePositionsRequest{Pagination: pg})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	names := func(ps []types.LiquidatablePosition) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Borrower)
		}
		return out
	}
	freshPrices(t, c)
	if res := list(nil); len(res.Positions) != 0 || len(res.Pagination.NextKey) != 0 {
		t.Fatalf("healthy: %v", res.Positions)
	}
	pricesWith(t, c, "BTC/USD", "50000")
	c.NextBlock() // no pool: the protocol cannot sell, both stay below 1
	pricesWith(t, c, "BTC/USD", "50000")
	res := list(nil)
	if got := names(res.Positions); len(got) != 2 || got[0] != bob || got[1] != carol || len(res.Pagination.NextKey) != 0 {
		t.Fatalf("after the fall: %v, next %x", got, res.Pagination.NextKey)
	}
	if p := res.Positions[0]; !p.HealthFactor.LT(sdkmath.LegacyOneDec()) || len(p.DebtDenoms) != 1 || p.CollateralDenoms[0] != "ubtc" {
		t.Fatalf("bob: %+v", p)
	}
	// One index entry per page: bob, then carol; dave (healthy, keyed
	// above the threshold) is never examined.
	page := list(&query.PageRequest{Limit: 1})
	if got := names(page.Positions); len(got) != 1 || got[0] != bob || len(page.Pagination.NextKey) == 0 {
		t.Fatalf("page 1: %v, next %x", got, page.Pagination.NextKey)
	}
	page2 := list(&query.PageRequest{Limit: 1, Key: page.Pagination.NextKey})
	if got := names(page2.Positions); len(got) != 1 || got[0] != carol || len(page2.Pagination.NextKey) != 0 {
		t.Fatalf("page 2: %v, next %x", got, page2.Pagination.NextKey)
	}
	for _, pg := range []*query.PageRequest{{Offset: 1}, {Key: []byte("not a cursor")}, {Key: []byte(`{"lb":"-1","prefix":"x","key":0,"borrower":"` + bob + `"}`)}} {
		if _, err := q.LiquidatablePositions(c.Ctx(), &types.QueryLiquidatablePositionsRequest{Pagination: pg}); status.Code(err) != codes.InvalidArgument {
			t.Fatalf("%+v: %v", pg, err)
		}
	}
}

// MsgSetMarket refuses a market whose decimals or denom disagree with its
// oracle pair, or whose pair is not listed: ErrOracleMismatch, nothing
// stored.
func TestSetMarketChecksOraclePair(t *testing.T) {
	c := newChain(t)
	freshPrices(t, c)
	ms := keeper.NewMsgServerImpl(c.App.LendKeeper)
	for name, edit := range map[string]func(*types.Market){
		"decimals":    func(m *types.Market) { m.Decimals = 8 },
		"denom":       func(m *types.Market) { m.OraclePair = "ETH/USD" },
		"not listed":  func(m *types.Market) { m.OraclePair = "XYZ/USD" },
		"decimals 18": func(m *types.Market) { m.Decimals = 18 },
	} {
		m := market("ubtc", "BTC/USD")
		edit(&m)
		_, err := ms.SetMarket(c.WriteCtx(), &types.MsgSetMarket{Authority: app.TimelockAuthority(), Market: m})
		if space, code, _ := errorsmod.ABCIInfo(err, false); space != types.ModuleName || code != types.ErrOracleMismatch.ABCICode() {
			t.Fatalf("%s: %s/%d %v", name, space, code, err)
		}
		if has, _ := c.App.LendKeeper.Markets.Has(c.Ctx(), "ubtc"); has {
			t.Fatalf("%s: market stored", name)
		}
		t.Logf("%s: %v", name, err)
	}
	if _, err := ms.SetMarket(c.WriteCtx(), &types.MsgSetMarket{Authority: app.TimelockAuthority(), Market: market("ubtc", "BTC/USD")}); err != nil {
		t.Fatalf("matching market refused: %v", err)
	}
}
