package app

import "testing"

// The memory keeps at most its capacity, forgets the oldest first, and
// forgets a digest once it is taken.
func TestVerifiedTxsMemory(t *testing.T) {
	v := newVerifiedTxs(2)
	a, b, c := [32]byte{1}, [32]byte{2}, [32]byte{3}
	v.remember(a)
	v.remember(b)
	v.remember(c) // forgets a
	if v.take(a) {
		t.Fatal("the oldest digest was not forgotten")
	}
	if !v.take(b) || !v.take(c) {
		t.Fatal("a remembered digest was not found")
	}
	if v.take(b) {
		t.Fatal("a taken digest was found again")
	}
	if len(v.seen) != 0 {
		t.Fatalf("%d digests left", len(v.seen))
	}
}
