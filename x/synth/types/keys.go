package types

import (
	"strings"

	"cosmossdk.io/collections"
)

const (
	// ModuleName is the module's name, the name of its module account (which
	// holds staked collateral, escrowed synths of pending exchanges and the
	// unclaimed fees) and its store key.
	ModuleName = "synth"
	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
	// DenomPrefix starts every synth denom: synth/{SYMBOL}.
	DenomPrefix = "synth/"
	// USDSymbol is the synth worth exactly $1: synth/USD, minted against stakes.
	USDSymbol = "USD"
	// USDDenom is synth/USD's denom.
	USDDenom = DenomPrefix + USDSymbol
	// SynthDecimals: every synth has 6 decimals (1 synth = 10^6 base units).
	SynthDecimals = 6
)

// Store prefixes (see README.md, State). Never renumber.
var (
	ParamsKey           = collections.NewPrefix(0)  // Item[Params]
	CollateralsKey      = collections.NewPrefix(1)  // Map[denom]Collateral
	CollateralStatesKey = collections.NewPrefix(2)  // Map[denom]CollateralState
	SynthsKey           = collections.NewPrefix(3)  // Map[symbol]Synth
	SynthStatesKey      = collections.NewPrefix(4)  // Map[symbol]SynthState
	PositionsKey        = collections.NewPrefix(5)  // Map[(owner, denom)]Position
	RiskIndexKey        = collections.NewPrefix(6)  // KeySet[(denom, nominal ratio key, owner)]
	PoolKey             = collections.NewPrefix(7)  // Item[PoolState]
	ExchangesKey        = collections.NewPrefix(8)  // Map[id]Exchange
	NextExchangeIDKey   = collections.NewPrefix(9)  // Sequence
	PendingKey          = collections.NewPrefix(10) // KeySet[id] of pending exchanges (FIFO by id)
	ExchangesByOwnerKey = collections.NewPrefix(11) // KeySet[(owner, id)]
	FinishedKey         = collections.NewPrefix(12) // KeySet[(finished height, id)] for pruning
)

// SynthDenom is the denom of the synth with this symbol.
func SynthDenom(symbol string) string { return DenomPrefix + symbol }

// SymbolOf returns the symbol of a synth denom, false when denom is not one.
func SymbolOf(denom string) (string, bool) {
	if !strings.HasPrefix(denom, DenomPrefix) {
		return "", false
	}
	s := strings.TrimPrefix(denom, DenomPrefix)
	return s, ValidSymbol(s)
}

// ValidSymbol: 1 to 12 upper-case letters or digits.
func ValidSymbol(s string) bool {
	if len(s) == 0 || len(s) > 12 {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}
