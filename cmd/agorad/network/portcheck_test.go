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

// The metrics listeners are checked like the others: on the devnet each
// names its own flag, on a localnet they move with --base-port (+7, +8).
func TestCheckPortsFreeMetrics(t *testing.T) {
	n := devgenesis.NodeSpec{Moniker: "devnet", Home: t.TempDir(),
		Ports: devgenesis.Ports{P2P: freePort(t), RPC: freePort(t), API: freePort(t), GRPC: freePort(t), Prometheus: freePort(t), EVMMetrics: freePort(t)}}
	for _, port := range []struct {
		port int
		want string
	}{
		{n.Ports.Prometheus, "(Prometheus metrics) is in use by another process; move it with --metrics-port"},
		{n.Ports.EVMMetrics, "(EVM metrics) is in use by another process; move it with --evm-metrics-port"},
	} {
		held, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port.port))
		if err != nil {
			t.Fatal(err)
		}
		err = CheckPortsFree(Listeners(n, ""))
		held.Close()
		if err == nil || !strings.Contains(err.Error(), port.want) {
			t.Errorf("port %d held: got %v, want %q", port.port, err, port.want)
		}
	}
	// Metrics off: no listener.
	n.Ports.Prometheus = 0
	for _, l := range Listeners(n, "") {
		if strings.Contains(l.Name, "metrics") {
			t.Errorf("metrics off, yet %s is checked", l.Name)
		}
	}

	p := devgenesis.LocalnetPorts(30000, 2)
	if p.Prometheus != 30027 || p.EVMMetrics != 30028 {
		t.Errorf("localnet node 2 metrics ports %d, %d; want 30027, 30028", p.Prometheus, p.EVMMetrics)
	}
	ls := Listeners(devgenesis.NodeSpec{Moniker: "node2", Home: t.TempDir(), Ports: p}, "--base-port")
	seen := map[int]bool{}
	for _, l := range ls {
		if seen[l.Port] {
			t.Errorf("port %d listed twice", l.Port)
		}
		seen[l.Port] = true
		if l.Port < 30020 || l.Port > 30029 {
			t.Errorf("%s on %d, outside node 2's block of ten", l.Name, l.Port)
		}
	}
	if !seen[30027] || !seen[30028] {
		t.Errorf("localnet listeners miss the metrics ports: %+v", ls)
	}
}
