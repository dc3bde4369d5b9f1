package types

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// BankKeeper is what x/cdp needs of x/bank: moving coins to and from its
// module account, minting and burning AUSD.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error
	MintCoins(ctx context.Context, module string, amt sdk.Coins) error
	BurnCoins(ctx context.Context, module string, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
	GetSupply(ctx context.Context, denom string) sdk.Coin
}

// OracleKeeper is what x/cdp needs of x/oracle: the guarded price of one
// whole unit of a pair's asset; it fails when the price is missing or stale
// or the pair's guard cannot be computed.
type OracleKeeper interface {
	CollateralPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error)
	// DebtPrice is the highest of the same inputs (the books value AGR
	// they sell at it).
	DebtPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error)
}

// DexKeeper is what x/cdp needs of x/dex: selling liquidated collateral for
// AUSD with the cdp module account as sender and recipient. SwapExactIn
// fails (and moves nothing) when the route pays less than minOut.
type DexKeeper interface {
	BestRoute(ctx context.Context, tokenIn sdk.Coin, denomOut string) (dextypes.RouteResult, []dextypes.Hop, error)
	SwapExactIn(ctx context.Context, sender sdk.AccAddress, route []dextypes.Hop, tokenIn sdk.Coin, minOut sdkmath.Int) (dextypes.RouteResult, error)
}
