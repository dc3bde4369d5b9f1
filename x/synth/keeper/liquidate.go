package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

// Liquidation is the outcome of one staker liquidation.
type Liquidation struct {
	Seized        sdkmath.Int // collateral taken from the position
	Reward        sdkmath.Int // of which to the liquidator
	Shares        sdkmath.Int // debt shares moved off the position
	Debt          sdkmath.Int // their debt (micro-USD) at the pool debt now
	Redistributed bool        // to the other stakers of the collateral (else to the deficit)
}

// health is a touched position's debt and collateral value now.
func (k Keeper) health(ctx context.Context, b *book, d sdkmath.LegacyDec) (sdkmath.Int, sdkmath.LegacyDec, sdkmath.LegacyDec, error) {
	debt, err := b.debt(d)
	if err != nil {
		return sdkmath.Int{}, sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, err
	}
	price, err := k.collateralPricePerBase(ctx, b.coll)
	if err != nil {
		return sdkmath.Int{}, sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, err
	}
	value, err := types.CollateralValue(b.pos.Collateral, price, types.SynthDecimals)
	return debt, value, price, err
}

// LiquidateStaker liquidates owner's position in denom when its collateral
// ratio is below the liquidation ratio: it seizes collateral worth its debt
// × (1 + penalty) (at most all of it), pays the liquidator rewardRate of it,
// and moves the position's debt shares and the rest of the seized
// collateral to the other stakers of denom pro rata to their stakes (O(1),
// Liquity's accumulators), or to the pool deficit when there is none. What
// collateral is not seized stays in the position. liquidator may be nil
// (EndBlock: no reward).
func (k Keeper) LiquidateStaker(ctx context.Context, liquidator, owner sdk.AccAddress, denom string) (Liquidation, error) {
	var out Liquidation
	err := atomic(ctx, func(ctx sdk.Context) error {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		b, err := k.loadBook(ctx, owner, denom)
		if err != nil {
			return err
		}
		if !b.exists || b.pos.Shares.IsZero() {
			return errorsmod.Wrapf(types.ErrNoDebt, "%s has no debt in a %s position", owner, denom)
		}
		d, err := k.poolDebtFor(ctx, "liquidate")
		if err != nil {
			return err
		}
		debt, value, price, err := k.health(ctx, b, d)
		if err != nil {
			return err
		}
		if types.MeetsRatio(value, debt, b.coll.LiquidationRatio) {
			return errorsmod.Wrapf(types.ErrNotLiquidatable, "ratio %s is at or above the liquidation ratio %s",
				types.Ratio(value, debt), b.coll.LiquidationRatio)
		}
		seized, err := types.Seized(b.pos.Collateral, debt, price, b.coll.LiquidationPenalty)
		if err != nil {
			return err
		}
		reward := sdkmath.ZeroInt()
		if liquidator != nil {
			reward = types.Reward(seized, params.LiquidationReward)
		}
		shares := b.pos.Shares
		others := b.cs.TotalStakes.Sub(b.pos.Stake)
		share := seized.Sub(reward)

		b.pos.Collateral = b.pos.Collateral.Sub(seized)
		b.pos.Shares = sdkmath.ZeroInt()
		b.cs.TotalCollateral = b.cs.TotalCollateral.Sub(seized)
		if others.IsPositive() {
			lc, ls, err := types.Redistribute(b.cs.LColl, b.cs.LShares, share, shares, others)
			if err != nil {
				return err
			}
			b.cs.LColl, b.cs.LShares = lc, ls
			b.cs.UnappliedShares = b.cs.UnappliedShares.Add(shares)
			b.cs.TotalCollateral = b.cs.TotalCollateral.Add(share)
			out.Redistributed = true
		} else {
			b.pool.DeficitShares = b.pool.DeficitShares.Add(shares)
			b.pool.DeficitCollateral = b.pool.DeficitCollateral.Add(sdk.NewCoin(denom, share))
		}
		// The position keeps what was not seized, as a fresh stake that
		// takes no part in its own redistribution.
		b.pos.LCollSnapshot, b.pos.LSharesSnapshot = b.cs.LColl, b.cs.LShares
		b.setStake()
		if err := k.pay(ctx, liquidator, denom, reward); err != nil {
			return err
		}
		if err := k.save(ctx, b); err != nil {
			return err
		}
		out = Liquidation{Seized: seized, Reward: reward, Shares: shares, Debt: debt, Redistributed: out.Redistributed}
		liq := ""
		if liquidator != nil {
			liq = liquidator.String()
		}
		return emit(ctx, &types.EventStakerLiquidated{
			Owner: owner.String(), Denom: denom, Liquidator: liq, Seized: seized, Reward: reward, Shares: shares, Debt: debt,
			Redistributed: out.Redistributed,
		})
	})
	return out, err
}

// EndBlock liquidates positions below their liquidation ratio, riskiest
// first per collateral, at most max_liquidations_per_block in all. A
// collateral's scan stops at its first healthy position: the index is in
// collateral-ratio order, so the cost follows the positions at risk. When
// the pool debt or a collateral price cannot be computed nothing (or
// nothing of that collateral) is liquidated and an event says so.
func (k Keeper) EndBlock(ctx context.Context) error {
	sctx := sdk.UnwrapSDKContext(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	budget := int(params.MaxLiquidationsPerBlock)
	if budget == 0 {
		return nil
	}
	var denoms []string
	if err := k.Collaterals.Walk(ctx, nil, func(d string, _ types.Collateral) (bool, error) {
		denoms = append(denoms, d)
		return false, nil
	}); err != nil {
		return err
	}
	atRisk := false
	for _, d := range denoms {
		has, err := k.RiskIndex.Iterate(ctx, collections.NewPrefixedTripleRange[string, []byte, sdk.AccAddress](d))
		if err != nil {
			return err
		}
		valid := has.Valid()
		has.Close()
		atRisk = atRisk || valid
	}
	if !atRisk {
		return nil
	}
	d, err := k.PoolDebt(ctx)
	if err != nil {
		_ = emit(sctx, &types.EventPriceUnavailable{Action: "end-block liquidations", Error: err.Error()})
		return nil
	}
	for _, denom := range denoms {
		if budget == 0 {
			break
		}
		budget -= k.liquidateCollateral(sctx, denom, d, budget)
	}
	return nil
}

// liquidateCollateral liquidates up to budget positions of denom, returning
// how many it liquidated.
func (k Keeper) liquidateCollateral(ctx sdk.Context, denom string, d sdkmath.LegacyDec, budget int) int {
	done := 0
	for done < budget {
		it, err := k.RiskIndex.Iterate(ctx, collections.NewPrefixedTripleRange[string, []byte, sdk.AccAddress](denom))
		if err != nil {
			k.blockError(ctx, "liquidate "+denom, err)
			return done
		}
		if !it.Valid() {
			it.Close()
			return done
		}
		key, err := it.Key()
		it.Close()
		if err != nil {
			k.blockError(ctx, "liquidate "+denom, err)
			return done
		}
		owner := key.K3()
		b, err := k.loadBook(ctx, owner, denom)
		if err != nil {
			k.blockError(ctx, "liquidate "+denom, err)
			return done
		}
		debt, value, _, err := k.health(ctx, b, d)
		if err != nil {
			_ = emit(ctx, &types.EventPriceUnavailable{Action: "end-block liquidations of " + denom, Error: err.Error()})
			return done
		}
		if types.MeetsRatio(value, debt, b.coll.LiquidationRatio) {
			return done // riskiest is healthy: so are the others
		}
		if err := isolated(ctx, func(c sdk.Context) error {
			_, err := k.LiquidateStaker(c, nil, owner, denom)
			return err
		}); err != nil {
			k.blockError(ctx, "liquidate "+owner.String()+" "+denom, err)
			return done
		}
		done++
	}
	return done
}
