package harness

import (
	"strings"
	"testing"
	"time"

	"github.com/agora-labs/agora/app"
)

// SwapMsgURL is the dex message the guardian pauses in the tests.
const SwapMsgURL = "/agora.dex.v1.MsgSwapExactIn"

// Timelocked tells whether a message type's authority is x/timelock (every
// Agora module and x/distribution; see x/timelock/README.md): governance
// must schedule it rather than send it.
func Timelocked(msgType string) bool {
	return (strings.HasPrefix(msgType, "/agora.") && !strings.HasPrefix(msgType, "/agora.timelock.")) ||
		strings.HasPrefix(msgType, "/cosmos.distribution.")
}

// GovMessage is msg (JSON, without its authority) ready to be a proposal's
// message: signed by gov, or, for a timelocked type, signed by the timelock
// and wrapped in a MsgSchedule that gov signs.
func GovMessage(msg map[string]any, title string) map[string]any {
	msgType, _ := msg["@type"].(string)
	if !Timelocked(msgType) {
		msg["authority"] = app.GovAuthority()
		return msg
	}
	msg["authority"] = app.TimelockAuthority()
	return map[string]any{
		"@type": "/agora.timelock.v1.MsgSchedule", "authority": app.GovAuthority(),
		"messages": []any{msg}, "title": title,
	}
}

// QueuedOperation is one entry of `agorad q timelock operations -o json`.
type QueuedOperation struct {
	Operation struct {
		ID         string `json:"id"`
		ProposalID string `json:"proposal_id"`
		Eta        string `json:"eta"`
		Title      string `json:"title"`
	} `json:"operation"`
	SecondsLeft string `json:"seconds_left"`
}

// QueuedOperations lists the timelock's queue.
func QueuedOperations(t testing.TB, bin, home string) []QueuedOperation {
	t.Helper()
	var out struct {
		Operations []QueuedOperation `json:"operations"`
	}
	if err := QueryJSON(bin, home, &out, "q", "timelock", "operations"); err != nil {
		t.Fatal(err)
	}
	return out.Operations
}

// OperationOf returns the queued operation a proposal scheduled, if any.
func OperationOf(t testing.TB, bin, home, proposalID string) (QueuedOperation, bool) {
	t.Helper()
	for _, op := range QueuedOperations(t, bin, home) {
		if op.Operation.ProposalID == proposalID {
			return op, true
		}
	}
	return QueuedOperation{}, false
}

// WaitTimelock waits until the operation a passed proposal scheduled has
// left the queue (executed, or failed: the caller checks the effect). It
// returns at once when the proposal scheduled nothing.
func WaitTimelock(t testing.TB, bin, home, proposalID string, delay time.Duration) {
	t.Helper()
	deadline := time.Now().Add(delay + 30*time.Second)
	for time.Now().Before(deadline) {
		if _, ok := OperationOf(t, bin, home, proposalID); !ok {
			return
		}
		time.Sleep(time.Second)
	}
	t.Fatalf("the operation of proposal %s is still queued %s after its delay", proposalID, delay+30*time.Second)
}
