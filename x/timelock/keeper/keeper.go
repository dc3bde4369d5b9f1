// Package keeper holds x/timelock's state and handlers: the queue of
// operations governance scheduled, their execution in EndBlock, and their
// cancellation by governance or a guardian.
package keeper

import (
	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/timelock/types"
)

// Keeper is x/timelock's keeper (passed by value).
type Keeper struct {
	cdc       codec.Codec
	router    types.MessageRouter
	guardians types.GuardianChecker
	// authority schedules and cancels: the gov module account.
	authority string
	// self is the timelock's module account: the signer of what it executes.
	self sdk.AccAddress

	Schema     collections.Schema
	Params     collections.Item[types.Params]
	Operations collections.Map[uint64, types.Operation]
	// Queue orders the operations by (eta in unix nanoseconds, id):
	// EndBlock walks it from the front and stops at the first one not yet
	// due.
	Queue           collections.KeySet[collections.Pair[int64, uint64]]
	NextOperationID collections.Sequence
	// Unstamped holds the operations scheduled by a proposal that is still
	// executing; the gov hook AfterProposalVotingPeriodEnded stamps them
	// with the proposal's id in the same block and empties it.
	Unstamped collections.KeySet[uint64]
}

// NewKeeper builds the keeper; authority (the gov module account) must be a
// valid address. guardians may be nil (no guardian can cancel).
func NewKeeper(cdc codec.Codec, storeService store.KVStoreService, router types.MessageRouter,
	guardians types.GuardianChecker, authority string,
) Keeper {
	if _, err := sdk.AccAddressFromBech32(authority); err != nil {
		panic("x/timelock: invalid authority: " + err.Error())
	}
	if router == nil {
		panic("x/timelock: nil message router")
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc: cdc, router: router, guardians: guardians, authority: authority,
		self: sdk.MustAccAddressFromBech32(types.ModuleAddress()),

		Params:     collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Operations: collections.NewMap(sb, types.OperationsKey, "operations", collections.Uint64Key, codec.CollValue[types.Operation](cdc)),
		Queue: collections.NewKeySet(sb, types.QueueKey, "queue",
			collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)),
		NextOperationID: collections.NewSequence(sb, types.NextOperationIDKey, "next_operation_id"),
		Unstamped:       collections.NewKeySet(sb, types.UnstampedKey, "unstamped", collections.Uint64Key),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority is the address allowed to schedule and cancel (gov).
func (k Keeper) Authority() string { return k.authority }

// Address is the timelock's module account, the signer of every scheduled
// message and the authority of its own MsgUpdateParams.
func (k Keeper) Address() sdk.AccAddress { return k.self }
