package devgenesis

import (
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
)

// Spec describes a network to create on this machine.
type Spec struct {
	ChainID string
	Nodes   []NodeSpec
	// BlockTime is CometBFT's timeout_commit: about the time between blocks.
	BlockTime time.Duration
	// VotingPeriod is gov's voting and deposit period; the expedited voting
	// period is half of it.
	VotingPeriod time.Duration
	// TimelockDelay is x/timelock's delay (0: DefaultTimelockDelay).
	TimelockDelay time.Duration
	// CheckInvariants turns on the nodes' check of every invariant after
	// every block (app.toml [invariants] check-every-block).
	CheckInvariants bool
	// SnapshotInterval is how often (in blocks) every node takes a state
	// sync snapshot (app.toml [state-sync] snapshot-interval); 0 means
	// DefaultSnapshotInterval, a negative value turns snapshots off.
	SnapshotInterval int64
	// GenesisAccounts is how many extra funded accounts (AddBulkAccounts)
	// genesis holds, to measure with a large state.
	GenesisAccounts int
}

// DefaultSnapshotInterval is the devnet's and localnet's snapshot
// interval: with one-second blocks, a snapshot every 100 s or so.
const DefaultSnapshotInterval = 100

// SnapshotKeepRecent is how many snapshots a local node keeps.
const SnapshotKeepRecent = 2

// NodeSpec is one node of the network.
type NodeSpec struct {
	Moniker string
	Home    string
	Ports   Ports
	// Validator is the index of the validator this node runs, or -1 for a
	// full node.
	Validator int
}

// IsValidator tells whether the node signs blocks.
func (n NodeSpec) IsValidator() bool { return n.Validator >= 0 }

// AccountFunds is what every test account (and every validator operator)
// holds at genesis.
func AccountFunds() sdk.Coins {
	return sdk.NewCoins(
		sdk.NewCoin(app.BondDenom, sdkmath.NewInt(1_000_000_000_000)), // 1,000,000 AGR
		sdk.NewCoin("ubtc", sdkmath.NewInt(100_000_000)),              // 100 BTC
		sdk.NewCoin("ueth", sdkmath.NewInt(1_000_000_000)),            // 1,000 ETH
		sdk.NewCoin("uusdc", sdkmath.NewInt(10_000_000_000_000)),      // 10,000,000 USDC
	)
}

// SelfBond is each validator's stake at genesis: 100,000 AGR.
var SelfBond = sdk.NewCoin(app.BondDenom, sdkmath.NewInt(100_000_000_000))

// VoteExtensionsEnableHeight is the height from which validators sign
// vote extensions (the oracle's prices) on local networks: the first block.
const VoteExtensionsEnableHeight = 1

// DefaultVotingPeriod is long enough to vote by hand, short enough to wait for.
const DefaultVotingPeriod = 30 * time.Second
