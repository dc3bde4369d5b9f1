package app

import (
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"

	evmhd "github.com/cosmos/evm/crypto/hd"
)

// EthCoinType is the BIP-44 coin type of Ethereum keys (MetaMask's path
// m/44'/60'/0'/0/0).
const EthCoinType = 60

// KeyringAlgorithms lets a keyring hold Ethereum keys next to Cosmos ones:
// `agorad keys add NAME --key-type eth_secp256k1 --coin-type 60` makes a
// key whose 0x address MetaMask derives from the same mnemonic; secp256k1
// (coin type 118) stays the default. Ledger devices keep the Cosmos app.
func KeyringAlgorithms(options *keyring.Options) {
	options.SupportedAlgos = keyring.SigningAlgoList{hd.Secp256k1, evmhd.EthSecp256k1}
}
