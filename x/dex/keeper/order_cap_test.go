package keeper_test

import (
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/dex/types"
)

// orderCapChain is a chain whose max_orders_per_pool_per_block is perBlock,
// with three more funded accounts, and two pools.
func orderCapChain(t *testing.T, perBlock uint32) (c *apptest.Chain, p1, p2 uint64) {
	c = newChain(t, apptest.WithAccounts("dave", "erin", "frank"), apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var gs types.GenesisState
		cdc.MustUnmarshalJSON(gen[types.ModuleName], &gs)
		gs.Params.MaxOrdersPerPoolPerBlock = perBlock
		gen[types.ModuleName] = cdc.MustMarshalJSON(&gs)
	}))
	p1 = createCP(t, c, "100000000000uagr,100000000000uusdc")
	p2 = createCP(t, c, "100000000ueth,300000000000uusdc")
	return c, p1, p2
}

func checkTx(t *testing.T, c *apptest.Chain, tx []byte, kind abci.CheckTxType) *abci.ResponseCheckTx {
	t.Helper()
	res, err := c.App.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: kind})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func requireCheckErr(t *testing.T, res *abci.ResponseCheckTx, want *errorsmod.Error) {
	t.Helper()
	requireErr(t, &apptest.TxError{Code: res.Code, Codespace: res.Codespace, Log: res.Log}, want)
}

// At CheckTx a node's mempool takes MempoolBlocksPerPool blocks' worth of
// swaps on a pool and refuses the next one with ErrTooManyOrders; a swap on
// another pool still passes. The count is the mempool's: after a commit the
// recheck of the swaps still waiting rebuilds it, and once a block has taken
// them there is room again.
func TestOrderCapMempoolBacklog(t *testing.T) {
	c, p1, p2 := orderCapChain(t, 1)
	senders := []string{"alice", "bob", "carol", "dave"} // MempoolBlocksPerPool of them
	if len(senders) != keeper.MempoolBlocksPerPool {
		t.Fatalf("test written for MempoolBlocksPerPool = 4, is %d", keeper.MempoolBlocksPerPool)
	}
	var waiting [][]byte
	for _, who := range senders {
		tx := swapIn(c, who, p1, "1000000uagr", "uusdc", 1)
		if res := checkTx(t, c, tx, abci.CheckTxType_New); res.Code != 0 {
			t.Fatalf("%s's swap refused at CheckTx with %d waiting: %s", who, len(waiting), res.Log)
		}
		waiting = append(waiting, tx)
	}
	over := swapIn(c, "erin", p1, "1000000uagr", "uusdc", 1)
	res := checkTx(t, c, over, abci.CheckTxType_New)
	requireCheckErr(t, res, types.ErrTooManyOrders)
	if want := "pool 1 already has 4 swaps waiting in this node's mempool"; !strings.Contains(res.Log, want) {
		t.Fatalf("log %q does not say %q", res.Log, want)
	}
	if res := checkTx(t, c, swapIn(c, "frank", p2, "1000000uusdc", "ueth", 1), abci.CheckTxType_New); res.Code != 0 {
		t.Fatalf("a swap on another pool refused at CheckTx: %s", res.Log)
	}

	// A block that takes none of them: the recheck counts the four again.
	c.NextBlock()
	for _, tx := range waiting {
		if res := checkTx(t, c, tx, abci.CheckTxType_Recheck); res.Code != 0 {
			t.Fatalf("recheck refused a waiting swap: %s", res.Log)
		}
	}
	requireCheckErr(t, checkTx(t, c, over, abci.CheckTxType_New), types.ErrTooManyOrders)

	// A block takes one (the cap): three wait, rechecked; erin's fits now.
	if r := c.NextBlock(waiting[0]); r[0].Code != 0 {
		t.Fatalf("the first waiting swap failed in its block: %s", r[0].Log)
	}
	for _, tx := range waiting[1:] {
		if res := checkTx(t, c, tx, abci.CheckTxType_Recheck); res.Code != 0 {
			t.Fatalf("recheck refused a waiting swap: %s", res.Log)
		}
	}
	if res := checkTx(t, c, over, abci.CheckTxType_New); res.Code != 0 {
		t.Fatalf("erin's swap refused with 3 waiting: %s", res.Log)
	}
}

// A transaction that alone queues more swaps on a pool than a block takes
// can never be included: CheckTx refuses it, naming the pool and the cap,
// and counts nothing (the next swap on the pool still passes).
func TestOrderCapTxBeyondOneBlock(t *testing.T) {
	c, p1, _ := orderCapChain(t, 1)
	swap := func(who string) *types.MsgSwapExactIn {
		return &types.MsgSwapExactIn{Sender: c.Address(who).String(), Route: []types.Hop{{PoolId: p1, DenomOut: "uusdc"}},
			TokenIn: coin("1000000uagr"), MinOut: sdkmath.OneInt()}
	}
	res := checkTx(t, c, c.SignTx("alice", apptest.DefaultFee, 800_000, swap("alice"), swap("alice")), abci.CheckTxType_New)
	requireCheckErr(t, res, types.ErrTooManyOrders)
	if want := "the transaction queues 2 swaps on pool 1 and a block takes at most 1"; !strings.Contains(res.Log, want) {
		t.Fatalf("log %q does not say %q", res.Log, want)
	}
	if res := checkTx(t, c, swapIn(c, "bob", p1, "1000000uagr", "uusdc", 1), abci.CheckTxType_New); res.Code != 0 {
		t.Fatalf("a single swap refused after the refused pair: %s", res.Log)
	}
}

// The proposer keeps a block within the cap: the app's PrepareProposal
// leaves out the swap that would exceed a pool's cap and the later
// transactions of its signer (their sequence would not match), keeps the
// rest in order, and the next block takes what was left out — no swap is
// refused in DeliverTx.
func TestOrderCapProposal(t *testing.T) {
	c, p1, p2 := orderCapChain(t, 2)
	aliceSwap := swapIn(c, "alice", p1, "1000000uagr", "uusdc", 1)
	bobSwap := swapIn(c, "bob", p1, "1000000uagr", "uusdc", 1)
	carolSwap := swapIn(c, "carol", p1, "1000000uagr", "uusdc", 1) // third on pool 1: left out
	daveSwap := swapIn(c, "dave", p2, "1000000uusdc", "ueth", 1)
	erinSend := c.SignTx("erin", apptest.DefaultFee, 200_000,
		&banktypes.MsgSend{FromAddress: c.Address("erin").String(), ToAddress: c.Address("frank").String(), Amount: sdk.NewCoins(coin("5uagr"))})
	proposed := [][]byte{aliceSwap, bobSwap, carolSwap, daveSwap, erinSend}

	// carol's send signed after her swap (sequence + 1) must wait with it.
	decode := c.App.TxConfig().TxDecoder()
	carolLater := signAt(t, c, "carol", 1, &banktypes.MsgSend{FromAddress: c.Address("carol").String(),
		ToAddress: c.Address("frank").String(), Amount: sdk.NewCoins(coin("5uagr"))})
	got := keeper.SelectWithinOrderCap(append(proposed, carolLater), decode, 2)
	want := [][]byte{aliceSwap, bobSwap, daveSwap, erinSend}
	apptest.RequireSameTxs(t, got, want)

	// Through the app's own PrepareProposal (oracle, dex cap, SDK).
	resp, err := c.App.PrepareProposal(&abci.RequestPrepareProposal{
		Height: c.Height() + 1, Time: c.Time().Add(apptest.BlockInterval), MaxTxBytes: 1 << 20, Txs: proposed,
	})
	if err != nil {
		t.Fatal(err)
	}
	apptest.RequireSameTxs(t, apptest.UserTxs(resp.Txs), want)
	for i, r := range c.NextBlock(resp.Txs...) {
		if r.Code != 0 {
			t.Fatalf("tx %d of the proposed block failed: %s", i, r.Log)
		}
	}
	if r := c.NextBlock(carolSwap); r[0].Code != 0 {
		t.Fatalf("carol's swap failed in the next block: %s", r[0].Log)
	}
}

// signAt signs msgs as who with sequence its current one + ahead.
func signAt(t *testing.T, c *apptest.Chain, who string, ahead uint64, msgs ...sdk.Msg) []byte {
	t.Helper()
	return c.SignTxAt(who, ahead, apptest.DefaultFee, 200_000, msgs...)
}
