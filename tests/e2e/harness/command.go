package harness

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/agora-labs/agora/app/devgenesis"
)

// Localnet is an `agorad localnet` process, run exactly as a user runs it
// (the parent supervises its node processes), on free ports.
type Localnet struct {
	T     testing.TB
	Bin   string
	Root  string
	Nodes []devgenesis.NodeSpec

	cmd  *exec.Cmd
	out  *syncBuffer
	done chan struct{}
	err  error
}

// RunLocalnet runs `agorad localnet --validators n` in a new home and waits
// for its banner. The command is stopped (SIGTERM) when the test ends.
func RunLocalnet(t testing.TB, validators int, extra ...string) *Localnet {
	t.Helper()
	root := t.TempDir()
	base := FreePortBase(t, validators)
	l := &Localnet{T: t, Bin: Binary(t), Root: root, Nodes: devgenesis.LocalnetSpec(root, validators, 0, base).Nodes}
	args := append([]string{"localnet", "--home", root, "--validators", strconv.Itoa(validators), "--base-port", strconv.Itoa(base)}, extra...)
	l.out = &syncBuffer{}
	l.cmd = exec.Command(l.Bin, args...)
	l.cmd.Stdout, l.cmd.Stderr = l.out, l.out
	if err := l.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	l.done = make(chan struct{})
	go func() { l.err = l.cmd.Wait(); close(l.done) }()
	t.Cleanup(func() { _ = l.Stop(60 * time.Second) })
	l.WaitForOutput("Ctrl-C stops every node", 180*time.Second)
	return l
}

// Output is what the command printed so far.
func (l *Localnet) Output() string { return l.out.String() }

// Exited tells whether the localnet command has exited.
func (l *Localnet) Exited() bool {
	select {
	case <-l.done:
		return true
	default:
		return false
	}
}

// WaitForOutput waits until the command has printed text.
func (l *Localnet) WaitForOutput(text string, timeout time.Duration) {
	l.T.Helper()
	deadline := time.After(timeout)
	for !strings.Contains(l.out.String(), text) {
		select {
		case <-l.done:
			l.T.Fatalf("agorad localnet exited (%v) before printing %q:\n%s", l.err, text, l.out.String())
		case <-deadline:
			l.T.Fatalf("agorad localnet did not print %q within %s:\n%s", text, timeout, l.out.String())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// Pid is the pid of node i's process, read from its pid file.
func (l *Localnet) Pid(i int) int {
	l.T.Helper()
	bz, err := os.ReadFile(filepath.Join(l.Nodes[i].Home, "agorad.pid"))
	if err != nil {
		l.T.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(bz)))
	if err != nil {
		l.T.Fatalf("pid file of %s: %v", l.Nodes[i].Moniker, err)
	}
	return pid
}

// Status is node i's CometBFT status.
func (l *Localnet) Status(i int) (Status, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return QueryStatus(ctx, l.Nodes[i].Ports.RPCURL())
}

// WaitForHeight waits until node i has committed height h.
func (l *Localnet) WaitForHeight(i int, h int64, timeout time.Duration) Status {
	l.T.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	st, err := WaitForHeight(ctx, l.Nodes[i].Ports.RPCURL(), h, nil)
	if err != nil {
		l.T.Fatalf("%s: %v", l.Nodes[i].Moniker, err)
	}
	return st
}

// BlockAppHash is the app hash in the header of block h, as node i sees it.
func (l *Localnet) BlockAppHash(i int, h int64) (string, error) {
	return blockAppHash(l.Nodes[i].Ports.RPCURL(), l.Nodes[i].Moniker, h)
}

// Stop sends SIGTERM (as Ctrl-C would) and waits for the command to exit.
func (l *Localnet) Stop(timeout time.Duration) error {
	select {
	case <-l.done:
		return l.err
	default:
	}
	_ = l.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-l.done:
		return l.err
	case <-time.After(timeout):
		_ = l.cmd.Process.Kill()
		<-l.done
		return fmt.Errorf("agorad localnet did not stop within %s", timeout)
	}
}
