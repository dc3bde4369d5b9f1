package types

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
)

// BankKeeper moves the owners' margin, the holdings and the insurance funds.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
}

// LendKeeper is what x/margin needs of x/lend: markets (config, accrued
// state), its managed accounts (keeper/managed.go there) and repayment.
type LendKeeper interface {
	GetMarket(ctx context.Context, denom string) (lendtypes.Market, error)
	AccruedMarket(ctx context.Context, denom string) (lendtypes.Market, lendtypes.MarketState, error)
	RegisterManaged(ctx context.Context, addr sdk.AccAddress, manager string) error
	UnregisterManaged(ctx context.Context, addr sdk.AccAddress, manager string) error
	ManagerOf(ctx context.Context, addr sdk.AccAddress) (string, error)
	ManagedBorrow(ctx context.Context, manager string, borrower sdk.AccAddress, amount sdk.Coin) error
	ManagedSettle(ctx context.Context, manager string, borrower, payer sdk.AccAddress, pay sdk.Coin) error
	Repay(ctx context.Context, sender, borrower sdk.AccAddress, amount sdk.Coin, all bool) (sdk.Coin, error)
	Debt(ctx context.Context, addr sdk.AccAddress, denom string) (sdkmath.Int, error)
	ScaledDebtOf(ctx context.Context, addr sdk.AccAddress, denom string) (sdkmath.Int, error)
}

// OracleKeeper gives the guarded price of one whole unit of a pair's asset;
// both fail when the price is missing, stale or unguarded.
type OracleKeeper interface {
	CollateralPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error)
	DebtPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error)
}

// DexKeeper is the dex's keeper-level swap and its simulations.
type DexKeeper interface {
	BestRoute(ctx context.Context, tokenIn sdk.Coin, denomOut string) (dextypes.RouteResult, []dextypes.Hop, error)
	SwapExactIn(ctx context.Context, sender sdk.AccAddress, route []dextypes.Hop, tokenIn sdk.Coin, minOut sdkmath.Int) (dextypes.RouteResult, error)
	SwapExactOut(ctx context.Context, sender sdk.AccAddress, route []dextypes.Hop, denomIn string, tokenOut sdk.Coin, maxIn sdkmath.Int) (dextypes.RouteResult, error)
	SimulateSwapExactIn(ctx context.Context, route []dextypes.Hop, tokenIn sdk.Coin) (dextypes.RouteResult, error)
	SimulateSwapExactOut(ctx context.Context, route []dextypes.Hop, denomIn string, tokenOut sdk.Coin) (dextypes.RouteResult, error)
}
