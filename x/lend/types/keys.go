package types

import (
	"strings"

	"cosmossdk.io/collections"
)

const (
	// ModuleName is the module's name, the name of its module account (which
	// holds every market's cash and every collateralized receipt) and its
	// store key.
	ModuleName = "lend"
	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
	// ReceiptPrefix starts every receipt denom: lend/{denom}.
	ReceiptPrefix = ModuleName + "/"
)

// Store prefixes (see README.md, State). Never renumber.
var (
	ParamsKey       = collections.NewPrefix(0) // Item[Params]
	MarketsKey      = collections.NewPrefix(1) // Map[denom]Market
	MarketStatesKey = collections.NewPrefix(2) // Map[denom]MarketState
	CollateralKey   = collections.NewPrefix(3) // Map[(address, denom)]Int: receipts held as collateral
	ScaledDebtKey   = collections.NewPrefix(4) // Map[(address, denom)]Int: scaled debt
	// Prefix 5 held the protocol liquidation scan's cursor (retired: the
	// index of positions at risk replaced the scan). Never reuse it.

	// The index of positions at risk (keeper/risk_index.go).
	RiskIndexKey   = collections.NewPrefix(6) // KeySet[(prefix, health key, address)]
	RiskRecordsKey = collections.NewPrefix(7) // Map[address]RiskRecord (JSON)
	RiskRefsKey    = collections.NewPrefix(8) // Map[denom]MarketRef (JSON)
	// Protocol liquidations deferred after a failure (keeper/deferral.go).
	RiskDeferralsKey = collections.NewPrefix(9) // Map[address]Deferral (JSON)

	// Backstop and deficit history (prefixes 20–29; 6–19 are left to the
	// rest of the module).
	BackstopPoolsKey     = collections.NewPrefix(20) // Map[denom]BackstopPool
	BackstopStakesKey    = collections.NewPrefix(21) // Map[(address, denom)]BackstopStake
	BackstopCooldownsKey = collections.NewPrefix(22) // Map[(address, denom, id)]BackstopCooldown
	DeficitRecordsKey    = collections.NewPrefix(23) // Map[(denom, sequence)]DeficitRecord

	// Managed accounts (keeper/managed.go): account → manager module name.
	ManagedKey = collections.NewPrefix(30) // Map[address]string
)

// ReceiptDenom is the receipt token of a market: lend/{denom}.
func ReceiptDenom(denom string) string { return ReceiptPrefix + denom }

// UnderlyingOf returns the underlying denom of a receipt denom and whether
// denom is one.
func UnderlyingOf(denom string) (string, bool) {
	if !strings.HasPrefix(denom, ReceiptPrefix) || len(denom) == len(ReceiptPrefix) {
		return "", false
	}
	return denom[len(ReceiptPrefix):], true
}
