package network

import (
	"fmt"
	"path/filepath"

	"github.com/cometbft/cometbft/p2p"

	"github.com/agora-labs/agora/pkg/nodeproc"
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
func CheckIdentity(st nodeproc.Status, chainID string, n NodeSpec) error {
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
