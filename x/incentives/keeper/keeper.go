// Package keeper holds x/incentives' state and handlers: bonded LP shares,
// gauges and emissions paid through per-(pool, denom) reward-per-share
// accumulators (types/math.go).
package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

// Keeper is x/incentives' keeper (passed by value).
type Keeper struct {
	cdc        codec.BinaryCodec
	accounts   types.AccountKeeper
	bank       types.BankKeeper
	dex        types.DexKeeper
	distr      types.DistributionKeeper
	prices     types.PriceSource
	blocks     types.BlocksPerYearSource
	authority  string
	moduleAddr sdk.AccAddress

	Schema       collections.Schema
	Params       collections.Item[types.Params]
	PoolWeights  collections.Map[uint64, types.PoolWeight]
	Gauges       collections.Map[uint64, types.Gauge]
	GaugesByPool collections.KeySet[collections.Pair[uint64, uint64]] // unfinished gauges: (pool, gauge)
	GaugeEnds    collections.KeySet[collections.Pair[int64, uint64]]  // unfinished gauges: (end, gauge)
	NextGaugeID  collections.Sequence
	PoolStates   collections.Map[uint64, types.PoolState]
	Accumulators collections.Map[collections.Pair[uint64, string], types.Accumulator]
	Bonds        collections.Map[collections.Pair[sdk.AccAddress, uint64], sdkmath.Int]
	UserRewards  collections.Map[collections.Triple[sdk.AccAddress, uint64, string], types.UserReward]
	Unbondings   collections.Map[uint64, types.Unbonding]
	UnbondQueue  collections.KeySet[collections.Pair[int64, uint64]] // (completion, id)
	UnbondsOf    collections.KeySet[collections.Pair[sdk.AccAddress, uint64]]
	NextUnbondID collections.Sequence
	Finished     collections.KeySet[collections.Pair[int64, uint64]] // finished gauges not yet pruned: (end, gauge)
}

// NewKeeper builds the keeper; authority (the gov module account) must be a
// valid address.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, accounts types.AccountKeeper, bank types.BankKeeper, dex types.DexKeeper,
	distr types.DistributionKeeper, prices types.PriceSource, blocks types.BlocksPerYearSource, authority string,
) Keeper {
	if _, err := sdk.AccAddressFromBech32(authority); err != nil {
		panic("x/incentives: invalid authority: " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	u64, i64 := collections.Uint64Key, collections.Int64Key
	k := Keeper{
		cdc: cdc, accounts: accounts, bank: bank, dex: dex, distr: distr, prices: prices, blocks: blocks, authority: authority,
		moduleAddr: authtypes.NewModuleAddress(types.ModuleName),

		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		PoolWeights:  collections.NewMap(sb, types.PoolWeightsKey, "pool_weights", u64, codec.CollValue[types.PoolWeight](cdc)),
		Gauges:       collections.NewMap(sb, types.GaugesKey, "gauges", u64, codec.CollValue[types.Gauge](cdc)),
		GaugesByPool: collections.NewKeySet(sb, types.GaugesByPoolKey, "gauges_by_pool", collections.PairKeyCodec(u64, u64)),
		GaugeEnds:    collections.NewKeySet(sb, types.GaugeEndsKey, "gauge_ends", collections.PairKeyCodec(i64, u64)),
		NextGaugeID:  collections.NewSequence(sb, types.NextGaugeIDKey, "next_gauge_id"),
		PoolStates:   collections.NewMap(sb, types.PoolStatesKey, "pool_states", u64, codec.CollValue[types.PoolState](cdc)),
		Accumulators: collections.NewMap(sb, types.AccumulatorsKey, "accumulators",
			collections.PairKeyCodec(u64, collections.StringKey), codec.CollValue[types.Accumulator](cdc)),
		Bonds: collections.NewMap(sb, types.BondsKey, "bonds",
			collections.PairKeyCodec(sdk.AccAddressKey, u64), sdk.IntValue),
		UserRewards: collections.NewMap(sb, types.UserRewardsKey, "user_rewards",
			collections.TripleKeyCodec(sdk.AccAddressKey, u64, collections.StringKey), codec.CollValue[types.UserReward](cdc)),
		Unbondings:   collections.NewMap(sb, types.UnbondingsKey, "unbondings", u64, codec.CollValue[types.Unbonding](cdc)),
		UnbondQueue:  collections.NewKeySet(sb, types.UnbondingQueue, "unbonding_queue", collections.PairKeyCodec(i64, u64)),
		UnbondsOf:    collections.NewKeySet(sb, types.UnbondingByOwner, "unbondings_by_owner", collections.PairKeyCodec(sdk.AccAddressKey, u64)),
		NextUnbondID: collections.NewSequence(sb, types.NextUnbondingKey, "next_unbonding_id"),
		Finished:     collections.NewKeySet(sb, types.FinishedGauges, "finished_gauges", collections.PairKeyCodec(i64, u64)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority is the address allowed to set weights and parameters.
func (k Keeper) Authority() string { return k.authority }

// ModuleAddress is the incentives module account.
func (k Keeper) ModuleAddress() sdk.AccAddress { return k.moduleAddr }

func sdkCtx(ctx context.Context) sdk.Context { return sdk.UnwrapSDKContext(ctx) }

func now(ctx context.Context) int64 { return sdk.UnwrapSDKContext(ctx).BlockTime().Unix() }

// atomic runs fn in a cached context and writes only when it succeeds.
func atomic(ctx context.Context, fn func(ctx sdk.Context) error) error {
	cache, write := sdk.UnwrapSDKContext(ctx).CacheContext()
	if err := fn(cache); err != nil {
		return err
	}
	write()
	return nil
}
