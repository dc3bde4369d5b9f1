package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

// book is what an operation on one position loads: the collateral, its
// state, the pool and the position with its stored risk key.
type book struct {
	coll   types.Collateral
	cs     types.CollateralState
	pool   types.PoolState
	pos    types.Position
	owner  sdk.AccAddress
	exists bool
	oldKey []byte // risk key in the index (nil when not indexed)
}

func (k Keeper) loadCollateral(ctx context.Context, denom string) (types.Collateral, types.CollateralState, error) {
	c, err := k.Collaterals.Get(ctx, denom)
	if isNotFound(err) {
		return c, types.CollateralState{}, errorsmod.Wrapf(types.ErrUnknownCollateral, "%q", denom)
	}
	if err != nil {
		return c, types.CollateralState{}, err
	}
	cs, err := k.CollateralStates.Get(ctx, denom)
	return c, cs, err
}

// loadBook loads owner's position in denom (a new empty one when absent)
// and applies its pending fees and redistribution (touch).
func (k Keeper) loadBook(ctx context.Context, owner sdk.AccAddress, denom string) (*book, error) {
	c, cs, err := k.loadCollateral(ctx, denom)
	if err != nil {
		return nil, err
	}
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return nil, err
	}
	b := &book{coll: c, cs: cs, pool: pool, owner: owner}
	pos, err := k.Positions.Get(ctx, collections.Join(owner, denom))
	switch {
	case isNotFound(err):
		b.pos = types.Position{
			Owner: owner.String(), Denom: denom, Collateral: sdkmath.ZeroInt(), Shares: sdkmath.ZeroInt(),
			Stake: sdkmath.ZeroInt(), LCollSnapshot: cs.LColl, LSharesSnapshot: cs.LShares,
			FeeSnapshot: pool.FeePerShare, UnclaimedFees: sdkmath.ZeroInt(),
		}
	case err != nil:
		return nil, err
	default:
		b.pos, b.exists = pos, true
		if pos.Shares.IsPositive() {
			b.oldKey = types.RiskKey(pos.Collateral, pos.Shares)
		}
	}
	return b, b.touch()
}

// touch accrues the position's fees at its current shares, then applies its
// pending redistribution: collateral from the collateral's pool (already
// counted in total_collateral) and shares from unapplied_shares (what
// rounding up adds beyond them is added to the pool's total_shares).
func (b *book) touch() error {
	p := &b.pos
	p.UnclaimedFees = p.UnclaimedFees.Add(types.AccruedFees(p.Shares, b.pool.FeePerShare, p.FeeSnapshot))
	p.FeeSnapshot = b.pool.FeePerShare
	dc, ds, err := types.PendingRedistribution(p.Stake, b.cs.LColl, b.cs.LShares, p.LCollSnapshot, p.LSharesSnapshot)
	if err != nil {
		return err
	}
	p.Collateral = p.Collateral.Add(dc)
	p.Shares = p.Shares.Add(ds)
	if ds.GT(b.cs.UnappliedShares) {
		b.pool.TotalShares = b.pool.TotalShares.Add(ds.Sub(b.cs.UnappliedShares))
		b.cs.UnappliedShares = sdkmath.ZeroInt()
	} else {
		b.cs.UnappliedShares = b.cs.UnappliedShares.Sub(ds)
	}
	p.LCollSnapshot, p.LSharesSnapshot = b.cs.LColl, b.cs.LShares
	b.setStake()
	return nil
}

// setStake makes the position's stake its collateral (the weight of future
// redistributions) and keeps total_stakes the sum of the stakes.
func (b *book) setStake() {
	b.cs.TotalStakes = b.cs.TotalStakes.Sub(b.pos.Stake).Add(b.pos.Collateral)
	b.pos.Stake = b.pos.Collateral
}

// debt is the position's debt in micro-USD at pool debt d.
func (b *book) debt(d sdkmath.LegacyDec) (sdkmath.Int, error) {
	return types.DebtOf(b.pos.Shares, b.pool.TotalShares, d)
}

// save stores the book: the position (deleted when empty), its risk index
// entry (only positions with debt), the collateral state and the pool.
func (k Keeper) save(ctx context.Context, b *book) error {
	key := collections.Join(b.owner, b.pos.Denom)
	if b.oldKey != nil {
		if err := k.RiskIndex.Remove(ctx, collections.Join3(b.pos.Denom, b.oldKey, b.owner)); err != nil {
			return err
		}
	}
	empty := b.pos.Collateral.IsZero() && b.pos.Shares.IsZero() && b.pos.UnclaimedFees.IsZero()
	switch {
	case empty && b.exists:
		b.cs.Positions--
		if err := k.Positions.Remove(ctx, key); err != nil {
			return err
		}
	case !empty:
		if !b.exists {
			b.cs.Positions++
		}
		if err := k.Positions.Set(ctx, key, b.pos); err != nil {
			return err
		}
		if b.pos.Shares.IsPositive() {
			nk := types.RiskKey(b.pos.Collateral, b.pos.Shares)
			if err := k.RiskIndex.Set(ctx, collections.Join3(b.pos.Denom, nk, b.owner)); err != nil {
				return err
			}
		}
	}
	if err := k.CollateralStates.Set(ctx, b.pos.Denom, b.cs); err != nil {
		return err
	}
	return k.Pool.Set(ctx, b.pool)
}
