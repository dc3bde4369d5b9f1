package network

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cometbft/cometbft/p2p"
)

// NodeID is the CometBFT node id of the node at home (from its node_key.json).
func NodeID(home string) (string, error) {
	key, err := p2p.LoadNodeKey(filepath.Join(home, "config", "node_key.json"))
	if err != nil {
		return "", err
	}
	return string(key.ID()), nil
}

// CheckIdentity tells whether the node answering with st is the one at
// spec: same chain id, same node id. Anything else on the port is another
// process's node.
func CheckIdentity(st Status, chainID string, n NodeSpec) error {
	want, err := NodeID(n.Home)
	if err != nil {
		return err
	}
	if st.Network != chainID || st.NodeID != want {
		return fmt.Errorf("the node answering on port %d (RPC of %s) is not ours: it runs chain %q as node %s, we started chain %q as node %s; is another node using the port?",
			n.Ports.RPC, n.Moniker, st.Network, st.NodeID, chainID, want)
	}
	return nil
}

// LastLogError is the last line this run of the node wrote to its log that
// reports an error (empty when there is none), to say in one line why a
// node stopped.
func (p *Process) LastLogError() string {
	f, err := os.Open(p.LogPath)
	if err != nil {
		return ""
	}
	defer f.Close()
	if _, err := f.Seek(p.logOffset, 0); err != nil {
		return ""
	}
	var last string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		lower := strings.ToLower(line)
		if strings.HasPrefix(line, "Error:") || strings.Contains(lower, "panic:") || strings.Contains(lower, " err=") || strings.Contains(lower, "address already in use") {
			last = strings.TrimSpace(line)
		}
	}
	const max = 300
	if len(last) > max {
		last = last[:max] + "…"
	}
	return last
}
