package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/cdp/keeper"
	"github.com/agora-labs/agora/x/cdp/types"
)

// snapshot is everything a bad message must leave alone: x/cdp's whole
// exported state and the signer's balances other than the fee denom.
func snapshot(t *testing.T, c *apptest.Chain, signer string) string {
	t.Helper()
	gs, err := c.App.CdpKeeper.ExportGenesis(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	bz := c.App.AppCodec().MustMarshalJSON(gs)
	bal := c.App.BankKeeper.GetAllBalances(c.Ctx(), c.Address(signer))
	return string(bz) + bal.Sub(sdk.NewCoin(app.BondDenom, bal.AmountOf(app.BondDenom))).String()
}

// Every bad input fails with x/cdp's registered error (codespace and code)
// through a real transaction, and changes no state.
func TestBadInputs(t *testing.T) {
	c := newChain(t)
	// alice: vault 1 (1 ETH, 2,000 AUSD); bob: 100 AUSD in the pool
	deliver(t, c, "alice", &types.MsgOpenVault{Owner: addr(c, "alice"), Collateral: coinOf(1_000_000, "ueth"), Mint: ints(2_000_000_000)})
	deliver(t, c, "bob", &types.MsgPsmSwapIn{Sender: addr(c, "bob"), Amount: ints(200_000_000)})
	deliver(t, c, "bob", &types.MsgPoolDeposit{Depositor: addr(c, "bob"), Amount: ints(100_000_000)})
	alice, bob := addr(c, "alice"), addr(c, "bob")
	huge, _ := sdkmath.NewIntFromString("1" + string(make([]byte, 0)) + "000000000000000000000000000000000000000000000000000000000000000000000")

	cases := []struct {
		name   string
		signer string
		msg    sdk.Msg
		want   *errorsmod.Error
		setup  func()
	}{
		{name: "zero collateral", signer: "alice", msg: &types.MsgOpenVault{Owner: alice, Collateral: coinOf(0, "ueth"), Mint: ints(0)}, want: types.ErrInvalidAmount},
		{name: "negative mint", signer: "alice", msg: &types.MsgMint{Owner: alice, VaultId: 1, Amount: ints(-5)}, want: types.ErrInvalidAmount},
		{name: "overflow amount", signer: "alice", msg: &types.MsgDeposit{Sender: alice, VaultId: 1, Amount: huge}, want: types.ErrInvalidAmount},
		{name: "unknown collateral type", signer: "alice", msg: &types.MsgOpenVault{Owner: alice, Collateral: coinOf(1_000_000, "uagr"), Mint: ints(0)}, want: types.ErrUnknownCollateralType},
		{name: "AUSD as collateral", signer: "alice", msg: &types.MsgOpenVault{Owner: alice, Collateral: coinOf(1_000_000, "uausd"), Mint: ints(0)}, want: types.ErrUnknownCollateralType},
		{name: "mint over the ratio", signer: "alice", msg: &types.MsgMint{Owner: alice, VaultId: 1, Amount: ints(400_000_000)}, want: types.ErrUndercollateralized},
		{name: "mint below the floor", signer: "alice", msg: &types.MsgOpenVault{Owner: alice, Collateral: coinOf(1_000_000, "ueth"), Mint: ints(5_000_000)}, want: types.ErrDebtFloor},
		{name: "repay leaving less than the floor", signer: "alice", msg: &types.MsgRepay{Sender: alice, VaultId: 1, Amount: ints(1_995_000_000)}, want: types.ErrDebtFloor},
		{name: "withdraw breaking the ratio", signer: "alice", msg: &types.MsgWithdraw{Owner: alice, VaultId: 1, Amount: ints(500_000)}, want: types.ErrUndercollateralized},
		{name: "withdraw another's vault", signer: "bob", msg: &types.MsgWithdraw{Owner: bob, VaultId: 1, Amount: ints(1)}, want: types.ErrNotOwner},
		{name: "unknown vault", signer: "alice", msg: &types.MsgMint{Owner: alice, VaultId: 99, Amount: ints(1)}, want: types.ErrVaultNotFound},
		{name: "liquidate a safe vault", signer: "bob", msg: &types.MsgLiquidate{Liquidator: bob, VaultId: 1}, want: types.ErrNotLiquidatable},
		{name: "pool withdraw over the deposit", signer: "bob", msg: &types.MsgPoolWithdraw{Depositor: bob, Amount: ints(100_000_001)}, want: types.ErrInsufficientDeposit},
		{name: "pool deposit over balance", signer: "carol", msg: &types.MsgPoolDeposit{Depositor: addr(c, "carol"), Amount: ints(1)}, want: types.ErrInsufficientFunds},
		{name: "PSM over its ceiling", signer: "bob", msg: &types.MsgPsmSwapIn{Sender: bob, Amount: ints(1_000_000_000_000)}, want: types.ErrPsmCeiling},
		{name: "PSM out beyond its reserve", signer: "alice", msg: &types.MsgPsmSwapOut{Sender: alice, Amount: ints(1_000_000_000)}, want: types.ErrPsmReserve},
		{name: "non-gov signer sets a type", signer: "alice", msg: &types.MsgSetCollateralType{Authority: alice, CollateralType: ethType()}, want: types.ErrUnauthorized},
		{name: "non-gov signer updates params", signer: "alice", msg: &types.MsgUpdateParams{Authority: alice, Params: types.DefaultParams()}, want: types.ErrUnauthorized},
		{name: "mint over the type's ceiling", signer: "alice", msg: &types.MsgOpenVault{Owner: alice, Collateral: coinOf(1_000_000, "ubtc"), Mint: ints(2_000_000_000)}, want: types.ErrDebtCeiling,
			setup: func() {
				ct := btcType()
				ct.DebtCeiling = ints(1_000_000_000)
				gov(t, c, &types.MsgSetCollateralType{Authority: app.TimelockAuthority(), CollateralType: ct})
			}},
		{name: "mint while the type is paused", signer: "alice", msg: &types.MsgMint{Owner: alice, VaultId: 1, Amount: ints(1_000_000)}, want: types.ErrPaused,
			setup: func() {
				ct := ethType()
				ct.Paused = true
				gov(t, c, &types.MsgSetCollateralType{Authority: app.TimelockAuthority(), CollateralType: ct})
			}},
		{name: "open while the module is paused", signer: "alice", msg: &types.MsgOpenVault{Owner: alice, Collateral: coinOf(1_000_000, "ubtc"), Mint: ints(0)}, want: types.ErrPaused,
			setup: func() {
				p, _ := c.App.CdpKeeper.Params.Get(c.Ctx())
				p.Paused = true
				gov(t, c, &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: p})
			}},
		{name: "PSM while paused", signer: "bob", msg: &types.MsgPsmSwapIn{Sender: bob, Amount: ints(1)}, want: types.ErrPaused},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.setup != nil {
				tc.setup()
			}
			freshPrices(t, c)
			c.NextBlock()
			freshPrices(t, c)
			before := snapshot(t, c, tc.signer)
			_, err := c.DeliverMsgs(tc.signer, tc.msg)
			txErr, ok := err.(*apptest.TxError)
			if !ok {
				t.Fatalf("want %s, got %v", tc.want, err)
			}
			if txErr.Codespace != tc.want.Codespace() || txErr.Code != tc.want.ABCICode() {
				t.Fatalf("got %s/%d (%s), want %s/%d (%s)", txErr.Codespace, txErr.Code, txErr.Log, tc.want.Codespace(), tc.want.ABCICode(), tc.want)
			}
			if after := snapshot(t, c, tc.signer); after != before {
				t.Fatalf("state changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// A stale price refuses minting and withdrawing (fails closed) while
// deposit and repay still work.
func TestStalePriceFailsClosed(t *testing.T) {
	c := newChain(t)
	deliver(t, c, "alice", &types.MsgOpenVault{Owner: addr(c, "alice"), Collateral: coinOf(1_000_000, "ueth"), Mint: ints(1_000_000_000)})
	op, _ := c.App.OracleKeeper.Params.Get(c.Ctx())
	c.AdvanceBlocks(int(op.MaxPriceAgeBlocks) + 1) // prices age past max_price_age_blocks
	alice := addr(c, "alice")
	for _, m := range []sdk.Msg{
		&types.MsgMint{Owner: alice, VaultId: 1, Amount: ints(1_000_000)},
		&types.MsgWithdraw{Owner: alice, VaultId: 1, Amount: ints(1)},
	} {
		_, err := c.DeliverMsgs("alice", m)
		txErr, ok := err.(*apptest.TxError)
		if !ok || txErr.Codespace != types.ModuleName || txErr.Code != types.ErrPriceUnavailable.ABCICode() {
			t.Fatalf("%T with a stale price: %v, want ErrPriceUnavailable", m, err)
		}
	}
	if _, err := c.DeliverMsgs("alice", &types.MsgDeposit{Sender: alice, VaultId: 1, Amount: ints(1_000)}); err != nil {
		t.Fatalf("deposit with a stale price: %v", err)
	}
	if _, err := c.DeliverMsgs("alice", &types.MsgRepay{Sender: alice, VaultId: 1, Amount: ints(100_000_000)}); err != nil {
		t.Fatalf("repay with a stale price: %v", err)
	}
}

// Collateral type bounds: every problem reported at once; a stablecoin is
// refused.
func TestCollateralTypeBounds(t *testing.T) {
	c := newChain(t)
	ms := keeper.NewMsgServerImpl(c.App.CdpKeeper)
	bad := ethType()
	bad.MinCollateralRatio, bad.LiquidationPenalty, bad.StabilityFee = dec("1"), dec("0.5"), dec("-0.1")
	_, err := ms.SetCollateralType(c.WriteCtx(), &types.MsgSetCollateralType{Authority: app.TimelockAuthority(), CollateralType: bad})
	if !types.ErrInvalidCollateralType.Is(err) {
		t.Fatalf("got %v", err)
	}
	for _, want := range []string{"min_collateral_ratio", "liquidation_penalty", "stability_fee"} {
		if !contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	usdc := ethType()
	usdc.Denom, usdc.OraclePair = "uusdc", "USDC/USD"
	if _, err := ms.SetCollateralType(c.WriteCtx(), &types.MsgSetCollateralType{Authority: app.TimelockAuthority(), CollateralType: usdc}); !types.ErrInvalidCollateralType.Is(err) {
		t.Fatalf("a stablecoin as collateral: %v", err)
	}
	if has, _ := c.App.CdpKeeper.CollateralTypes.Has(c.Ctx(), "uusdc"); has {
		t.Fatal("uusdc was listed")
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
