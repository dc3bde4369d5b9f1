package precompiles_test

import (
	"math/big"
	"strings"
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	dexprecompile "github.com/agora-labs/agora/precompiles/dex"
	lendprecompile "github.com/agora-labs/agora/precompiles/lend"
	oracleprecompile "github.com/agora-labs/agora/precompiles/oracle"
	lendkeeper "github.com/agora-labs/agora/x/lend/keeper"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
)

// lendEnv is newEnv with uusdc and uagr markets, bob's 100,000 USDC of
// liquidity, and alice borrowing 500 USDC against 1,000 AGR at 1.25.
func lendEnv(t *testing.T) *env {
	t.Helper()
	e := newEnv(t)
	ms := lendkeeper.NewMsgServerImpl(e.c.App.LendKeeper)
	for _, m := range []lendtypes.Market{lendMarket("uusdc", "USDC/USD"), lendMarket("uagr", "AGR/USD")} {
		if _, err := ms.SetMarket(e.c.WriteCtx(), &lendtypes.MsgSetMarket{Authority: e.c.App.LendKeeper.Authority(), Market: m}); err != nil {
			t.Fatal(err)
		}
	}
	e.c.NextBlock()
	e.setPrice(t, "USDC/USD", "1", e.c.Height())
	e.setPrice(t, "AGR/USD", "1.25", e.c.Height())
	labi := lendprecompile.ABI
	e.mustCall(t, e.ethAddr("bob"), lendAddr, labi, "supply", "uusdc", bigInt(100_000_000_000))
	e.mustCall(t, e.ethAddr("alice"), lendAddr, labi, "supplyCollateral", "uagr", bigInt(1_000_000_000))
	e.mustCall(t, e.ethAddr("alice"), lendAddr, labi, "borrow", "uusdc", bigInt(500_000_000))
	return e
}

func collateral(t *testing.T, e *env, who, denom string) int64 {
	t.Helper()
	v, err := e.c.App.LendKeeper.Collateral.Get(e.c.WriteCtx(), collections.Join(e.c.Address(who), denom))
	if err != nil {
		t.Fatal(err)
	}
	return v.Int64()
}

// removeCollateral frees receipts while the position stays within its
// borrow limit and reverts with x/lend's reason beyond it; collateralize
// puts them back.
func TestLendPrecompileRemoveCollateral(t *testing.T) {
	e := lendEnv(t)
	alice, labi := e.ethAddr("alice"), lendprecompile.ABI
	receipts := balance(e, alice, "lend/uagr")
	// 900 AGR × 1.25 × 0.7 = 787.5 USD of limit ≥ 500 USDC of debt.
	e.mustCall(t, alice, lendAddr, labi, "removeCollateral", "uagr", bigInt(100_000_000))
	if got := collateral(t, e, "alice", "uagr"); got != 900_000_000 {
		t.Fatalf("collateral after removing 100 AGR: %d", got)
	}
	if got := balance(e, alice, "lend/uagr"); !got.Equal(receipts.AddRaw(100_000_000)) {
		t.Fatalf("free receipts %v -> %v", receipts, got)
	}
	// 400 AGR left would be a limit of 350 USD < 500 USDC.
	e.mustRevert(t, alice, lendAddr, labi, "position would exceed its borrow limit", "removeCollateral", "uagr", bigInt(500_000_000))
	e.mustRevert(t, alice, lendAddr, labi, "amount must be positive", "removeCollateral", "uagr", bigInt(0))
	if got := collateral(t, e, "alice", "uagr"); got != 900_000_000 {
		t.Fatalf("a refused removeCollateral moved collateral: %d", got)
	}
	e.mustCall(t, alice, lendAddr, labi, "collateralize", "uagr", bigInt(100_000_000))
	if got := collateral(t, e, "alice", "uagr"); got != 1_000_000_000 {
		t.Fatalf("collateral after collateralize: %d", got)
	}
}

// liquidate: a healthy position reverts with x/lend's reason; after the AGR
// price falls, bob liquidates alice with his own USDC and receives her
// collateral receipts.
func TestLendPrecompileLiquidate(t *testing.T) {
	e := lendEnv(t)
	alice, bob, labi := e.ethAddr("alice"), e.ethAddr("bob"), lendprecompile.ABI
	e.mustRevert(t, bob, lendAddr, labi, "position is healthy and cannot be liquidated",
		"liquidate", alice, "uusdc", bigInt(100_000_000), "uagr")
	e.mustRevert(t, alice, lendAddr, labi, "cannot liquidate itself", "liquidate", alice, "uusdc", bigInt(100_000_000), "uagr")

	// 1,000 AGR × 0.5 × 0.75 = 375 USD < 500 USDC: health factor 0.75.
	e.c.NextBlock()
	e.setPrice(t, "USDC/USD", "1", e.c.Height())
	e.setPrice(t, "AGR/USD", "0.5", e.c.Height())
	e.mustRevert(t, bob, lendAddr, labi, "repayAmount must be positive", "liquidate", alice, "uusdc", bigInt(0), "uagr")
	bobUSDC, bobReceipts := balance(e, bob, "uusdc"), balance(e, bob, "lend/uagr")
	before := collateral(t, e, "alice", "uagr")
	out := e.mustCall(t, bob, lendAddr, labi, "liquidate", alice, "uusdc", bigInt(100_000_000), "uagr")
	repaid, receipts, collOut := out[0].(*big.Int), out[1].(*big.Int), out[2].(*big.Int)
	if repaid.Sign() <= 0 || repaid.Cmp(big.NewInt(100_000_000)) > 0 {
		t.Fatalf("repaid %v, want 0 < repaid ≤ 100 USDC", repaid)
	}
	if !balance(e, bob, "uusdc").Equal(bobUSDC.Sub(sdkInt(repaid))) {
		t.Fatalf("bob uusdc %v -> %v, repaid %v", bobUSDC, balance(e, bob, "uusdc"), repaid)
	}
	if !balance(e, bob, "lend/uagr").Equal(bobReceipts.Add(sdkInt(receipts))) || receipts.Sign() <= 0 {
		t.Fatalf("bob receipts %v -> %v, got %v", bobReceipts, balance(e, bob, "lend/uagr"), receipts)
	}
	// The seized collateral is the liquidator's receipts plus the
	// protocol's share of the bonus.
	if seized := before - collateral(t, e, "alice", "uagr"); seized < receipts.Int64() || seized > receipts.Int64()*102/100 {
		t.Fatalf("alice lost %d collateral receipts, bob received %v", seized, receipts)
	}
	// The bonus: AGR out at 0.5 is worth more than the USDC repaid.
	if v := new(big.Int).Div(collOut, big.NewInt(2)); v.Cmp(repaid) <= 0 {
		t.Fatalf("collateral out %v uagr (%v USD) not above repaid %v", collOut, v, repaid)
	}
}

// Revert reasons are the module's error text alone: no Go source path from
// cosmos-sdk's error wrapping.
func TestPrecompileRevertText(t *testing.T) {
	e := lendEnv(t)
	alice := e.ethAddr("alice")
	check := func(reason string) {
		t.Helper()
		if strings.Contains(reason, ".go:") || strings.Contains(reason, "github.com") || strings.Contains(reason, " [") {
			t.Fatalf("revert reason carries a source path: %q", reason)
		}
	}
	for _, c := range []struct {
		res  string
		want string
	}{
		{revertReason(e.callMethod(t, alice, dexAddr, dexABI, "pool", uint64(99))), "pool 99 does not exist: pool not found"},
		{revertReason(e.callMethod(t, alice, oracleAddr, oracleABI, "price", "DOGE", "USD")), `"DOGE/USD": pair is not listed in the oracle params`},
	} {
		check(c.res)
		if c.res != c.want {
			t.Fatalf("revert reason %q, want %q", c.res, c.want)
		}
	}
	over := revertReason(e.callMethod(t, alice, lendAddr, lendprecompile.ABI, "borrow", "uusdc", bigInt(1_000_000_000)))
	check(over)
	if !strings.HasPrefix(over, "borrowing 1000000000uusdc would take your debt to ") ||
		!strings.HasSuffix(over, "the most you can borrow now is 374999999uusdc: position would exceed its borrow limit") {
		t.Fatalf("over-borrow revert reason %q", over)
	}
	e.c.AdvanceBlocks(61)
	stale := revertReason(e.callMethod(t, alice, oracleAddr, oracleABI, "collateralPrice", "AGR", "USD"))
	check(stale)
	if !strings.HasPrefix(stale, "AGR/USD was last updated ") || !strings.HasSuffix(stale, " blocks ago (max 60): price is stale") {
		t.Fatalf("stale revert reason %q", stale)
	}
}

var (
	dexABI    = dexprecompile.ABI
	oracleABI = oracleprecompile.ABI
)

func sdkInt(v *big.Int) sdkmath.Int { return sdkmath.NewIntFromBigInt(v) }
