package types

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// BankKeeper is what x/dex needs of x/bank: moving coins between users and
// the dex module account, minting and burning LP shares, and their
// metadata.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, sender sdk.AccAddress, recipientModule string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipient sdk.AccAddress, amt sdk.Coins) error
	// SendCoins pays swap and exit outputs from the dex module account to
	// any address, module accounts included (SendCoinsFromModuleToAccount
	// refuses blocked addresses, and other modules sell through the dex).
	SendCoins(ctx context.Context, fromAddr, toAddr sdk.AccAddress, amt sdk.Coins) error
	MintCoins(ctx context.Context, moduleName string, amt sdk.Coins) error
	BurnCoins(ctx context.Context, moduleName string, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
	GetSupply(ctx context.Context, denom string) sdk.Coin
	GetDenomMetaData(ctx context.Context, denom string) (banktypes.Metadata, bool)
	SetDenomMetaData(ctx context.Context, denomMetaData banktypes.Metadata)
}

// DistributionKeeper receives the pool creation fee and the protocol's
// share of swap fees into the community pool.
type DistributionKeeper interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// TwapConsumer is a module that reads the dex's TWAPs over a lookback (the
// oracle's guard). The dex refuses a twap_window shorter than the longest
// lookback a consumer uses: records older than the window are pruned.
type TwapConsumer interface {
	MaxTwapLookback(ctx context.Context) (time.Duration, error)
}
