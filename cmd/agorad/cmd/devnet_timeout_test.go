package cmd

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A large genesis (--genesis-accounts) gives InitChain more time before
// devnet and localnet give up on the first block; a small one keeps the
// two minutes.
func TestFirstBlockTimeoutGrowsWithGenesis(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.json")
	large := filepath.Join(dir, "large.json")
	if err := os.WriteFile(small, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(large, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(large, 300<<20); err != nil { // sparse: 300 MB long, nothing written
		t.Fatal(err)
	}
	if got := firstBlockTimeout(small); got != 120*time.Second {
		t.Fatalf("small genesis: %s, want 2m0s", got)
	}
	if got := firstBlockTimeout(large); got != 720*time.Second {
		t.Fatalf("300 MB genesis: %s, want 12m0s", got)
	}
	if got := firstBlockTimeout(filepath.Join(dir, "missing.json")); got != 120*time.Second {
		t.Fatalf("no genesis: %s, want 2m0s", got)
	}
}
