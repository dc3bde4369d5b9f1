package types_test

import (
	"testing"
	"time"

	"github.com/agora-labs/agora/x/timelock/types"
)

// An operation is due at its eta, never a nanosecond before; the countdown
// rounds up so that it shows 0 only once the operation is due.
func TestEtaAndCountdown(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	eta := types.Eta(now, 60)
	if want := now.Add(time.Minute); !eta.Equal(want) {
		t.Fatalf("eta %s, want %s", eta, want)
	}
	for _, c := range []struct {
		at   time.Time
		due  bool
		left uint64
	}{
		{now, false, 60},
		{eta.Add(-1500 * time.Millisecond), false, 2},
		{eta.Add(-time.Second), false, 1},
		{eta.Add(-time.Nanosecond), false, 1},
		{eta, true, 0},
		{eta.Add(time.Hour), true, 0},
	} {
		if got := types.IsDue(eta, c.at); got != c.due {
			t.Errorf("IsDue at %s: %v, want %v", c.at, got, c.due)
		}
		if got := types.SecondsLeft(eta, c.at); got != c.left {
			t.Errorf("SecondsLeft at %s: %d, want %d", c.at, got, c.left)
		}
	}
}
