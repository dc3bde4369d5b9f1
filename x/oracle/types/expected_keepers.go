package types

import (
	"context"
	"time"

	sdkmath "cosmossdk.io/math"
	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// StakingKeeper is what the oracle needs from x/staking: consensus public
// keys to check vote-extension signatures (baseapp.ValidatorStore), the
// validator behind a consensus address, and slashing and jailing for
// persistent misses.
type StakingKeeper interface {
	GetPubKeyByConsAddr(ctx context.Context, consAddr sdk.ConsAddress) (cmtprotocrypto.PublicKey, error)
	GetValidatorByConsAddr(ctx context.Context, consAddr sdk.ConsAddress) (stakingtypes.Validator, error)
	PowerReduction(ctx context.Context) sdkmath.Int
	Slash(ctx context.Context, consAddr sdk.ConsAddress, infractionHeight, power int64, slashFactor sdkmath.LegacyDec) (sdkmath.Int, error)
	Jail(ctx context.Context, consAddr sdk.ConsAddress) error
}

// DexTWAPKeeper is the exchange module's time-weighted average price: the
// price of one base-denom unit in quote-denom units between start and end.
// It is optional; without it CollateralPrice and DebtPrice use the current
// and historic median prices only.
type DexTWAPKeeper interface {
	TWAPByDenoms(ctx context.Context, base, quote string, start, end time.Time) (sdkmath.LegacyDec, error)
}
