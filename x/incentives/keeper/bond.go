package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

// Bond moves shares (dex/pool/{id}) from the owner to the module account
// and adds them to the owner's bond, after crediting its earnings so far.
func (k Keeper) Bond(ctx context.Context, owner sdk.AccAddress, shares sdk.Coin) error {
	poolID, err := types.PoolIDOfShares(shares.Denom)
	if err != nil {
		return err
	}
	if _, err := k.dex.GetPool(ctx, poolID); err != nil {
		return errorsmod.Wrapf(types.ErrUnknownPool, "pool %d: %s", poolID, err)
	}
	if have := k.bank.GetBalance(ctx, owner, shares.Denom); have.Amount.LT(shares.Amount) {
		return errorsmod.Wrapf(types.ErrInsufficientShares, "bonding %s, holding %s", shares, have)
	}
	return atomic(ctx, func(ctx sdk.Context) error {
		if err := k.updatePool(ctx, poolID); err != nil {
			return err
		}
		if err := k.settle(ctx, owner, poolID, true); err != nil {
			return err
		}
		if err := k.bank.SendCoinsFromAccountToModule(ctx, owner, types.ModuleName, sdk.NewCoins(shares)); err != nil {
			return err
		}
		total, err := k.addBond(ctx, owner, poolID, shares.Amount)
		if err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventBonded{
			Owner: owner.String(), PoolId: poolID, Shares: shares.Amount, Total: total,
		})
	})
}

// addBond adds delta (may be negative) to the owner's bond and the pool's
// total, removing an emptied bond; it returns the owner's bond after.
func (k Keeper) addBond(ctx context.Context, owner sdk.AccAddress, poolID uint64, delta sdkmath.Int) (sdkmath.Int, error) {
	cur, err := k.bonded(ctx, owner, poolID)
	if err != nil {
		return sdkmath.Int{}, err
	}
	next := cur.Add(delta)
	key := collections.Join(owner, poolID)
	if next.IsZero() {
		err = k.Bonds.Remove(ctx, key)
	} else {
		err = k.Bonds.Set(ctx, key, next)
	}
	if err != nil {
		return sdkmath.Int{}, err
	}
	ps, err := k.poolState(ctx, poolID)
	if err != nil {
		return sdkmath.Int{}, err
	}
	ps.TotalBonded = ps.TotalBonded.Add(delta)
	return next, k.PoolStates.Set(ctx, poolID, ps)
}

// Unbond takes shares out of the owner's bond (they stop earning now) into
// an unbonding entry paid back in EndBlock once the period has passed.
func (k Keeper) Unbond(ctx context.Context, owner sdk.AccAddress, shares sdk.Coin) (types.Unbonding, error) {
	poolID, err := types.PoolIDOfShares(shares.Denom)
	if err != nil {
		return types.Unbonding{}, err
	}
	cur, err := k.bonded(ctx, owner, poolID)
	if err != nil {
		return types.Unbonding{}, err
	}
	if cur.LT(shares.Amount) {
		return types.Unbonding{}, errorsmod.Wrapf(types.ErrInsufficientBond, "unbonding %s of pool %d, bonded %s", shares.Amount, poolID, cur)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return types.Unbonding{}, err
	}
	var u types.Unbonding
	err = atomic(ctx, func(ctx sdk.Context) error {
		if err := k.updatePool(ctx, poolID); err != nil {
			return err
		}
		if err := k.settle(ctx, owner, poolID, false); err != nil {
			return err
		}
		if _, err := k.addBond(ctx, owner, poolID, shares.Amount.Neg()); err != nil {
			return err
		}
		id, err := k.NextUnbondID.Next(ctx)
		if err != nil {
			return err
		}
		u = types.Unbonding{
			Id: id, Owner: owner.String(), PoolId: poolID, Shares: shares.Amount,
			CompletionTime: now(ctx) + int64(params.UnbondingPeriodSeconds),
		}
		if err := k.putUnbonding(ctx, u); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventUnbonding{
			UnbondingId: id, Owner: u.Owner, PoolId: poolID, Shares: u.Shares, CompletionTime: u.CompletionTime,
		})
	})
	return u, err
}

func (k Keeper) putUnbonding(ctx context.Context, u types.Unbonding) error {
	owner, err := sdk.AccAddressFromBech32(u.Owner)
	if err != nil {
		return err
	}
	if err := k.Unbondings.Set(ctx, u.Id, u); err != nil {
		return err
	}
	if err := k.UnbondQueue.Set(ctx, collections.Join(u.CompletionTime, u.Id)); err != nil {
		return err
	}
	return k.UnbondsOf.Set(ctx, collections.Join(owner, u.Id))
}

// completeUnbondings returns matured shares to their owners, at most limit.
func (k Keeper) completeUnbondings(ctx context.Context, limit uint32) error {
	t := now(ctx)
	var due []collections.Pair[int64, uint64]
	rng := new(collections.Range[collections.Pair[int64, uint64]]).EndInclusive(collections.Join(t, ^uint64(0)))
	err := k.UnbondQueue.Walk(ctx, rng, func(key collections.Pair[int64, uint64]) (bool, error) {
		due = append(due, key)
		return uint32(len(due)) >= limit, nil
	})
	if err != nil {
		return err
	}
	for _, key := range due {
		u, err := k.Unbondings.Get(ctx, key.K2())
		if err != nil {
			return err
		}
		owner, err := sdk.AccAddressFromBech32(u.Owner)
		if err != nil {
			return err
		}
		coins := sdk.NewCoins(sdk.NewCoin(poolShareDenom(u.PoolId), u.Shares))
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, owner, coins); err != nil {
			return err
		}
		if err := k.Unbondings.Remove(ctx, u.Id); err != nil {
			return err
		}
		if err := k.UnbondQueue.Remove(ctx, key); err != nil {
			return err
		}
		if err := k.UnbondsOf.Remove(ctx, collections.Join(owner, u.Id)); err != nil {
			return err
		}
		if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUnbonded{
			UnbondingId: u.Id, Owner: u.Owner, PoolId: u.PoolId, Shares: u.Shares,
		}); err != nil {
			return err
		}
	}
	return nil
}
