package harness

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/agora-labs/agora/app/devgenesis"
)

// Devnet is an `agorad devnet` process, run exactly as a user runs it,
// with its ports moved to free ones.
type Devnet struct {
	T     testing.TB
	Bin   string
	Home  string
	Ports devgenesis.Ports
	// WebPort is where the devnet serves the web app (on 127.0.0.1).
	WebPort int

	cmd  *exec.Cmd
	out  *syncBuffer
	done chan struct{}
	err  error
}

// StartDevnet runs `agorad devnet --home home` (plus extra flags) and waits
// for its banner. The process is stopped when the test ends.
func StartDevnet(t testing.TB, home string, extra ...string) *Devnet {
	t.Helper()
	return startDevnet(t, home, func(d *Devnet) { t.Cleanup(func() { _ = d.Stop(30 * time.Second) }) }, extra...)
}

// StartSharedDevnet is StartDevnet for a devnet that several tests share:
// the caller stops it (Stop) when every test has run, and each test takes
// it with For(t). started receives the devnet as soon as its process runs
// (to stop it even if the banner never comes).
func StartSharedDevnet(t testing.TB, home string, started func(*Devnet), extra ...string) *Devnet {
	t.Helper()
	return startDevnet(t, home, started, extra...)
}

// For is the devnet as seen by test t (its helpers fail t). Stop the
// original, not the copy.
func (d *Devnet) For(t testing.TB) *Devnet {
	c := *d
	c.T = t
	return &c
}

func startDevnet(t testing.TB, home string, started func(*Devnet), extra ...string) *Devnet {
	t.Helper()
	base := FreePortBase(t, 1)
	d := &Devnet{
		T: t, Bin: Binary(t), Home: home,
		Ports: devgenesis.Ports{P2P: base, RPC: base + 1, API: base + 2, GRPC: base + 3, JSONRPC: base + 6, JSONRPCWS: base + 7,
			Prometheus: base + 8, EVMMetrics: base + 9},
		// Off the default 8080, so that test devnets never collide.
		WebPort: base + 5,
	}
	args := append([]string{"devnet", "--home", home,
		"--p2p-port", strconv.Itoa(d.Ports.P2P),
		"--rpc-port", strconv.Itoa(d.Ports.RPC),
		"--api-port", strconv.Itoa(d.Ports.API),
		"--grpc-port", strconv.Itoa(d.Ports.GRPC),
		"--web-port", strconv.Itoa(d.WebPort),
		"--json-rpc-port", strconv.Itoa(d.Ports.JSONRPC),
		"--json-rpc-ws-port", strconv.Itoa(d.Ports.JSONRPCWS),
		"--metrics-port", strconv.Itoa(d.Ports.Prometheus),
		"--evm-metrics-port", strconv.Itoa(d.Ports.EVMMetrics),
	}, extra...)
	d.out = &syncBuffer{}
	d.cmd = exec.Command(d.Bin, args...)
	d.cmd.Stdout, d.cmd.Stderr = d.out, d.out
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	d.done = make(chan struct{})
	go func() { d.err = d.cmd.Wait(); close(d.done) }()
	started(d)

	deadline := time.After(120 * time.Second)
	// The banner's last line: the whole banner has been printed.
	for !strings.Contains(d.out.String(), "Ctrl-C stops the node") {
		select {
		case <-d.done:
			t.Fatalf("agorad devnet exited: %v\n%s", d.err, d.out.String())
		case <-deadline:
			t.Fatalf("agorad devnet printed no banner within 120 s:\n%s", d.out.String())
		case <-time.After(200 * time.Millisecond):
		}
	}
	return d
}

// WebURL is the address of the devnet's web app.
func (d *Devnet) WebURL() string { return fmt.Sprintf("http://%s:%d", devgenesis.Host, d.WebPort) }

// Output is what the devnet command printed so far.
func (d *Devnet) Output() string { return d.out.String() }

// Stop sends SIGTERM (as Ctrl-C would) and waits for a clean exit.
func (d *Devnet) Stop(timeout time.Duration) error {
	select {
	case <-d.done:
		return d.err
	default:
	}
	_ = d.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-d.done:
		return d.err
	case <-time.After(timeout):
		_ = d.cmd.Process.Kill()
		<-d.done
		return fmt.Errorf("agorad devnet did not stop within %s", timeout)
	}
}

// CLI runs agorad against the devnet's home.
func (d *Devnet) CLI(args ...string) (string, error) { return CLI(d.Bin, d.Home, args...) }

// Height is the devnet's latest committed height.
func (d *Devnet) Height() int64 {
	d.T.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := QueryStatus(ctx, d.Ports.RPCURL())
	if err != nil {
		d.T.Fatalf("devnet status: %v", err)
	}
	return st.Height
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
