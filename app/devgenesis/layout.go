package devgenesis

import (
	"fmt"
	"path/filepath"
)

// DevnetChainID is the devnet's chain id.
const DevnetChainID = "agora-devnet-1"

// LocalnetChainID is the localnet's chain id.
const LocalnetChainID = "agora-localnet-1"

// DevnetSpec is the single-validator devnet at home.
func DevnetSpec(home string, ports Ports) Spec {
	return Spec{
		ChainID: DevnetChainID,
		Nodes:   []NodeSpec{{Moniker: "devnet", Home: home, Ports: ports, Validator: 0}},
	}
}

// LocalnetSpec is N validators (node0 … nodeN-1) and K full nodes
// (fullnode0 …), each in its own directory under root.
func LocalnetSpec(root string, validators, fullNodes, basePort int) Spec {
	spec := Spec{ChainID: LocalnetChainID}
	for i := 0; i < validators+fullNodes; i++ {
		n := NodeSpec{Ports: LocalnetPorts(basePort, i), Validator: i}
		if i < validators {
			n.Moniker = fmt.Sprintf("node%d", i)
		} else {
			n.Moniker = fmt.Sprintf("fullnode%d", i-validators)
			n.Validator = -1
		}
		n.Home = filepath.Join(root, n.Moniker)
		spec.Nodes = append(spec.Nodes, n)
	}
	return spec
}
