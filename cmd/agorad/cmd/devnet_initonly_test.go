package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agora-labs/agora/pkg/nodeproc"
)

// devnet --init-only writes the devnet's home (genesis, config.toml with a
// mempool of 10,000 txs, the default index list in app.toml, keys) and
// starts no node; a second --init-only leaves it as it is.
func TestDevnetInitOnly(t *testing.T) {
	home := filepath.Join(t.TempDir(), "devnet")
	run := func() string {
		cmd := DevnetCmd()
		cmd.Flags().String("home", "", "the root command's --home")
		var out bytes.Buffer
		cmd.SetOut(&out)
		cmd.SetErr(&out)
		cmd.SetArgs([]string{"--home", home, "--init-only"})
		if err := cmd.Execute(); err != nil {
			t.Fatalf("devnet --init-only: %v\n%s", err, out.String())
		}
		return out.String()
	}
	if out := run(); !strings.Contains(out, "Creating") {
		t.Fatalf("first run did not create the devnet:\n%s", out)
	}
	for _, f := range []string{"config/genesis.json", "config/config.toml", "config/app.toml", "keyring-test"} {
		if _, err := os.Stat(filepath.Join(home, f)); err != nil {
			t.Fatalf("missing %s: %v", f, err)
		}
	}
	if _, err := os.Stat(nodeproc.PidPath(home)); !os.IsNotExist(err) {
		t.Fatalf("a node was started (pid file: %v)", err)
	}
	app, err := os.ReadFile(filepath.Join(home, "config", "app.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(app), `index-events = ["message.action"`) {
		t.Fatalf("app.toml does not carry the default index list")
	}
	// Room for a block's txs on top of what clients keep pending
	// (config.MempoolSize).
	comet, err := os.ReadFile(filepath.Join(home, "config", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(comet), "\nsize = 10000\n") {
		t.Fatalf("config.toml does not set the mempool's size to 10000")
	}
	if out := run(); !strings.Contains(out, "Resuming") {
		t.Fatalf("second run did not keep the devnet:\n%s", out)
	}
}
