package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/timelock/types"
)

// Cancel removes a queued operation. The signer must be the gov authority
// or a guardian (an account holding a circuit-breaker permission).
func (k Keeper) Cancel(ctx context.Context, signer string, id uint64) error {
	ok, err := k.mayCancel(ctx, signer)
	if err != nil {
		return err
	}
	if !ok {
		return errorsmod.Wrapf(types.ErrUnauthorized, "%s is neither governance nor a guardian; it cannot cancel operations", signer)
	}
	op, err := k.GetOperation(ctx, id)
	if err != nil {
		return err
	}
	if err := k.removeOperation(ctx, op); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventOperationCancelled{Id: id, Signer: signer})
}

func (k Keeper) mayCancel(ctx context.Context, signer string) (bool, error) {
	if signer == k.authority {
		return true, nil
	}
	if k.guardians == nil {
		return false, nil
	}
	addr, err := sdk.AccAddressFromBech32(signer)
	if err != nil {
		return false, errorsmod.Wrapf(types.ErrInvalidAddress, "signer %q: %s", signer, err)
	}
	return k.guardians.IsGuardian(ctx, addr)
}
