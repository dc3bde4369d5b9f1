package types

import "time"

// Eta is when an operation scheduled at now executes: now + delay.
func Eta(now time.Time, delaySeconds uint64) time.Time {
	return now.Add(time.Duration(delaySeconds) * time.Second)
}

// IsDue: an operation executes in the first block whose time is at or after
// its eta — never before.
func IsDue(eta, blockTime time.Time) bool { return !blockTime.Before(eta) }

// SecondsLeft is the whole seconds from blockTime until eta, rounded up (a
// countdown never shows 0 before the operation is due); 0 once due.
func SecondsLeft(eta, blockTime time.Time) uint64 {
	if IsDue(eta, blockTime) {
		return 0
	}
	d := eta.Sub(blockTime)
	s := uint64(d / time.Second)
	if d%time.Second != 0 {
		s++
	}
	return s
}
