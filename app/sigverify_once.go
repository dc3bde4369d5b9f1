package app

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"
	"sync/atomic"

	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
)

// Verify each signature once per node (issue 16, docs/performance.md).
//
// A transaction reaches this node's ante handler at least twice: in CheckTx,
// when it enters the mempool, and in FinalizeBlock, when a block holding it
// executes. The secp256k1 check is the same work both times, and with it
// about a quarter of a loaded node's CPU went to signatures.
//
// What a signature check computes depends only on:
//   - the transaction's bytes (body and auth info: messages, fee, sequences,
//     sign modes, the signatures themselves),
//   - the chain id,
//   - and, per signer, the address, account number, sequence and public key
//     the check used,
//
// when every signature is a single key's signature in SIGN_MODE_DIRECT (its
// sign bytes are the body bytes, the auth info bytes, the chain id and the
// account number). So when CheckTx has verified a transaction, the node
// remembers a digest of all of these inputs. When FinalizeBlock meets a
// transaction whose digest is remembered, the inputs are the same, so the
// check would give the same answer: it skips only the cryptographic check.
// Everything else of the SDK's signature decorator still runs (public key
// set, sequence equal to the account's, unordered nonces), as do all other
// ante decorators.
//
// What is not remembered is checked as before: transactions this node never
// saw in CheckTx (a new node, a block replayed after a restart: the memory
// is not stored), other sign modes (SIGN_MODE_TEXTUAL's sign bytes read
// chain state), multisig keys, and simulations. A transaction whose
// signature is wrong never passes CheckTx, so it is never remembered; a
// tampered copy of a good one has other bytes, so another digest. Being
// remembered or not never changes a result, only how much CPU it costs, so
// nodes with and without the memory agree on every block.

// verifiedTxCapacity bounds the memory: four times the default mempool
// (5,000 txs); the oldest entries go first.
const verifiedTxCapacity = 20_000

// verifiedTxs is the node's memory of transactions whose signatures
// CheckTx verified, by digest of everything the check read.
type verifiedTxs struct {
	mu    sync.Mutex
	seen  map[[32]byte]struct{}
	order [][32]byte // ring of digests in the order they were added
	next  int        // the ring slot the next digest takes
	full  bool       // the ring has wrapped: order[next] is the oldest

	skipped atomic.Uint64 // cryptographic checks skipped in FinalizeBlock
}

func newVerifiedTxs(capacity int) *verifiedTxs {
	return &verifiedTxs{seen: make(map[[32]byte]struct{}, capacity), order: make([][32]byte, capacity)}
}

// remember records a digest, forgetting the oldest when full.
func (v *verifiedTxs) remember(d [32]byte) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, ok := v.seen[d]; ok {
		return
	}
	if v.full {
		delete(v.seen, v.order[v.next])
	}
	v.order[v.next] = d
	v.seen[d] = struct{}{}
	v.next++
	if v.next == len(v.order) {
		v.next, v.full = 0, true
	}
}

// take tells whether a digest is remembered, and forgets it: a transaction
// executes once. (Its ring slot is reused in turn; deleting a digest that
// was taken already is a no-op.)
func (v *verifiedTxs) take(d [32]byte) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, ok := v.seen[d]; !ok {
		return false
	}
	delete(v.seen, d)
	return true
}

// Skipped is how many cryptographic signature checks FinalizeBlock skipped
// because CheckTx had verified the same inputs.
func (v *verifiedTxs) Skipped() uint64 { return v.skipped.Load() }

// sigVerifyOnceDecorator wraps the SDK's signature decorator: in CheckTx
// it remembers what the decorator verified, in FinalizeBlock it lets the
// decorator skip the cryptographic check of what is remembered.
type sigVerifyOnceDecorator struct {
	verify   ante.SigVerificationDecorator
	accounts ante.AccountKeeper
	memory   *verifiedTxs
}

func (d sigVerifyOnceDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if simulate || ctx.IsReCheckTx() || !ctx.IsSigverifyTx() {
		return d.verify.AnteHandle(ctx, tx, simulate, next)
	}
	switch ctx.ExecMode() {
	case sdk.ExecModeCheck:
		digest, ok := d.digest(ctx, tx)
		if !ok {
			break
		}
		// The decorator calls next only once every signature verified.
		return d.verify.AnteHandle(ctx, tx, simulate, func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
			d.memory.remember(digest)
			return next(ctx, tx, simulate)
		})
	case sdk.ExecModeFinalize:
		digest, ok := d.digest(ctx, tx)
		if !ok || !d.memory.take(digest) {
			break
		}
		d.memory.skipped.Add(1)
		return d.verify.AnteHandle(ctx.WithIsSigverifyTx(false), tx, simulate, func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
			return next(ctx.WithIsSigverifyTx(true), tx, simulate)
		})
	}
	return d.verify.AnteHandle(ctx, tx, simulate, next)
}

// digest is the SHA-256 of every input of the transaction's signature
// checks, or false when the transaction is not one whose check may be
// remembered (see above) or its signers cannot be read (the decorator then
// reports why).
func (d sigVerifyOnceDecorator) digest(ctx sdk.Context, tx sdk.Tx) ([32]byte, bool) {
	// The digest's reads are the node's bookkeeping, not the tx's work: they
	// charge no gas, so a tx's gas is the same as without the memory (and
	// as a simulation, which skips it, estimates).
	ctx = ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	txBytes := ctx.TxBytes()
	sigTx, ok := tx.(authsigning.Tx)
	if !ok || len(txBytes) == 0 {
		return [32]byte{}, false
	}
	sigs, err := sigTx.GetSignaturesV2()
	if err != nil {
		return [32]byte{}, false
	}
	signers, err := sigTx.GetSigners()
	if err != nil || len(signers) != len(sigs) || len(sigs) == 0 {
		return [32]byte{}, false
	}
	h := sha256.New()
	field := func(b []byte) {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	number := func(u uint64) {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], u)
		h.Write(n[:])
	}
	field([]byte(ctx.ChainID()))
	field(txBytes)
	genesis := ctx.BlockHeight() == 0
	for i, sig := range sigs {
		single, ok := sig.Data.(*signing.SingleSignatureData)
		if !ok || single.SignMode != signing.SignMode_SIGN_MODE_DIRECT {
			return [32]byte{}, false
		}
		acc := d.accounts.GetAccount(ctx, signers[i])
		if acc == nil || acc.GetPubKey() == nil {
			return [32]byte{}, false
		}
		pub := acc.GetPubKey()
		field(signers[i])
		field([]byte(sdk.MsgTypeURL(pub)))
		field(pub.Bytes())
		accNum := acc.GetAccountNumber()
		if genesis {
			accNum = 0
		}
		number(accNum)
		number(sig.Sequence)
		field(single.Signature)
	}
	var out [32]byte
	h.Sum(out[:0])
	return out, true
}
