package abci

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/metrics"
)

// Missed votes count per validator in a committed block with metrics on,
// never while checking or simulating, nor with metrics off.
func TestRecordMissedVotes(t *testing.T) {
	t.Cleanup(func() { metrics.SetEnabled(false) })
	addr := []byte("validator-consensus-address-1")
	val := sdk.ConsAddress(addr).String()
	misses := func() float64 { return testutil.ToFloat64(metrics.OracleMissedVotes.WithLabelValues(val)) }

	metrics.SetEnabled(false)
	recordMissedVotes(sdk.Context{}.WithExecMode(sdk.ExecModeFinalize), [][]byte{addr})
	metrics.SetEnabled(true)
	recordMissedVotes(sdk.Context{}.WithExecMode(sdk.ExecModeCheck), [][]byte{addr})
	recordMissedVotes(sdk.Context{}.WithExecMode(sdk.ExecModeSimulate), [][]byte{addr})
	if got := misses(); got != 0 {
		t.Fatalf("counted %v misses outside a committed block or with metrics off", got)
	}
	recordMissedVotes(sdk.Context{}.WithExecMode(sdk.ExecModeFinalize), [][]byte{addr, addr})
	if got := misses(); got != 2 {
		t.Fatalf("misses %v, want 2", got)
	}
}
