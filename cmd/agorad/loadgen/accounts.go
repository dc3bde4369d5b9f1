package loadgen

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

// account is a load-generator account: a key in an in-memory keyring and
// the sequence counter the generator keeps for it.
type account struct {
	name    string
	addr    sdk.AccAddress
	number  uint64
	nextSeq uint64
}

// newAccounts derives n accounts from a seed, so that reruns reuse (and
// refill) the same accounts.
func newAccounts(cdc codec.Codec, seed string, n int) (keyring.Keyring, []*account, error) {
	kr := keyring.NewInMemory(cdc)
	path := hd.CreateHDPath(app.CoinType, 0, 0).String()
	accs := make([]*account, 0, n)
	for i := 0; i < n; i++ {
		entropy := sha256.Sum256([]byte(fmt.Sprintf("agora loadgen: %s/%d", seed, i)))
		mnemonic, err := bip39.NewMnemonic(entropy[:])
		if err != nil {
			return nil, nil, err
		}
		name := fmt.Sprintf("load%d", i)
		rec, err := kr.NewAccount(name, mnemonic, "", path, hd.Secp256k1)
		if err != nil {
			return nil, nil, err
		}
		addr, err := rec.GetAddress()
		if err != nil {
			return nil, nil, err
		}
		accs = append(accs, &account{name: name, addr: addr})
	}
	return kr, accs, nil
}
