package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/cdp/types"
)

// Liquidate liquidates vault id, which must be below its MCR at the
// oracle's collateral price. liquidator (nil in EndBlock) receives
// params.liquidation_reward of the seized collateral. The debt is covered,
// in the same block, by (1) the stability pool, (2) a sale of the
// collateral on the dex at no less than oracle × (1 − max slippage), and
// (3) redistribution to the type's other vaults, or system debt when there
// are none. The owner receives the collateral beyond debt × (1 + penalty).
func (k Keeper) Liquidate(ctx context.Context, liquidator sdk.AccAddress, id uint64) (sdk.Coin, error) {
	var reward sdk.Coin
	err := atomic(ctx, func(ctx sdk.Context) error {
		var err error
		reward, err = k.liquidate(ctx, liquidator, id)
		return err
	})
	return reward, err
}

func (k Keeper) liquidate(ctx sdk.Context, liquidator sdk.AccAddress, id uint64) (sdk.Coin, error) {
	if err := k.refuseIfShutdown(ctx, "liquidation"); err != nil {
		return sdk.Coin{}, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return sdk.Coin{}, err
	}
	stored, v, ct, st, err := k.loadVault(ctx, id)
	if err != nil {
		return sdk.Coin{}, err
	}
	price, err := k.price(ctx, ct)
	if err != nil {
		return sdk.Coin{}, err
	}
	debt, err := vaultDebt(v, st)
	if err != nil {
		return sdk.Coin{}, err
	}
	if !debt.IsPositive() || types.MeetsRatio(v.Collateral, price, ct.Decimals, debt, ct.MinCollateralRatio) {
		cr, _ := types.CollateralRatio(v.Collateral, price, ct.Decimals, debt)
		return sdk.Coin{}, errorsmod.Wrapf(types.ErrNotLiquidatable, "vault %d has a ratio of %s at %s (minimum %s)", id, cr, price, ct.MinCollateralRatio)
	}
	pool, err := k.Pool.Get(ctx)
	if err != nil {
		return sdk.Coin{}, err
	}
	rewardShare := params.LiquidationReward
	if liquidator == nil {
		rewardShare = sdkmath.LegacyZeroDec()
	}
	poolDeposits := pool.TotalDeposits
	if !types.PoolUsable(poolDeposits) {
		poolDeposits = sdkmath.ZeroInt()
	}
	plan, err := types.PlanLiquidation(debt, v.Collateral, price, ct.Decimals, ct.LiquidationPenalty, rewardShare, poolDeposits)
	if err != nil {
		return sdk.Coin{}, err
	}

	// the vault leaves the type
	st.NormalizedDebt = st.NormalizedDebt.Sub(v.NormalizedDebt)
	st.Collateral = st.Collateral.Sub(v.Collateral)
	if err := k.removeVault(ctx, stored); err != nil {
		return sdk.Coin{}, err
	}
	owner, err := sdk.AccAddressFromBech32(v.Owner)
	if err != nil {
		return sdk.Coin{}, err
	}
	if err := k.pay(ctx, owner, ct.Denom, plan.ToOwner); err != nil {
		return sdk.Coin{}, err
	}
	if liquidator != nil {
		if err := k.pay(ctx, liquidator, ct.Denom, plan.Reward); err != nil {
			return sdk.Coin{}, err
		}
	}
	ev := types.EventVaultLiquidated{
		VaultId: id, Owner: v.Owner, CollateralType: ct.Denom, Debt: debt, Collateral: v.Collateral, Price: price,
		Reward: plan.Reward, PoolDebt: plan.PoolDebt, PoolCollateral: plan.PoolCollateral,
		SoldCollateral: sdkmath.ZeroInt(), SoldFor: sdkmath.ZeroInt(),
		RedistributedDebt: sdkmath.ZeroInt(), RedistributedCollateral: sdkmath.ZeroInt(),
		SystemDebt: sdkmath.ZeroInt(), ToSurplus: sdkmath.ZeroInt(), SurplusCollateral: sdkmath.ZeroInt(),
		ReturnedToOwner: plan.ToOwner,
	}
	if liquidator != nil {
		ev.Liquidator = liquidator.String()
	}

	// 1. the stability pool burns deposits for the collateral
	burned := sdkmath.ZeroInt()
	if plan.PoolDebt.IsPositive() {
		if err := k.burnStable(ctx, plan.PoolDebt); err != nil {
			return sdk.Coin{}, err
		}
		burned = plan.PoolDebt
		if err := k.offsetPool(ctx, ct.Denom, plan.PoolDebt, plan.PoolCollateral); err != nil {
			return sdk.Coin{}, err
		}
	}

	// 2. sell collateral on the dex for what the pool could not cover
	rest, restColl := plan.RestDebt, plan.RestCollateral
	if rest.IsPositive() && restColl.IsPositive() {
		sold, got, saleErr := k.sell(ctx, params, ct, price, restColl, rest)
		if saleErr != nil {
			ev.SaleError = saleErr.Error()
		} else {
			ev.SoldCollateral, ev.SoldFor = sold, got
			restColl = restColl.Sub(sold)
			burn := sdkmath.MinInt(got, rest)
			if err := k.burnStable(ctx, burn); err != nil {
				return sdk.Coin{}, err
			}
			burned, rest = burned.Add(burn), rest.Sub(burn)
			ev.ToSurplus = got.Sub(burn)
			if err := k.addSurplus(ctx, ev.ToSurplus); err != nil {
				return sdk.Coin{}, err
			}
		}
	}

	// 3. redistribute what is still owed, or record it as system debt
	writtenOff := sdkmath.ZeroInt()
	if rest.IsPositive() {
		others, err := k.hasVaults(ctx, ct.Denom)
		if err != nil {
			return sdk.Coin{}, err
		}
		if others && st.Collateral.IsPositive() {
			y, err := risk.ScaledDebtUp(rest, st.Rate)
			if err != nil {
				return sdk.Coin{}, errorsmod.Wrapf(types.ErrMath, "%s", err)
			}
			if st.LCollateral, st.LDebt, err = types.Redistribute(st.LCollateral, st.LDebt, restColl, y, st.Collateral); err != nil {
				return sdk.Coin{}, err
			}
			st.PendingCollateral, st.PendingDebt = st.PendingCollateral.Add(restColl), st.PendingDebt.Add(y)
			st.Collateral, st.NormalizedDebt = st.Collateral.Add(restColl), st.NormalizedDebt.Add(y)
			ev.RedistributedDebt, ev.RedistributedCollateral = rest, restColl
			restColl = sdkmath.ZeroInt()
		} else {
			writtenOff = rest
			ev.SystemDebt = rest
			if err := k.addSystemDebt(ctx, rest); err != nil {
				return sdk.Coin{}, err
			}
		}
	}
	if restColl.IsPositive() {
		ev.SurplusCollateral = restColl
		if err := k.updateBooks(ctx, func(b *types.Books) {
			b.SurplusCollateral = b.SurplusCollateral.Add(sdk.NewCoin(ct.Denom, restColl))
		}); err != nil {
			return sdk.Coin{}, err
		}
	}
	if err := k.sync(ctx, &st, st.Issued.Sub(burned).Sub(writtenOff)); err != nil {
		return sdk.Coin{}, err
	}
	if err := k.CollateralStates.Set(ctx, st.Denom, st); err != nil {
		return sdk.Coin{}, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&ev); err != nil {
		return sdk.Coin{}, err
	}
	return sdk.NewCoin(ct.Denom, plan.Reward), nil
}

// sell offers up to types.SaleLot of the collateral for AUSD along the
// dex's best route, for at least its oracle value × (1 − max slippage). A
// failed sale moves nothing (its own cached context) and is reported.
func (k Keeper) sell(ctx sdk.Context, params types.Params, ct types.CollateralType, price sdkmath.LegacyDec, coll, owed sdkmath.Int) (sdkmath.Int, sdkmath.Int, error) {
	lot, err := types.SaleLot(coll, owed, price, ct.Decimals, params.LiquidationMaxSlippage, params.MaxSaleLot)
	if err != nil || !lot.IsPositive() {
		return sdkmath.ZeroInt(), sdkmath.ZeroInt(), errorsmod.Wrapf(types.ErrMath, "no lot to sell (max_sale_lot %s): %v", params.MaxSaleLot, err)
	}
	floor, err := types.SaleFloor(lot, price, ct.Decimals, params.LiquidationMaxSlippage)
	if err != nil {
		return sdkmath.ZeroInt(), sdkmath.ZeroInt(), err
	}
	var got sdkmath.Int
	err = isolated(ctx, func(ctx sdk.Context) error {
		in := sdk.NewCoin(ct.Denom, lot)
		_, route, err := k.dex.BestRoute(ctx, in, types.StableDenom)
		if err != nil {
			return err
		}
		res, err := k.dex.SwapExactIn(ctx, k.moduleAddr, route, in, floor)
		if err != nil {
			return err
		}
		got = res.TokenOut.Amount
		return nil
	})
	if err != nil {
		return sdkmath.ZeroInt(), sdkmath.ZeroInt(), err
	}
	return lot, got, nil
}

// hasVaults reports whether the type has any vault left.
func (k Keeper) hasVaults(ctx context.Context, denom string) (bool, error) {
	it, err := k.RiskIndex.Iterate(ctx, collections.NewPrefixedTripleRange[string, []byte, uint64](denom))
	if err != nil {
		return false, err
	}
	defer it.Close()
	return it.Valid(), nil
}
