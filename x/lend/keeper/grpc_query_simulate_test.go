package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
)

// Simulate queries show the position after an action without changing
// state, and return the registered error the transaction would fail with.
func TestSimulateQueries(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	alice, bob := addr(c, "alice"), addr(c, "bob")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	freshPrices(t, c)
	q := keeper.NewQueryServerImpl(c.App.LendKeeper)
	before := marketState(t, c, "uusdc")

	// 1 BTC at 60,000 (LTV 0.7, LT 0.75) against 30,000 USDC: limit 42,000,
	// HF 45,000 / 30,000 = 1.5, liquidation at 30,000 / 0.75 = 40,000 per BTC.
	res, err := q.SimulateBorrow(c.Ctx(), &types.QuerySimulateRequest{Address: bob, Amount: "30000000000uusdc"})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Position
	if p.PriceError != "" || !p.BorrowLimit.Equal(dec("42000")) || !p.DebtValue.Equal(dec("30000")) || !p.HealthFactor.Equal(dec("1.5")) {
		t.Fatalf("after borrow: limit %s debt %s HF %s (%q)", p.BorrowLimit, p.DebtValue, p.HealthFactor, p.PriceError)
	}
	if len(res.LiquidationPrices) != 1 || res.LiquidationPrices[0].Denom != "ubtc" || !res.LiquidationPrices[0].Price.Equal(dec("40000")) {
		t.Fatalf("liquidation prices %v", res.LiquidationPrices)
	}
	if debt, _ := c.App.LendKeeper.Debt(c.Ctx(), c.Address("bob"), "uusdc"); !debt.IsZero() {
		t.Fatalf("simulation borrowed: debt %s", debt)
	}
	if after := marketState(t, c, "uusdc"); !after.Cash.Equal(before.Cash) || !after.ScaledBorrows.Equal(before.ScaledBorrows) {
		t.Fatalf("simulation changed the market: %v → %v", before, after)
	}

	// Over the limit: the tx's registered error.
	_, err = q.SimulateBorrow(c.Ctx(), &types.QuerySimulateRequest{Address: bob, Amount: "50000000000uusdc"})
	if space, code, _ := errorsmod.ABCIInfo(err, false); space != types.ModuleName || code != types.ErrUndercollateralized.ABCICode() {
		t.Fatalf("over the limit: %s/%d %v", space, code, err)
	}

	// Decollateralize everything with no debt: nothing left, HF zero.
	res, err = q.SimulateDecollateralize(c.Ctx(), &types.QuerySimulateRequest{Address: bob, Amount: "1000000lend/ubtc"})
	if err != nil || !res.Position.BorrowLimit.IsZero() || len(res.LiquidationPrices) != 0 {
		t.Fatalf("decollateralize: %v %v", err, res)
	}
	// Supply and withdraw all on alice's side; repay without debt fails.
	if _, err := q.SimulateSupply(c.Ctx(), &types.QuerySimulateRequest{Address: alice, Amount: "1000000uusdc"}); err != nil {
		t.Fatal(err)
	}
	if _, err := q.SimulateWithdraw(c.Ctx(), &types.QuerySimulateRequest{Address: alice, Amount: "0uusdc", All: true}); err != nil {
		t.Fatal(err)
	}
	_, err = q.SimulateRepay(c.Ctx(), &types.QuerySimulateRequest{Address: alice, Amount: "1uusdc"})
	if space, code, _ := errorsmod.ABCIInfo(err, false); space != types.ModuleName || code != types.ErrNoDebt.ABCICode() {
		t.Fatalf("repay without debt: %s/%d %v", space, code, err)
	}
	// Collateralizing an underlying amount supplies it first.
	res, err = q.SimulateCollateralize(c.Ctx(), &types.QuerySimulateRequest{Address: bob, Amount: "1000000ubtc"})
	if err != nil || !res.Position.BorrowLimit.Equal(dec("84000")) {
		t.Fatalf("collateralize: %v %v", err, res)
	}

	for _, bad := range []*types.QuerySimulateRequest{nil, {Address: "x", Amount: "1uusdc"}, {Address: bob, Amount: "lots"}} {
		if _, err := q.SimulateBorrow(c.Ctx(), bad); status.Code(err) != codes.InvalidArgument {
			t.Fatalf("%v: %v", bad, err)
		}
	}
}
