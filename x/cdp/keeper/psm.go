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
// psm_ceiling of psm_denom. The quotes below are the only place the rules
// live: the swaps and the simulate query both call them.

// PsmQuote is a PSM swap as the module would make it.
type PsmQuote struct {
	Params types.Params
	Books  types.Books
	In     sdk.Coin
	Out    sdk.Coin
	Fee    sdk.Coin // in uausd
}

func (k Keeper) psmParams(ctx context.Context) (types.Params, types.Books, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return params, types.Books{}, err
	}
	if params.PsmDenom == "" {
		return params, types.Books{}, errorsmod.Wrap(types.ErrPsmDisabled, "psm_denom is not set")
	}
	if params.Paused {
		return params, types.Books{}, errorsmod.Wrap(types.ErrPaused, "the module is paused: PSM swaps are refused")
	}
	b, err := k.Books.Get(ctx)
	if err != nil {
		return params, b, err
	}
	if b.Shutdown {
		return params, b, errorsmod.Wrap(types.ErrShutdown, "PSM swaps are refused after the emergency shutdown: the PSM's reserve joins the settlement's basket (redeem-settlement)")
	}
	return params, b, nil
}

// QuotePsmIn: amount of psm_denom in, as much AUSD minted, paid less
// ⌈amount × psm_fee_in⌉; refused past the ceiling.
func (k Keeper) QuotePsmIn(ctx context.Context, amount sdkmath.Int) (PsmQuote, error) {
	params, b, err := k.psmParams(ctx)
	if err != nil {
		return PsmQuote{}, err
	}
	if after := b.PsmReserve.Add(amount); after.GT(params.PsmCeiling) {
		return PsmQuote{}, errorsmod.Wrapf(types.ErrPsmCeiling, "the PSM holds %s%s; %s more would pass its ceiling of %s (room: %s)",
			b.PsmReserve, params.PsmDenom, amount, params.PsmCeiling, params.PsmCeiling.Sub(sdkmath.MinInt(b.PsmReserve, params.PsmCeiling)))
	}
	f := types.PsmFee(amount, params.PsmFeeIn)
	return PsmQuote{Params: params, Books: b, In: sdk.NewCoin(params.PsmDenom, amount),
		Out: sdk.NewCoin(types.StableDenom, amount.Sub(f)), Fee: sdk.NewCoin(types.StableDenom, f)}, nil
}

// QuotePsmOut: amount uausd in, ⌈amount × psm_fee_out⌉ kept, the rest paid
// in psm_denom from the reserve; refused beyond the reserve.
func (k Keeper) QuotePsmOut(ctx context.Context, amount sdkmath.Int) (PsmQuote, error) {
	params, b, err := k.psmParams(ctx)
	if err != nil {
		return PsmQuote{}, err
	}
	f := types.PsmFee(amount, params.PsmFeeOut)
	o := amount.Sub(f)
	if o.GT(b.PsmReserve) {
		return PsmQuote{}, errorsmod.Wrapf(types.ErrPsmReserve, "the PSM holds %s%s, cannot pay %s", b.PsmReserve, params.PsmDenom, o)
	}
	return PsmQuote{Params: params, Books: b, In: sdk.NewCoin(types.StableDenom, amount),
		Out: sdk.NewCoin(params.PsmDenom, o), Fee: sdk.NewCoin(types.StableDenom, f)}, nil
}

// PsmSwapIn takes amount of psm_denom, mints as much AUSD and pays it less
// the fee.
func (k Keeper) PsmSwapIn(ctx context.Context, sender sdk.AccAddress, amount sdkmath.Int) (sdk.Coin, sdk.Coin, error) {
	var out, fee sdk.Coin
	err := atomic(ctx, func(ctx sdk.Context) error {
		q, err := k.QuotePsmIn(ctx, amount)
		if err != nil {
			return err
		}
		if err := k.take(ctx, sender, q.In.Denom, amount); err != nil {
			return err
		}
		if err := k.mintStable(ctx, amount); err != nil {
			return err
		}
		if err := k.pay(ctx, sender, types.StableDenom, q.Out.Amount); err != nil {
			return err
		}
		b := q.Books
		b.PsmReserve = b.PsmReserve.Add(amount)
		b.Surplus = b.Surplus.Add(q.Fee.Amount)
		if err := k.Books.Set(ctx, b); err != nil {
			return err
		}
		out, fee = q.Out, q.Fee
		return ctx.EventManager().EmitTypedEvent(&types.EventPsmSwap{Sender: sender.String(), In: q.In, Out: out, Fee: fee})
	})
	return out, fee, err
}

// PsmSwapOut takes amount uausd, keeps the fee as surplus, burns the rest
// and pays as much psm_denom.
func (k Keeper) PsmSwapOut(ctx context.Context, sender sdk.AccAddress, amount sdkmath.Int) (sdk.Coin, sdk.Coin, error) {
	var out, fee sdk.Coin
	err := atomic(ctx, func(ctx sdk.Context) error {
		q, err := k.QuotePsmOut(ctx, amount)
		if err != nil {
			return err
		}
		if err := k.take(ctx, sender, types.StableDenom, amount); err != nil {
			return err
		}
		if err := k.burnStable(ctx, q.Out.Amount); err != nil {
			return err
		}
		if err := k.pay(ctx, sender, q.Out.Denom, q.Out.Amount); err != nil {
			return err
		}
		b := q.Books
		b.PsmReserve = b.PsmReserve.Sub(q.Out.Amount)
		b.Surplus = b.Surplus.Add(q.Fee.Amount)
		if err := k.Books.Set(ctx, b); err != nil {
			return err
		}
		out, fee = q.Out, q.Fee
		return ctx.EventManager().EmitTypedEvent(&types.EventPsmSwap{Sender: sender.String(), In: q.In, Out: out, Fee: fee})
	})
	return out, fee, err
}
