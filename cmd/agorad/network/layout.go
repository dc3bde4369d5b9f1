package network

import (
	"os"
	"path/filepath"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/cmd/agorad/config"
)

// The layout of the development networks (chain ids, node homes, ports) is
// a fixture shared with the tests: it lives in app/devgenesis.
type (
	Spec     = devgenesis.Spec
	NodeSpec = devgenesis.NodeSpec
	Ports    = devgenesis.Ports
)

// Host is the only address Agora's local networks listen on.
const Host = devgenesis.Host

// DefaultBlockTime is the devnet's and localnet's block time.
const DefaultBlockTime = config.BlockTime

// Initialised tells whether a node home already holds a genesis.
func Initialised(home string) bool {
	_, err := os.Stat(filepath.Join(home, "config", "genesis.json"))
	return err == nil
}
