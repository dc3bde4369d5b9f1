package harness

import (
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/agora-labs/agora/app/devgenesis"
)

// Net is a localnet of agorad processes made for one test.
type Net struct {
	T       testing.TB
	Bin     string
	Root    string
	ChainID string
	Nodes   []*Node
}

// Options tune InitLocalnet.
type Options struct {
	// VotingPeriod is gov's voting (and deposit) period; default 10 s.
	VotingPeriod time.Duration
	// TimelockDelay is x/timelock's delay (0: agorad's default, 60 s).
	TimelockDelay time.Duration
}

// InitLocalnet creates (but does not start) a localnet of validators and
// full nodes with `agorad localnet --init-only`. Node homes may be edited
// before StartAll. Every process started through the net is stopped when
// the test ends.
func InitLocalnet(t testing.TB, validators, fullNodes int, opts Options) *Net {
	t.Helper()
	if opts.VotingPeriod == 0 {
		opts.VotingPeriod = 10 * time.Second
	}
	bin := Binary(t)
	root := t.TempDir()
	base := FreePortBase(t, validators+fullNodes)
	cmd := exec.Command(bin, "localnet", "--init-only",
		"--home", root,
		"--validators", strconv.Itoa(validators),
		"--full-nodes", strconv.Itoa(fullNodes),
		"--base-port", strconv.Itoa(base),
		"--voting-period", opts.VotingPeriod.String(),
	)
	if opts.TimelockDelay > 0 {
		cmd.Args = append(cmd.Args, "--timelock-delay", opts.TimelockDelay.String())
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("agorad localnet --init-only: %v\n%s", err, out)
	}
	spec := devgenesis.LocalnetSpec(root, validators, fullNodes, base)
	n := &Net{T: t, Bin: bin, Root: root, ChainID: spec.ChainID}
	for _, ns := range spec.Nodes {
		n.Nodes = append(n.Nodes, &Node{net: n, Spec: ns})
	}
	t.Cleanup(n.StopAll)
	return n
}

// Validators are the nodes that run a validator.
func (n *Net) Validators() []*Node {
	var out []*Node
	for _, node := range n.Nodes {
		if node.Spec.IsValidator() {
			out = append(out, node)
		}
	}
	return out
}

// StartAll starts every node that is not running and waits until each has
// committed a block.
func (n *Net) StartAll(nodes ...*Node) {
	n.T.Helper()
	if len(nodes) == 0 {
		nodes = n.Nodes
	}
	for _, node := range nodes {
		node.Start()
	}
	for _, node := range nodes {
		node.WaitForHeight(1, 90*time.Second)
	}
}

// StopAll stops every running node (SIGTERM, then SIGKILL after 15 s).
func (n *Net) StopAll() {
	for _, node := range n.Nodes {
		if node.Proc != nil {
			_ = node.Proc.Stop(15 * time.Second)
		}
	}
}

// Node is one agorad process of a Net.
type Node struct {
	net  *Net
	Spec devgenesis.NodeSpec
	Proc *Process
}

// Home is the node's home directory.
func (node *Node) Home() string { return node.Spec.Home }

// Start starts the node's process.
func (node *Node) Start() {
	t := node.net.T
	t.Helper()
	if node.Proc != nil && !node.Proc.Exited() {
		t.Fatalf("%s is already running", node.Spec.Moniker)
	}
	p, err := StartNode(node.net.Bin, node.Spec)
	if err != nil {
		t.Fatal(err)
	}
	node.Proc = p
}

// Kill ends the node's process with SIGKILL, as a crash would.
func (node *Node) Kill() {
	if node.Proc != nil {
		node.Proc.Kill()
	}
}

// Status is the node's current CometBFT status.
func (node *Node) Status() (Status, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return QueryStatus(ctx, node.Spec.Ports.RPCURL())
}

// Height is the node's latest committed height (fails the test when the
// node does not answer).
func (node *Node) Height() int64 {
	node.net.T.Helper()
	st, err := node.Status()
	if err != nil {
		node.net.T.Fatalf("%s status: %v", node.Spec.Moniker, err)
	}
	return st.Height
}

// WaitForHeight waits until the node has committed height h.
func (node *Node) WaitForHeight(h int64, timeout time.Duration) Status {
	t := node.net.T
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	st, err := WaitForHeight(ctx, node.Spec.Ports.RPCURL(), h, node.Proc)
	if err != nil {
		t.Fatalf("%s: %v", node.Spec.Moniker, err)
	}
	return st
}

// String names the node in messages.
func (node *Node) String() string { return fmt.Sprintf("%s (%s)", node.Spec.Moniker, node.Spec.Home) }
