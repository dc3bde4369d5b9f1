// Package keeper holds x/lend's state and its message, query and genesis
// handlers. Handlers load state, accrue interest, call the pure rules of
// x/lend/types and pkg/risk, move coins and store the result.
package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// PositionKey identifies one account's holdings in one market.
type PositionKey = collections.Pair[sdk.AccAddress, string]

// Keeper is x/lend's keeper (passed by value).
type Keeper struct {
	cdc          codec.BinaryCodec
	storeService store.KVStoreService
	bank         types.BankKeeper
	oracle       types.OracleKeeper
	dex          types.DexKeeper
	authority    string
	moduleAddr   sdk.AccAddress

	Schema       collections.Schema
	Params       collections.Item[types.Params]
	Markets      collections.Map[string, types.Market]
	MarketStates collections.Map[string, types.MarketState]
	// Collateral holds the receipts (lend/{denom}) each account has
	// collateralized; the module account holds the coins.
	Collateral PositionMap
	// ScaledDebt is each account's debt in index units.
	ScaledDebt PositionMap
	// Risk is the index of positions at risk; every write to Collateral or
	// ScaledDebt re-keys the borrower in it (risk_index.go).
	Risk RiskIndex

	// BackstopPools, BackstopStakes and BackstopCooldowns are the markets'
	// backstops (backstop.go); DeficitRecords the deficit history.
	BackstopPools     collections.Map[string, types.BackstopPool]
	BackstopStakes    collections.Map[PositionKey, types.BackstopStake]
	BackstopCooldowns collections.Map[CooldownKey, types.BackstopCooldown]
	DeficitRecords    collections.Map[collections.Pair[string, uint64], types.DeficitRecord]

	// Managed maps an account managed by another module (x/margin's
	// positions) to that module's name (managed.go).
	Managed collections.Map[sdk.AccAddress, string]
}

// CooldownKey identifies one backstop cooldown: (staker, denom, id).
type CooldownKey = collections.Triple[sdk.AccAddress, string, uint64]

// NewKeeper builds the keeper; authority (the gov module account) must be a
// valid address. dex sells seized collateral in protocol liquidations.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, bank types.BankKeeper,
	oracle types.OracleKeeper, dex types.DexKeeper, authority string,
) Keeper {
	if _, err := sdk.AccAddressFromBech32(authority); err != nil {
		panic("x/lend: invalid authority: " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	posCodec := collections.PairKeyCodec(sdk.AccAddressKey, collections.StringKey)
	k := Keeper{
		cdc: cdc, storeService: storeService, bank: bank, oracle: oracle, dex: dex, authority: authority,
		moduleAddr: authtypes.NewModuleAddress(types.ModuleName),

		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Markets:      collections.NewMap(sb, types.MarketsKey, "markets", collections.StringKey, codec.CollValue[types.Market](cdc)),
		MarketStates: collections.NewMap(sb, types.MarketStatesKey, "market_states", collections.StringKey, codec.CollValue[types.MarketState](cdc)),
		Collateral:   PositionMap{Map: collections.NewMap(sb, types.CollateralKey, "collateral", posCodec, sdk.IntValue)},
		ScaledDebt:   PositionMap{Map: collections.NewMap(sb, types.ScaledDebtKey, "scaled_debt", posCodec, sdk.IntValue)},
		Risk:         newRiskIndex(sb),
		BackstopPools: collections.NewMap(sb, types.BackstopPoolsKey, "backstop_pools", collections.StringKey,
			codec.CollValue[types.BackstopPool](cdc)),
		BackstopStakes: collections.NewMap(sb, types.BackstopStakesKey, "backstop_stakes", posCodec,
			codec.CollValue[types.BackstopStake](cdc)),
		BackstopCooldowns: collections.NewMap(sb, types.BackstopCooldownsKey, "backstop_cooldowns",
			collections.TripleKeyCodec(sdk.AccAddressKey, collections.StringKey, collections.Uint64Key),
			codec.CollValue[types.BackstopCooldown](cdc)),
		DeficitRecords: collections.NewMap(sb, types.DeficitRecordsKey, "deficit_records",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key), codec.CollValue[types.DeficitRecord](cdc)),
		Managed: collections.NewMap(sb, types.ManagedKey, "managed", sdk.AccAddressKey, collections.StringValue),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	k.Collateral.onWrite, k.ScaledDebt.onWrite = k.Reindex, k.Reindex
	return k
}

// Authority is the address allowed to list markets and change parameters.
func (k Keeper) Authority() string { return k.authority }

// ModuleAddress is the lend module account: it holds every market's cash
// and every collateralized receipt.
func (k Keeper) ModuleAddress() sdk.AccAddress { return k.moduleAddr }

// GetParams returns the parameters.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) { return k.Params.Get(ctx) }

// amountMap is a map of amounts by position (PositionMap or a plain
// collections.Map).
type amountMap interface {
	Get(ctx context.Context, key PositionKey) (sdkmath.Int, error)
	Set(ctx context.Context, key PositionKey, v sdkmath.Int) error
	Remove(ctx context.Context, key PositionKey) error
}

// getAmount reads a position map, zero when absent.
func getAmount(ctx context.Context, m amountMap, key PositionKey) (sdkmath.Int, error) {
	v, err := m.Get(ctx, key)
	if err != nil {
		if isNotFound(err) {
			return sdkmath.ZeroInt(), nil
		}
		return sdkmath.Int{}, err
	}
	return v, nil
}

// setAmount writes a position map, deleting zero entries.
func setAmount(ctx context.Context, m amountMap, key PositionKey, v sdkmath.Int) error {
	if v.IsZero() {
		return m.Remove(ctx, key)
	}
	return m.Set(ctx, key, v)
}
