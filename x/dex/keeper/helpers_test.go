package keeper_test

import (
	"errors"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/dex/types"
)

var (
	feeTier = sdkmath.LegacyNewDecWithPrec(3, 3) // 0.30%
)

func coins(s string) sdk.Coins {
	c, err := sdk.ParseCoinsNormalized(s)
	if err != nil {
		panic(err)
	}
	return c
}

func coin(s string) sdk.Coin {
	c, err := sdk.ParseCoinNormalized(s)
	if err != nil {
		panic(err)
	}
	return c
}

func dexKeeper(c *apptest.Chain) keeper.Keeper { return c.App.DexKeeper }

// createPool creates a pool as signer and returns its id.
func createPool(t *testing.T, c *apptest.Chain, signer string, typ types.PoolType, liquidity string, fee sdkmath.LegacyDec, amp uint64) uint64 {
	t.Helper()
	res, err := c.DeliverMsgs(signer, &types.MsgCreatePool{
		Sender: c.Address(signer).String(), PoolType: typ, InitialLiquidity: coins(liquidity), SwapFee: fee, Amplification: amp,
	})
	if err != nil {
		t.Fatalf("create pool %s: %v", liquidity, err)
	}
	var resp types.MsgCreatePoolResponse
	decodeResponse(t, c, res.Data, &resp)
	return resp.PoolId
}

func createCP(t *testing.T, c *apptest.Chain, liquidity string) uint64 {
	return createPool(t, c, "alice", types.POOL_TYPE_CONSTANT_PRODUCT, liquidity, feeTier, 0)
}

// decodeResponse unpacks the first message response of a tx.
func decodeResponse(t *testing.T, c *apptest.Chain, data []byte, resp interface{ Unmarshal([]byte) error }) {
	t.Helper()
	var msgData sdk.TxMsgData
	if err := c.App.AppCodec().Unmarshal(data, &msgData); err != nil {
		t.Fatal(err)
	}
	if len(msgData.MsgResponses) == 0 {
		t.Fatal("no msg response")
	}
	if err := resp.Unmarshal(msgData.MsgResponses[0].Value); err != nil {
		t.Fatal(err)
	}
}

// state is everything a failed message must leave unchanged.
type state struct {
	balances map[string]sdk.Coins
	module   sdk.Coins
	genesis  *types.GenesisState
}

func snapshot(t *testing.T, c *apptest.Chain) state {
	t.Helper()
	s := state{balances: map[string]sdk.Coins{}}
	for name, acc := range c.Accounts {
		s.balances[name] = c.Balances(acc.Address)
	}
	s.module = c.Balances(dexKeeper(c).ModuleAddress())
	gs, err := dexKeeper(c).ExportGenesis(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	gs.TwapRecords = nil      // written by EndBlock of any block, failed tx or not
	gs.PoolStatsRecords = nil // likewise (ramping pools are recorded every block)
	s.genesis = gs
	return s
}

// requireUnchanged: nothing moved but the signer's tx fee (none when the
// tx is refused before the ante handler, by ValidateBasic).
func requireUnchanged(t *testing.T, c *apptest.Chain, before state, signer string) {
	t.Helper()
	after := snapshot(t, c)
	for name, b := range before.balances {
		got := after.balances[name]
		if name == signer && got.Equal(b.Sub(apptest.DefaultFee...)) {
			continue
		}
		if !got.Equal(b) {
			t.Fatalf("%s's balances changed: %s -> %s", name, b, got)
		}
	}
	if !after.module.Equal(before.module) {
		t.Fatalf("module balance changed: %s -> %s", before.module, after.module)
	}
	if before.genesis.String() != after.genesis.String() {
		t.Fatalf("dex state changed:\n%v\n->\n%v", before.genesis, after.genesis)
	}
}

// requireErr checks a failed tx carries the registered error.
func requireErr(t *testing.T, err error, want *errorsmod.Error) {
	t.Helper()
	if err == nil {
		t.Fatalf("expected %v, got success", want)
	}
	var txErr *apptest.TxError
	if errors.As(err, &txErr) {
		if txErr.Codespace != want.Codespace() || txErr.Code != want.ABCICode() {
			t.Fatalf("expected %s/%d (%v), got %s/%d: %s", want.Codespace(), want.ABCICode(), want, txErr.Codespace, txErr.Code, txErr.Log)
		}
		return
	}
	// Keeper-level errors: the code a tx result would carry.
	space, code, _ := errorsmod.ABCIInfo(err, false)
	if space != want.Codespace() || code != want.ABCICode() {
		t.Fatalf("expected %s/%d (%v), got %s/%d: %v", want.Codespace(), want.ABCICode(), want, space, code, err)
	}
}

func newMsgServer(c *apptest.Chain) types.MsgServer { return keeper.NewMsgServerImpl(dexKeeper(c)) }

// newChain starts an in-process chain whose bank genesis carries the
// metadata of the Agora assets (the SDK's genesis helper drops it), so
// stableswap pools of them can be created.
func newChain(t testing.TB, opts ...apptest.Option) *apptest.Chain {
	t.Helper()
	withMetadata := apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var bank banktypes.GenesisState
		cdc.MustUnmarshalJSON(gen[banktypes.ModuleName], &bank)
		for _, a := range app.Assets {
			bank.DenomMetadata = append(bank.DenomMetadata, a.Metadata())
		}
		gen[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)
	})
	return apptest.New(t, append([]apptest.Option{withMetadata}, opts...)...)
}
