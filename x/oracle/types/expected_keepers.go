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

// DexKeeper is what the oracle's guard needs from x/dex, always about one
// governed pool (Pair.dex_guard_pool_id), never "the deepest pool":
//
//   - TWAP: the arithmetic and geometric time-weighted average price of one
//     base unit in quote units in pool poolID over [start, end]; an error
//     when the pool's records do not cover start;
//   - CheckPoolActive: nil, or ErrPoolNotFound / ErrPaused (pool or the
//     whole exchange paused);
//   - TwapWindow: how long x/dex keeps TWAP records (its governed
//     twap_window); the oracle's twap_lookback_seconds may not exceed it.
type DexKeeper interface {
	TWAP(ctx context.Context, poolID uint64, base, quote string, start, end time.Time) (arithmetic, geometric sdkmath.LegacyDec, err error)
	CheckPoolActive(ctx context.Context, poolID uint64) error
	TwapWindow(ctx context.Context) (time.Duration, error)
}
