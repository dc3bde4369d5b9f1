package keeper_test

import (
	"errors"
	"math/big"
	"reflect"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/types"
)

// snapshot is everything a refused lend message must leave unchanged: the
// module's whole state and the balances of the test accounts and the
// module account, without the fee denom (the signer pays the tx fee).
type snapshot struct {
	state    *types.GenesisState
	balances map[string]sdk.Coins
}

func takeSnapshot(t *testing.T, c *apptest.Chain) snapshot {
	t.Helper()
	gs, err := c.App.LendKeeper.ExportGenesis(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	bals := map[string]sdk.Coins{"module": c.App.BankKeeper.GetAllBalances(c.Ctx(), c.App.LendKeeper.ModuleAddress())}
	for name, acc := range c.Accounts {
		var kept sdk.Coins
		for _, co := range c.App.BankKeeper.GetAllBalances(c.Ctx(), acc.Address) {
			if co.Denom != app.BondDenom {
				kept = append(kept, co)
			}
		}
		bals[name] = kept
	}
	return snapshot{state: gs, balances: bals}
}

// expectRefused delivers msg as signer and checks the codespace and code of
// the failure and that nothing changed (market states are compared after
// the block's accrual, which a touch may do before failing: the tx's
// writes are all reverted, so they must be equal too).
func expectRefused(t *testing.T, c *apptest.Chain, signer string, msg sdk.Msg, want *errorsmod.Error) {
	t.Helper()
	freshPrices(t, c)
	c.NextBlock()
	before := takeSnapshot(t, c)
	freshPrices(t, c)
	_, err := c.DeliverMsgs(signer, msg)
	var txErr *apptest.TxError
	if !errors.As(err, &txErr) {
		t.Fatalf("%T accepted, want %s", msg, want)
	}
	if txErr.Codespace != want.Codespace() || txErr.Code != want.ABCICode() {
		t.Fatalf("%T: got %s/%d (%s), want %s/%d (%s)", msg, txErr.Codespace, txErr.Code, txErr.Log, want.Codespace(), want.ABCICode(), want)
	}
	after := takeSnapshot(t, c)
	if !reflect.DeepEqual(before.balances, after.balances) {
		t.Fatalf("%T changed balances:\n%v\n%v", msg, before.balances, after.balances)
	}
	if !reflect.DeepEqual(before.state, after.state) {
		t.Fatalf("%T changed state:\n%v\n%v", msg, before.state, after.state)
	}
	t.Logf("%T refused: %s", msg, txErr.Log)
}

// Every bad input of the issue that stage 1 covers: a clear registered
// error and no state change.
func TestBadInputChangesNothing(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	agr := market("uagr", "AGR/USD")
	agr.SupplyCap, agr.BorrowCap = sdkmath.NewInt(1_000_000_000), sdkmath.NewInt(10_000_000)
	setMarket(t, c, agr)
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("500000000uagr")})
	deliver(t, c, "carol", &types.MsgSupply{Supplier: addr(c, "carol"), Amount: coin("1000000ueth")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: addr(c, "bob"), Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: addr(c, "bob"), Amount: coin("30000000000uusdc")})

	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	bad := market("uusdc", "USDC/USD")
	bad.CollateralFactor = dec("0.9") // ≥ LT 0.85
	split := market("uusdc", "USDC/USD")
	split.LiquidationThreshold, split.CollateralFactor = dec("0.88"), dec("0.8") // 1.05 × 0.88 = 0.924 > 0.9
	negative := sdk.Coin{Denom: "uusdc", Amount: sdkmath.NewInt(-5)}
	huge := sdk.Coin{Denom: "uusdc", Amount: sdkmath.NewIntFromBigInt(maxInt())}

	cases := []struct {
		name   string
		signer string
		msg    sdk.Msg
		want   *errorsmod.Error
	}{
		{"zero supply", "alice", &types.MsgSupply{Supplier: alice, Amount: coin("0uusdc")}, types.ErrInvalidAmount},
		{"negative supply", "alice", &types.MsgSupply{Supplier: alice, Amount: negative}, types.ErrInvalidAmount},
		{"zero borrow", "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("0uusdc")}, types.ErrInvalidAmount},
		{"overflowing borrow", "bob", &types.MsgBorrow{Borrower: bob, Amount: huge}, types.ErrInsufficientCash},
		{"supply of an unlisted denom", "alice", &types.MsgSupply{Supplier: alice, Amount: coin("1000ufoo")}, types.ErrMarketNotFound},
		{"supply of a receipt denom", "alice", &types.MsgSupply{Supplier: alice, Amount: coin("1000lend/uusdc")}, types.ErrInvalidAmount},
		{"borrow of a non-borrowable asset", "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("1000ueth")}, types.ErrBorrowNotEnabled},
		{"collateralizing a non-collateral asset", "carol", &types.MsgCollateralize{Borrower: carol, Amount: coin("1000lend/ueth")}, types.ErrCollateralNotEnabled},
		{"collateralizing an underlying denom", "carol", &types.MsgCollateralize{Borrower: carol, Amount: coin("1000ueth")}, types.ErrInvalidAmount},
		{"borrow over the limit", "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("20000000000uusdc")}, types.ErrUndercollateralized},
		{"borrow over the cap", "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("20000000uagr")}, types.ErrBorrowCapExceeded},
		{"borrow over the cash", "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("1000000000000uusdc")}, types.ErrInsufficientCash},
		{"borrow below the minimum debt", "carol", &types.MsgBorrow{Borrower: carol, Amount: coin("1uagr")}, types.ErrDebtBelowMinimum},
		{"supply over the cap", "alice", &types.MsgSupply{Supplier: alice, Amount: coin("600000000uagr")}, types.ErrSupplyCapExceeded},
		{"decollateralize below the collateral need", "bob", &types.MsgDecollateralize{Borrower: bob, Amount: coin("1000000lend/ubtc")}, types.ErrUndercollateralized},
		{"decollateralize more than held", "bob", &types.MsgDecollateralize{Borrower: bob, Amount: coin("2000000lend/ubtc")}, types.ErrInsufficientCollateral},
		{"withdraw of collateralized receipts", "bob", &types.MsgWithdraw{Supplier: bob, Amount: coin("1000lend/ubtc")}, types.ErrInsufficientReceipts},
		{"withdraw over the cash", "alice", &types.MsgWithdraw{Supplier: alice, Amount: coin("80000000000uusdc")}, types.ErrInsufficientCash},
		{"repay without debt", "carol", &types.MsgRepay{Sender: carol, Amount: coin("1000uusdc")}, types.ErrNoDebt},
		{"partial repay leaving dust", "bob", &types.MsgRepay{Sender: bob, Amount: coin("29999999999uusdc")}, types.ErrDebtBelowMinimum},
		{"non-gov signer lists a market", "alice", &types.MsgSetMarket{Authority: alice, Market: market("ueth", "ETH/USD")}, types.ErrUnauthorized},
		{"non-gov signer changes params", "alice", &types.MsgUpdateParams{Authority: alice, Params: types.DefaultParams()}, types.ErrUnauthorized},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { expectRefused(t, c, tc.signer, tc.msg, tc.want) })
	}

	// Unsafe market parameters are refused by validation, every problem named.
	if err := (&types.MsgSetMarket{Authority: app.TimelockAuthority(), Market: bad}).ValidateBasic(); !types.ErrInvalidMarket.Is(err) {
		t.Fatalf("LTV ≥ LT: %v", err)
	}
	if err := (&types.MsgSetMarket{Authority: app.TimelockAuthority(), Market: split}).ValidateBasic(); !types.ErrSplitProfitable.Is(err) {
		t.Fatalf("split-profitable bonus: %v", err)
	}
}

// maxInt is 2^256 − 1, the largest math.Int.
func maxInt() *big.Int {
	return new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
}
