package app

import (
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// mempoolModel runs one account's sequences through pendingSequences the
// way pendingSequenceDecorator and the SDK's sequence check do together,
// with the account's CheckTx sequence kept here.
type mempoolModel struct {
	memory *pendingSequences
	height int64
	state  uint64 // the account's sequence in the CheckTx state
}

// commit starts a new CheckTx state at the next height, with the account's
// committed sequence.
func (x *mempoolModel) commit(committed uint64) {
	x.height++
	x.state = committed
}

// check is CheckTx (recheck false) or its recheck of a tx with sequence s:
// accepted or not.
func (x *mempoolModel) check(s uint64, recheck bool) bool {
	p := x.memory.account(x.height, "alice", x.state)
	if s != x.state && !p.toleratesOutOfOrder(s, x.state, recheck) {
		return false // the SDK: account sequence mismatch
	}
	p.taken[s] = struct{}{}
	x.state = max(x.state, s+1)
	return true
}

// run checks "0 1 2" (new txs) or "r1 r0 r2" (rechecks), and returns the
// verdicts as "0 1 -2" (a minus: refused).
func (x *mempoolModel) run(list string) string {
	var out []string
	for _, f := range strings.Fields(list) {
		recheck := strings.HasPrefix(f, "r")
		var s uint64
		if _, err := fmt.Sscan(strings.TrimPrefix(f, "r"), &s); err != nil {
			panic(f)
		}
		if x.check(s, recheck) {
			out = append(out, fmt.Sprint(s))
		} else {
			out = append(out, fmt.Sprintf("-%d", s))
		}
	}
	return strings.Join(out, " ")
}

func TestPendingSequenceRules(t *testing.T) {
	// Each case: blocks, each "committed sequence | CheckTx and rechecks
	// in the order the node runs them | verdicts".
	cases := []struct {
		name   string
		blocks []string
	}{
		{"in order, as the SDK", []string{"0 | 0 1 2 | 0 1 2", "0 | r0 r1 r2 3 | 0 1 2 3"}},
		{"a recheck listed out of order keeps every tx", []string{"0 | 0 1 2 3 | 0 1 2 3", "0 | r1 r0 r3 r2 4 | 1 0 3 2 4"}},
		{"reversed", []string{"5 | 5 6 7 | 5 6 7", "5 | r7 r6 r5 8 | 7 6 5 8"}},
		{"a new tx ahead of the next sequence is refused", []string{"0 | 1 0 2 4 | -1 0 -2 -4"}},
		{"a second tx with a pending sequence is refused", []string{"0 | 0 0 1 | 0 -0 1", "0 | r0 r1 r0 | 0 1 -0"}},
		{"a used sequence is refused", []string{"0 | 0 1 2 | 0 1 2", "2 | r0 r1 r2 | -0 -1 2"}},
		{"what remains after a block keeps its order", []string{"0 | 0 1 2 3 | 0 1 2 3", "2 | r3 r2 4 | 3 2 4"}},
		{"a gap is kept one block, then refused", []string{"0 | 0 1 2 | 0 1 2", "0 | r2 r1 | 2 1", "0 | r2 r1 | -2 -1"}},
		{"a new tx may fill the hole below a tolerated one", []string{"0 | 0 1 2 | 0 1 2", "0 | r2 0 1 1 3 | 2 0 1 -1 3"}},
		{"what was not pending before the commit is not tolerated ahead", []string{"0 | 0 | 0", "0 | r1 r0 | -1 0"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := &mempoolModel{memory: newPendingSequences()}
			for i, b := range c.blocks {
				parts := strings.Split(b, "|")
				var committed uint64
				fmt.Sscan(parts[0], &committed)
				x.commit(committed)
				if got, want := x.run(parts[1]), strings.Join(strings.Fields(parts[2]), " "); got != want {
					t.Fatalf("block %d: %q gave %q, want %q", i+1, parts[1], got, want)
				}
			}
		})
	}
}

// Whatever order a recheck lists an account's pending, gap-free run of
// sequences in, every one of them stays, and the next new tx wants the
// sequence after the run. Whatever CheckTx and recheck are sent, no
// sequence below the committed one and no sequence twice is accepted in
// one block, and a new tx is never accepted ahead of the next sequence.
func TestPendingSequenceProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		committed := rapid.Uint64Range(0, 5).Draw(t, "committed")
		n := rapid.IntRange(1, 8).Draw(t, "pending")
		x := &mempoolModel{memory: newPendingSequences()}
		x.commit(committed)
		var run []uint64
		for i := range n {
			s := committed + uint64(i)
			if !x.check(s, false) {
				t.Fatalf("in-order sequence %d refused", s)
			}
			run = append(run, s)
		}
		// A block that includes none of them, then the recheck.
		x.commit(committed)
		for _, s := range rapid.Permutation(run).Draw(t, "listing") {
			if !x.check(s, true) {
				t.Fatalf("sequence %d of a pending run refused at recheck", s)
			}
		}
		if x.state != committed+uint64(n) {
			t.Fatalf("next sequence %d after the recheck, want %d", x.state, committed+uint64(n))
		}

		// Arbitrary traffic.
		for range rapid.IntRange(1, 4).Draw(t, "blocks") {
			c := x.state - rapid.Uint64Range(0, x.state-committed).Draw(t, "pending after the block")
			x.commit(c)
			seen := map[uint64]bool{}
			for range rapid.IntRange(0, 12).Draw(t, "checks") {
				s := rapid.Uint64Range(c-min(c, 2), c+10).Draw(t, "sequence")
				recheck := rapid.Bool().Draw(t, "recheck")
				next := x.state
				if !x.check(s, recheck) {
					continue
				}
				if s < c {
					t.Fatalf("accepted used sequence %d (committed %d)", s, c)
				}
				if seen[s] {
					t.Fatalf("accepted sequence %d twice in one block", s)
				}
				if !recheck && s > next {
					t.Fatalf("accepted a new tx with sequence %d ahead of %d", s, next)
				}
				seen[s] = true
			}
			committed = c
		}
	})
}
