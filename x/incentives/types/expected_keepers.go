package types

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// AccountKeeper creates the module account (before distribution's send of
// the emissions, which would otherwise create a plain account there).
type AccountKeeper interface {
	GetModuleAccount(ctx context.Context, moduleName string) sdk.ModuleAccountI
}

// BankKeeper moves shares, gauge coins and rewards.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
}

// DexKeeper gives the pools (their reserves and total shares).
type DexKeeper interface {
	GetPool(ctx context.Context, id uint64) (dextypes.Pool, error)
}

// DistributionKeeper pays the emissions out of the community pool.
type DistributionKeeper interface {
	DistributeFromFeePool(ctx context.Context, amount sdk.Coins, receiveAddr sdk.AccAddress) error
}

// PriceSource values one base unit of a denom in USD (the oracle, through
// its pairs' denoms and decimals); it fails when the price is missing or stale.
type PriceSource interface {
	UnitPriceUSD(ctx context.Context, denom string) (sdkmath.LegacyDec, error)
}

// BlocksPerYearSource is x/mint's blocks_per_year (for the emissions' yearly rate).
type BlocksPerYearSource interface {
	BlocksPerYear(ctx context.Context) (uint64, error)
}
