package app_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/agora-labs/agora/testutil/apptest"
)

// recheckTx is CometBFT's recheck of a pending tx after a commit.
func recheckTx(t *testing.T, c *apptest.Chain, tx []byte) *abci.ResponseCheckTx {
	t.Helper()
	res, err := c.App.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_Recheck})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func requireAccepted(t *testing.T, what string, res *abci.ResponseCheckTx) {
	t.Helper()
	if res.Code != 0 {
		t.Fatalf("%s: refused (code %d): %s", what, res.Code, res.Log)
	}
}

func requireWrongSequence(t *testing.T, what string, code uint32, log string) {
	t.Helper()
	if code != sdkerrors.ErrWrongSequence.ABCICode() {
		t.Fatalf("%s: want account sequence mismatch (code %d), got code %d: %s", what, sdkerrors.ErrWrongSequence.ABCICode(), code, log)
	}
}

// A validator whose mempool lists an account's sequence 1 before its 0
// keeps both (and the 2 after them) through the recheck after a block, and
// a block with them in order executes them all.
func TestRecheckKeepsAnAccountsTxsListedOutOfOrder(t *testing.T) {
	c := apptest.New(t)
	// Signed before any CheckTx: send's sequences count from the CheckTx state.
	tx0, tx1, tx2, tx3 := send(c, 1, 0), send(c, 2, 1), send(c, 3, 2), send(c, 4, 3)
	for _, tx := range [][]byte{tx0, tx1, tx2} {
		requireAccepted(t, "CheckTx", checkTx(t, c, tx))
	}
	c.NextBlock() // a block without them: they stay pending
	requireAccepted(t, "recheck of sequence 1", recheckTx(t, c, tx1))
	requireAccepted(t, "recheck of sequence 0 after 1", recheckTx(t, c, tx0))
	requireAccepted(t, "recheck of sequence 2", recheckTx(t, c, tx2))
	// The next new tx wants the sequence after them.
	requireAccepted(t, "CheckTx of sequence 3", checkTx(t, c, tx3))
	requireBlockPaysBob(t, c, 1+2+3+4, tx0, tx1, tx2, tx3)
}

// What cannot execute is still refused: a new tx ahead of the account's
// next sequence, a second tx with a pending sequence, a used sequence, and,
// from its second recheck on, a tx above a gap.
func TestMempoolStillRefusesWhatCannotExecute(t *testing.T) {
	c := apptest.New(t)
	ahead := send(c, 1, 1)
	res := checkTx(t, c, ahead)
	requireWrongSequence(t, "new tx ahead of the next sequence", res.Code, res.Log)

	tx0, rival0 := send(c, 1, 0), send(c, 9, 0)
	requireAccepted(t, "CheckTx of sequence 0", checkTx(t, c, tx0))
	res = checkTx(t, c, rival0)
	requireWrongSequence(t, "second tx with sequence 0", res.Code, res.Log)
	requireAccepted(t, "CheckTx of sequence 1", checkTx(t, c, ahead))
	c.NextBlock()
	requireAccepted(t, "recheck of sequence 1", recheckTx(t, c, ahead))
	requireAccepted(t, "recheck of sequence 0", recheckTx(t, c, tx0))
	res = recheckTx(t, c, rival0)
	requireWrongSequence(t, "recheck of a second tx with sequence 0", res.Code, res.Log)

	// Sequence 0 executes; its rival's sequence is used.
	if out := c.NextBlock(tx0)[0]; out.Code != 0 {
		t.Fatalf("tx0: %s", out.Log)
	}
	res = recheckTx(t, c, rival0)
	requireWrongSequence(t, "recheck of a used sequence", res.Code, res.Log)

	// Sequence 3 while the account's next is 1: refused when it is new.
	tx2, tx3 := send(c, 2, 1), send(c, 3, 2)
	res = checkTx(t, c, tx3)
	requireWrongSequence(t, "new tx above a gap", res.Code, res.Log)
	// 1, 2, 3 pending, then 1 leaves this node's mempool (another
	// validator's block, not yet committed here, say): 2 and 3 are kept at
	// the first recheck, refused at the second.
	c.NextBlock()
	requireAccepted(t, "recheck of sequence 1", recheckTx(t, c, ahead))
	requireAccepted(t, "CheckTx of sequence 2", checkTx(t, c, tx2))
	requireAccepted(t, "CheckTx of sequence 3", checkTx(t, c, tx3))
	c.NextBlock()
	requireAccepted(t, "first recheck of 3 without 1", recheckTx(t, c, tx3))
	requireAccepted(t, "first recheck of 2 without 1", recheckTx(t, c, tx2))
	c.NextBlock()
	res = recheckTx(t, c, tx3)
	requireWrongSequence(t, "second recheck of 3 without 1", res.Code, res.Log)
	res = recheckTx(t, c, tx2)
	requireWrongSequence(t, "second recheck of 2 without 1", res.Code, res.Log)
	// Sequence 1 arrives again: it is the next one.
	requireAccepted(t, "CheckTx of sequence 1", checkTx(t, c, ahead))
}

// The mempool's tolerance is not a consensus rule: a block that lists an
// account's sequence 1 before its 0 executes as it always did (1 fails, 0
// passes), even on a node whose recheck kept both.
func TestBlockStillWantsSequenceOrder(t *testing.T) {
	c := apptest.New(t)
	tx0, tx1 := send(c, 1, 0), send(c, 2, 1)
	requireAccepted(t, "CheckTx of sequence 0", checkTx(t, c, tx0))
	requireAccepted(t, "CheckTx of sequence 1", checkTx(t, c, tx1))
	c.NextBlock()
	requireAccepted(t, "recheck of sequence 1", recheckTx(t, c, tx1))
	requireAccepted(t, "recheck of sequence 0", recheckTx(t, c, tx0))
	out := c.NextBlock(tx1, tx0)
	requireWrongSequence(t, "sequence 1 before 0 in a block", out[0].Code, out[0].Log)
	if out[1].Code != 0 {
		t.Fatalf("sequence 0: %s", out[1].Log)
	}
}
