package e2e

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
)

// TestEVMJSONRPC: the shared devnet answers Ethereum JSON-RPC with its
// EIP-155 chain id; an EIP-1559 transfer from the funded Ethereum account
// lands and moves the same AGR in the EVM view (wei) and the bank view
// (uagr, the part below 1 uagr in x/precisebank); a transaction signed for
// another chain id is refused and changes nothing.
func TestEVMJSONRPC(t *testing.T) {
	d := sharedDevnet(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	c, err := ethclient.DialContext(ctx, d.Ports.JSONRPCURL())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	chainID, err := c.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if chainID.Uint64() != app.DevnetEVMChainID {
		t.Fatalf("eth_chainId %s, want %d", chainID, app.DevnetEVMChainID)
	}
	if n, err := c.BlockNumber(ctx); err != nil || n == 0 {
		t.Fatalf("eth_blockNumber %d, %v", n, err)
	}

	priv, err := devgenesis.EthPrivateKey()
	if err != nil {
		t.Fatal(err)
	}
	key, err := crypto.ToECDSA(priv)
	if err != nil {
		t.Fatal(err)
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	// A fresh recipient each run: its balances start at zero.
	var raw [20]byte
	if _, err := rand.Read(raw[:]); err != nil {
		t.Fatal(err)
	}
	to := common.BytesToAddress(raw[:])

	nonce, err := c.PendingNonceAt(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip, err := c.SuggestGasTipCap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	sign := func(id *big.Int, n uint64, value *big.Int) *types.Transaction {
		tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{
			ChainID: id, Nonce: n, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21_000, To: &to, Value: value,
		}), types.LatestSignerForChainID(id), key)
		if err != nil {
			t.Fatal(err)
		}
		return tx
	}

	// Signed for chain id 1: refused, the nonce does not move.
	err = c.SendTransaction(ctx, sign(big.NewInt(1), nonce, big.NewInt(1)))
	if err == nil || !strings.Contains(err.Error(), "chain-id") {
		t.Fatalf("a transaction for chain id 1: %v, want an incorrect chain-id error", err)
	}
	if n, err := c.NonceAt(ctx, from, nil); err != nil || n != nonce {
		t.Fatalf("nonce after the refused transaction: %d (%v), want %d", n, err, nonce)
	}

	// 1.5 AGR + 1 wei: 1,500,000 uagr in bank and 1 aagr in x/precisebank.
	value, _ := new(big.Int).SetString("1500000000000000001", 10)
	tx := sign(chainID, nonce, value)
	if err := c.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	var rcpt *types.Receipt
	for rcpt == nil {
		if rcpt, err = c.TransactionReceipt(ctx, tx.Hash()); err != nil {
			select {
			case <-ctx.Done():
				t.Fatalf("no receipt for %s: %v", tx.Hash().Hex(), err)
			case <-time.After(500 * time.Millisecond):
			}
		}
	}
	if rcpt.Status != types.ReceiptStatusSuccessful || rcpt.GasUsed != 21_000 {
		t.Fatalf("receipt status %d gas used %d, want 1 and 21000", rcpt.Status, rcpt.GasUsed)
	}
	if bal, err := c.BalanceAt(ctx, to, nil); err != nil || bal.Cmp(value) != 0 {
		t.Fatalf("eth_getBalance of the recipient %s (%v), want %s", bal, err, value)
	}

	bech := sdk.AccAddress(to.Bytes()).String()
	out, err := d.CLI("q", "bank", "balance", bech, app.BondDenom, "-o", "json")
	if err != nil {
		t.Fatal(err)
	}
	var bank struct {
		Balance sdk.Coin `json:"balance"`
	}
	if err := json.Unmarshal([]byte(out), &bank); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if bank.Balance.Amount.Int64() != 1_500_000 {
		t.Fatalf("bank balance of the recipient %s, want 1500000uagr", bank.Balance)
	}
	out, err = d.CLI("q", "precisebank", "fractional-balance", bech, "-o", "json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"amount":"1"`) && !strings.Contains(out, `"amount": "1"`) {
		t.Fatalf("fractional balance of the recipient: %s, want 1aagr", out)
	}
}
