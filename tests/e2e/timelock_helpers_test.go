package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/tests/e2e/harness"
)

// sharedTimelockDelay is the shared devnet's x/timelock delay: short, so
// that the suite stays fast, but long enough to see an operation queued.
const sharedTimelockDelay = 6 * time.Second

// timelocked tells whether a message type's authority is x/timelock (every
// Agora module and x/distribution; see x/timelock/README.md): governance
// must schedule it rather than send it.
func timelocked(msgType string) bool {
	return (strings.HasPrefix(msgType, "/agora.") && !strings.HasPrefix(msgType, "/agora.timelock.")) ||
		strings.HasPrefix(msgType, "/cosmos.distribution.")
}

// govMessage is msg (JSON, without its authority) ready to be a proposal's
// message: signed by gov, or, for a timelocked type, signed by the timelock
// and wrapped in a MsgSchedule that gov signs.
func govMessage(msg map[string]any, title string) map[string]any {
	msgType, _ := msg["@type"].(string)
	if !timelocked(msgType) {
		msg["authority"] = app.GovAuthority()
		return msg
	}
	msg["authority"] = app.TimelockAuthority()
	return map[string]any{
		"@type": "/agora.timelock.v1.MsgSchedule", "authority": app.GovAuthority(),
		"messages": []any{msg}, "title": title,
	}
}

// queuedOperation is one entry of `agorad q timelock operations -o json`.
type queuedOperation struct {
	Operation struct {
		ID         string `json:"id"`
		ProposalID string `json:"proposal_id"`
		Eta        string `json:"eta"`
		Title      string `json:"title"`
	} `json:"operation"`
	SecondsLeft string `json:"seconds_left"`
}

// queuedOperations lists the timelock's queue.
func queuedOperations(t *testing.T, bin, home string) []queuedOperation {
	t.Helper()
	var out struct {
		Operations []queuedOperation `json:"operations"`
	}
	if err := harness.QueryJSON(bin, home, &out, "q", "timelock", "operations"); err != nil {
		t.Fatal(err)
	}
	return out.Operations
}

// operationOf returns the queued operation a proposal scheduled, if any.
func operationOf(t *testing.T, bin, home, proposalID string) (queuedOperation, bool) {
	t.Helper()
	for _, op := range queuedOperations(t, bin, home) {
		if op.Operation.ProposalID == proposalID {
			return op, true
		}
	}
	return queuedOperation{}, false
}

// waitTimelock waits until the operation a passed proposal scheduled has
// left the queue (executed, or failed: the caller checks the effect). It
// returns at once when the proposal scheduled nothing.
func waitTimelock(t *testing.T, bin, home, proposalID string, delay time.Duration) {
	t.Helper()
	deadline := time.Now().Add(delay + 30*time.Second)
	for time.Now().Before(deadline) {
		if _, ok := operationOf(t, bin, home, proposalID); !ok {
			return
		}
		time.Sleep(time.Second)
	}
	t.Fatalf("the operation of proposal %s is still queued %s after its delay", proposalID, delay+30*time.Second)
}
