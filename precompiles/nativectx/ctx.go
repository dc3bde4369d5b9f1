// Package nativectx adapts the Cosmos context a precompile runs in.
package nativectx

import (
	"github.com/ethereum/go-ethereum/core/vm"

	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/cosmos/evm/x/vm/statedb"
)

// WithTransientStores gives a precompile's context the transient stores of
// the transaction's own context. x/vm runs a precompile over a snapshot of
// the KV stores only (the ones x/vm's keeper was given), so a keeper that
// keeps per-block counters in a transient store (x/dex's orders per pool)
// would otherwise panic. Transient writes are not journaled: a reverted
// call keeps what it counted (x/dex: a reverted swap still used one of the
// pool's order slots for the block — the cap errs on the safe side).
func WithTransientStores(evm *vm.EVM, ctx sdk.Context) sdk.Context {
	sdb, ok := evm.StateDB.(*statedb.StateDB)
	if !ok || sdb.GetContext().MultiStore() == nil {
		return ctx
	}
	return ctx.WithMultiStore(stores{MultiStore: ctx.MultiStore(), outer: sdb.GetContext().MultiStore()})
}

// stores is the snapshot multistore, with transient keys served by the
// transaction's multistore.
type stores struct {
	storetypes.MultiStore
	outer storetypes.MultiStore
}

// GetStore implements storetypes.MultiStore.
func (s stores) GetStore(key storetypes.StoreKey) storetypes.Store {
	if _, ok := key.(*storetypes.TransientStoreKey); ok {
		return s.outer.GetStore(key)
	}
	return s.MultiStore.GetStore(key)
}

// GetKVStore implements storetypes.MultiStore.
func (s stores) GetKVStore(key storetypes.StoreKey) storetypes.KVStore {
	if _, ok := key.(*storetypes.TransientStoreKey); ok {
		return s.outer.GetKVStore(key)
	}
	return s.MultiStore.GetKVStore(key)
}
