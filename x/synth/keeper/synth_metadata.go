package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/agora-labs/agora/x/synth/types"
)

// registerSynthMetadata gives synth/{symbol} its bank metadata
// (types.SynthMetadata) unless it has some: wallets then show whole synths,
// and the app's bank keeper makes the synth an ERC-20 in the same
// transaction. Called when a synth is listed and at genesis (an imported
// chain's synths already carry their metadata and are left as they are).
func (k Keeper) registerSynthMetadata(ctx context.Context, symbol string) error {
	md := types.SynthMetadata(symbol)
	if _, ok := k.bank.GetDenomMetaData(ctx, md.Base); ok {
		return nil
	}
	if err := md.Validate(); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidSynth, "metadata of %s: %v", md.Base, err)
	}
	k.bank.SetDenomMetaData(ctx, md)
	return nil
}
