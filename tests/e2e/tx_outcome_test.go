package e2e

import (
	"fmt"
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/tests/e2e/harness"
	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// TestFailedTxShown sends a swap whose min_out cannot be met through the
// CLI exactly as a user types it (text output): it passes CheckTx and fails
// in the block, and the CLI must say so: non-zero exit, "FAILED", the dex's
// codespace and code and its message. The user's uusdc is untouched; the
// fee (uagr) is taken, because the tx was included in a block.
func TestFailedTxShown(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	carol := addr(t, "carol")
	bal := func(denom string) sdkmath.Int {
		t.Helper()
		amt, err := harness.Balance(d.Bin, d.Home, carol, denom)
		if err != nil {
			t.Fatal(err)
		}
		return amt
	}
	usdcBefore, agrBefore := bal("uusdc"), bal("uagr")

	out, err := d.CLI("tx", "dex", "swap-exact-in", "1000000uusdc", "99000000",
		"--route", `{"pool_id":1,"denom_out":"uagr"}`, "--from", "carol", "--fees", "10000uagr", "-y")
	if err == nil {
		t.Fatalf("a swap that fails in the block exited 0:\n%s", out)
	}
	wantCode := fmt.Sprintf("codespace %s, code %d", dextypes.ErrMinOutNotMet.Codespace(), dextypes.ErrMinOutNotMet.ABCICode())
	for _, want := range []string{"FAILED in block", "below min_out", fmt.Sprintf("code: %d", dextypes.ErrMinOutNotMet.ABCICode())} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if msg := err.Error(); !strings.Contains(msg, "failed in block") || !strings.Contains(msg, wantCode) || !strings.Contains(msg, "below min_out") {
		t.Errorf("error line %q lacks the outcome (%q and the module's message)", msg, wantCode)
	}
	if got := bal("uusdc"); !got.Equal(usdcBefore) {
		t.Errorf("uusdc moved: %s -> %s", usdcBefore, got)
	}
	if got := bal("uagr"); !got.Equal(agrBefore.SubRaw(10_000)) {
		t.Errorf("uagr %s -> %s, want exactly the 10000uagr fee taken", agrBefore, got)
	}

	// A tx the node refuses at admission (fee too low) exits non-zero too,
	// and moves nothing.
	agrBefore = bal("uagr")
	out, err = d.CLI("tx", "bank", "send", "carol", addr(t, "bob"), "1uagr", "--fees", "1uagr", "-y")
	if err == nil || !strings.Contains(err.Error(), "rejected by the node (CheckTx)") || !strings.Contains(err.Error(), "insufficient fee") {
		t.Fatalf("an underpaid send: err %v\n%s", err, out)
	}
	if got := bal("uagr"); !got.Equal(agrBefore) {
		t.Errorf("uagr moved on a refused tx: %s -> %s", agrBefore, got)
	}

	// A good tx exits 0 and says it was committed.
	out, err = d.CLI("tx", "bank", "send", "carol", addr(t, "bob"), "1uagr", "--fees", "5000uagr", "-y")
	if err != nil || !strings.Contains(out, "result: committed in block") {
		t.Fatalf("a good send: err %v\n%s", err, out)
	}
}
