package app

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// In these tests a transaction is written "signer:sequence" (several
// signers joined by "+"); anything else has no sequence.
func fakeSequences(bz []byte) ([]signerSequence, bool) {
	var out []signerSequence
	for _, part := range strings.Split(string(bz), "+") {
		signer, seq, ok := strings.Cut(part, ":")
		n, err := strconv.ParseUint(strings.TrimRight(seq, "abcdefghijklmnopqrstuvwxyz"), 10, 64)
		if !ok || err != nil {
			return nil, false
		}
		out = append(out, signerSequence{signer: signer, sequence: n})
	}
	return out, true
}

func txList(s string) [][]byte {
	var out [][]byte
	for _, f := range strings.Fields(s) {
		out = append(out, []byte(f))
	}
	return out
}

func listed(txs [][]byte) string {
	parts := make([]string, len(txs))
	for i, tx := range txs {
		parts[i] = string(tx)
	}
	return strings.Join(parts, " ")
}

func TestInSequence(t *testing.T) {
	state := map[string]uint64{"a": 30, "b": 5, "c": 0}
	seqOf := func(s string) uint64 { return state[s] }
	for _, tc := range []struct{ name, in, want string }{
		{"in order already", "a:30 b:5 a:31 b:6", "a:30 b:5 a:31 b:6"},
		{"two of one account swapped", "a:31 a:30 b:5 a:32", "a:30 a:31 b:5 a:32"},
		{"swapped across other accounts", "b:6 a:31 c:0 b:5 a:30", "b:5 a:30 c:0 b:6 a:31"},
		{"sequence used already", "a:29 a:30 a:31", "a:30 a:31"},
		{"a gap: the rest waits", "a:30 a:32 a:33 b:5", "a:30 b:5"},
		{"nothing at the account's sequence", "a:31 a:32 b:5", "b:5"},
		{"second tx with a taken sequence", "a:30x a:30y a:31", "a:30x a:31"},
		{"no sequence keeps its place", "votes a:31 junk a:30", "votes a:30 junk a:31"},
		{"several signers, in turn", "a:30 a:31+b:5 b:6", "a:30 a:31+b:5 b:6"},
		{"several signers, not in turn", "a:31+b:5 a:30 b:6", "a:30"},
		{"unknown account starts at 0", "d:1 d:0", "d:0 d:1"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := listed(inSequence(txList(tc.in), fakeSequences, seqOf))
			if got != tc.want {
				t.Fatalf("inSequence(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// For any listing of any accounts' transactions (shuffled, with stale,
// duplicate and missing sequences), what is kept is a sub-list of what was
// given, never longer, and in it every account's sequences run without a
// gap from the account's own; with nothing missing, nothing is left out.
func TestInSequenceProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		accounts := rapid.IntRange(1, 4).Draw(t, "accounts")
		state := map[string]uint64{}
		var txs [][]byte
		complete := true
		for a := 0; a < accounts; a++ {
			name := string(rune('a' + a))
			state[name] = rapid.Uint64Range(0, 3).Draw(t, "sequence "+name)
			n := rapid.IntRange(0, 6).Draw(t, "txs "+name)
			for i := 0; i < n; i++ {
				seq := state[name] + uint64(i)
				switch rapid.IntRange(0, 9).Draw(t, "kind") {
				case 0: // a stale one instead
					if state[name] > 0 {
						txs = append(txs, []byte(fmt.Sprintf("%s:%d", name, state[name]-1)))
						complete = false
						continue
					}
				case 1: // missing
					complete = false
					continue
				}
				txs = append(txs, []byte(fmt.Sprintf("%s:%d", name, seq)))
			}
		}
		txs = append(txs, []byte("votes"))
		perm := rapid.Permutation(txs).Draw(t, "listing")
		got := inSequence(perm, fakeSequences, func(s string) uint64 { return state[s] })

		if len(got) > len(perm) {
			t.Fatalf("%d txs out of %d", len(got), len(perm))
		}
		given := map[string]int{}
		for _, tx := range perm {
			given[string(tx)]++
		}
		next := map[string]uint64{}
		for k, v := range state {
			next[k] = v
		}
		for _, tx := range got {
			if given[string(tx)] == 0 {
				t.Fatalf("%q kept more often than given", tx)
			}
			given[string(tx)]--
			seqs, ok := fakeSequences(tx)
			if !ok {
				continue
			}
			s := seqs[0]
			if s.sequence != next[s.signer] {
				t.Fatalf("%s: sequence %d where %d comes next, in %q", s.signer, s.sequence, next[s.signer], listed(got))
			}
			next[s.signer]++
		}
		if complete && len(got) != len(perm) {
			t.Fatalf("nothing was missing, yet %d of %d txs were left out: %q -> %q", len(perm)-len(got), len(perm), listed(perm), listed(got))
		}
	})
}
