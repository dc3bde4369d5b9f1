package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/cdp/types"
)

type queryServer struct{ k Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the Query service. Queries read a branch of
// the state in which the stability fee is accrued to the current block;
// nothing is written.
func NewQueryServerImpl(k Keeper) types.QueryServer { return queryServer{k} }

func branch(ctx context.Context) sdk.Context {
	c, _ := sdk.UnwrapSDKContext(ctx).CacheContext()
	return c
}

// Params returns the parameters.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

func (k Keeper) typeInfo(ctx sdk.Context, denom string) (types.CollateralTypeInfo, error) {
	ct, st, err := k.AccruedType(ctx, denom)
	if err != nil {
		return types.CollateralTypeInfo{}, err
	}
	apy, err := risk.CompoundedRate(ct.StabilityFee, risk.SecondsPerYear)
	if err != nil {
		return types.CollateralTypeInfo{}, err
	}
	return types.CollateralTypeInfo{CollateralType: ct, State: st, Debt: st.Issued, FeeApy: apy}, nil
}

// CollateralTypes lists every type.
func (q queryServer) CollateralTypes(ctx context.Context, _ *types.QueryCollateralTypesRequest) (*types.QueryCollateralTypesResponse, error) {
	c := branch(ctx)
	denoms, err := q.k.typeDenoms(c)
	if err != nil {
		return nil, err
	}
	out := &types.QueryCollateralTypesResponse{CollateralTypes: []types.CollateralTypeInfo{}}
	for _, d := range denoms {
		info, err := q.k.typeInfo(c, d)
		if err != nil {
			return nil, err
		}
		out.CollateralTypes = append(out.CollateralTypes, info)
	}
	return out, nil
}

// CollateralType returns one type.
func (q queryServer) CollateralType(ctx context.Context, req *types.QueryCollateralTypeRequest) (*types.QueryCollateralTypeResponse, error) {
	if req == nil || req.Denom == "" {
		return nil, status.Error(codes.InvalidArgument, "denom is required")
	}
	info, err := q.k.typeInfo(branch(ctx), req.Denom)
	if err != nil {
		return nil, err
	}
	return &types.QueryCollateralTypeResponse{CollateralType: info}, nil
}

// VaultInfo is the vault now: its type accrued, its pending share applied,
// valued at the oracle's collateral price (price_error when unavailable).
func (k Keeper) VaultInfo(ctx sdk.Context, id uint64) (types.VaultInfo, error) {
	_, v, ct, st, err := k.loadVault(ctx, id)
	if err != nil {
		return types.VaultInfo{}, err
	}
	return k.vaultInfo(ctx, v, ct, st)
}

func (k Keeper) vaultInfo(ctx sdk.Context, v types.Vault, ct types.CollateralType, st types.CollateralState) (types.VaultInfo, error) {
	debt, err := vaultDebt(v, st)
	if err != nil {
		return types.VaultInfo{}, err
	}
	info := types.VaultInfo{
		Vault: v, Debt: debt, CollateralValue: sdkmath.ZeroInt(), CollateralRatio: sdkmath.LegacyZeroDec(),
		MaxMintable: sdkmath.ZeroInt(), MinCollateralRatio: ct.MinCollateralRatio,
	}
	if info.LiquidationPrice, err = types.LiquidationPrice(v.Collateral, ct.Decimals, debt, ct.MinCollateralRatio); err != nil {
		return info, err
	}
	price, err := k.price(ctx, ct)
	if err != nil {
		info.PriceError = err.Error()
		return info, nil
	}
	if info.CollateralValue, err = types.CollateralValue(v.Collateral, price, ct.Decimals); err != nil {
		return info, err
	}
	if info.CollateralRatio, err = types.CollateralRatio(v.Collateral, price, ct.Decimals, debt); err != nil {
		return info, err
	}
	info.MaxMintable, err = types.MaxMintable(v.Collateral, price, ct.Decimals, ct.MinCollateralRatio, debt)
	return info, err
}

// Vault returns one vault.
func (q queryServer) Vault(ctx context.Context, req *types.QueryVaultRequest) (*types.QueryVaultResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	info, err := q.k.VaultInfo(branch(ctx), req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryVaultResponse{Vault: info}, nil
}

// VaultsByOwner lists an owner's vaults.
func (q queryServer) VaultsByOwner(ctx context.Context, req *types.QueryVaultsByOwnerRequest) (*types.QueryVaultsByOwnerResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	owner, err := sdk.AccAddressFromBech32(req.Owner)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "owner %q: %s", req.Owner, err)
	}
	c := branch(ctx)
	var ids []uint64
	err = q.k.VaultsByOwner.Walk(c, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](owner), func(key collections.Pair[sdk.AccAddress, uint64]) (bool, error) {
		ids = append(ids, key.K2())
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	out := &types.QueryVaultsByOwnerResponse{Vaults: []types.VaultInfo{}}
	for _, id := range ids {
		info, err := q.k.VaultInfo(c, id)
		if err != nil {
			return nil, err
		}
		out.Vaults = append(out.Vaults, info)
	}
	return out, nil
}

// VaultsAtRisk lists a type's vaults from the lowest collateral ratio.
func (q queryServer) VaultsAtRisk(ctx context.Context, req *types.QueryVaultsAtRiskRequest) (*types.QueryVaultsAtRiskResponse, error) {
	if req == nil || req.Denom == "" {
		return nil, status.Error(codes.InvalidArgument, "denom is required")
	}
	limit := int(req.Limit)
	if limit == 0 {
		limit = 20
	}
	if limit > 100 {
		limit = 100
	}
	c := branch(ctx)
	if _, err := q.k.collateralType(c, req.Denom); err != nil {
		return nil, err
	}
	ids, err := q.k.riskiest(c, req.Denom, limit)
	if err != nil {
		return nil, err
	}
	out := &types.QueryVaultsAtRiskResponse{Vaults: []types.VaultInfo{}}
	for _, id := range ids {
		info, err := q.k.VaultInfo(c, id)
		if err != nil {
			return nil, err
		}
		out.Vaults = append(out.Vaults, info)
	}
	return out, nil
}

// StabilityPool returns the pool and the fee APR it earns now.
func (q queryServer) StabilityPool(ctx context.Context, _ *types.QueryStabilityPoolRequest) (*types.QueryStabilityPoolResponse, error) {
	c := branch(ctx)
	params, err := q.k.Params.Get(c)
	if err != nil {
		return nil, err
	}
	denoms, err := q.k.typeDenoms(c)
	if err != nil {
		return nil, err
	}
	// fees per year ≈ Σ debt × fee (APR), the pool's share of it
	yearly := sdkmath.LegacyZeroDec()
	for _, d := range denoms {
		info, err := q.k.typeInfo(c, d)
		if err != nil {
			return nil, err
		}
		yearly = yearly.Add(info.CollateralType.StabilityFee.MulInt(info.Debt))
	}
	pool, err := q.k.Pool.Get(c)
	if err != nil {
		return nil, err
	}
	apr := sdkmath.LegacyZeroDec()
	if pool.TotalDeposits.IsPositive() {
		apr = yearly.Mul(params.StabilityPoolFeeShare).QuoInt(pool.TotalDeposits)
	}
	return &types.QueryStabilityPoolResponse{Pool: pool, FeeApr: apr}, nil
}

// PoolDeposit returns a depositor's deposit and gains now.
func (q queryServer) PoolDeposit(ctx context.Context, req *types.QueryPoolDepositRequest) (*types.QueryPoolDepositResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	depositor, err := sdk.AccAddressFromBech32(req.Depositor)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "depositor %q: %s", req.Depositor, err)
	}
	c := branch(ctx)
	dep, gains, err := q.k.DepositNow(c, depositor)
	if err != nil {
		return nil, err
	}
	return &types.QueryPoolDepositResponse{Deposit: dep, Gains: gains}, nil
}

// Books returns the surplus, system debt and PSM books.
func (q queryServer) Books(ctx context.Context, _ *types.QueryBooksRequest) (*types.QueryBooksResponse, error) {
	c := branch(ctx)
	denoms, err := q.k.typeDenoms(c)
	if err != nil {
		return nil, err
	}
	for _, d := range denoms {
		if _, _, err := q.k.AccruedType(c, d); err != nil {
			return nil, err
		}
	}
	b, err := q.k.Books.Get(c)
	if err != nil {
		return nil, err
	}
	total, err := q.k.totalDebt(c)
	if err != nil {
		return nil, err
	}
	params, err := q.k.Params.Get(c)
	if err != nil {
		return nil, err
	}
	return &types.QueryBooksResponse{Books: b, TotalDebt: total, PsmDenom: params.PsmDenom, PsmCeiling: params.PsmCeiling}, nil
}

// RedemptionFee returns the redemption fee rate now.
func (q queryServer) RedemptionFee(ctx context.Context, _ *types.QueryRedemptionFeeRequest) (*types.QueryRedemptionFeeResponse, error) {
	base, rate, err := q.k.RedemptionFeeNow(sdk.UnwrapSDKContext(ctx))
	if err != nil {
		return nil, err
	}
	return &types.QueryRedemptionFeeResponse{FeeRate: rate, BaseRate: base}, nil
}
