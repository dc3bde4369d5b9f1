// Package devgenesis holds the fixtures of Agora's development networks
// (the devnet, the localnet, the in-process test chain): the public test
// keys and their funds, the genesis seeds (the dex's starting pools), the
// starting oracle prices, and the layout of the nodes (chain ids, homes,
// ports). `agorad devnet`/`localnet` (cmd/agorad/network) and the tests
// (testutil/apptest, tests/e2e) import it, so they agree on every value.
package devgenesis

import (
	"crypto/sha256"
	"fmt"

	"github.com/cosmos/go-bip39"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
)

// TestAccountNames are the funded user accounts every devnet and localnet
// has, in every node's keyring; the last is the guardian (GuardianKeyName),
// which may only pause and cancel.
var TestAccountNames = []string{"alice", "bob", "carol", GuardianKeyName}

// Mnemonic returns the fixed, public mnemonic of a test key: the BIP-39
// encoding of sha256("agora test key: " + name). Never hold real funds with
// these keys: anyone can derive them.
func Mnemonic(name string) string {
	entropy := sha256.Sum256([]byte("agora test key: " + name))
	m, err := bip39.NewMnemonic(entropy[:])
	if err != nil {
		panic(err) // 32 bytes of entropy is always valid
	}
	return m
}

// ValidatorKeyName is the name of a validator's operator key in its node's
// keyring: "validator" on the devnet and on localnet node 0, "validator1",
// "validator2", ... on the others.
func ValidatorKeyName(i int) string {
	if i == 0 {
		return "validator"
	}
	return fmt.Sprintf("validator%d", i)
}

// ImportKey adds a test key to a keyring (a no-op if it is there already)
// and returns its address.
func ImportKey(kr keyring.Keyring, name string) (sdk.AccAddress, error) {
	if rec, err := kr.Key(name); err == nil {
		return rec.GetAddress()
	}
	path := hd.CreateHDPath(app.CoinType, 0, 0).String()
	rec, err := kr.NewAccount(name, Mnemonic(name), "", path, hd.Secp256k1)
	if err != nil {
		return nil, fmt.Errorf("import key %s: %w", name, err)
	}
	return rec.GetAddress()
}

// OpenKeyring opens the test-backend keyring under a node's home (Cosmos
// and Ethereum keys).
func OpenKeyring(home string, cdc codec.Codec) (keyring.Keyring, error) {
	return keyring.New(sdk.KeyringServiceName(), keyring.BackendTest, home, nil, cdc, app.KeyringAlgorithms)
}

// AddressOf derives the address of a test key without a keyring.
func AddressOf(name string) (sdk.AccAddress, error) {
	path := hd.CreateHDPath(app.CoinType, 0, 0).String()
	derived, err := hd.Secp256k1.Derive()(Mnemonic(name), "", path)
	if err != nil {
		return nil, err
	}
	return sdk.AccAddress(hd.Secp256k1.Generate()(derived).PubKey().Address()), nil
}
