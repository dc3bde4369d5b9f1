package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the module's name, the name of its module account (which
	// holds vault collateral, stability-pool deposits and gains, the surplus
	// and the PSM's reserve) and its store key.
	ModuleName = "cdp"
	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
	// StableDenom is AUSD's base denom, minted and burned by the module.
	StableDenom = "uausd"
	// StableDecimals: one AUSD = 10^6 uausd = 1 USD.
	StableDecimals = 6
)

// Store prefixes (see README.md, State). Never renumber.
var (
	ParamsKey           = collections.NewPrefix(0)  // Item[Params]
	CollateralTypesKey  = collections.NewPrefix(1)  // Map[denom]CollateralType
	CollateralStatesKey = collections.NewPrefix(2)  // Map[denom]CollateralState
	VaultsKey           = collections.NewPrefix(3)  // Map[id]Vault
	NextVaultIDKey      = collections.NewPrefix(4)  // Sequence
	VaultsByOwnerKey    = collections.NewPrefix(5)  // KeySet[(owner, id)]
	RiskIndexKey        = collections.NewPrefix(6)  // KeySet[(denom, NICR key, id)]
	PoolKey             = collections.NewPrefix(7)  // Item[PoolState]
	PoolDepositsKey     = collections.NewPrefix(8)  // Map[depositor]PoolDeposit
	PoolSumsKey         = collections.NewPrefix(9)  // Map[(denom, epoch, scale)]Dec
	BooksKey            = collections.NewPrefix(10) // Item[Books]
)
