package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// BackstopPool returns a market's backstop pool (an empty one when nobody
// has staked yet).
func (k Keeper) BackstopPool(ctx context.Context, denom string) (types.BackstopPool, error) {
	p, err := k.BackstopPools.Get(ctx, denom)
	if isNotFound(err) {
		return types.NewBackstopPool(denom), nil
	}
	return p, err
}

// activeStake is staker's stake in the pool's current epoch (zero when it
// has none or only shares of a wiped-out epoch).
func (k Keeper) activeStake(ctx context.Context, key PositionKey, pool types.BackstopPool) (types.BackstopStake, error) {
	st, err := k.BackstopStakes.Get(ctx, key)
	if isNotFound(err) || (err == nil && st.Epoch != pool.Epoch) {
		return types.BackstopStake{Shares: sdkmath.ZeroInt(), Principal: sdkmath.ZeroInt(), Epoch: pool.Epoch}, nil
	}
	return st, err
}

func (k Keeper) setStake(ctx context.Context, key PositionKey, st types.BackstopStake) error {
	if st.Shares.IsZero() {
		return k.BackstopStakes.Remove(ctx, key)
	}
	return k.BackstopStakes.Set(ctx, key, st)
}

// BackstopStake moves free receipts (lend/{denom}) of staker into the
// market's backstop for shares (types.SharesForStake). Open while the
// market is paused: it only adds protection. Needs no price.
func (k Keeper) BackstopStake(ctx context.Context, staker sdk.AccAddress, receipts sdk.Coin) (sdkmath.Int, error) {
	var shares sdkmath.Int
	err := atomic(ctx, func(ctx sdk.Context) error {
		denom, ok := types.UnderlyingOf(receipts.Denom)
		if !ok {
			return errorsmod.Wrapf(types.ErrInvalidAmount, "%s is not a receipt denom: stake lend/{denom} receipts (supply the asset first)", receipts.Denom)
		}
		if _, err := k.GetMarket(ctx, denom); err != nil {
			return err
		}
		if free := k.bank.GetBalance(ctx, staker, receipts.Denom).Amount; free.LT(receipts.Amount) {
			return errorsmod.Wrapf(types.ErrInsufficientReceipts, "staking %s needs %s free receipts but %s holds %s%s (collateralized receipts must be decollateralized first)",
				receipts, receipts.Amount, staker, free, receipts.Denom)
		}
		pool, err := k.BackstopPool(ctx, denom)
		if err != nil {
			return err
		}
		shares = types.SharesForStake(receipts.Amount, pool.TotalShares, pool.StakedReceipts)
		if !shares.IsPositive() {
			return errorsmod.Wrapf(types.ErrInvalidAmount, "staking %s mints no share at %s receipts per share; stake more",
				receipts, types.ShareRate(pool.TotalShares, pool.StakedReceipts))
		}
		if err := k.bank.SendCoinsFromAccountToModule(ctx, staker, types.ModuleName, sdk.NewCoins(receipts)); err != nil {
			return err
		}
		key := collections.Join(staker, denom)
		st, err := k.activeStake(ctx, key, pool)
		if err != nil {
			return err
		}
		st.Shares, st.Principal = st.Shares.Add(shares), st.Principal.Add(receipts.Amount)
		if err := k.setStake(ctx, key, st); err != nil {
			return err
		}
		pool.TotalShares = pool.TotalShares.Add(shares)
		pool.StakedReceipts = pool.StakedReceipts.Add(receipts.Amount)
		if err := k.BackstopPools.Set(ctx, denom, pool); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventBackstopStake{Staker: staker.String(), Receipts: receipts, Shares: shares})
	})
	return shares, err
}

// BackstopUnstake starts the cooldown of staker's shares worth receipts
// (rounded up: types.SharesForReceipts), or of all its active shares in
// the market named by receipts' denom. The shares stay in the pool and
// cover deficits until claimed; they earn nothing more (the claim pays at
// most what they were worth now).
func (k Keeper) BackstopUnstake(ctx context.Context, staker sdk.AccAddress, receipts sdk.Coin, all bool) (types.BackstopCooldown, error) {
	var cd types.BackstopCooldown
	err := atomic(ctx, func(ctx sdk.Context) error {
		denom := receipts.Denom
		if u, ok := types.UnderlyingOf(denom); ok {
			denom = u
		}
		m, err := k.GetMarket(ctx, denom)
		if err != nil {
			return err
		}
		pool, err := k.BackstopPool(ctx, denom)
		if err != nil {
			return err
		}
		key := collections.Join(staker, denom)
		st, err := k.activeStake(ctx, key, pool)
		if err != nil {
			return err
		}
		held := types.ReceiptsForShares(st.Shares, pool.TotalShares, pool.StakedReceipts)
		shares := st.Shares
		if !all {
			shares = types.SharesForReceipts(receipts.Amount, pool.TotalShares, pool.StakedReceipts)
		}
		if !st.Shares.IsPositive() || shares.GT(st.Shares) {
			return errorsmod.Wrapf(types.ErrInsufficientBackstopStake, "unstaking %s from the %s backstop: %s's active stake is worth %s%s",
				receipts, denom, staker, held, types.ReceiptDenom(denom))
		}
		if !shares.IsPositive() {
			return errorsmod.Wrapf(types.ErrInvalidAmount, "unstaking %s takes no share; unstake more", receipts)
		}
		n := 0
		err = k.BackstopCooldowns.Walk(ctx, collections.NewSuperPrefixedTripleRange[sdk.AccAddress, string, uint64](staker, denom),
			func(CooldownKey, types.BackstopCooldown) (bool, error) { n++; return false, nil })
		if err != nil {
			return err
		}
		if n >= types.MaxBackstopCooldowns {
			return errorsmod.Wrapf(types.ErrTooManyCooldowns, "%s has %d cooldowns pending in the %s backstop (max %d); claim the matured ones first",
				staker, n, denom, types.MaxBackstopCooldowns)
		}
		principalOut := st.Principal
		if shares.LT(st.Shares) {
			principalOut = st.Principal.Mul(shares).Quo(st.Shares)
		}
		st.Shares, st.Principal = st.Shares.Sub(shares), st.Principal.Sub(principalOut)
		if err := k.setStake(ctx, key, st); err != nil {
			return err
		}
		cd = types.BackstopCooldown{
			Id: pool.NextCooldownId, Shares: shares, Epoch: pool.Epoch,
			MaxReceipts: types.ReceiptsForShares(shares, pool.TotalShares, pool.StakedReceipts),
			ClaimableAt: ctx.BlockTime().Add(time.Duration(m.BackstopCooldownSeconds) * time.Second),
		}
		if err := k.BackstopCooldowns.Set(ctx, collections.Join3(staker, denom, cd.Id), cd); err != nil {
			return err
		}
		pool.NextCooldownId++
		pool.PendingShares = pool.PendingShares.Add(shares)
		if err := k.BackstopPools.Set(ctx, denom, pool); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventBackstopUnstake{
			Staker: staker.String(), CooldownId: cd.Id, MaxReceipts: sdk.NewCoin(types.ReceiptDenom(denom), cd.MaxReceipts),
			Shares: shares, ClaimableAt: cd.ClaimableAt,
		})
	})
	return cd, err
}

// BackstopClaim pays staker the receipts of its matured cooldowns in the
// denom's backstop (types.ClaimReceipts; nothing for those of a wiped-out
// epoch) and removes them. Refused when none has matured.
func (k Keeper) BackstopClaim(ctx context.Context, staker sdk.AccAddress, denom string) (sdk.Coin, error) {
	var paid sdk.Coin
	err := atomic(ctx, func(ctx sdk.Context) error {
		if _, err := k.GetMarket(ctx, denom); err != nil {
			return err
		}
		pool, err := k.BackstopPool(ctx, denom)
		if err != nil {
			return err
		}
		now := ctx.BlockTime()
		var ids []uint64
		var next *time.Time
		total := sdkmath.ZeroInt()
		rng := collections.NewSuperPrefixedTripleRange[sdk.AccAddress, string, uint64](staker, denom)
		var matured []CooldownKey
		err = k.BackstopCooldowns.Walk(ctx, rng, func(key CooldownKey, cd types.BackstopCooldown) (bool, error) {
			if cd.ClaimableAt.After(now) {
				if next == nil || cd.ClaimableAt.Before(*next) {
					t := cd.ClaimableAt
					next = &t
				}
				return false, nil
			}
			matured = append(matured, key)
			ids = append(ids, cd.Id)
			if cd.Epoch != pool.Epoch {
				return false, nil
			}
			r := types.ClaimReceipts(cd.Shares, cd.MaxReceipts, pool.TotalShares, pool.StakedReceipts)
			pool.TotalShares = pool.TotalShares.Sub(cd.Shares)
			pool.PendingShares = pool.PendingShares.Sub(cd.Shares)
			pool.StakedReceipts = pool.StakedReceipts.Sub(r)
			total = total.Add(r)
			return false, nil
		})
		if err != nil {
			return err
		}
		if len(matured) == 0 {
			if next == nil {
				return errorsmod.Wrapf(types.ErrNothingToClaim, "%s has no cooldown in the %s backstop; unstake first", staker, denom)
			}
			return errorsmod.Wrapf(types.ErrNothingToClaim, "%s's next %s backstop cooldown matures at %s (now %s)",
				staker, denom, next.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
		}
		for _, key := range matured {
			if err := k.BackstopCooldowns.Remove(ctx, key); err != nil {
				return err
			}
		}
		if err := k.BackstopPools.Set(ctx, denom, pool); err != nil {
			return err
		}
		paid = sdk.NewCoin(types.ReceiptDenom(denom), total)
		if total.IsPositive() {
			if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, staker, sdk.NewCoins(paid)); err != nil {
				return err
			}
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventBackstopClaim{Staker: staker.String(), CooldownIds: ids, Receipts: paid})
	})
	return paid, err
}
