// Package nodeproc runs `agorad start` processes on loopback: start with the
// node's listen addresses as flags, pid file, clean stop, kill, and the
// node's /status. `agorad devnet`/`localnet` and the end-to-end harness both
// use it.
package nodeproc

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/agora-labs/agora/app/devgenesis"
)

// Process is a running `agorad start` of one node.
type Process struct {
	Spec    devgenesis.NodeSpec
	LogPath string
	// Started is when the process was started.
	Started   time.Time
	logOffset int64
	cmd       *exec.Cmd
	done      chan struct{}
	err       error
}

// StartArgs are the arguments of `agorad start` for a node. The listen
// addresses are passed as flags so they always match the spec, whatever
// the config files say.
func StartArgs(n devgenesis.NodeSpec) []string {
	args := []string{
		"start", "--home", n.Home,
		"--rpc.laddr", n.Ports.RPCAddr(),
		"--p2p.laddr", n.Ports.P2PAddr(),
		"--proxy_app", n.Ports.ABCIAddr(),
		"--api.address", n.Ports.APIAddr(),
		"--grpc.address", n.Ports.GRPCAddr(),
	}
	if n.Ports.JSONRPC != 0 {
		args = append(args,
			"--json-rpc.address", n.Ports.JSONRPCAddr(),
			"--json-rpc.ws-address", n.Ports.JSONRPCWSAddr())
	}
	// Metrics: the one switch, and every listener it opens on the node's
	// own ports (a resumed network keeps its old config files).
	if n.Ports.MetricsOn() {
		args = append(args, "--prometheus.enabled=true",
			"--instrumentation.prometheus_listen_addr", n.Ports.PrometheusAddr(),
			"--evm.geth-metrics-address", n.Ports.EVMMetricsAddr())
	} else {
		args = append(args, "--prometheus.enabled=false", "--instrumentation.prometheus=false")
	}
	return args
}

// Start runs `bin start` for the node, appending its output to
// <home>/agorad.log.
func Start(bin string, n devgenesis.NodeSpec) (*Process, error) {
	logPath := filepath.Join(n.Home, "agorad.log")
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	var offset int64
	if fi, err := logFile.Stat(); err == nil {
		offset = fi.Size()
	}
	cmd := exec.Command(bin, StartArgs(n)...)
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	cmd.SysProcAttr = nodeProcAttr()
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", n.Moniker, err)
	}
	p := &Process{Spec: n, LogPath: logPath, cmd: cmd, done: make(chan struct{}), Started: time.Now(), logOffset: offset}
	pidPath := PidPath(n.Home)
	if err := os.WriteFile(pidPath, []byte(strconv.Itoa(cmd.Process.Pid)+"\n"), 0o644); err != nil {
		_ = cmd.Process.Kill()
	}
	go func() {
		p.err = cmd.Wait()
		logFile.Close()
		// Only remove the pid file if it is still ours.
		if bz, err := os.ReadFile(pidPath); err == nil && strings.TrimSpace(string(bz)) == strconv.Itoa(p.Pid()) {
			_ = os.Remove(pidPath)
		}
		close(p.done)
	}()
	return p, nil
}

// PidFile is the name, in a node's home, of the file that holds the pid of
// the node's process while the devnet or localnet command runs it.
const PidFile = "agorad.pid"

// PidPath is the pid file of the node at home.
func PidPath(home string) string { return filepath.Join(home, PidFile) }

// Err is how the process ended (nil before it has, or after a clean exit).
func (p *Process) Err() error {
	if !p.Exited() {
		return nil
	}
	return p.err
}

// Pid is the operating-system process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Done is closed when the process has exited.
func (p *Process) Done() <-chan struct{} { return p.done }

// Exited tells whether the process has exited.
func (p *Process) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Stop asks the node to shut down cleanly (SIGTERM) and kills it if it has
// not exited within the timeout.
func (p *Process) Stop(timeout time.Duration) error {
	if p.Exited() {
		return nil
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		return nil
	case <-time.After(timeout):
		_ = p.cmd.Process.Kill()
		<-p.done
		return fmt.Errorf("%s did not stop within %s and was killed", p.Spec.Moniker, timeout)
	}
}

// Kill ends the process at once (SIGKILL), as a crash would.
func (p *Process) Kill() {
	if p.Exited() {
		return
	}
	_ = p.cmd.Process.Kill()
	<-p.done
}

// Status is the part of CometBFT's /status a harness needs.
type Status struct {
	Height     int64
	AppHash    string
	CatchingUp bool
	NodeID     string
	// Network is the chain id the node runs.
	Network string
}

// QueryStatus asks a node's RPC for its latest height.
func QueryStatus(ctx context.Context, rpcURL string) (Status, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rpcURL+"/status", nil)
	if err != nil {
		return Status{}, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return Status{}, err
	}
	defer resp.Body.Close()
	var body struct {
		Result struct {
			NodeInfo struct {
				ID      string `json:"id"`
				Network string `json:"network"`
			} `json:"node_info"`
			SyncInfo struct {
				Height     string `json:"latest_block_height"`
				AppHash    string `json:"latest_app_hash"`
				CatchingUp bool   `json:"catching_up"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return Status{}, fmt.Errorf("decode /status: %w", err)
	}
	h, err := strconv.ParseInt(body.Result.SyncInfo.Height, 10, 64)
	if err != nil {
		return Status{}, fmt.Errorf("bad height %q in /status", body.Result.SyncInfo.Height)
	}
	return Status{
		Height: h, AppHash: body.Result.SyncInfo.AppHash,
		CatchingUp: body.Result.SyncInfo.CatchingUp, NodeID: body.Result.NodeInfo.ID,
		Network: body.Result.NodeInfo.Network,
	}, nil
}

// WaitForHeight polls a node until it has committed the given height. It
// fails early if the process (when given) exits.
func WaitForHeight(ctx context.Context, rpcURL string, height int64, p *Process) (Status, error) {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	var last error
	for {
		st, err := QueryStatus(ctx, rpcURL)
		if err == nil && st.Height >= height {
			return st, nil
		}
		last = err
		var done <-chan struct{}
		if p != nil {
			done = p.Done()
		}
		select {
		case <-ctx.Done():
			if last != nil {
				return st, fmt.Errorf("waiting for height %d at %s: %w (last error: %v)", height, rpcURL, ctx.Err(), last)
			}
			return st, fmt.Errorf("waiting for height %d at %s: %w (at height %d)", height, rpcURL, ctx.Err(), st.Height)
		case <-done:
			return st, fmt.Errorf("node exited before height %d (see %s)", height, p.LogPath)
		case <-tick.C:
		}
	}
}
