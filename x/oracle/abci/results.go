package abci

import (
	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/agora-labs/agora/x/oracle/types"
)

// LabelInjectedVotesResult rewrites the result of a block's first
// transaction when it is the injected votes. BaseApp reports those bytes as
// a transaction that failed to decode (code 2, codespace "sdk"), so every
// block showed one failed transaction to explorers and clients. The result
// becomes code 0, codespace "oracle", log types.InjectedVotesLog, no gas, no
// events. Every node applies the same rule to the same block, so the results
// (and CometBFT's LastResultsHash over code, data and gas) stay
// deterministic. ProcessProposal is unchanged: the bytes still never decode
// as a transaction and carry no messages.
func LabelInjectedVotesResult(req *abci.RequestFinalizeBlock, res *abci.ResponseFinalizeBlock) {
	if req == nil || res == nil || len(req.Txs) == 0 || len(res.TxResults) == 0 || !types.IsInjectedVotes(req.Txs[0]) {
		return
	}
	res.TxResults[0] = &abci.ExecTxResult{Codespace: types.ModuleName, Log: types.InjectedVotesLog}
}
