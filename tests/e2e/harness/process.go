package harness

import "github.com/agora-labs/agora/pkg/nodeproc"

// The harness runs nodes exactly as `agorad devnet` and `agorad localnet`
// do: with pkg/nodeproc (same flags, same log file, same pid file).
type (
	// Process is a running `agorad start` of one node.
	Process = nodeproc.Process
	// Status is the part of a node's /status the tests read.
	Status = nodeproc.Status
)

var (
	// StartNode runs `bin start` for the node.
	StartNode = nodeproc.Start
	// QueryStatus asks a node's RPC for its status.
	QueryStatus = nodeproc.QueryStatus
	// WaitForHeight polls a node until it has committed a height.
	WaitForHeight = nodeproc.WaitForHeight
)
