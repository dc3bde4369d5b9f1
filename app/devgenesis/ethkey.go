package devgenesis

import (
	"encoding/hex"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"

	evmhd "github.com/cosmos/evm/crypto/hd"

	"github.com/agora-labs/agora/app"
)

// EthAccountName is the funded Ethereum test account of every devnet and
// localnet: an eth_secp256k1 key on MetaMask's path (coin type 60), derived
// like the other test keys from the public mnemonic Mnemonic("evm"). Its
// agora1… and 0x… addresses are the same 20 bytes.
const EthAccountName = "evm"

// ethHDPath is m/44'/60'/0'/0/0.
var ethHDPath = hd.CreateHDPath(app.EthCoinType, 0, 0).String()

// EthPrivateKey derives the Ethereum test account's private key.
func EthPrivateKey() ([]byte, error) {
	return evmhd.EthSecp256k1.Derive()(Mnemonic(EthAccountName), "", ethHDPath)
}

// EthAccount is the Ethereum test account's address and private key (hex,
// no 0x: the form MetaMask's "import account" takes).
func EthAccount() (sdk.AccAddress, string, error) {
	priv, err := EthPrivateKey()
	if err != nil {
		return nil, "", err
	}
	addr := sdk.AccAddress(evmhd.EthSecp256k1.Generate()(priv).PubKey().Address())
	return addr, hex.EncodeToString(priv), nil
}

// EthHexAddress is the 0x form of an address (EIP-55 checksummed).
func EthHexAddress(addr sdk.AccAddress) string {
	return common.BytesToAddress(addr).Hex()
}

// ImportEthKey adds the Ethereum test account to a keyring opened with
// app.KeyringAlgorithms (a no-op if it is there already).
func ImportEthKey(kr keyring.Keyring) (sdk.AccAddress, error) {
	if rec, err := kr.Key(EthAccountName); err == nil {
		return rec.GetAddress()
	}
	rec, err := kr.NewAccount(EthAccountName, Mnemonic(EthAccountName), "", ethHDPath, evmhd.EthSecp256k1)
	if err != nil {
		return nil, fmt.Errorf("import key %s: %w", EthAccountName, err)
	}
	return rec.GetAddress()
}
