package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

// tradable loads a synth by denom and checks that it can be exchanged now:
// listed, not paused, not suspended, and (except synth/USD) with a fresh
// price. Returns the synth, its state and its price now.
func (k Keeper) tradable(ctx context.Context, denom string) (types.Synth, types.SynthState, sdkmath.LegacyDec, error) {
	sym, ok := types.SymbolOf(denom)
	if !ok {
		return types.Synth{}, types.SynthState{}, sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrUnknownSynth, "%q", denom)
	}
	s, err := k.Synths.Get(ctx, sym)
	if isNotFound(err) {
		return s, types.SynthState{}, sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrUnknownSynth, "%s is not listed", denom)
	}
	if err != nil {
		return s, types.SynthState{}, sdkmath.LegacyDec{}, err
	}
	st, err := k.SynthStates.Get(ctx, sym)
	if err != nil {
		return s, st, sdkmath.LegacyDec{}, err
	}
	if s.Paused {
		return s, st, sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrPaused, "%s is paused", denom)
	}
	if st.Suspended {
		return s, st, sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrSuspended, "%s is suspended (%s)", denom, st.SuspendReason)
	}
	price, _, err := k.synthPrice(ctx, s)
	if err != nil {
		return s, st, sdkmath.LegacyDec{}, errorsmod.Wrapf(types.ErrSuspended, "%s cannot be exchanged: %v", denom, err)
	}
	return s, st, price, nil
}

// Exchange escrows amount (a synth) from owner and records a pending
// exchange into toDenom; it settles in a later block at the first oracle
// prices published after this block (settle.go). Refused: paused module or
// synths, suspended or stale synths, an estimated output (at today's
// prices, before fees) above the target's supply cap. Returns the id.
func (k Keeper) Exchange(ctx context.Context, owner sdk.AccAddress, amount sdk.Coin, toDenom string, minOut sdkmath.Int) (uint64, error) {
	var id uint64
	err := atomic(ctx, func(ctx sdk.Context) error {
		if err := k.checkNotPaused(ctx, nil); err != nil {
			return err
		}
		if amount.Denom == toDenom {
			return errorsmod.Wrapf(types.ErrSameSynth, "%s to %s", amount.Denom, toDenom)
		}
		_, _, fromPrice, err := k.tradable(ctx, amount.Denom)
		if err != nil {
			return err
		}
		to, _, toPrice, err := k.tradable(ctx, toDenom)
		if err != nil {
			return err
		}
		est, err := types.ExchangeOut(amount.Amount, fromPrice, toPrice, sdkmath.LegacyZeroDec())
		if err != nil {
			return err
		}
		if supply := k.bank.GetSupply(ctx, toDenom).Amount.Add(est.Out); supply.GT(to.SupplyCap) {
			return errorsmod.Wrapf(types.ErrSupplyCap, "%s supply would be about %s, cap %s", toDenom, supply, to.SupplyCap)
		}
		if err := k.take(ctx, owner, amount.Denom, amount.Amount); err != nil {
			return err
		}
		ex := types.Exchange{
			Owner: owner.String(), FromDenom: amount.Denom, Amount: amount.Amount, ToDenom: toDenom, MinOut: minOut,
			Height: ctx.BlockHeight(), Status: types.ExchangeStatus_EXCHANGE_STATUS_PENDING,
			Out: sdkmath.ZeroInt(), Fee: sdkmath.ZeroInt(), FromPrice: sdkmath.LegacyZeroDec(), ToPrice: sdkmath.LegacyZeroDec(),
		}
		var err2 error
		if id, err2 = k.addPending(ctx, owner, ex); err2 != nil {
			return err2
		}
		return emit(ctx, &types.EventExchangeSubmitted{
			Id: id, Owner: ex.Owner, FromDenom: ex.FromDenom, Amount: ex.Amount, ToDenom: toDenom, MinOut: minOut, Height: ex.Height,
		})
	})
	return id, err
}

// addPending records ex as pending under a new id.
func (k Keeper) addPending(ctx context.Context, owner sdk.AccAddress, ex types.Exchange) (uint64, error) {
	id, err := k.NextExchangeID.Next(ctx)
	if err != nil {
		return 0, err
	}
	ex.Id = id
	if err := k.Exchanges.Set(ctx, id, ex); err != nil {
		return 0, err
	}
	if err := k.Pending.Set(ctx, id); err != nil {
		return 0, err
	}
	return id, k.ExchangesByOwner.Set(ctx, collections.Join(owner, id))
}
