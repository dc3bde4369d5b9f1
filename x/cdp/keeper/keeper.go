// Package keeper holds x/cdp's state and its message, query, genesis and
// EndBlock handlers. Handlers load state, accrue the stability fee, call the
// pure rules of x/cdp/types and pkg/risk, move coins and store the result.
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

	"github.com/agora-labs/agora/x/cdp/types"
)

// RiskKey identifies a vault in its type's risk order: (denom, risk key, id).
type RiskKey = collections.Triple[string, []byte, uint64]

// SumKey identifies a stability-pool sum: (gain denom, epoch, scale).
type SumKey = collections.Triple[string, uint64, uint64]

// Keeper is x/cdp's keeper (passed by value).
type Keeper struct {
	cdc          codec.BinaryCodec
	storeService store.KVStoreService
	bank         types.BankKeeper
	oracle       types.OracleKeeper
	dex          types.DexKeeper
	authority    string
	moduleAddr   sdk.AccAddress

	Schema           collections.Schema
	Params           collections.Item[types.Params]
	CollateralTypes  collections.Map[string, types.CollateralType]
	CollateralStates collections.Map[string, types.CollateralState]
	Vaults           collections.Map[uint64, types.Vault]
	NextVaultID      collections.Sequence
	VaultsByOwner    collections.KeySet[collections.Pair[sdk.AccAddress, uint64]]
	// RiskIndex orders each type's vaults by types.RiskKey: the largest key
	// is the lowest collateral ratio.
	RiskIndex    collections.KeySet[RiskKey]
	Pool         collections.Item[types.PoolState]
	PoolDeposits collections.Map[sdk.AccAddress, types.PoolDeposit]
	PoolSums     collections.Map[SumKey, sdkmath.LegacyDec]
	Books        collections.Item[types.Books]
}

// NewKeeper builds the keeper; authority (the gov module account) must be a
// valid address. dex sells liquidated collateral.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, bank types.BankKeeper,
	oracle types.OracleKeeper, dex types.DexKeeper, authority string,
) Keeper {
	if _, err := sdk.AccAddressFromBech32(authority); err != nil {
		panic("x/cdp: invalid authority: " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc: cdc, storeService: storeService, bank: bank, oracle: oracle, dex: dex, authority: authority,
		moduleAddr: authtypes.NewModuleAddress(types.ModuleName),

		Params:           collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		CollateralTypes:  collections.NewMap(sb, types.CollateralTypesKey, "collateral_types", collections.StringKey, codec.CollValue[types.CollateralType](cdc)),
		CollateralStates: collections.NewMap(sb, types.CollateralStatesKey, "collateral_states", collections.StringKey, codec.CollValue[types.CollateralState](cdc)),
		Vaults:           collections.NewMap(sb, types.VaultsKey, "vaults", collections.Uint64Key, codec.CollValue[types.Vault](cdc)),
		NextVaultID:      collections.NewSequence(sb, types.NextVaultIDKey, "next_vault_id"),
		VaultsByOwner: collections.NewKeySet(sb, types.VaultsByOwnerKey, "vaults_by_owner",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key)),
		RiskIndex: collections.NewKeySet(sb, types.RiskIndexKey, "risk_index",
			collections.TripleKeyCodec(collections.StringKey, collections.BytesKey, collections.Uint64Key)),
		Pool:         collections.NewItem(sb, types.PoolKey, "pool", codec.CollValue[types.PoolState](cdc)),
		PoolDeposits: collections.NewMap(sb, types.PoolDepositsKey, "pool_deposits", sdk.AccAddressKey, codec.CollValue[types.PoolDeposit](cdc)),
		PoolSums: collections.NewMap(sb, types.PoolSumsKey, "pool_sums",
			collections.TripleKeyCodec(collections.StringKey, collections.Uint64Key, collections.Uint64Key), sdk.LegacyDecValue),
		Books: collections.NewItem(sb, types.BooksKey, "books", codec.CollValue[types.Books](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority is the address allowed to set collateral types and parameters.
func (k Keeper) Authority() string { return k.authority }

// ModuleAddress is the cdp module account: it holds vault collateral,
// stability-pool deposits and gains, the surplus and the PSM's reserve.
func (k Keeper) ModuleAddress() sdk.AccAddress { return k.moduleAddr }

// GetParams returns the parameters.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) { return k.Params.Get(ctx) }

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }

// atomic runs fn in a cached context and writes only when it succeeds, so a
// failed keeper call changes nothing (also when called outside a tx).
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

func (k Keeper) mintStable(ctx context.Context, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	return k.bank.MintCoins(ctx, types.ModuleName, sdk.NewCoins(sdk.NewCoin(types.StableDenom, amt)))
}

func (k Keeper) burnStable(ctx context.Context, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	return k.bank.BurnCoins(ctx, types.ModuleName, sdk.NewCoins(sdk.NewCoin(types.StableDenom, amt)))
}

func (k Keeper) pay(ctx context.Context, to sdk.AccAddress, denom string, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	return k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, sdk.NewCoins(sdk.NewCoin(denom, amt)))
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
	return k.bank.SendCoinsFromAccountToModule(ctx, from, types.ModuleName, sdk.NewCoins(sdk.NewCoin(denom, amt)))
}
