package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the oracle module's name.
	ModuleName = "oracle"
	// StoreKey is the oracle's KV store key.
	StoreKey = ModuleName
)

// Store prefixes (see README "State").
var (
	ParamsKey           = collections.NewPrefix(0) // Params
	PricesKey           = collections.NewPrefix(1) // pair → PriceRecord
	HistoricSamplesKey  = collections.NewPrefix(2) // (pair, height) → HistoricSample
	HistoricMediansKey  = collections.NewPrefix(3) // pair → HistoricMedian
	MissCountersKey     = collections.NewPrefix(4) // consensus address → misses
	MissWindowBlocksKey = collections.NewPrefix(5) // blocks with votes in the current miss window
)
