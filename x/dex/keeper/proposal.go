package keeper

import (
	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
)

// CapSwapsPerPool wraps a PrepareProposal handler so that the proposed block
// queues at most max_orders_per_pool_per_block swaps on every pool: walking
// the mempool's transactions in order, it leaves out a transaction whose
// swaps would exceed a pool's cap, and every later transaction of the same
// signers (their sequence would no longer match). What it leaves out stays
// in the mempool for the next block, so an honest proposer never includes a
// swap that DeliverTx refuses. Transactions it cannot decode are passed on
// for next to judge.
func CapSwapsPerPool(k Keeper, decode sdk.TxDecoder, next sdk.PrepareProposalHandler) sdk.PrepareProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		params, err := k.GetParams(ctx)
		if err != nil {
			return nil, err
		}
		kept := SelectWithinOrderCap(req.Txs, decode, uint64(params.MaxOrdersPerPoolPerBlock))
		if len(kept) == len(req.Txs) {
			return next(ctx, req)
		}
		capped := *req
		capped.Txs = kept
		return next(ctx, &capped)
	}
}

// SelectWithinOrderCap returns txs, in order, without those that would take
// a pool beyond perBlock queued swaps and without the later transactions of
// their signers.
func SelectWithinOrderCap(txs [][]byte, decode sdk.TxDecoder, perBlock uint64) [][]byte {
	counts := map[uint64]uint64{}
	held := map[string]bool{} // signers with a transaction left out
	kept := make([][]byte, 0, len(txs))
	for _, bz := range txs {
		tx, err := decode(bz)
		if err != nil {
			kept = append(kept, bz)
			continue
		}
		signers := txSigners(tx)
		fits := true
		for _, s := range signers {
			if held[s] {
				fits = false
			}
		}
		hops := SwapHopsPerPool(tx.GetMsgs())
		for _, h := range hops {
			if counts[h.PoolID]+h.Hops > perBlock {
				fits = false
			}
		}
		if !fits {
			for _, s := range signers {
				held[s] = true
			}
			continue
		}
		for _, h := range hops {
			counts[h.PoolID] += h.Hops
		}
		kept = append(kept, bz)
	}
	return kept
}

// txSigners returns the signers of tx as strings of their address bytes
// (none if tx does not name them).
func txSigners(tx sdk.Tx) []string {
	sigTx, ok := tx.(authsigning.SigVerifiableTx)
	if !ok {
		return nil
	}
	signers, err := sigTx.GetSigners()
	if err != nil {
		return nil
	}
	out := make([]string, len(signers))
	for i, s := range signers {
		out[i] = string(s)
	}
	return out
}
