package network

import (
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/viper"
)

// Listener is one address a node binds: its port, what it serves and the
// flag that moves it.
type Listener struct {
	Node string
	Name string
	Port int
	Flag string
}

// Listeners are every port the node will bind: those of its spec
// (metrics included) and, when its config.toml turns it on, the pprof
// listener.
// moveFlag names the flag that moves all of them at once (localnet's
// --base-port); when empty each port names its own flag.
func Listeners(n NodeSpec, moveFlag string) []Listener {
	flag := func(own string) string {
		if moveFlag != "" {
			return moveFlag
		}
		return own
	}
	ls := []Listener{
		{Node: n.Moniker, Name: "RPC", Port: n.Ports.RPC, Flag: flag("--rpc-port")},
		{Node: n.Moniker, Name: "P2P", Port: n.Ports.P2P, Flag: flag("--p2p-port")},
		{Node: n.Moniker, Name: "REST", Port: n.Ports.API, Flag: flag("--api-port")},
		{Node: n.Moniker, Name: "gRPC", Port: n.Ports.GRPC, Flag: flag("--grpc-port")},
	}
	if n.Ports.JSONRPC != 0 {
		ls = append(ls,
			Listener{Node: n.Moniker, Name: "JSON-RPC", Port: n.Ports.JSONRPC, Flag: flag("--json-rpc-port")},
			Listener{Node: n.Moniker, Name: "JSON-RPC websocket", Port: n.Ports.JSONRPCWS, Flag: flag("--json-rpc-ws-port")})
	}
	// The metrics listeners: start flags set them from the spec whatever
	// config.toml says (nodeproc.StartArgs).
	if n.Ports.MetricsOn() {
		ls = append(ls, Listener{Node: n.Moniker, Name: "Prometheus metrics", Port: n.Ports.Prometheus, Flag: flag("--metrics-port")})
		if n.Ports.EVMMetrics != 0 {
			ls = append(ls, Listener{Node: n.Moniker, Name: "EVM metrics", Port: n.Ports.EVMMetrics, Flag: flag("--evm-metrics-port")})
		}
	}
	return append(ls, configListeners(n)...)
}

// configListeners reads the optional listeners of a node's config.toml.
func configListeners(n NodeSpec) []Listener {
	v := viper.New()
	v.SetConfigFile(filepath.Join(n.Home, "config", "config.toml"))
	if err := v.ReadInConfig(); err != nil {
		return nil // not created yet: Init writes them off
	}
	hint := "set it empty in " + filepath.Join(n.Home, "config", "config.toml")
	var ls []Listener
	if port, ok := portOf(v.GetString("rpc.pprof_laddr")); ok {
		ls = append(ls, Listener{Node: n.Moniker, Name: "pprof", Port: port, Flag: "rpc.pprof_laddr (" + hint + ")"})
	}
	// Prometheus: the start flags decide (on at the spec's port, or off),
	// so config.toml's [instrumentation] never opens another listener.
	return ls
}

// portOf is the port of a "host:port" or "tcp://host:port" address.
func portOf(addr string) (int, bool) {
	addr = strings.TrimPrefix(addr, "tcp://")
	if addr == "" {
		return 0, false
	}
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		return 0, false
	}
	port, err := strconv.Atoi(p)
	return port, err == nil && port > 0
}

// PortInUseError is a port another process holds.
type PortInUseError struct{ Listener Listener }

func (e *PortInUseError) Error() string {
	l := e.Listener
	what := l.Name
	if l.Node != "" && l.Node != "devnet" {
		what += " of " + l.Node
	}
	return fmt.Sprintf("port %d (%s) is in use by another process; move it with %s", l.Port, what, l.Flag)
}

// CheckPortsFree binds each listener's port on 127.0.0.1 for a moment and
// reports the first that is taken (or listed twice).
func CheckPortsFree(ls []Listener) error {
	seen := map[int]Listener{}
	for _, l := range ls {
		if other, dup := seen[l.Port]; dup {
			return fmt.Errorf("port %d is given to both %s and %s; move one with %s", l.Port, other.Name, l.Name, l.Flag)
		}
		seen[l.Port] = l
		ln, err := net.Listen("tcp", net.JoinHostPort(Host, strconv.Itoa(l.Port)))
		if err != nil {
			return &PortInUseError{Listener: l}
		}
		_ = ln.Close()
	}
	return nil
}
