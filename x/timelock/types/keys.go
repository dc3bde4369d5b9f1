package types

import (
	"cosmossdk.io/collections"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

const (
	// ModuleName is "timelock".
	ModuleName = "timelock"
	// StoreKey is the module's KV store key.
	StoreKey = ModuleName
)

// Store prefixes (collections).
var (
	ParamsKey          = collections.NewPrefix(0)
	OperationsKey      = collections.NewPrefix(1)
	QueueKey           = collections.NewPrefix(2)
	NextOperationIDKey = collections.NewPrefix(3)
	UnstampedKey       = collections.NewPrefix(4)
)

// ModuleAddress is the timelock's module account: the signer of every
// message it executes, and so the authority of every module whose changes
// must wait (see README).
func ModuleAddress() string {
	return authtypes.NewModuleAddress(ModuleName).String()
}
