package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

func (k Keeper) checkAuthority(signer string) error {
	if signer != k.authority {
		return errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", k.authority, signer)
	}
	return nil
}

// SetCollateral lists a staking collateral or updates its parameters (at
// most max_collaterals listed).
func (k Keeper) SetCollateral(ctx context.Context, c types.Collateral) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		has, err := k.Collaterals.Has(ctx, c.Denom)
		if err != nil {
			return err
		}
		if !has {
			params, err := k.Params.Get(ctx)
			if err != nil {
				return err
			}
			n, err := countKeys(ctx, k.Collaterals.Walk)
			if err != nil {
				return err
			}
			if n >= int(params.MaxCollaterals) {
				return errorsmod.Wrapf(types.ErrTooMany, "%d collaterals listed, max %d", n, params.MaxCollaterals)
			}
			if err := k.CollateralStates.Set(ctx, c.Denom, types.NewCollateralState(c.Denom)); err != nil {
				return err
			}
		}
		if err := k.Collaterals.Set(ctx, c.Denom, c); err != nil {
			return err
		}
		return emit(ctx, &types.EventCollateralSet{Collateral: c})
	})
}

// SetSynth lists a synth or updates its parameters (at most max_synths).
func (k Keeper) SetSynth(ctx context.Context, s types.Synth) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		if err := s.Validate(); err != nil {
			return err
		}
		has, err := k.Synths.Has(ctx, s.Symbol)
		if err != nil {
			return err
		}
		if !has {
			params, err := k.Params.Get(ctx)
			if err != nil {
				return err
			}
			n, err := countKeys(ctx, k.Synths.Walk)
			if err != nil {
				return err
			}
			if n >= int(params.MaxSynths) {
				return errorsmod.Wrapf(types.ErrTooMany, "%d synths listed, max %d", n, params.MaxSynths)
			}
			if err := k.SynthStates.Set(ctx, s.Symbol, types.NewSynthState(s.Symbol)); err != nil {
				return err
			}
			if err := k.registerSynthMetadata(ctx, s.Symbol); err != nil {
				return err
			}
		}
		if err := k.Synths.Set(ctx, s.Symbol, s); err != nil {
			return err
		}
		return emit(ctx, &types.EventSynthSet{Synth: s})
	})
}

// ResumeSynth lifts a suspension: the current fresh price becomes the
// reference (governance accepts the move the circuit breaker stopped).
func (k Keeper) ResumeSynth(ctx context.Context, symbol string) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		s, err := k.Synths.Get(ctx, symbol)
		if isNotFound(err) {
			return errorsmod.Wrapf(types.ErrUnknownSynth, "synth/%s is not listed", symbol)
		}
		if err != nil {
			return err
		}
		st, err := k.SynthStates.Get(ctx, symbol)
		if err != nil {
			return err
		}
		if !st.Suspended {
			return errorsmod.Wrapf(types.ErrNotSuspended, "%s", s.Denom())
		}
		price, height, err := k.synthPrice(ctx, s)
		if err != nil {
			return err
		}
		st.Suspended, st.SuspendReason = false, ""
		st.ReferencePrice, st.ReferenceHeight = price, height
		if err := k.SynthStates.Set(ctx, symbol, st); err != nil {
			return err
		}
		return emit(ctx, &types.EventSynthResumed{Symbol: symbol, Price: price, ByGovernance: true})
	})
}

// SetParams replaces the parameters.
func (k Keeper) SetParams(ctx context.Context, p types.Params) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, p); err != nil {
		return err
	}
	return emit(ctx, &types.EventParamsUpdated{Params: p})
}

func countKeys[V any](ctx context.Context, walk func(context.Context, collections.Ranger[string], func(string, V) (bool, error)) error) (int, error) {
	n := 0
	err := walk(ctx, nil, func(string, V) (bool, error) { n++; return false, nil })
	return n, err
}
