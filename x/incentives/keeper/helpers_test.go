package keeper_test

import (
	"errors"
	"reflect"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/testutil/apptest"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	"github.com/agora-labs/agora/x/incentives/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

const share1 = "dex/pool/1"

func coin(s string) sdk.Coin {
	c, err := sdk.ParseCoinNormalized(s)
	if err != nil {
		panic(err)
	}
	return c
}

type env struct {
	c *apptest.Chain
}

// newEnv: carol's BTC/USDC pool 1 (10 BTC, 600,000 USDC), bob holds
// 1,000,000 of its shares; unbonding 60 s and gauges of at least 60 s.
func newEnv(t testing.TB) *env {
	t.Helper()
	c := apptest.New(t)
	e := &env{c: c}
	p := types.DefaultParams()
	p.UnbondingPeriodSeconds = 60
	p.MinGaugeDurationSeconds = 60
	if err := c.App.IncentivesKeeper.Params.Set(c.WriteCtx(), p); err != nil {
		t.Fatal(err)
	}
	c.NextBlock()
	e.deliver(t, "carol", &dextypes.MsgCreatePool{
		Sender: e.addr("carol"), PoolType: dextypes.POOL_TYPE_CONSTANT_PRODUCT,
		InitialLiquidity: sdk.NewCoins(coin("10000000ubtc"), coin("600000000000uusdc")), SwapFee: sdkmath.LegacyNewDecWithPrec(3, 3),
	})
	e.deliver(t, "carol", &banktypes.MsgSend{FromAddress: e.addr("carol"), ToAddress: e.addr("bob"),
		Amount: sdk.NewCoins(coin("1000000" + share1))})
	return e
}

func (e *env) addr(name string) string { return e.c.Address(name).String() }

func (e *env) deliver(t testing.TB, signer string, msgs ...sdk.Msg) {
	t.Helper()
	if _, err := e.c.DeliverMsgs(signer, msgs...); err != nil {
		t.Fatalf("%s: %v", signer, err)
	}
}

func (e *env) balance(name, denom string) sdkmath.Int {
	return e.c.App.BankKeeper.GetBalance(e.c.Ctx(), e.c.Address(name), denom).Amount
}

func (e *env) claimable(t testing.TB, name string) sdk.Coins {
	t.Helper()
	got, err := e.c.App.IncentivesKeeper.Claimable(e.c.Ctx(), e.c.Address(name), 0)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func (e *env) setPrices(t testing.TB) {
	t.Helper()
	for pair, v := range map[string]int64{"BTC/USD": 60000, "USDC/USD": 1, "AGR/USD": 2} {
		if err := e.c.App.OracleKeeper.Prices.Set(e.c.WriteCtx(), pair, oracletypes.PriceRecord{
			Pair: pair, Price: sdkmath.LegacyNewDec(v), UpdatedHeight: e.c.Height(), UpdatedTime: e.c.Time(),
			Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
		}); err != nil {
			t.Fatal(err)
		}
	}
}

// expectRefused delivers msg as signer and checks the codespace and code,
// and that x/incentives' state and the signer's non-fee balances did not change.
func (e *env) expectRefused(t *testing.T, signer string, msg sdk.Msg, want *errorsmod.Error) {
	t.Helper()
	before, err := e.c.App.IncentivesKeeper.ExportGenesis(e.c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	balBefore := e.c.Balances(e.c.Address(signer))
	_, err = e.c.DeliverMsgs(signer, msg)
	var txErr *apptest.TxError
	if !errors.As(err, &txErr) {
		t.Fatalf("%T: expected a failed tx, got %v", msg, err)
	}
	if txErr.Codespace != want.Codespace() || txErr.Code != want.ABCICode() {
		t.Fatalf("%T: got %s/%d (%s), want %s/%d", msg, txErr.Codespace, txErr.Code, txErr.Log, want.Codespace(), want.ABCICode())
	}
	after, err := e.c.App.IncentivesKeeper.ExportGenesis(e.c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	// pool states' last_update may move with EndBlock; compare the rest.
	before.Pools, after.Pools = nil, nil
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("%T: state changed:\nbefore %v\nafter  %v", msg, before, after)
	}
	balAfter := e.c.Balances(e.c.Address(signer))
	for _, c := range balBefore {
		if c.Denom == "uagr" {
			continue // the fee
		}
		if !balAfter.AmountOf(c.Denom).Equal(c.Amount) {
			t.Fatalf("%T: balance of %s changed: %s → %s", msg, c.Denom, c.Amount, balAfter.AmountOf(c.Denom))
		}
	}
}
