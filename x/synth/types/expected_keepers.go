package types

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

// BankKeeper is what x/synth needs of x/bank: moving coins to and from its
// module account, minting and burning synths, supplies.
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

// OracleKeeper is what x/synth needs of x/oracle. Price is a pair's current
// price with the height that published it (it fails when the price is
// missing, and fails with the price filled in when it is stale);
// CollateralPrice is the guarded (lowest) price collateral is valued at.
type OracleKeeper interface {
	Price(ctx context.Context, pair string) (oracletypes.CurrentPrice, error)
	CollateralPrice(ctx context.Context, pair string) (sdkmath.LegacyDec, error)
}
