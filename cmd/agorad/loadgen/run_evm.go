package loadgen

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

// weiPerUagr is 10^12: the EVM sees uagr with 18 decimals (x/precisebank).
var weiPerUagr = big.NewInt(1_000_000_000_000)

// EVMFees are the caps of a run's Ethereum txs from cfg.GasPrice (uagr per
// gas): the fee cap is twice the price (room for the base fee to rise), the
// tip nothing (CometBFT's mempool is first come, first served).
func EVMFees(cfg Config) (ethFees, error) {
	feeCap := cfg.GasPrice.MulInt64(2).MulInt(sdkIntFromBig(weiPerUagr)).Ceil().TruncateInt()
	if !feeCap.IsPositive() {
		return ethFees{}, errors.New("gas price must be positive")
	}
	return ethFees{feeCap: feeCap.BigInt(), tipCap: big.NewInt(0)}, nil
}

// RunEVM is Run for Ethereum transactions: it funds K accounts with
// Ethereum keys (their agora1… forms, in one bank multi-send), pre-signs N
// EIP-1559 txs with the EIP-155 chain id, and broadcasts them as Cosmos
// txs (MsgEthereumTx, exactly what eth_sendRawTransaction would build) over
// CometBFT's RPC, so inclusion, codes and gas are read the same way as for
// the Cosmos workloads.
func RunEVM(ctx context.Context, clientCtx client.Context, cfg Config, evmChainID uint64, w EVMWorkload) (Report, error) {
	if cfg.Accounts < 2 || cfg.Txs < 1 || cfg.MaxPending < 1 {
		return Report{}, errors.New("need at least 2 accounts, 1 tx and 1 pending tx")
	}
	if evmChainID == 0 {
		return Report{}, errors.New("need the EVM chain id")
	}
	fees, err := EVMFees(cfg)
	if err != nil {
		return Report{}, err
	}
	accs, err := newEthAccounts(cfg.Seed, cfg.Accounts)
	if err != nil {
		return Report{}, err
	}
	ring := make([]common.Address, len(accs))
	plain := make([]*account, len(accs))
	for i, a := range accs {
		ring[i] = a.eth
		plain[i] = &a.account
	}
	perAccount := (cfg.Txs + cfg.Accounts - 1) / cfg.Accounts

	fmt.Fprintf(cfg.Log, "funding %d Ethereum accounts from %s ...\n", cfg.Accounts, cfg.From)
	gasCost := maxGasCostUagr(w.GasLimit(), fees.feeCap)
	need := sdk.NewCoins()
	for i := 0; i < perAccount; i++ {
		need = need.Add(gasCost...).Add(w.FundsPerTx()...)
	}
	if err := fund(ctx, clientCtx, cfg, plain, need); err != nil {
		return Report{}, fmt.Errorf("funding: %w", err)
	}
	for _, a := range accs {
		_, seq, err := authtypes.AccountRetriever{}.GetAccountNumberSequence(clientCtx, a.addr)
		if err != nil {
			return Report{}, fmt.Errorf("account %s: %w", a.addr, err)
		}
		a.nextSeq = seq
	}

	fmt.Fprintf(cfg.Log, "signing %d %s txs (EVM chain id %d) ...\n", cfg.Txs, w.Name(), evmChainID)
	chainID := new(big.Int).SetUint64(evmChainID)
	signed := make([][][]byte, len(accs))
	for n := 0; n < cfg.Txs; n++ {
		a := accs[n%len(accs)]
		to, data, err := w.Call(a.eth, ring, n/len(accs))
		if err != nil {
			return Report{}, err
		}
		bz, _, err := signEthTx(clientCtx.TxConfig, chainID, a, w.GasLimit(), fees, to, data)
		if err != nil {
			return Report{}, err
		}
		signed[n%len(accs)] = append(signed[n%len(accs)], bz)
	}

	fmt.Fprintf(cfg.Log, "broadcasting ...\n")
	return broadcastAndWatch(ctx, clientCtx, cfg, w.Name(), signed)
}

// maxGasCostUagr is the most a tx can pay for gas (gas limit × fee cap),
// in uagr rounded up: the balance the EVM requires before it runs the tx.
func maxGasCostUagr(gas uint64, feeCapWei *big.Int) sdk.Coins {
	wei := new(big.Int).Mul(new(big.Int).SetUint64(gas), feeCapWei)
	q, r := new(big.Int).QuoRem(wei, weiPerUagr, new(big.Int))
	if r.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	return sdk.NewCoins(sdk.NewCoin("uagr", sdkIntFromBig(q)))
}
