package keeper

import (
	"context"
	"time"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// Governance messages: the signer must be the gov module account.

const (
	// MinRampDuration is the shortest amplification ramp (as Curve).
	MinRampDuration = 24 * time.Hour
	// MaxAmpChangeFactor bounds a ramp: the future A is within a factor 10
	// of the current A (as Curve's MAX_A_CHANGE).
	MaxAmpChangeFactor = 10
	// MaxRampingPools bounds the pools ramping at once: EndBlock records
	// each of them every block.
	MaxRampingPools = 32
)

func (k Keeper) checkAuthority(signer string) error {
	if signer != k.authority {
		return errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s; submit this message in a governance proposal", k.authority, signer)
	}
	return nil
}

// UpdateParams replaces the parameters.
func (m msgServer) UpdateParams(goCtx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := m.checkTwapWindow(ctx, msg.Params.TwapWindow()); err != nil {
		return nil, err
	}
	if err := m.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventParamsUpdated{Params: msg.Params}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}

// SetPoolPaused pauses or resumes one pool.
func (m msgServer) SetPoolPaused(goCtx context.Context, msg *types.MsgSetPoolPaused) (*types.MsgSetPoolPausedResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	p, err := m.GetPool(ctx, msg.PoolId)
	if err != nil {
		return nil, err
	}
	p.Paused = msg.Paused
	if err := m.Pools.Set(ctx, p.Id, p); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventPoolPaused{PoolId: p.Id, Paused: msg.Paused}); err != nil {
		return nil, err
	}
	return &types.MsgSetPoolPausedResponse{}, nil
}

// RampAmplification starts a linear ramp of a stableswap pool's A from its
// current value to future_amplification at end_time.
func (m msgServer) RampAmplification(goCtx context.Context, msg *types.MsgRampAmplification) (*types.MsgRampAmplificationResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	params, err := m.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	p, err := m.GetPool(ctx, msg.PoolId)
	if err != nil {
		return nil, err
	}
	if p.Type != types.POOL_TYPE_STABLESWAP {
		return nil, errorsmod.Wrapf(types.ErrInvalidPoolType, "pool %d is not a stableswap pool", p.Id)
	}
	now := ctx.BlockTime()
	current := p.AmplificationAt(now)
	future := msg.FutureAmplification
	if future < params.MinAmplification || future > params.MaxAmplification {
		return nil, errorsmod.Wrapf(types.ErrInvalidAmplification, "future amplification %d is outside [%d, %d]",
			future, params.MinAmplification, params.MaxAmplification)
	}
	if future > current*MaxAmpChangeFactor || current > future*MaxAmpChangeFactor {
		return nil, errorsmod.Wrapf(types.ErrInvalidAmplification, "a ramp changes A by at most a factor %d: %d -> %d",
			MaxAmpChangeFactor, current, future)
	}
	if msg.EndTime.Before(now.Add(MinRampDuration)) {
		return nil, errorsmod.Wrapf(types.ErrInvalidTime, "a ramp lasts at least %s: end_time %s is before %s",
			MinRampDuration, msg.EndTime.UTC(), now.Add(MinRampDuration).UTC())
	}
	if err := m.checkRampCapacity(ctx, p.Id); err != nil {
		return nil, err
	}
	p.Amplification = &types.Amplification{Initial: current, Future: future, StartTime: now, EndTime: msg.EndTime}
	if err := m.Pools.Set(ctx, p.Id, p); err != nil {
		return nil, err
	}
	if err := m.RampingPools.Set(ctx, p.Id); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventAmplificationRamp{PoolId: p.Id, Amplification: *p.Amplification}); err != nil {
		return nil, err
	}
	return &types.MsgRampAmplificationResponse{}, nil
}

// checkTwapWindow refuses a TWAP window shorter than the longest lookback
// a consumer (the oracle's guard) reads: its records would be pruned.
func (k Keeper) checkTwapWindow(ctx context.Context, window time.Duration) error {
	if k.twapConsumer == nil {
		return nil
	}
	lookback, err := k.twapConsumer.MaxTwapLookback(ctx)
	if err != nil {
		return err
	}
	if window < lookback {
		return errorsmod.Wrapf(types.ErrInvalidParams, "twap_window_seconds (%s) is shorter than the oracle's TWAP lookback %s; shorten the lookback first", window, lookback)
	}
	return nil
}

// checkRampCapacity refuses a ramp beyond MaxRampingPools pools ramping at
// once (re-ramping a pool already ramping is always allowed).
func (k Keeper) checkRampCapacity(ctx context.Context, poolID uint64) error {
	if has, err := k.RampingPools.Has(ctx, poolID); err != nil || has {
		return err
	}
	n := 0
	if err := k.RampingPools.Walk(ctx, nil, func(uint64) (bool, error) {
		n++
		return n >= MaxRampingPools, nil
	}); err != nil {
		return err
	}
	if n >= MaxRampingPools {
		return errorsmod.Wrapf(types.ErrInvalidAmplification, "%d pools are already ramping, the most at once; wait for a ramp to end", n)
	}
	return nil
}
