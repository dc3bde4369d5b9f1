package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// The peg stability module (Sky's LitePSM): psm_denom ↔ uausd 1:1 less a
// governed fee (⌈amount × fee⌉, to the surplus), holding at most
// psm_ceiling of psm_denom.

func (k Keeper) psmParams(ctx context.Context) (types.Params, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return params, err
	}
	if params.PsmDenom == "" {
		return params, errorsmod.Wrap(types.ErrPsmDisabled, "psm_denom is not set")
	}
	if params.Paused {
		return params, errorsmod.Wrap(types.ErrPaused, "the module is paused: PSM swaps are refused")
	}
	return params, nil
}

// PsmSwapIn takes amount of psm_denom, mints as much AUSD and pays it less
// the fee.
func (k Keeper) PsmSwapIn(ctx context.Context, sender sdk.AccAddress, amount sdkmath.Int) (sdk.Coin, sdk.Coin, error) {
	var out, fee sdk.Coin
	err := atomic(ctx, func(ctx sdk.Context) error {
		params, err := k.psmParams(ctx)
		if err != nil {
			return err
		}
		if err := k.refuseIfShutdown(ctx, "minting AUSD in the PSM"); err != nil {
			return err
		}
		b, err := k.Books.Get(ctx)
		if err != nil {
			return err
		}
		if after := b.PsmReserve.Add(amount); after.GT(params.PsmCeiling) {
			return errorsmod.Wrapf(types.ErrPsmCeiling, "the PSM holds %s%s; %s more would pass its ceiling of %s (room: %s)",
				b.PsmReserve, params.PsmDenom, amount, params.PsmCeiling, params.PsmCeiling.Sub(sdkmath.MinInt(b.PsmReserve, params.PsmCeiling)))
		}
		f := types.PsmFee(amount, params.PsmFeeIn)
		if err := k.take(ctx, sender, params.PsmDenom, amount); err != nil {
			return err
		}
		if err := k.mintStable(ctx, amount); err != nil {
			return err
		}
		if err := k.pay(ctx, sender, types.StableDenom, amount.Sub(f)); err != nil {
			return err
		}
		b.PsmReserve = b.PsmReserve.Add(amount)
		b.Surplus = b.Surplus.Add(f)
		if err := k.Books.Set(ctx, b); err != nil {
			return err
		}
		out, fee = sdk.NewCoin(types.StableDenom, amount.Sub(f)), sdk.NewCoin(types.StableDenom, f)
		return ctx.EventManager().EmitTypedEvent(&types.EventPsmSwap{Sender: sender.String(), In: sdk.NewCoin(params.PsmDenom, amount), Out: out, Fee: fee})
	})
	return out, fee, err
}

// PsmSwapOut takes amount uausd, keeps the fee as surplus, burns the rest
// and pays as much psm_denom.
func (k Keeper) PsmSwapOut(ctx context.Context, sender sdk.AccAddress, amount sdkmath.Int) (sdk.Coin, sdk.Coin, error) {
	var out, fee sdk.Coin
	err := atomic(ctx, func(ctx sdk.Context) error {
		params, err := k.psmParams(ctx)
		if err != nil {
			return err
		}
		b, err := k.Books.Get(ctx)
		if err != nil {
			return err
		}
		f := types.PsmFee(amount, params.PsmFeeOut)
		o := amount.Sub(f)
		if o.GT(b.PsmReserve) {
			return errorsmod.Wrapf(types.ErrPsmReserve, "the PSM holds %s%s, cannot pay %s", b.PsmReserve, params.PsmDenom, o)
		}
		if err := k.take(ctx, sender, types.StableDenom, amount); err != nil {
			return err
		}
		if err := k.burnStable(ctx, o); err != nil {
			return err
		}
		if err := k.pay(ctx, sender, params.PsmDenom, o); err != nil {
			return err
		}
		b.PsmReserve = b.PsmReserve.Sub(o)
		b.Surplus = b.Surplus.Add(f)
		if err := k.Books.Set(ctx, b); err != nil {
			return err
		}
		out, fee = sdk.NewCoin(params.PsmDenom, o), sdk.NewCoin(types.StableDenom, f)
		return ctx.EventManager().EmitTypedEvent(&types.EventPsmSwap{Sender: sender.String(), In: sdk.NewCoin(types.StableDenom, amount), Out: out, Fee: fee})
	})
	return out, fee, err
}
