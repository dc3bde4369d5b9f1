package e2e

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestStateSync: a new full node joins the shared devnet by state sync. Its
// home is made as an operator makes one (agorad init, the network's
// genesis, the validator as its only peer, no peer exchange), its
// [statesync] is written by agorad statesync-config, and it must reach the
// validator's height from a snapshot (its first block is the snapshot's
// height + 1, not 1) and answer a bank query as the validator does.
func TestStateSync(t *testing.T) {
	skipInShortMode(t)
	d := sharedDevnet(t)
	rpcURL := d.Ports.RPCURL()

	t.Run("statesync-config refuses bad input", func(t *testing.T) {
		home := initJoinerHome(t, d)
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{}, "give the network's CometBFT RPC server with --rpc"},
			{[]string{"--rpc", "ftp://127.0.0.1:1"}, `scheme "ftp"`},
			{[]string{"--rpc", "http://127.0.0.1"}, "want host:port"},
			{[]string{"--rpc", "http://127.0.0.1:" + strconv.Itoa(harness.FreePortBase(t, 1))}, "cannot reach the CometBFT RPC server"},
		} {
			out, err := statesyncConfig(d.Bin, home, c.args...)
			if err == nil || !strings.Contains(out, c.want) {
				t.Errorf("statesync-config %v: err %v, output %q; want an error containing %q", c.args, err, out, c.want)
			}
		}
		// Nothing was written.
		bz, err := os.ReadFile(filepath.Join(home, "config", "config.toml"))
		if err != nil {
			t.Fatal(err)
		}
		if regexp.MustCompile(`(?m)^\[statesync\]\s*\n\s*enable = true`).Match(bz) {
			t.Errorf("a refused statesync-config turned state sync on")
		}
	})

	// The shared devnet takes a snapshot every sharedSnapshotInterval
	// blocks: wait for the first one (statesync-config refuses a network
	// without snapshots until then).
	home := initJoinerHome(t, d)
	var out string
	deadline := time.Now().Add(3 * sharedSnapshotInterval * 2 * time.Second)
	for {
		var err error
		out, err = statesyncConfig(d.Bin, home, "--rpc", rpcURL)
		if err == nil {
			break
		}
		if !strings.Contains(out, "no state sync snapshots") || time.Now().After(deadline) {
			t.Fatalf("statesync-config: %v\n%s", err, out)
		}
		time.Sleep(2 * time.Second)
	}
	t.Logf("statesync-config:\n%s", out)
	cfg, err := os.ReadFile(filepath.Join(home, "config", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"enable = true", `rpc_servers = "` + rpcURL + "," + rpcURL + `"`, "trust_hash = \"", `discovery_time = "5s"`} {
		if !strings.Contains(string(cfg), want) {
			t.Errorf("config.toml lacks %q after statesync-config", want)
		}
	}

	// The snapshot the joiner can restore: the validator's latest.
	snaps := listSnapshots(t, rpcURL)
	if len(snaps) == 0 {
		t.Fatal("statesync-config succeeded but the validator lists no snapshot")
	}

	joiner := devgenesis.NodeSpec{Moniker: "joiner", Home: home, Ports: devgenesis.LocalnetPorts(harness.FreePortBase(t, 1), 0), Validator: -1}
	start := time.Now()
	proc, err := harness.StartNode(d.Bin, joiner)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = proc.Stop(15 * time.Second) })

	target := d.Height()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	if _, err := harness.WaitForHeight(ctx, joiner.Ports.RPCURL(), target, proc); err != nil {
		log, _ := os.ReadFile(filepath.Join(home, "agorad.log"))
		t.Fatalf("the joiner did not reach height %d: %v\nlog tail:\n%s", target, err, tail(string(log), 40))
	}
	t.Logf("joined at height %d in %s", target, time.Since(start).Round(time.Millisecond))

	// It started from a snapshot: its first block is past 1.
	c, err := rpchttp.New(joiner.Ports.RPCURL(), "/websocket")
	if err != nil {
		t.Fatal(err)
	}
	st, err := c.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.SyncInfo.EarliestBlockHeight <= 1 {
		t.Fatalf("the joiner's earliest block is %d: it replayed the chain instead of restoring a snapshot", st.SyncInfo.EarliestBlockHeight)
	}
	restored := false
	for _, s := range snaps {
		if int64(s.Height)+1 == st.SyncInfo.EarliestBlockHeight {
			restored = true
		}
	}
	if !restored {
		t.Logf("earliest block %d; the validator's snapshots now %v", st.SyncInfo.EarliestBlockHeight, listSnapshots(t, rpcURL))
	}
	log, _ := os.ReadFile(filepath.Join(home, "agorad.log"))
	if !strings.Contains(string(log), "Snapshot restored") {
		t.Errorf("the joiner's log does not say a snapshot was restored (earliest block %d)", st.SyncInfo.EarliestBlockHeight)
	}

	// Queries: the same balances at the same height on both nodes.
	h := st.SyncInfo.LatestBlockHeight
	for _, who := range []string{addr(t, "alice"), addr(t, devgenesis.ValidatorKeyName(0))} {
		got := balanceAt(t, d.Bin, home, joiner.Ports.RPCURL(), who, h)
		want := balanceAt(t, d.Bin, d.Home, rpcURL, who, h)
		if got != want || got == "" || got == "0" {
			t.Errorf("uagr of %s at height %d: joiner %q, validator %q", who, h, got, want)
		}
	}
}

// sharedSnapshotInterval is the shared devnet's snapshot interval (blocks).
const sharedSnapshotInterval = 20

// initJoinerHome makes a new full node's home for the devnet as an
// operator would: agorad init, the network's genesis, the validator as its
// only peer, no peer exchange and no seeds.
func initJoinerHome(t *testing.T, d *harness.Devnet) string {
	t.Helper()
	home := t.TempDir()
	chainID := devgenesis.DevnetChainID
	if out, err := exec.Command(d.Bin, "init", "joiner", "--chain-id", chainID, "--home", home).CombinedOutput(); err != nil {
		t.Fatalf("agorad init: %v\n%s", err, out)
	}
	gen, err := os.ReadFile(filepath.Join(d.Home, "config", "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "config", "genesis.json"), gen, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st, err := harness.QueryStatus(ctx, d.Ports.RPCURL())
	if err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(home, "config", "config.toml")
	bz, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg := string(bz)
	for key, value := range map[string]string{
		"persistent_peers":   strconv.Quote(st.NodeID + "@" + devgenesis.Host + ":" + strconv.Itoa(d.Ports.P2P)),
		"seeds":              `""`,
		"pex":                "false",
		"addr_book_strict":   "false",
		"allow_duplicate_ip": "true",
	} {
		re := regexp.MustCompile(`(?m)^` + key + ` = .*$`)
		if !re.MatchString(cfg) {
			t.Fatalf("config.toml has no %s", key)
		}
		cfg = re.ReplaceAllLiteralString(cfg, key+" = "+value)
	}
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return home
}

func statesyncConfig(bin, home string, args ...string) (string, error) {
	out, err := exec.Command(bin, append([]string{"statesync-config", "--home", home}, args...)...).CombinedOutput()
	return string(out), err
}

// listSnapshots is what the node at rpcURL lists at app.SnapshotsQueryPath.
func listSnapshots(t *testing.T, rpcURL string) []app.SnapshotInfo {
	t.Helper()
	c, err := rpchttp.New(rpcURL, "/websocket")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := c.ABCIQuery(ctx, app.SnapshotsQueryPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []app.SnapshotInfo
	if err := json.Unmarshal(res.Response.Value, &out); err != nil {
		t.Fatalf("%s: %v (code %d, %s)", app.SnapshotsQueryPath, err, res.Response.Code, res.Response.Log)
	}
	return out
}

// balanceAt is addr's uagr at height h, as the node at rpcURL answers.
func balanceAt(t *testing.T, bin, home, rpcURL, addr string, h int64) string {
	t.Helper()
	var out struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	if err := harness.QueryJSON(bin, home, &out, "q", "bank", "balance", addr, app.BondDenom,
		"--node", strings.Replace(rpcURL, "http://", "tcp://", 1), "--height", strconv.FormatInt(h, 10)); err != nil {
		t.Fatalf("balance of %s at %d from %s: %v", addr, h, rpcURL, err)
	}
	return out.Balance.Amount
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
