package app

import (
	"time"

	"github.com/cosmos/cosmos-sdk/x/group"
)

// Conservative x/group limits: the risk council is its only expected use.
const (
	// GroupMaxMetadataLen caps every group, member, policy and proposal
	// metadata string (bytes).
	GroupMaxMetadataLen = 255
	// GroupMaxExecutionPeriod is how long after its voting period an
	// accepted group proposal may still be executed (then it is pruned).
	GroupMaxExecutionPeriod = 7 * 24 * time.Hour
)

// GroupConfig is x/group's keeper configuration.
func GroupConfig() group.Config {
	c := group.DefaultConfig()
	c.MaxMetadataLen = GroupMaxMetadataLen
	c.MaxExecutionPeriod = GroupMaxExecutionPeriod
	return c
}
