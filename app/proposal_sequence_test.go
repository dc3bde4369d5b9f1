package app_test

import (
	"math/big"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	evmtypes "github.com/cosmos/evm/x/vm/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
)

// proposal runs the app's own PrepareProposal (oracle, sequence order,
// dex cap, the SDK's selection) over txs, and returns the users' txs of
// the proposed block (without the oracle's injected votes).
func proposal(t *testing.T, c *apptest.Chain, txs ...[]byte) [][]byte {
	t.Helper()
	resp, err := c.App.PrepareProposal(&abci.RequestPrepareProposal{
		Height: c.Height() + 1, Time: c.Time().Add(apptest.BlockInterval), MaxTxBytes: 1 << 20, Txs: txs,
	})
	if err != nil {
		t.Fatal(err)
	}
	return apptest.UserTxs(resp.Txs)
}

// A mempool that lists an account's transactions out of order (CometBFT
// can: see app/proposal_sequence.go) still gives a block in which every
// one of them succeeds: the proposer puts them in sequence order. Without
// that, the later sequence fails first and takes the account's following
// transactions down with it.
func TestProposalPutsAnAccountsTxsInSequence(t *testing.T) {
	c := apptest.New(t)
	first, second, third := send(c, 1, 0), send(c, 2, 1), send(c, 3, 2)
	listed := [][]byte{second, first, third}

	got := proposal(t, c, listed...)
	apptest.RequireSameTxs(t, got, [][]byte{first, second, third})
	requireBlockPaysBob(t, c, 1+2+3, got...)
}

// A transaction whose sequence was used already, or that comes after a
// gap, is left out of the proposal (it would fail); the rest of the block
// is proposed as listed.
func TestProposalLeavesOutWhatCannotSucceedForItsSequence(t *testing.T) {
	c := apptest.New(t)
	used := send(c, 1, 0)
	if r := c.NextBlock(used)[0]; r.Code != 0 {
		t.Fatalf("first send: %s", r.Log)
	}
	next := send(c, 2, 0)
	afterGap := send(c, 4, 2)
	carol := c.SignTx("carol", apptest.DefaultFee, apptest.DefaultGas, bankSend(c, "carol", "bob", 5))
	got := proposal(t, c, used, afterGap, carol, next)
	apptest.RequireSameTxs(t, got, [][]byte{next, carol}) // alice's next send takes her first place
}

// An Ethereum transaction is ordered by its sender and nonce (the
// account's sequence, which the EVM's ante handler checks).
func TestTxSequencesOfEthereumTx(t *testing.T) {
	c := apptest.New(t)
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	chainID := big.NewInt(int64(app.DevnetEVMChainID))
	signer := ethtypes.LatestSignerForChainID(chainID)
	to := common.HexToAddress("0x1")
	tx, err := ethtypes.SignNewTx(key, signer, &ethtypes.DynamicFeeTx{
		ChainID: chainID, Nonce: 7, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1), Gas: 21_000, To: &to,
	})
	if err != nil {
		t.Fatal(err)
	}
	msg := &evmtypes.MsgEthereumTx{}
	if err := msg.FromSignedEthereumTx(tx, signer); err != nil {
		t.Fatal(err)
	}
	cfg := c.App.TxConfig()
	cosmosTx, err := msg.BuildTxWithEvmParams(cfg.NewTxBuilder(), evmtypes.Params{
		EvmDenom: app.BondDenom, ExtendedDenomOptions: &evmtypes.ExtendedDenomOptions{ExtendedDenom: app.EVMExtendedDenom},
	})
	if err != nil {
		t.Fatal(err)
	}
	bz, err := cfg.TxEncoder()(cosmosTx)
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := cfg.TxDecoder()(bz)
	if err != nil {
		t.Fatal(err)
	}
	signers, seqs, ok := app.TxSequences(decoded)
	from := crypto.PubkeyToAddress(key.PublicKey)
	if !ok || len(signers) != 1 || signers[0] != string(from.Bytes()) || seqs[0] != 7 {
		t.Fatalf("got %x %v %v, want sender %s nonce 7", signers, seqs, ok, from)
	}
}

func bankSend(c *apptest.Chain, from, to string, amount int64) *banktypes.MsgSend {
	return &banktypes.MsgSend{FromAddress: c.Address(from).String(), ToAddress: c.Address(to).String(),
		Amount: sdk.NewCoins(sdk.NewInt64Coin("uagr", amount))}
}

// BenchmarkPrepareProposalOfSends measures the proposer's PrepareProposal
// (oracle, sequence order, dex cap, the SDK's selection) over a mempool of
// 900 bank sends from three accounts, listed in order (the test chain's
// blocks hold 100M gas: 1,000 sends of 100,000), per tx. Signing is outside
// the timer.
//
//	go test -run '^$' -bench PrepareProposalOfSends -count 5 ./app
func BenchmarkPrepareProposalOfSends(b *testing.B) {
	const listed = 900
	c := apptest.New(b)
	senders := []string{"alice", "bob", "carol"}
	txs := make([][]byte, 0, listed)
	for i := 0; len(txs) < listed; i++ {
		from := senders[i%len(senders)]
		to := senders[(i+1)%len(senders)]
		txs = append(txs, c.SignTxAt(from, uint64(i/len(senders)), apptest.DefaultFee, 100_000, bankSend(c, from, to, 1)))
	}
	req := &abci.RequestPrepareProposal{
		Height: c.Height() + 1, Time: c.Time().Add(apptest.BlockInterval), MaxTxBytes: 1 << 22, Txs: txs,
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resp, err := c.App.PrepareProposal(req)
		if err != nil {
			b.Fatal(err)
		}
		if len(resp.Txs) < listed {
			b.Fatalf("proposed %d of %d txs", len(resp.Txs), listed)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*listed), "µs/tx")
}
