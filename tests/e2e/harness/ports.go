package harness

import (
	"fmt"
	"math/rand"
	"net"
	"testing"
)

// FreePortBase finds a base port such that the blocks of ten ports of n
// nodes (base … base+10·n) are all free on 127.0.0.1 right now.
func FreePortBase(t testing.TB, n int) int {
	t.Helper()
	for attempt := 0; attempt < 50; attempt++ {
		base := 20000 + 10*rand.Intn(3500)
		if portsFree(base, 10*n) {
			return base
		}
	}
	t.Fatalf("no block of %d free ports found on 127.0.0.1", 10*n)
	return 0
}

func portsFree(base, count int) bool {
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for p := base; p < base+count; p++ {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
		if err != nil {
			return false
		}
		ls = append(ls, l)
	}
	return true
}
