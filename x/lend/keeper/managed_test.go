package keeper_test

import (
	"errors"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/address"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/types"
)

// A managed account (x/margin's positions): ManagedBorrow lends past lend's
// borrow limit, the account never enters the index (EndBlock neither
// liquidates it nor settles it as bad debt), MsgLiquidate refuses it with
// ErrManagedAccount and changes nothing, another manager cannot borrow for
// it; unregistered, it is lend's again (indexed as bad debt at once).
func TestManagedAccount(t *testing.T) {
	c := newChain(t)
	standardMarkets(t, c)
	deliver(t, c, "alice", &types.MsgSupply{Supplier: addr(c, "alice"), Amount: coin("100000000000uusdc")})
	lk := c.App.LendKeeper
	pos := sdk.AccAddress(address.Module("margin", []byte("position/1")))

	freshPrices(t, c)
	if err := lk.ManagedBorrow(c.WriteCtx(), "margin", pos, coin("1000000000uusdc")); !errorsmod.IsOf(err, types.ErrManagedAccount) {
		t.Fatalf("borrow for an unregistered account: %v", err)
	}
	if err := lk.RegisterManaged(c.WriteCtx(), pos, "margin"); err != nil {
		t.Fatal(err)
	}
	if err := lk.RegisterManaged(c.WriteCtx(), pos, "synth"); !errorsmod.IsOf(err, types.ErrManagedAccount) {
		t.Fatalf("second manager: %v", err)
	}
	// No collateral at all: lend's own Borrow refuses, ManagedBorrow lends.
	if err := lk.Borrow(c.WriteCtx(), pos, coin("1000000000uusdc")); !errorsmod.IsOf(err, types.ErrUndercollateralized) {
		t.Fatalf("ordinary borrow: %v", err)
	}
	if err := lk.ManagedBorrow(c.WriteCtx(), "synth", pos, coin("1000000000uusdc")); !errorsmod.IsOf(err, types.ErrManagedAccount) {
		t.Fatalf("wrong manager: %v", err)
	}
	if err := lk.ManagedBorrow(c.WriteCtx(), "margin", pos, coin("1000000000uusdc")); err != nil {
		t.Fatal(err)
	}
	if got := c.App.BankKeeper.GetBalance(c.Ctx(), pos, "uusdc").Amount; !got.Equal(sdkmath.NewInt(1_000_000_000)) {
		t.Fatalf("borrowed %s", got)
	}
	if has, _ := lk.Risk.Records.Has(c.Ctx(), pos); has {
		t.Fatal("a managed account is in the index")
	}
	c.AdvanceBlocks(3)
	if d, err := lk.Debt(c.Ctx(), pos, "uusdc"); err != nil || d.LT(sdkmath.NewInt(1_000_000_000)) {
		t.Fatalf("EndBlock settled the managed debt: %s %v", d, err)
	}
	before := marketState(t, c, "uusdc")
	freshPrices(t, c)
	_, err := c.DeliverMsgs("bob", &types.MsgLiquidate{
		Liquidator: addr(c, "bob"), Borrower: pos.String(), RepayDenom: "uusdc", CollateralDenom: "ubtc",
		MaxRepay: sdkmath.NewInt(1_000_000), MinCollateralOut: sdkmath.ZeroInt(),
	})
	var txErr *apptest.TxError
	if !errors.As(err, &txErr) || txErr.Codespace != types.ModuleName || txErr.Code != types.ErrManagedAccount.ABCICode() {
		t.Fatalf("liquidating a managed account: %v", err)
	}
	if after := marketState(t, c, "uusdc"); !after.ScaledBorrows.Equal(before.ScaledBorrows) || !after.Cash.Equal(before.Cash) {
		t.Fatal("a refused liquidation changed the market")
	}
	if err := lk.UnregisterManaged(c.WriteCtx(), pos, "synth"); !errorsmod.IsOf(err, types.ErrManagedAccount) {
		t.Fatalf("unregister by another module: %v", err)
	}
	if err := lk.UnregisterManaged(c.WriteCtx(), pos, "margin"); err != nil {
		t.Fatal(err)
	}
	if has, _ := lk.Risk.Records.Has(c.Ctx(), pos); !has {
		t.Fatal("an unmanaged debtor is not indexed")
	}
}
