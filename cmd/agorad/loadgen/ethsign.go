package loadgen

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"

	evmtypes "github.com/cosmos/evm/x/vm/types"

	"github.com/agora-labs/agora/app"
)

// ethAccount is a load-generator account with an Ethereum (eth_secp256k1)
// key: its agora1… form (addr) receives the funding, its 0x… form signs.
type ethAccount struct {
	account
	key *ecdsa.PrivateKey
	eth common.Address
}

// newEthAccounts derives n Ethereum keys from a seed (reruns reuse and
// refill the same accounts); they are distinct from newAccounts' keys.
func newEthAccounts(seed string, n int) ([]*ethAccount, error) {
	accs := make([]*ethAccount, 0, n)
	for i := 0; i < n; i++ {
		secret := sha256.Sum256([]byte(fmt.Sprintf("agora loadgen eth: %s/%d", seed, i)))
		key, err := crypto.ToECDSA(secret[:])
		if err != nil {
			return nil, err
		}
		eth := crypto.PubkeyToAddress(key.PublicKey)
		accs = append(accs, &ethAccount{
			account: account{name: fmt.Sprintf("eth%d", i), addr: sdk.AccAddress(eth.Bytes())},
			key:     key,
			eth:     eth,
		})
	}
	return accs, nil
}

// ethFees are the EIP-1559 caps every EVM tx of a run sets, in wei per gas.
type ethFees struct {
	feeCap *big.Int
	tipCap *big.Int
}

// signEthTx signs an EIP-1559 call for the account at its next nonce
// (EIP-155 chain id chainID), advances the nonce, and wraps it as the
// Cosmos transaction the node's JSON-RPC server would build for
// eth_sendRawTransaction (one MsgEthereumTx with the Ethereum extension
// option), so it can be broadcast and found over CometBFT's RPC like any
// other tx. It returns the Cosmos tx bytes and the Ethereum tx hash.
func signEthTx(txConfig client.TxConfig, chainID *big.Int, a *ethAccount, gas uint64, fees ethFees, to common.Address, data []byte) ([]byte, common.Hash, error) {
	signer := ethtypes.LatestSignerForChainID(chainID)
	tx, err := ethtypes.SignNewTx(a.key, signer, &ethtypes.DynamicFeeTx{
		ChainID:   chainID,
		Nonce:     a.nextSeq,
		GasTipCap: fees.tipCap,
		GasFeeCap: fees.feeCap,
		Gas:       gas,
		To:        &to,
		Data:      data,
	})
	if err != nil {
		return nil, common.Hash{}, err
	}
	msg := &evmtypes.MsgEthereumTx{}
	if err := msg.FromSignedEthereumTx(tx, signer); err != nil {
		return nil, common.Hash{}, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, common.Hash{}, err
	}
	cosmosTx, err := msg.BuildTxWithEvmParams(txConfig.NewTxBuilder(), evmtypes.Params{
		EvmDenom:             app.BondDenom,
		ExtendedDenomOptions: &evmtypes.ExtendedDenomOptions{ExtendedDenom: app.EVMExtendedDenom},
	})
	if err != nil {
		return nil, common.Hash{}, err
	}
	bz, err := txConfig.TxEncoder()(cosmosTx)
	if err != nil {
		return nil, common.Hash{}, err
	}
	a.nextSeq++
	return bz, tx.Hash(), nil
}
