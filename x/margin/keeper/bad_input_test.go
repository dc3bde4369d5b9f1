package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	lendtypes "github.com/agora-labs/agora/x/lend/types"
	"github.com/agora-labs/agora/x/margin/types"
)

func (e *env) openMsg(owner string, side types.Side, margin, leverage string) *types.MsgOpenPosition {
	return &types.MsgOpenPosition{Owner: e.addr(owner), Pair: pairID, Side: side, Margin: coin(margin), Leverage: dec(leverage), PriceLimit: sdkmath.LegacyZeroDec()}
}

// Every bad input of the issue: the module's (or lend's, or bank's) error
// with its codespace and code, and no state change.
func TestBadInputs(t *testing.T) {
	e := newEnv(t, 100)
	long := e.open(t, "bob", types.SIDE_LONG, "1000000000uusdc", "3")
	zero := sdkmath.LegacyZeroDec()
	noPrice := map[string]string{"BTC/USD": ""}

	withMsg := func(edit func(m *types.MsgOpenPosition)) *types.MsgOpenPosition {
		m := e.openMsg("dave", types.SIDE_LONG, "1000000000uusdc", "3")
		edit(m)
		return m
	}
	cases := []struct {
		name   string
		signer string
		msg    sdk.Msg
		want   *errorsmod.Error
		prices map[string]string
	}{
		{"zero margin", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Margin = sdk.Coin{Denom: "uusdc", Amount: sdkmath.ZeroInt()} }), types.ErrInvalidAmount, nil},
		{"negative margin", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Margin = sdk.Coin{Denom: "uusdc", Amount: sdkmath.NewInt(-5)} }), types.ErrInvalidAmount, nil},
		{"margin over the balance", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Margin = coin("99999999999999999999uusdc") }), sdkerrors.ErrInsufficientFunds, nil},
		{"leverage below 1", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Leverage = dec("0.5") }), types.ErrInvalidLeverage, nil},
		{"leverage above the pair's max", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Leverage = dec("11") }), types.ErrInvalidLeverage, nil},
		{"leverage overflow", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Leverage = dec("1000000000000000000000") }), types.ErrInvalidLeverage, nil},
		{"unknown pair", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Pair = "ueth/uusdc" }), types.ErrPairNotFound, nil},
		{"no side", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Side = types.SIDE_UNSPECIFIED }), types.ErrInvalidSide, nil},
		{"margin in the base", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Margin = coin("1000000ubtc") }), types.ErrWrongDenom, nil},
		{"long price limit not met", "dave", withMsg(func(m *types.MsgOpenPosition) { m.PriceLimit = dec("59000") }), types.ErrPriceLimit, nil},
		{"short price limit not met", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Side, m.PriceLimit = types.SIDE_SHORT, dec("61000") }), types.ErrPriceLimit, nil},
		{"expired deadline", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Deadline = 1_000 }), types.ErrDeadlineExpired, nil},
		{"over lend's cash", "dave", withMsg(func(m *types.MsgOpenPosition) { m.Margin, m.Leverage = coin("300000000000uusdc"), dec("10") }), lendtypes.ErrInsufficientCash, nil},
		{"stale price opening", "dave", withMsg(func(*types.MsgOpenPosition) {}), types.ErrPriceUnavailable, noPrice},
		{"stale price removing margin", "bob", &types.MsgRemoveMargin{Owner: e.addr("bob"), PositionId: long.Id, Amount: coin("1000000uusdc")}, types.ErrPriceUnavailable, noPrice},
		{"removing margin below initial margin", "bob", &types.MsgRemoveMargin{Owner: e.addr("bob"), PositionId: long.Id, Amount: coin("800000000uusdc")}, types.ErrBelowInitialMargin, nil},
		{"removing margin in the base", "bob", &types.MsgRemoveMargin{Owner: e.addr("bob"), PositionId: long.Id, Amount: coin("1000ubtc")}, types.ErrWrongDenom, nil},
		{"closing someone else's position", "dave", &types.MsgClosePosition{Owner: e.addr("dave"), PositionId: long.Id, Fraction: zero, PriceLimit: zero}, types.ErrNotOwner, nil},
		{"closing an unknown position", "bob", &types.MsgClosePosition{Owner: e.addr("bob"), PositionId: 99, Fraction: zero, PriceLimit: zero}, types.ErrPositionNotFound, nil},
		{"close fraction above 1", "bob", &types.MsgClosePosition{Owner: e.addr("bob"), PositionId: long.Id, Fraction: dec("1.5"), PriceLimit: zero}, types.ErrInvalidAmount, nil},
		{"close price limit not met", "bob", &types.MsgClosePosition{Owner: e.addr("bob"), PositionId: long.Id, Fraction: zero, PriceLimit: dec("65000")}, types.ErrPriceLimit, nil},
		{"close after the deadline", "bob", &types.MsgClosePosition{Owner: e.addr("bob"), PositionId: long.Id, Fraction: zero, PriceLimit: zero, Deadline: 1_000}, types.ErrDeadlineExpired, nil},
		{"add margin to someone else's", "dave", &types.MsgAddMargin{Owner: e.addr("dave"), PositionId: long.Id, Amount: coin("1000000uusdc")}, types.ErrNotOwner, nil},
		{"take-profit below the price", "bob", &types.MsgSetTriggers{Owner: e.addr("bob"), PositionId: long.Id, TakeProfit: dec("50000"), StopLoss: zero, PriceLimit: zero}, types.ErrInvalidTrigger, nil},
		{"negative stop-loss", "bob", &types.MsgSetTriggers{Owner: e.addr("bob"), PositionId: long.Id, TakeProfit: zero, StopLoss: dec("-1"), PriceLimit: zero}, types.ErrInvalidTrigger, nil},
		{"liquidating a healthy position", "dave", &types.MsgLiquidatePosition{Sender: e.addr("dave"), PositionId: long.Id}, types.ErrNotLiquidatable, nil},
		{"insurance in the base", "dave", &types.MsgFundInsurance{Sender: e.addr("dave"), Pair: pairID, Amount: coin("1000ubtc")}, types.ErrWrongDenom, nil},
		{"pair by a non-gov signer", "bob", &types.MsgSetMarginPair{Authority: e.addr("bob"), Pair: testPair()}, types.ErrUnauthorized, nil},
		{"params by a non-gov signer", "bob", &types.MsgUpdateParams{Authority: e.addr("bob"), Params: types.DefaultParams()}, types.ErrUnauthorized, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { e.expectRefused(t, tc.signer, tc.msg, tc.want, tc.prices) })
	}

	// Over the open-interest cap, too thin a pool (JELLY) and a paused pair.
	small := testPair()
	small.MaxOpenInterestLong = sdkmath.NewInt(10_000)
	e.setPair(t, small)
	t.Run("over the open-interest cap", func(t *testing.T) {
		e.expectRefused(t, "dave", e.openMsg("dave", types.SIDE_LONG, "1000000000uusdc", "3"), types.ErrOpenInterestCap, nil)
	})
	paused := testPair()
	paused.Paused = true
	e.setPair(t, paused)
	t.Run("paused pair", func(t *testing.T) {
		e.expectRefused(t, "dave", e.openMsg("dave", types.SIDE_SHORT, "1000000000uusdc", "2"), types.ErrPaused, nil)
	})
	// Closing and adding margin work while paused and without a price.
	setPrices(t, e.c, noPrice)
	if _, err := e.c.DeliverMsgs("bob", &types.MsgAddMargin{Owner: e.addr("bob"), PositionId: long.Id, Amount: coin("100000000uusdc")}); err != nil {
		t.Fatalf("add margin while paused, no price: %v", err)
	}
	setPrices(t, e.c, noPrice)
	if _, err := e.c.DeliverMsgs("bob", &types.MsgClosePosition{Owner: e.addr("bob"), PositionId: long.Id, Fraction: zero, PriceLimit: zero}); err != nil {
		t.Fatalf("close while paused, no price: %v", err)
	}

	bad := testPair()
	bad.MaintenanceMargin = dec("0.2") // above the initial margin 0.1
	if _, err := e.ms().SetMarginPair(e.c.WriteCtx(), &types.MsgSetMarginPair{Authority: e.c.App.MarginKeeper.Authority(), Pair: bad}); !errorsmod.IsOf(err, types.ErrInvalidPair) {
		t.Fatalf("maintenance above initial margin: %v", err)
	}
	noMarket := testPair()
	noMarket.BaseDenom = "ueth"
	if _, err := e.ms().SetMarginPair(e.c.WriteCtx(), &types.MsgSetMarginPair{Authority: e.c.App.MarginKeeper.Authority(), Pair: noMarket}); !errorsmod.IsOf(err, types.ErrInvalidPair) {
		t.Fatalf("no lend market: %v", err)
	}
}

// The JELLY check: a position the pool cannot take within the pair's max
// slippage is refused (1 BTC pool, 15,000 USDC of BTC).
func TestOpenRefusedOnThinPool(t *testing.T) {
	e := newEnv(t, 1)
	e.expectRefused(t, "dave", e.openMsg("dave", types.SIDE_LONG, "3000000000uusdc", "5"), types.ErrDepthExceeded, nil)
	e.expectRefused(t, "dave", e.openMsg("dave", types.SIDE_SHORT, "3000000000uusdc", "5"), types.ErrDepthExceeded, nil)
}
