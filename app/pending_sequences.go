package app

import (
	"sync"

	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
)

// A node's mempool keeps an account's pending transactions whatever the
// order its list holds them in.
//
// After each block CometBFT rechecks every pending transaction, in the
// order of its mempool's list, against a CheckTx state the SDK has just
// reset to the committed one. That list can hold an account's sequence 31
// before its 30 (tendermint/tendermint#6219; proposal_sequence.go tells
// how). The SDK's check wants exactly the account's next sequence: 31 is
// refused (it expected 30), then 30 passes, then 32, 33, ... are refused
// (they expected 31). Refused transactions leave the mempool, so a
// validator loses the rest of the account's transactions and cannot
// include them when it proposes; only the node they were sent to still
// has them. On a 4-validator localnet under load, validators dropped
// up to 144 txs each this way in one run (docs/performance.md).
//
// So CheckTx and its recheck accept some sequences out of order, in the
// mempool only. Per account the node remembers, since the last commit, the
// committed sequence and the sequences it accepted. Besides the next
// sequence (the SDK's rule), CheckTx accepts a sequence s that
//   - is at least the committed sequence (it can still execute),
//   - is not taken by another pending transaction of the account,
//   - and either fills a hole below a sequence accepted out of order
//     (s < next), or, in a recheck, lies in the run without a gap that the
//     account's accepted sequences formed from the committed one before the
//     commit (what was pending and in order then may be listed out of
//     order now).
//
// A new transaction ahead of the next sequence is still refused (a client
// that sends a wrong sequence hears so at once), and so is a transaction
// above a gap at its second recheck: what the node had accepted, a gap
// below it stays one block at most. Blocks are unchanged: FinalizeBlock
// checks sequences exactly as the SDK does, and the proposer puts each
// account's transactions in sequence order (proposal_sequence.go). This is
// the node's mempool policy, not a consensus rule.
//
// Ethereum transactions are checked by cosmos/evm's own nonce rule and are
// not covered.

// accountPending is what CheckTx knows of one account since the last
// commit.
type accountPending struct {
	committed uint64              // the account's sequence in the committed state
	taken     map[uint64]struct{} // sequences CheckTx accepted since the commit
	// runEnd ends the gap-free run of sequences accepted before the commit,
	// starting at committed: [committed, runEnd).
	runEnd uint64
}

// toleratesOutOfOrder tells whether CheckTx (or, with recheck, its
// recheck) may accept sequence s of the account while the account's
// sequence in the CheckTx state is next. In order (s == next) is the SDK's
// own rule and not this one's.
func (p *accountPending) toleratesOutOfOrder(s, next uint64, recheck bool) bool {
	if s == next || s < p.committed {
		return false
	}
	if _, pending := p.taken[s]; pending {
		return false
	}
	if s < next {
		return true
	}
	return recheck && s < p.runEnd
}

// pendingSequences is the node's memory of its mempool's sequences, per
// account, since the last commit.
type pendingSequences struct {
	mu       sync.Mutex
	height   int64                      // the height of CheckTx's state
	accounts map[string]*accountPending // by signer address bytes
	before   map[string]*accountPending // the records of the state before the commit
}

func newPendingSequences() *pendingSequences {
	return &pendingSequences{accounts: map[string]*accountPending{}}
}

// account returns the signer's record at the given CheckTx height; current
// is the signer's sequence in the CheckTx state. The SDK resets CheckTx's
// state to the committed one at each commit, and the height changes with
// it, so at an account's first transaction after a commit its current
// sequence is the committed one: only CheckTx of the account's own
// transactions moves it.
func (m *pendingSequences) account(height int64, signer string, current uint64) *accountPending {
	if height != m.height {
		m.height, m.accounts, m.before = height, map[string]*accountPending{}, m.accounts
	}
	p, ok := m.accounts[signer]
	if !ok {
		p = &accountPending{committed: current, taken: map[uint64]struct{}{}, runEnd: current}
		if before, ok := m.before[signer]; ok {
			for {
				if _, taken := before.taken[p.runEnd]; !taken {
					break
				}
				p.runEnd++
			}
		}
		m.accounts[signer] = p
	}
	return p
}

// pendingSequenceDecorator applies the rule above in CheckTx and recheck;
// it stands before the SDK's signature decorator (which checks the
// sequence) and its sequence increment. For a sequence it tolerates, it
// sets the account's CheckTx sequence to it for those two, then back to
// the higher of the two: the holes below stay fillable, and the next new
// transaction still wants the next sequence.
type pendingSequenceDecorator struct {
	accounts ante.AccountKeeper
	pending  *pendingSequences
}

func (d pendingSequenceDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	mode := ctx.ExecMode()
	if simulate || (mode != sdk.ExecModeCheck && mode != sdk.ExecModeReCheck) {
		return next(ctx, tx, simulate)
	}
	sequences, ok := txSequences(tx)
	if !ok {
		return next(ctx, tx, simulate)
	}
	// The node's bookkeeping, not the tx's work: no gas.
	free := ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	type outOfOrder struct {
		account sdk.AccountI
		next    uint64
	}
	var tolerated []outOfOrder
	d.pending.mu.Lock()
	for _, ss := range sequences {
		acc := d.accounts.GetAccount(free, sdk.AccAddress(ss.signer))
		if acc == nil {
			continue // the SDK's decorators say why
		}
		p := d.pending.account(ctx.BlockHeight(), ss.signer, acc.GetSequence())
		if p.toleratesOutOfOrder(ss.sequence, acc.GetSequence(), mode == sdk.ExecModeReCheck) {
			tolerated = append(tolerated, outOfOrder{account: acc, next: acc.GetSequence()})
			if err := acc.SetSequence(ss.sequence); err != nil {
				d.pending.mu.Unlock()
				return ctx, err
			}
		}
	}
	d.pending.mu.Unlock()
	for _, o := range tolerated {
		d.accounts.SetAccount(free, o.account)
	}
	newCtx, err := next(ctx, tx, simulate)
	if err != nil {
		return newCtx, err
	}
	free = newCtx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	for _, o := range tolerated {
		acc := d.accounts.GetAccount(free, o.account.GetAddress())
		if acc != nil && acc.GetSequence() < o.next {
			if err := acc.SetSequence(o.next); err != nil {
				return newCtx, err
			}
			d.accounts.SetAccount(free, acc)
		}
	}
	// Recorded once the SDK's checks passed. A decorator after this one
	// may still refuse the tx; its sequence then counts as taken until the
	// next commit, which only stops a second copy from being accepted out
	// of order (in order it still passes).
	d.pending.mu.Lock()
	for _, ss := range sequences {
		if p, ok := d.pending.accounts[ss.signer]; ok && d.pending.height == ctx.BlockHeight() {
			p.taken[ss.sequence] = struct{}{}
		}
	}
	d.pending.mu.Unlock()
	return newCtx, nil
}
