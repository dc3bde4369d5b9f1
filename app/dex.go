package app

import (
	"context"
	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	evmtypes "github.com/cosmos/evm/x/vm/types"
	"time"

	storetypes "cosmossdk.io/store/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// transientStoreKeys lists every module's transient store (state that
// lives for one block).
func transientStoreKeys() map[string]*storetypes.TransientStoreKey {
	return storetypes.NewTransientStoreKeys(dextypes.TransientStoreKey, evmtypes.TransientKey, feemarkettypes.TransientKey)
}

// dexTwapConsumer tells the dex how far back the oracle's TWAP guard reads
// (the oracle keeper's MaxTwapLookback), so a params update cannot shrink
// the dex's TWAP window below it. It holds the app, not the oracle keeper:
// the oracle keeper is built after the dex keeper.
type dexTwapConsumer struct{ app *AgoraApp }

var _ dextypes.TwapConsumer = dexTwapConsumer{}

func (c dexTwapConsumer) MaxTwapLookback(ctx context.Context) (time.Duration, error) {
	return c.app.OracleKeeper.MaxTwapLookback(ctx)
}
