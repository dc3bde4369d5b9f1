package config

// IndexEvents is app.toml's default index-events: the event attributes a
// new node writes into CometBFT's transaction and block index, so that
// tx_search and block_search (and the REST route /cosmos/tx/v1beta1/txs)
// find them. Every indexed attribute is one more database write per event
// on every block, and indexing all of them (the SDK's default, an empty
// list) made the index's compaction the largest cost of a loaded node
// (docs/performance.md, issue 16). These are the attributes a client of
// Agora queries:
//   - message.action, message.sender, message.module, transfer.sender,
//     transfer.recipient: the explorer's account page and `agorad query txs`;
//   - tx.acc_seq, tx.signature: `agorad query tx --type=acc_seq|signature`;
//   - ethereum_tx.ethereumTxHash, ethereum_tx.txIndex: the Ethereum
//     JSON-RPC's receipts on a node without its own EVM indexer
//     ([json-rpc] enable-indexer = false);
//   - the timelock's executed, failed and cancelled operations by id, and
//     the operations a proposal queued by proposal id: the web app's
//     governance timelock screen (web/src/lib/gov_timelock.ts; a test
//     checks that every query there is covered).
//
// tx.height and tx.hash are always indexed. An operator who serves other
// queries lists more attributes, or sets index-events = [] to index every
// attribute; a validator that serves no queries can turn the index off
// with config.toml's [tx_index] indexer = "null". Which attributes a node
// indexes is its own choice: it changes no block result and no app hash.
var IndexEvents = []string{
	"message.action",
	"message.sender",
	"message.module",
	"transfer.sender",
	"transfer.recipient",
	"tx.acc_seq",
	"tx.signature",
	"ethereum_tx.ethereumTxHash",
	"ethereum_tx.txIndex",
	"agora.timelock.v1.EventOperationExecuted.id",
	"agora.timelock.v1.EventOperationFailed.id",
	"agora.timelock.v1.EventOperationCancelled.id",
	"agora.timelock.v1.EventOperationProposal.proposal_id",
}
