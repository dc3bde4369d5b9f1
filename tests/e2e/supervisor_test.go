package e2e

import (
	"fmt"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestLocalnetSurvivesNodeLoss runs the real `agorad localnet` command (not
// the harness's own node runner) and kills one of its node processes with
// SIGKILL: the parent reports it in one line and keeps running, the other
// validators keep producing blocks, and the parent restarts the node, which
// catches up to the same app hash.
func TestLocalnetSurvivesNodeLoss(t *testing.T) {
	skipInShortMode(t)
	l := harness.RunLocalnet(t, 4)
	const victim = 3
	pid := l.Pid(victim)
	if !strings.Contains(l.Output(), fmt.Sprintf("node3 runs as pid %d", pid)) {
		t.Fatalf("the banner does not give node3's pid %d:\n%s", pid, l.Output())
	}
	start := l.WaitForHeight(0, 2, 60*time.Second).Height

	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	l.WaitForOutput(fmt.Sprintf("node3 (pid %d) stopped (signal: killed); the other nodes keep running", pid), 30*time.Second)
	if strings.Contains(l.Output(), "Usage:") {
		t.Fatalf("the localnet printed a usage dump:\n%s", l.Output())
	}
	// The other three (3/4 of the stake) go on.
	for i := 0; i < 3; i++ {
		l.WaitForHeight(i, start+4, 60*time.Second)
	}
	if l.Exited() {
		t.Fatalf("agorad localnet exited after losing one node:\n%s", l.Output())
	}

	// The parent restarts it, and it catches up.
	l.WaitForOutput("node3 restarted (pid ", 30*time.Second)
	if newPid := l.Pid(victim); newPid == pid {
		t.Fatalf("node3's pid file still names the killed process %d", pid)
	}
	target := l.WaitForHeight(0, start+6, 60*time.Second).Height
	l.WaitForHeight(victim, target, 90*time.Second)
	want, err := l.BlockAppHash(0, target)
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.BlockAppHash(victim, target)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("block %d app hash: node3 %s, node0 %s", target, got, want)
	}

	// Ctrl-C (SIGTERM here) still stops every node in order.
	if err := l.Stop(60 * time.Second); err != nil {
		t.Fatalf("stop: %v\n%s", err, l.Output())
	}
	if !strings.Contains(l.Output(), "Stopped. Run the same command again to resume.") {
		t.Fatalf("no clean stop:\n%s", l.Output())
	}
	for i := range l.Nodes {
		if _, err := l.Status(i); err == nil {
			t.Errorf("%s still answers after the localnet stopped", l.Nodes[i].Moniker)
		}
	}
}

// TestDevnetPortTaken: with one of its ports held by another process,
// `agorad devnet` refuses to start, naming the port, what it is for and the
// flag that moves it, in one line and with a non-zero exit.
func TestDevnetPortTaken(t *testing.T) {
	skipInShortMode(t)
	bin := harness.Binary(t)
	home := t.TempDir()
	base := harness.FreePortBase(t, 1)
	ports := map[string]int{"p2p": base, "rpc": base + 1, "api": base + 2, "grpc": base + 3}
	for _, c := range []struct{ flag, name string }{{"rpc", "RPC"}, {"api", "REST"}, {"grpc", "gRPC"}} {
		t.Run(c.name, func(t *testing.T) {
			held, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(ports[c.flag]))
			if err != nil {
				t.Fatal(err)
			}
			defer held.Close()
			cmd := exec.Command(bin, "devnet", "--home", home,
				"--p2p-port", strconv.Itoa(ports["p2p"]), "--rpc-port", strconv.Itoa(ports["rpc"]),
				"--api-port", strconv.Itoa(ports["api"]), "--grpc-port", strconv.Itoa(ports["grpc"]))
			done := make(chan struct{})
			var out []byte
			go func() { out, err = cmd.CombinedOutput(); close(done) }()
			select {
			case <-done:
			case <-time.After(90 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatal("agorad devnet did not exit with its port taken")
			}
			if err == nil {
				t.Fatalf("agorad devnet exited 0 with its %s port taken:\n%s", c.name, out)
			}
			want := fmt.Sprintf("port %d (%s) is in use by another process; move it with --%s-port", ports[c.flag], c.name, c.flag)
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			if last := lines[len(lines)-1]; last != want {
				t.Fatalf("last line %q, want %q; whole output:\n%s", last, want, out)
			}
			if strings.Contains(string(out), "Usage:") || strings.Contains(string(out), "is running") {
				t.Fatalf("usage dump or banner printed:\n%s", out)
			}
		})
	}
}
