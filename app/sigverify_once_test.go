package app_test

import (
	"strings"
	"testing"

	"cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/testutil/apptest"
)

// send is a signed bank send of amount uagr from alice to bob.
func send(c *apptest.Chain, amount int64, ahead uint64) []byte {
	msg := &banktypes.MsgSend{FromAddress: c.Address("alice").String(), ToAddress: c.Address("bob").String(),
		Amount: sdk.NewCoins(sdk.NewInt64Coin("uagr", amount))}
	return c.SignTxAt("alice", ahead, apptest.DefaultFee, apptest.DefaultGas, msg)
}

// requireBlockPaysBob runs a block of txs, requires every one of them to
// succeed, and bob to have received want uagr in it.
func requireBlockPaysBob(t *testing.T, c *apptest.Chain, want int64, txs ...[]byte) {
	t.Helper()
	before := c.Balances(c.Address("bob")).AmountOf("uagr")
	for i, res := range c.NextBlock(txs...) {
		if res.Code != 0 {
			t.Fatalf("tx %d in the block: %s", i, res.Log)
		}
	}
	if got := c.Balances(c.Address("bob")).AmountOf("uagr").Sub(before); !got.Equal(math.NewInt(want)) {
		t.Fatalf("bob received %s in the block, want %d", got, want)
	}
}

// tamper returns a copy of a signed tx whose signature's last byte is
// flipped (the signatures are the last field of the encoded tx): the same
// body, a wrong signature.
func tamper(tx []byte) []byte {
	out := append([]byte{}, tx...)
	out[len(out)-1] ^= 0x01
	return out
}

func checkTx(t *testing.T, c *apptest.Chain, tx []byte) *abci.ResponseCheckTx {
	t.Helper()
	res, err := c.App.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_New})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func requireUnauthorized(t *testing.T, what string, code uint32, log string) {
	t.Helper()
	if code != sdkerrors.ErrUnauthorized.ABCICode() || !strings.Contains(log, "signature verification failed") {
		t.Fatalf("%s: want signature verification failed (code %d), got code %d: %s", what, sdkerrors.ErrUnauthorized.ABCICode(), code, log)
	}
}

// A transaction CheckTx verified is executed in the block without a second
// cryptographic check, and does what it says.
func TestSignatureCheckedOnceWhenCheckTxVerifiedIt(t *testing.T) {
	c := apptest.New(t)
	tx := send(c, 7, 0)
	if res := checkTx(t, c, tx); res.Code != 0 {
		t.Fatalf("check: %s", res.Log)
	}
	before := c.App.VerifiedTxs().Skipped()
	requireBlockPaysBob(t, c, 7, tx)
	if got := c.App.VerifiedTxs().Skipped() - before; got != 1 {
		t.Fatalf("skipped %d signature checks in the block, want 1", got)
	}
}

// A wrong signature is refused in CheckTx and in the block, even when a
// correctly signed copy of the same body was verified in CheckTx; the
// refused tx changes nothing, and the good copy still executes.
func TestWrongSignatureRefusedAfterGoodCopyWasVerified(t *testing.T) {
	c := apptest.New(t)
	alice := c.Balances(c.Address("alice")) // read before CheckTx charges the fee in its own state
	good := send(c, 5, 0)
	bad := tamper(good)
	res := checkTx(t, c, bad)
	requireUnauthorized(t, "check of the tampered tx", res.Code, res.Log)
	if res := checkTx(t, c, good); res.Code != 0 {
		t.Fatalf("check: %s", res.Log)
	}
	before := c.App.VerifiedTxs().Skipped()
	out := c.NextBlock(bad)[0]
	requireUnauthorized(t, "block with the tampered tx", out.Code, out.Log)
	if got := c.App.VerifiedTxs().Skipped(); got != before {
		t.Fatalf("the tampered tx skipped its signature check")
	}
	if got := c.Balances(c.Address("alice")); !got.Equal(alice) {
		t.Fatalf("the refused tx changed alice's balance: %s -> %s", alice, got)
	}
	if out := c.NextBlock(good)[0]; out.Code != 0 {
		t.Fatalf("the good tx after the tampered one: %s", out.Log)
	}
}

// A node that did not see the transactions in CheckTx (a new node, or a
// block replayed after a restart: the memory is not stored) verifies every
// signature in the block.
func TestNodeWithoutCheckTxVerifiesEverySignature(t *testing.T) {
	c := apptest.New(t)
	good := send(c, 3, 0)
	out := c.NextBlock(tamper(good))[0]
	requireUnauthorized(t, "block with the tampered tx", out.Code, out.Log)
	if out := c.NextBlock(good)[0]; out.Code != 0 {
		t.Fatalf("good tx: %s", out.Log)
	}
	if got := c.App.VerifiedTxs().Skipped(); got != 0 {
		t.Fatalf("skipped %d signature checks without CheckTx", got)
	}
}

// Skipping the cryptographic check keeps the rest of the signature
// decorator: a remembered tx whose sequence another tx of the same signer
// used first is refused for its sequence.
func TestRememberedTxStillChecksItsSequence(t *testing.T) {
	c := apptest.New(t)
	first := send(c, 1, 0)
	rival := send(c, 2, 0) // same sequence, another body, never checked
	if res := checkTx(t, c, first); res.Code != 0 {
		t.Fatalf("check: %s", res.Log)
	}
	out := c.NextBlock(rival, first)
	if out[0].Code != 0 {
		t.Fatalf("rival: %s", out[0].Log)
	}
	if out[1].Code != sdkerrors.ErrWrongSequence.ABCICode() {
		t.Fatalf("remembered tx with a used sequence: want code %d, got %d: %s", sdkerrors.ErrWrongSequence.ABCICode(), out[1].Code, out[1].Log)
	}
}

// BenchmarkFinalizeBlockOfSends measures the CPU of FinalizeBlock for a
// block of 500 bank sends, with the node's CheckTx having verified them
// first (as on a node that received them in its mempool: signatures not
// checked again) and without (a node replaying blocks: every signature
// checked). CheckTx, signing and Commit are outside the timer.
//
//	go test -run '^$' -bench FinalizeBlockOfSends -count 5 ./app
func BenchmarkFinalizeBlockOfSends(b *testing.B) {
	const perBlock = 500
	for _, checked := range []bool{true, false} {
		name := "not-checked"
		if checked {
			name = "checked"
		}
		b.Run(name, func(b *testing.B) {
			c := apptest.New(b)
			height, now := c.Height(), c.Time()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				txs := make([][]byte, perBlock)
				for j := range txs {
					txs[j] = send(c, 1, uint64(j))
				}
				if checked {
					for _, tx := range txs {
						if res, err := c.App.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_New}); err != nil || res.Code != 0 {
							b.Fatalf("check: %v %v", err, res)
						}
					}
				}
				height++
				now = now.Add(apptest.BlockInterval)
				b.StartTimer()
				res, err := c.App.FinalizeBlock(&abci.RequestFinalizeBlock{Height: height, Time: now, Txs: txs})
				b.StopTimer()
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range res.TxResults {
					if r.Code != 0 {
						b.Fatalf("deliver: %s", r.Log)
					}
				}
				if _, err := c.App.Commit(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*perBlock), "µs/tx")
		})
	}
}

// Whether a node remembered a verification does not change a tx's gas: a
// send uses the same gas whether or not CheckTx saw it first. (The digest's
// reads charge no gas at all; with them charged, a send's block gas was
// 1,486 above its simulation, against 45 without.)
func TestSignatureMemoryChargesNoGas(t *testing.T) {
	c := apptest.New(t)
	if res := c.NextBlock(send(c, 1, 0))[0]; res.Code != 0 { // sets alice's public key
		t.Fatalf("deliver: %s", res.Log)
	}
	first := send(c, 1, 0)
	if res := checkTx(t, c, first); res.Code != 0 {
		t.Fatalf("check: %s", res.Log)
	}
	checked := c.NextBlock(first)[0]
	second := send(c, 1, 0)
	unchecked := c.NextBlock(second)[0]
	if checked.Code != 0 || unchecked.Code != 0 {
		t.Fatalf("deliver: %s / %s", checked.Log, unchecked.Log)
	}
	// The test txs carry random memos: compare without the size charge.
	perByte := int64(c.App.AccountKeeper.GetParams(c.Ctx()).TxSizeCostPerByte)
	a, b := checked.GasUsed-perByte*int64(len(first)), unchecked.GasUsed-perByte*int64(len(second))
	if a != b {
		t.Fatalf("gas used beyond the size charge: %d after CheckTx, %d without", a, b)
	}
}
