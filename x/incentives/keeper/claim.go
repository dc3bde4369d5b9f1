package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
	"github.com/agora-labs/agora/x/incentives/types"
)

func poolShareDenom(id uint64) string { return dextypes.ShareDenom(id) }

// ClaimRewards pays the owner's whole-unit rewards of poolID (0: every pool
// it has rewards or a bond in); the scaled fractions stay for later.
func (k Keeper) ClaimRewards(ctx context.Context, owner sdk.AccAddress, poolID uint64) (sdk.Coins, error) {
	pools, err := k.poolsOf(ctx, owner, poolID)
	if err != nil {
		return nil, err
	}
	total := sdk.NewCoins()
	err = atomic(ctx, func(ctx sdk.Context) error {
		for _, id := range pools {
			paid, err := k.claimPool(ctx, owner, id)
			if err != nil {
				return err
			}
			total = total.Add(paid...)
		}
		return nil
	})
	return total, err
}

// poolsOf lists the pools to claim: poolID alone, or (0) every pool where
// the owner has a bond or reward records.
func (k Keeper) poolsOf(ctx context.Context, owner sdk.AccAddress, poolID uint64) ([]uint64, error) {
	if poolID != 0 {
		return []uint64{poolID}, nil
	}
	seen := map[uint64]bool{}
	var out []uint64
	add := func(id uint64) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	err := k.Bonds.Walk(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, uint64](owner),
		func(key collections.Pair[sdk.AccAddress, uint64], _ sdkmath.Int) (bool, error) {
			add(key.K2())
			return false, nil
		})
	if err != nil {
		return nil, err
	}
	err = k.UserRewards.Walk(ctx, collections.NewPrefixedTripleRange[sdk.AccAddress, uint64, string](owner),
		func(key collections.Triple[sdk.AccAddress, uint64, string], _ types.UserReward) (bool, error) {
			add(key.K2())
			return false, nil
		})
	return out, err
}

func (k Keeper) claimPool(ctx sdk.Context, owner sdk.AccAddress, poolID uint64) (sdk.Coins, error) {
	if err := k.updatePool(ctx, poolID); err != nil {
		return nil, err
	}
	if err := k.settle(ctx, owner, poolID, false); err != nil {
		return nil, err
	}
	shares, err := k.bonded(ctx, owner, poolID)
	if err != nil {
		return nil, err
	}
	paid := sdk.NewCoins()
	type upd struct {
		key collections.Triple[sdk.AccAddress, uint64, string]
		ur  types.UserReward
	}
	var upds []upd
	err = k.UserRewards.Walk(ctx, collections.NewSuperPrefixedTripleRange[sdk.AccAddress, uint64, string](owner, poolID),
		func(key collections.Triple[sdk.AccAddress, uint64, string], ur types.UserReward) (bool, error) {
			pay, rest := types.Payable(ur.Pending)
			if pay.IsPositive() {
				paid = paid.Add(sdk.NewCoin(key.K3(), pay))
				ur.Pending = rest
				upds = append(upds, upd{key, ur})
			}
			return false, nil
		})
	if err != nil {
		return nil, err
	}
	for _, u := range upds {
		if shares.IsZero() && u.ur.Pending.IsZero() {
			err = k.UserRewards.Remove(ctx, u.key)
		} else {
			err = k.UserRewards.Set(ctx, u.key, u.ur)
		}
		if err != nil {
			return nil, err
		}
	}
	if paid.Empty() {
		return paid, nil
	}
	if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, owner, paid); err != nil {
		return nil, err
	}
	return paid, ctx.EventManager().EmitTypedEvent(&types.EventRewardsClaimed{Owner: owner.String(), PoolId: poolID, Rewards: paid})
}
