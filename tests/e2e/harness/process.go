package harness

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/agora-labs/agora/app/devgenesis"
)

// Process is a running `agorad start` of one node, started by the harness
// (the way `agorad localnet` starts its nodes: same flags, same log file).
type Process struct {
	Spec    devgenesis.NodeSpec
	LogPath string
	cmd     *exec.Cmd
	done    chan struct{}
}

// StartNode runs `bin start` for the node with its listen addresses as
// flags, appending its output to <home>/agorad.log.
func StartNode(bin string, n devgenesis.NodeSpec) (*Process, error) {
	logPath := filepath.Join(n.Home, "agorad.log")
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "start", "--home", n.Home,
		"--rpc.laddr", n.Ports.RPCAddr(),
		"--p2p.laddr", n.Ports.P2PAddr(),
		"--proxy_app", n.Ports.ABCIAddr(),
		"--api.address", n.Ports.APIAddr(),
		"--grpc.address", n.Ports.GRPCAddr(),
	)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = nodeProcAttr()
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", n.Moniker, err)
	}
	p := &Process{Spec: n, LogPath: logPath, cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); logFile.Close(); close(p.done) }()
	return p, nil
}

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

// Stop sends SIGTERM and kills the process if it has not exited in time.
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

// Status is the part of CometBFT's /status the tests read.
type Status struct {
	Height     int64
	AppHash    string
	CatchingUp bool
	NodeID     string
	Network    string
}

// QueryStatus asks a node's RPC for its status.
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
		Height: h, AppHash: body.Result.SyncInfo.AppHash, CatchingUp: body.Result.SyncInfo.CatchingUp,
		NodeID: body.Result.NodeInfo.ID, Network: body.Result.NodeInfo.Network,
	}, nil
}

// WaitForHeight polls a node until it has committed the given height. It
// fails early if the process (when given) exits.
func WaitForHeight(ctx context.Context, rpcURL string, height int64, p *Process) (Status, error) {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	var done <-chan struct{}
	if p != nil {
		done = p.Done()
	}
	for {
		st, err := QueryStatus(ctx, rpcURL)
		if err == nil && st.Height >= height {
			return st, nil
		}
		select {
		case <-ctx.Done():
			return st, fmt.Errorf("waiting for height %d at %s: %w (at height %d, last error: %v)", height, rpcURL, ctx.Err(), st.Height, err)
		case <-done:
			return st, fmt.Errorf("node exited before height %d (see %s)", height, p.LogPath)
		case <-tick.C:
		}
	}
}
