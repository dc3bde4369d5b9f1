package types

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// BankKeeper is what x/lend needs of x/bank: moving coins between accounts
// and its module account, minting and burning receipts.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error
	MintCoins(ctx context.Context, module string, amt sdk.Coins) error
	BurnCoins(ctx context.Context, module string, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
	GetSupply(ctx context.Context, denom string) sdk.Coin
	// The bank metadata of the module's own denoms, registered when they
	// are listed (the app's bank keeper also makes such a denom an ERC-20).
	GetDenomMetaData(ctx context.Context, denom string) (banktypes.Metadata, bool)
	SetDenomMetaData(ctx context.Context, denomMetaData banktypes.Metadata)
}

// OracleKeeper is what x/lend needs of x/oracle: the guarded prices of one
// base unit of a pair's asset. Both fail when the price is missing or stale
// or the pair's guard cannot be computed.
type OracleKeeper interface {
	CollateralPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error)
	DebtPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error)
	// Pair is a listed pair's configuration: MsgSetMarket checks that the
	// market's denom and decimals agree with it.
	Pair(ctx context.Context, name string) (oracletypes.Pair, bool, error)
}

// DexKeeper is what x/lend needs of x/dex: selling seized collateral in a
// protocol liquidation, with the lend module account as sender and
// recipient. SwapExactIn fails (and moves nothing) when the route pays less
// than minOut.
type DexKeeper interface {
	BestRoute(ctx context.Context, tokenIn sdk.Coin, denomOut string) (dextypes.RouteResult, []dextypes.Hop, error)
	SwapExactIn(ctx context.Context, sender sdk.AccAddress, route []dextypes.Hop, tokenIn sdk.Coin, minOut sdkmath.Int) (dextypes.RouteResult, error)
}
