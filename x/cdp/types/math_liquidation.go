package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// LiquidationPlan splits a liquidated vault. With debt d, collateral c at
// price, penalty p:
//
//	seize    = min(c, ⌈d × (1 + p) at price⌉)     the owner keeps c − seize
//	reward   = ⌊seize × reward share⌋             to MsgLiquidate's sender
//	pool     = min(d, pool deposits)               debt the stability pool absorbs
//	poolColl = seize − reward if pool = d, else ⌊(seize − reward) × pool / d⌋
//	rest     = d − pool, restColl = seize − reward − poolColl
//
// rest is then covered by selling restColl on the dex, and what is still
// owed is redistributed or becomes system debt.
type LiquidationPlan struct {
	Seize, ToOwner, Reward, PoolDebt, PoolCollateral, RestDebt, RestCollateral sdkmath.Int
}

// PlanLiquidation computes the split (see LiquidationPlan).
func PlanLiquidation(debt, coll sdkmath.Int, price sdkmath.LegacyDec, decimals uint32,
	penalty, rewardShare sdkmath.LegacyDec, poolDeposits sdkmath.Int,
) (LiquidationPlan, error) {
	if !debt.IsPositive() || coll.IsNegative() || poolDeposits.IsNegative() || !price.IsPositive() {
		return LiquidationPlan{}, errorsmod.Wrapf(ErrMath, "liquidation of debt %s collateral %s at %s", debt, coll, price)
	}
	// ⌈d × (1 + p)⌉ uausd
	owedRaw := divCeil(mulBig(bigOf(debt), rawOf(sdkmath.LegacyOneDec().Add(penalty))), decUnit)
	owed, err := toInt(owedRaw)
	if err != nil {
		return LiquidationPlan{}, err
	}
	seize, err := CollateralFor(owed, price, decimals)
	if err != nil {
		return LiquidationPlan{}, err
	}
	seize = sdkmath.MinInt(seize, coll)
	reward := rewardShare.MulInt(seize).TruncateInt()
	avail := seize.Sub(reward)
	pool := sdkmath.MinInt(debt, poolDeposits)
	poolColl := avail
	if pool.LT(debt) {
		poolColl = avail.Mul(pool).Quo(debt)
	}
	return LiquidationPlan{
		Seize: seize, ToOwner: coll.Sub(seize), Reward: reward,
		PoolDebt: pool, PoolCollateral: poolColl,
		RestDebt: debt.Sub(pool), RestCollateral: avail.Sub(poolColl),
	}, nil
}

// SaleLot is how much of restColl the module offers on the dex: enough to
// raise rest at the floor price (oracle × (1 − slippage)), at most the lot
// cap's worth, at most restColl.
func SaleLot(restColl, rest sdkmath.Int, price sdkmath.LegacyDec, decimals uint32, slippage sdkmath.LegacyDec, maxLot sdkmath.Int) (sdkmath.Int, error) {
	floorPrice := price.Mul(sdkmath.LegacyOneDec().Sub(slippage))
	if !floorPrice.IsPositive() {
		return sdkmath.ZeroInt(), nil
	}
	need, err := CollateralFor(rest, floorPrice, decimals)
	if err != nil {
		return sdkmath.Int{}, err
	}
	capColl, err := CollateralFor(maxLot, price, decimals)
	if err != nil {
		return sdkmath.Int{}, err
	}
	return sdkmath.MinInt(restColl, sdkmath.MinInt(need, capColl)), nil
}

// SaleFloor is the least uausd a sale of lot may return: ⌊value × (1 − slippage)⌋.
func SaleFloor(lot sdkmath.Int, price sdkmath.LegacyDec, decimals uint32, slippage sdkmath.LegacyDec) (sdkmath.Int, error) {
	v, err := CollateralValue(lot, price, decimals)
	if err != nil {
		return sdkmath.Int{}, err
	}
	return sdkmath.LegacyOneDec().Sub(slippage).MulInt(v).TruncateInt(), nil
}

// PsmFee is ⌈amount × fee⌉ (the fee rounds up, for the protocol).
func PsmFee(amount sdkmath.Int, fee sdkmath.LegacyDec) sdkmath.Int {
	return fee.MulInt(amount).Ceil().TruncateInt()
}
