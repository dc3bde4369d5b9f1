package app

import (
	"bytes"

	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"

	evmtypes "github.com/cosmos/evm/x/vm/types"
)

// Proposals keep every account's transactions in sequence order.
//
// CometBFT's mempool (v0.38) can hold two transactions of one account in
// the wrong order. A node checks the transactions its peers gossip
// concurrently, one goroutine per peer, and a transaction enters the
// mempool's list only after the application's CheckTx has returned and
// released its lock. When the same account's sequence 30 comes from one
// peer and its sequence 31 from another at the same moment, 30 can pass
// CheckTx first and 31 be listed first (tendermint/tendermint#6219). A
// proposer that reaps that list as it stands puts 31 before 30 in its
// block: 31 fails for its sequence, 30 succeeds, and every later
// transaction of the account in the block fails too (it expected 31). The
// failed ones leave every mempool, so the account's transactions after
// them fail CheckTx on the nodes whose state has moved on: the user's
// transactions are lost. Measured on a 4-validator localnet under load
// (docs/performance.md), this struck whole accounts in about one run in
// two.
//
// So the proposer orders before it selects: each account's transactions
// take the places its transactions held in the mempool's list, in
// sequence order, starting at the account's sequence in the state the
// block starts from. A transaction that cannot succeed for its sequence is
// left out: one whose sequence was used already, a second one with the
// same sequence, and every one after a gap (what is missing may still
// arrive; the rest stays in the mempool for a later block). Transactions
// without a sequence to order by (unordered transactions, what does not
// decode, the oracle's injected votes) keep their places. Only the
// proposer does this: validators accept a block in any order, as before,
// so it is not a consensus rule.

// signerSequence is a signer's address and the sequence its signature (or
// its Ethereum transaction's nonce) uses.
type signerSequence struct {
	signer   string // address bytes
	sequence uint64
}

// txSequences returns the sequences a transaction's ante handler checks,
// per signer, or false when it has none to order by.
func txSequences(tx sdk.Tx) ([]signerSequence, bool) {
	if isEthereumTx(tx) {
		var out []signerSequence
		for _, msg := range tx.GetMsgs() {
			eth, ok := msg.(*evmtypes.MsgEthereumTx)
			if !ok {
				return nil, false
			}
			out = append(out, signerSequence{signer: string(eth.GetFrom()), sequence: eth.AsTransaction().Nonce()})
		}
		return out, len(out) > 0
	}
	if u, ok := tx.(sdk.TxWithUnordered); ok && u.GetUnordered() {
		return nil, false
	}
	sigTx, ok := tx.(authsigning.SigVerifiableTx)
	if !ok {
		return nil, false
	}
	signers, err := sigTx.GetSigners()
	if err != nil {
		return nil, false
	}
	sigs, err := sigTx.GetSignaturesV2()
	if err != nil || len(sigs) != len(signers) || len(sigs) == 0 {
		return nil, false
	}
	out := make([]signerSequence, len(sigs))
	for i, sig := range sigs {
		out[i] = signerSequence{signer: string(signers[i]), sequence: sig.Sequence}
	}
	return out, true
}

// inSequence returns txs with each account's transactions in sequence
// order from the account's current sequence (accountSequence), in the
// places the account's transactions held, and without those that cannot
// succeed for their sequence (see above). sequencesOf reads a
// transaction's sequences (false: it keeps its place).
func inSequence(txs [][]byte, sequencesOf func([]byte) ([]signerSequence, bool), accountSequence func(signer string) uint64) [][]byte {
	type entry struct {
		seqs []signerSequence
		ok   bool
	}
	entries := make([]entry, len(txs))
	// Each single-signer transaction, by signer and sequence (the first
	// one listed wins a sequence).
	bySequence := map[string]map[uint64]int{}
	for i, bz := range txs {
		seqs, ok := sequencesOf(bz)
		entries[i] = entry{seqs, ok}
		if !ok || len(seqs) != 1 {
			continue
		}
		s := seqs[0]
		if bySequence[s.signer] == nil {
			bySequence[s.signer] = map[uint64]int{}
		}
		if _, taken := bySequence[s.signer][s.sequence]; !taken {
			bySequence[s.signer][s.sequence] = i
		}
	}
	next := map[string]uint64{} // each signer's sequence after what is kept so far
	nextOf := func(signer string) uint64 {
		if n, ok := next[signer]; ok {
			return n
		}
		n := accountSequence(signer)
		next[signer] = n
		return n
	}
	out := make([][]byte, 0, len(txs))
	for i, bz := range txs {
		e := entries[i]
		switch {
		case !e.ok:
			out = append(out, bz)
		case len(e.seqs) == 1:
			// This place is the signer's: it takes the signer's
			// transaction with the next sequence, wherever it was listed.
			s := e.seqs[0].signer
			n := nextOf(s)
			j, ok := bySequence[s][n]
			if !ok {
				continue // a gap, or a sequence used already: nothing fits here
			}
			out = append(out, txs[j])
			next[s] = n + 1
		default:
			// Several signers: kept in its place when each one's sequence
			// is next.
			fits := true
			for _, s := range e.seqs {
				if s.sequence != nextOf(s.signer) {
					fits = false
				}
			}
			if !fits {
				continue
			}
			for _, s := range e.seqs {
				next[s.signer] = s.sequence + 1
			}
			out = append(out, bz)
		}
	}
	return out
}

// sequenceOrdered wraps a PrepareProposal handler: the transactions it is
// given are in sequence order (inSequence), and so is what it returns (its
// selection by size and gas may leave out a transaction in the middle of
// an account's, and then the account's later ones would fail).
func (app *AgoraApp) sequenceOrdered(next sdk.PrepareProposalHandler) sdk.PrepareProposalHandler {
	decode := app.txConfig.TxDecoder()
	sequencesOf := func(bz []byte) ([]signerSequence, bool) {
		tx, err := decode(bz)
		if err != nil {
			return nil, false
		}
		return txSequences(tx)
	}
	return func(ctx sdk.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		accountSequence := func(signer string) uint64 {
			acc := app.AccountKeeper.GetAccount(ctx, sdk.AccAddress(signer))
			if acc == nil {
				return 0
			}
			return acc.GetSequence()
		}
		ordered := *req
		ordered.Txs = inSequence(req.Txs, sequencesOf, accountSequence)
		resp, err := next(ctx, &ordered)
		if err != nil {
			return nil, err
		}
		// What the selection kept is in order unless it left out a
		// transaction before others (leaving out only the end keeps it so).
		if !isPrefix(resp.Txs, ordered.Txs) {
			resp.Txs = inSequence(resp.Txs, sequencesOf, accountSequence)
		}
		return resp, nil
	}
}

// isPrefix tells whether txs are the first len(txs) of all.
func isPrefix(txs, all [][]byte) bool {
	if len(txs) > len(all) {
		return false
	}
	for i := range txs {
		if !bytes.Equal(txs[i], all[i]) {
			return false
		}
	}
	return true
}
