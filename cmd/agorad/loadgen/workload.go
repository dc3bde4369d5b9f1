// Package loadgen measures a running Agora node: it funds K fresh
// accounts, pre-signs N transactions of one kind (each account with its own
// sequence counter, since the CLI's --sequence is ignored online), broadcasts
// them over CometBFT's RPC, watches blocks for their inclusion, and reports
// committed transactions per second and broadcast-to-inclusion latency.
// EVM workloads (EVMWorkload, RunEVM) do the same with Ethereum keys: EIP-1559
// txs signed for the EIP-155 chain id, broadcast as the MsgEthereumTx
// Cosmos txs eth_sendRawTransaction would build, so they are counted alike.
package loadgen

import (
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// Workload is one kind of transaction the generator sends.
type Workload interface {
	// Name names the workload in the report.
	Name() string
	// FundsPerTx is what an account needs, beside fees, for one tx.
	FundsPerTx() sdk.Coins
	// Msgs are the messages of the i-th tx an account sends.
	Msgs(from sdk.AccAddress, i int) []sdk.Msg
	// GasLimit is the gas limit each tx sets.
	GasLimit() uint64
}

// BankSend sends 1uagr to the next account in the ring of test accounts.
type BankSend struct {
	Ring []sdk.AccAddress
}

func (BankSend) Name() string { return "bank send" }

func (BankSend) FundsPerTx() sdk.Coins {
	return sdk.NewCoins(sdk.NewCoin("uagr", sdkmath.OneInt()))
}

func (w BankSend) Msgs(from sdk.AccAddress, i int) []sdk.Msg {
	to := w.Ring[i%len(w.Ring)]
	if to.Equals(from) {
		to = w.Ring[(i+1)%len(w.Ring)]
	}
	return []sdk.Msg{banktypes.NewMsgSend(from, to, sdk.NewCoins(sdk.NewCoin("uagr", sdkmath.OneInt())))}
}

func (BankSend) GasLimit() uint64 { return 100_000 }
