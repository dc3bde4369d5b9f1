package network

import (
	"net"
	"strconv"
	"strings"
	"testing"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/pkg/nodeproc"
)

// freePort returns a port that was free on 127.0.0.1 a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func TestCheckPortsFree(t *testing.T) {
	n := devgenesis.NodeSpec{Moniker: "devnet", Home: t.TempDir(), Validator: 0,
		Ports: devgenesis.Ports{P2P: freePort(t), RPC: freePort(t), API: freePort(t), GRPC: freePort(t)}}
	if err := CheckPortsFree(Listeners(n, "")); err != nil {
		t.Fatalf("free ports refused: %v", err)
	}

	held, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(n.Ports.API))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	err = CheckPortsFree(Listeners(n, ""))
	want := "port " + strconv.Itoa(n.Ports.API) + " (REST) is in use by another process; move it with --api-port"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %q", err, want)
	}

	// On a localnet every port moves with --base-port, and the node is named.
	n.Moniker = "node2"
	err = CheckPortsFree(Listeners(n, "--base-port"))
	if err == nil || !strings.Contains(err.Error(), "(REST of node2) is in use by another process; move it with --base-port") {
		t.Fatalf("got %v", err)
	}
}

func TestCheckPortsFreeDuplicate(t *testing.T) {
	p := freePort(t)
	n := devgenesis.NodeSpec{Moniker: "devnet", Home: t.TempDir(), Ports: devgenesis.Ports{P2P: freePort(t), RPC: p, API: p, GRPC: freePort(t)}}
	if err := CheckPortsFree(Listeners(n, "")); err == nil || !strings.Contains(err.Error(), "given to both RPC and REST") {
		t.Fatalf("a port given twice: %v", err)
	}
}

func TestCheckIdentity(t *testing.T) {
	spec := devgenesis.DevnetSpec(t.TempDir(), devgenesis.DevnetPorts)
	res, err := Init(spec)
	if err != nil {
		t.Fatal(err)
	}
	ours := nodeproc.Status{Network: spec.ChainID, NodeID: res.Nodes[0].NodeID}
	if err := CheckIdentity(ours, spec.ChainID, spec.Nodes[0]); err != nil {
		t.Fatalf("our own node refused: %v", err)
	}
	for name, st := range map[string]nodeproc.Status{
		"another chain":   {Network: "other-chain-1", NodeID: res.Nodes[0].NodeID},
		"another node id": {Network: spec.ChainID, NodeID: "0123456789abcdef0123456789abcdef01234567"},
	} {
		if err := CheckIdentity(st, spec.ChainID, spec.Nodes[0]); err == nil || !strings.Contains(err.Error(), "is not ours") {
			t.Errorf("%s: got %v, want a refusal", name, err)
		}
	}
}
