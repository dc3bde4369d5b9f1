// Package keeper holds x/synth's state and its message, query, genesis and
// Begin/EndBlock handlers. Handlers load state, call the pure rules of
// x/synth/types, move coins and store the result.
package keeper

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/agora-labs/agora/x/synth/types"
)

// PositionKey identifies a position: (owner, collateral denom).
type PositionKey = collections.Pair[sdk.AccAddress, string]

// RiskKey orders a collateral's positions: (denom, nominal ratio key, owner);
// the smallest key is the riskiest.
type RiskKey = collections.Triple[string, []byte, sdk.AccAddress]

// Keeper is x/synth's keeper (passed by value).
type Keeper struct {
	cdc          codec.BinaryCodec
	storeService store.KVStoreService
	bank         types.BankKeeper
	oracle       types.OracleKeeper
	authority    string
	moduleAddr   sdk.AccAddress

	Schema           collections.Schema
	Params           collections.Item[types.Params]
	Collaterals      collections.Map[string, types.Collateral]
	CollateralStates collections.Map[string, types.CollateralState]
	Synths           collections.Map[string, types.Synth]
	SynthStates      collections.Map[string, types.SynthState]
	Positions        collections.Map[PositionKey, types.Position]
	RiskIndex        collections.KeySet[RiskKey]
	Pool             collections.Item[types.PoolState]
	Exchanges        collections.Map[uint64, types.Exchange]
	NextExchangeID   collections.Sequence
	Pending          collections.KeySet[uint64]
	ExchangesByOwner collections.KeySet[collections.Pair[sdk.AccAddress, uint64]]
	Finished         collections.KeySet[collections.Pair[int64, uint64]]
}

// NewKeeper builds the keeper; authority (the gov module account) must be a
// valid address.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, bank types.BankKeeper,
	oracle types.OracleKeeper, authority string,
) Keeper {
	if _, err := sdk.AccAddressFromBech32(authority); err != nil {
		panic("x/synth: invalid authority: " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc: cdc, storeService: storeService, bank: bank, oracle: oracle, authority: authority,
		moduleAddr: authtypes.NewModuleAddress(types.ModuleName),

		Params:           collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Collaterals:      collections.NewMap(sb, types.CollateralsKey, "collaterals", collections.StringKey, codec.CollValue[types.Collateral](cdc)),
		CollateralStates: collections.NewMap(sb, types.CollateralStatesKey, "collateral_states", collections.StringKey, codec.CollValue[types.CollateralState](cdc)),
		Synths:           collections.NewMap(sb, types.SynthsKey, "synths", collections.StringKey, codec.CollValue[types.Synth](cdc)),
		SynthStates:      collections.NewMap(sb, types.SynthStatesKey, "synth_states", collections.StringKey, codec.CollValue[types.SynthState](cdc)),
		Positions: collections.NewMap(sb, types.PositionsKey, "positions",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.StringKey), codec.CollValue[types.Position](cdc)),
		RiskIndex: collections.NewKeySet(sb, types.RiskIndexKey, "risk_index",
			collections.TripleKeyCodec(collections.StringKey, collections.BytesKey, sdk.AccAddressKey)),
		Pool:           collections.NewItem(sb, types.PoolKey, "pool", codec.CollValue[types.PoolState](cdc)),
		Exchanges:      collections.NewMap(sb, types.ExchangesKey, "exchanges", collections.Uint64Key, codec.CollValue[types.Exchange](cdc)),
		NextExchangeID: collections.NewSequence(sb, types.NextExchangeIDKey, "next_exchange_id"),
		Pending:        collections.NewKeySet(sb, types.PendingKey, "pending", collections.Uint64Key),
		ExchangesByOwner: collections.NewKeySet(sb, types.ExchangesByOwnerKey, "exchanges_by_owner",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key)),
		Finished: collections.NewKeySet(sb, types.FinishedKey, "finished",
			collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority is the address allowed to list and govern.
func (k Keeper) Authority() string { return k.authority }

// ModuleAddress holds staked collateral, escrowed synths and unclaimed fees.
func (k Keeper) ModuleAddress() sdk.AccAddress { return k.moduleAddr }

// GetParams returns the parameters.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) { return k.Params.Get(ctx) }

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }

// atomic runs fn in a cached context and writes only when it succeeds.
func atomic(ctx context.Context, fn func(ctx sdk.Context) error) error {
	cache, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	if err := fn(cache); err != nil {
		return err
	}
	write()
	return nil
}

// isolated is atomic with a recover: a panic becomes an error.
func isolated(ctx sdk.Context, fn func(ctx sdk.Context) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return atomic(ctx, fn)
}

func coins(denom string, amt sdkmath.Int) sdk.Coins { return sdk.NewCoins(sdk.NewCoin(denom, amt)) }

func (k Keeper) pay(ctx context.Context, to sdk.AccAddress, denom string, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	return k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, coins(denom, amt))
}

// take moves amt of denom from an account to the module, with a clear
// error when the account holds less.
func (k Keeper) take(ctx context.Context, from sdk.AccAddress, denom string, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	if have := k.bank.GetBalance(ctx, from, denom).Amount; have.LT(amt) {
		return errorsmod.Wrapf(types.ErrInsufficientFunds, "%s holds %s%s, needs %s%s", from, have, denom, amt, denom)
	}
	return k.bank.SendCoinsFromAccountToModule(ctx, from, types.ModuleName, coins(denom, amt))
}

func (k Keeper) mint(ctx context.Context, denom string, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	return k.bank.MintCoins(ctx, types.ModuleName, coins(denom, amt))
}

func (k Keeper) burn(ctx context.Context, denom string, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	return k.bank.BurnCoins(ctx, types.ModuleName, coins(denom, amt))
}

func emit(ctx context.Context, ev proto.Message) error {
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(ev)
}
