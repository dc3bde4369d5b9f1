package keeper_test

import (
	"errors"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
	"github.com/agora-labs/agora/x/synth/keeper"
	"github.com/agora-labs/agora/x/synth/types"
)

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }
func ints(v int64) sdkmath.Int       { return sdkmath.NewInt(v) }

const (
	usd = types.USDDenom
	btc = "synth/BTC"
	eth = "synth/ETH"
)

// prices are the test's prices (one whole unit, in USD); publish writes
// them as the oracle would in the next block's pre-blocker.
type prices map[string]string

func startPrices() prices {
	return prices{"BTC/USD": "60000", "ETH/USD": "3000", "AGR/USD": "1", "USDC/USD": "1"}
}

// publish records every price as published at the next block's height, as
// the oracle's pre-blocker does before that block's transactions.
func publish(t testing.TB, c *apptest.Chain, p prices) {
	t.Helper()
	for pair, v := range p {
		if err := c.App.OracleKeeper.Prices.Set(c.WriteCtx(), pair, oracletypes.PriceRecord{
			Pair: pair, Price: dec(v), UpdatedHeight: c.Height() + 1, UpdatedTime: c.Time(), Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
		}); err != nil {
			t.Fatal(err)
		}
	}
}

// agr is the devnet's AGR collateral: issuance 400 %, liquidation 150 %,
// penalty 10 %.
func agr() types.Collateral {
	return types.Collateral{
		Denom: "uagr", OraclePair: "AGR/USD", Decimals: 6, IssuanceRatio: dec("4"), LiquidationRatio: dec("1.5"),
		LiquidationPenalty: dec("0.1"), Cap: ints(100_000_000_000_000),
	}
}

func synth(sym, pair, fee string) types.Synth {
	return types.Synth{Symbol: sym, OraclePair: pair, SupplyCap: ints(1_000_000_000_000_000), BaseFee: dec(fee)}
}

type chain struct {
	*apptest.Chain
	t testing.TB
	p prices
}

// newChain starts the app (every app invariant, synth's included, is
// asserted after each block) with AGR staking and synths USD, BTC (0.3 %
// base fee) and ETH (0.3 %). Prices are published before every block.
func newChain(t *testing.T) *chain { return newBenchChain(t) }

func newBenchChain(t testing.TB) *chain {
	t.Helper()
	c := &chain{Chain: apptest.New(t), t: t, p: startPrices()}
	c.gov(
		&types.MsgSetCollateral{Authority: app.TimelockAuthority(), Collateral: agr()},
		&types.MsgSetSynth{Authority: app.TimelockAuthority(), Synth: synth("USD", "", "0")},
		&types.MsgSetSynth{Authority: app.TimelockAuthority(), Synth: synth("BTC", "BTC/USD", "0.003")},
		&types.MsgSetSynth{Authority: app.TimelockAuthority(), Synth: synth("ETH", "ETH/USD", "0.003")},
	)
	return c
}

func (c *chain) ms() types.MsgServer { return keeper.NewMsgServerImpl(c.App.SynthKeeper) }
func (c *chain) qs() types.QueryServer {
	return keeper.NewQueryServerImpl(c.App.SynthKeeper)
}

func (c *chain) gov(msgs ...sdk.Msg) {
	c.t.Helper()
	for _, m := range msgs {
		if err := c.govErr(m); err != nil {
			c.t.Fatalf("gov %T: %v", m, err)
		}
	}
	c.next()
}

func (c *chain) govErr(m sdk.Msg) error {
	var err error
	switch m := m.(type) {
	case *types.MsgSetCollateral:
		_, err = c.ms().SetCollateral(c.WriteCtx(), m)
	case *types.MsgSetSynth:
		_, err = c.ms().SetSynth(c.WriteCtx(), m)
	case *types.MsgResumeSynth:
		_, err = c.ms().ResumeSynth(c.WriteCtx(), m)
	case *types.MsgUpdateParams:
		_, err = c.ms().UpdateParams(c.WriteCtx(), m)
	default:
		c.t.Fatalf("gov: no case for %T", m)
	}
	return err
}

// next publishes the prices and commits an empty block.
func (c *chain) next() {
	c.t.Helper()
	publish(c.t, c.Chain, c.p)
	c.NextBlock()
}

// deliver publishes the prices and commits msgs signed by signer in a block.
func (c *chain) deliver(signer string, msgs ...sdk.Msg) {
	c.t.Helper()
	if err := c.try(signer, msgs...); err != nil {
		c.t.Fatalf("%s: %v", signer, err)
	}
}

func (c *chain) try(signer string, msgs ...sdk.Msg) error {
	c.t.Helper()
	publish(c.t, c.Chain, c.p)
	_, err := c.DeliverMsgs(signer, msgs...)
	return err
}

func (c *chain) addr(name string) string { return c.Address(name).String() }

func (c *chain) balance(name, denom string) sdkmath.Int {
	return c.App.BankKeeper.GetBalance(c.Ctx(), c.Address(name), denom).Amount
}

func (c *chain) position(name string) types.PositionInfo {
	c.t.Helper()
	res, err := c.qs().Position(c.Ctx(), &types.QueryPositionRequest{Owner: c.addr(name), Denom: "uagr"})
	if err != nil {
		c.t.Fatal(err)
	}
	return res.Position
}

func (c *chain) exchange(id uint64) types.QueryExchangeResponse {
	c.t.Helper()
	res, err := c.qs().Exchange(c.Ctx(), &types.QueryExchangeRequest{Id: id})
	if err != nil {
		c.t.Fatal(err)
	}
	return *res
}

func (c *chain) poolDebt() sdkmath.LegacyDec {
	c.t.Helper()
	d, err := c.App.SynthKeeper.PoolDebt(c.Ctx())
	if err != nil {
		c.t.Fatal(err)
	}
	return d
}

func stake(who string, amt int64) *types.MsgStake {
	return &types.MsgStake{Staker: who, Amount: sdk.NewInt64Coin("uagr", amt)}
}

func mint(who string, amt int64) *types.MsgMint {
	return &types.MsgMint{Staker: who, Denom: "uagr", Amount: ints(amt)}
}

func burn(who string, amt int64) *types.MsgBurn {
	return &types.MsgBurn{Staker: who, Denom: "uagr", Amount: ints(amt)}
}

func exch(who string, amt int64, from, to string, minOut int64) *types.MsgExchange {
	return &types.MsgExchange{Trader: who, Amount: sdk.NewInt64Coin(from, amt), ToDenom: to, MinOut: ints(minOut)}
}

// isErr reports whether err carries the registered error want (same
// codespace and code), through tx logs too.
func isErr(t *testing.T, err error, want *errorsmod.Error) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %s/%d (%s)", want.Codespace(), want.ABCICode(), want)
	}
	var txErr *apptest.TxError
	if errors.As(err, &txErr) {
		if txErr.Codespace != want.Codespace() || txErr.Code != want.ABCICode() {
			t.Fatalf("got %s/%d %q, want %s/%d (%s)", txErr.Codespace, txErr.Code, txErr.Log, want.Codespace(), want.ABCICode(), want)
		}
		return
	}
	space, code, _ := errorsmod.ABCIInfo(err, false)
	if space != want.Codespace() || code != want.ABCICode() {
		t.Fatalf("got %s/%d %v, want %s/%d (%s)", space, code, err, want.Codespace(), want.ABCICode(), want)
	}
}

func govAddr() string { return app.TimelockAuthority() }

func claimMsg(who string) *types.MsgClaimFees { return &types.MsgClaimFees{Staker: who, Denom: "uagr"} }
