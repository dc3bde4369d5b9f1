package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }

// GetPair returns a listed pair (ErrPairNotFound).
func (k Keeper) GetPair(ctx context.Context, id string) (types.MarginPair, error) {
	p, err := k.Pairs.Get(ctx, id)
	if isNotFound(err) {
		return types.MarginPair{}, errorsmod.Wrapf(types.ErrPairNotFound, "no margin pair %s", id)
	}
	return p, err
}

// GetPosition returns a position (ErrPositionNotFound).
func (k Keeper) GetPosition(ctx context.Context, id uint64) (types.Position, error) {
	p, err := k.Positions.Get(ctx, id)
	if isNotFound(err) {
		return types.Position{}, errorsmod.Wrapf(types.ErrPositionNotFound, "no position %d", id)
	}
	return p, err
}

// ownedPosition returns the position if owner owns it (ErrNotOwner).
func (k Keeper) ownedPosition(ctx context.Context, owner string, id uint64) (types.Position, error) {
	p, err := k.GetPosition(ctx, id)
	if err != nil {
		return p, err
	}
	if p.Owner != owner {
		return types.Position{}, errorsmod.Wrapf(types.ErrNotOwner, "position %d belongs to %s, not %s", id, p.Owner, owner)
	}
	return p, nil
}

// savePosition writes a position and moves its index entries (the old
// entries are derived from the stored position, so every write must come
// through here or deletePosition).
func (k Keeper) savePosition(ctx context.Context, p types.Position) error {
	old, err := k.Positions.Get(ctx, p.Id)
	switch {
	case err == nil:
		if err := k.unindex(ctx, old); err != nil {
			return err
		}
	case !isNotFound(err):
		return err
	}
	if err := k.Positions.Set(ctx, p.Id, p); err != nil {
		return err
	}
	owner, err := sdk.AccAddressFromBech32(p.Owner)
	if err != nil {
		return err
	}
	if err := k.ByOwner.Set(ctx, collections.Join(owner, p.Id)); err != nil {
		return err
	}
	return k.index(ctx, p)
}

// deletePosition removes a position, its index entries and its size from
// the open interest.
func (k Keeper) deletePosition(ctx context.Context, p types.Position) error {
	old, err := k.GetPosition(ctx, p.Id)
	if err != nil {
		return err
	}
	if err := k.unindex(ctx, old); err != nil {
		return err
	}
	if err := k.addOpenInterest(ctx, old.Pair, old.Side, old.BaseSize.Neg()); err != nil {
		return err
	}
	owner, err := sdk.AccAddressFromBech32(old.Owner)
	if err != nil {
		return err
	}
	if err := k.ByOwner.Remove(ctx, collections.Join(owner, old.Id)); err != nil {
		return err
	}
	if err := k.clearDeferral(ctx, old.Id); err != nil {
		return err
	}
	return k.Positions.Remove(ctx, old.Id)
}

// GetOpenInterest is a pair's open interest (zero when none).
func (k Keeper) GetOpenInterest(ctx context.Context, pair string) (types.OpenInterest, error) {
	oi, err := k.OpenInterest.Get(ctx, pair)
	if isNotFound(err) {
		return types.OpenInterest{Pair: pair, Long: sdkmath.ZeroInt(), Short: sdkmath.ZeroInt()}, nil
	}
	return oi, err
}

func (k Keeper) addOpenInterest(ctx context.Context, pair string, side types.Side, delta sdkmath.Int) error {
	oi, err := k.GetOpenInterest(ctx, pair)
	if err != nil {
		return err
	}
	if side == types.SIDE_LONG {
		oi.Long = oi.Long.Add(delta)
	} else {
		oi.Short = oi.Short.Add(delta)
	}
	if oi.Long.IsNegative() || oi.Short.IsNegative() {
		return errorsmod.Wrapf(types.ErrMath, "open interest of %s would be negative", pair)
	}
	return k.OpenInterest.Set(ctx, pair, oi)
}

// InsuranceFund is a pair's fund (quote units; zero when none).
func (k Keeper) InsuranceFund(ctx context.Context, pair string) (sdkmath.Int, error) {
	v, err := k.Insurance.Get(ctx, pair)
	if isNotFound(err) {
		return sdkmath.ZeroInt(), nil
	}
	return v, err
}

func (k Keeper) addInsurance(ctx context.Context, pair string, delta sdkmath.Int) error {
	v, err := k.InsuranceFund(ctx, pair)
	if err != nil {
		return err
	}
	v = v.Add(delta)
	if v.IsNegative() {
		return errorsmod.Wrapf(types.ErrMath, "insurance fund of %s would be negative", pair)
	}
	return k.Insurance.Set(ctx, pair, v)
}

// FundInsurance adds amount (the pair's quote) from sender to pair's fund.
func (k Keeper) FundInsurance(ctx context.Context, sender sdk.AccAddress, pairID string, amount sdk.Coin) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		pair, err := k.GetPair(ctx, pairID)
		if err != nil {
			return err
		}
		if amount.Denom != pair.QuoteDenom {
			return errorsmod.Wrapf(types.ErrWrongDenom, "the %s insurance fund is in %s, not %s", pairID, pair.QuoteDenom, amount.Denom)
		}
		if err := k.bank.SendCoinsFromAccountToModule(ctx, sender, types.ModuleName, sdk.NewCoins(amount)); err != nil {
			return err
		}
		if err := k.addInsurance(ctx, pairID, amount.Amount); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventInsuranceFunded{Pair: pairID, Sender: sender.String(), Amount: amount})
	})
}
