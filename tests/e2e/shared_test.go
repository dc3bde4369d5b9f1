package e2e

import (
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/agora-labs/agora/tests/e2e/harness"
)

// One devnet serves the tests that only need "a running chain" (each works
// with its own accounts or its own proposals), to keep the suite short. It
// is created with a short voting period so that proposals pass quickly,
// and a short snapshot interval so that a node can join it by state sync.
var shared struct {
	once   sync.Once
	devnet *harness.Devnet
	home   string
	failed bool
}

// sharedVotingPeriod is the shared devnet's governance voting period.
const sharedVotingPeriod = 20 * time.Second

// sharedDevnet starts the shared devnet on first use and returns it as seen
// by t.
func sharedDevnet(t *testing.T) *harness.Devnet {
	t.Helper()
	shared.once.Do(func() {
		shared.failed = true
		home, err := os.MkdirTemp("", "agora-e2e-shared")
		if err != nil {
			t.Fatal(err)
		}
		shared.home = home
		harness.StartSharedDevnet(t, home, func(d *harness.Devnet) { shared.devnet = d },
			"--voting-period", sharedVotingPeriod.String(), "--timelock-delay", sharedTimelockDelay.String(),
			"--snapshot-interval", strconv.Itoa(sharedSnapshotInterval))
		shared.failed = false
	})
	if shared.failed {
		t.Fatal("the shared devnet did not start (see the first test that used it)")
	}
	return shared.devnet.For(t)
}

// stopSharedDevnet stops the shared devnet, if a test started it.
func stopSharedDevnet() {
	if shared.devnet != nil {
		_ = shared.devnet.Stop(30 * time.Second)
	}
	if shared.home != "" {
		_ = os.RemoveAll(shared.home)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	stopSharedDevnet()
	os.Exit(code)
}
