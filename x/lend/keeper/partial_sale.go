package keeper

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	"github.com/agora-labs/agora/x/lend/types"
)

// maxSaleSearchSteps bounds the binary search of a partial sale (each step
// simulates one BestRoute): 40 halvings resolve any seize below 2⁴⁰ base
// units exactly, and a larger one to within 2⁻⁴⁰ of it (never above what
// clears the floor).
const maxSaleSearchSteps = 40

// sale is what a protocol liquidation sells: amount of the collateral
// along route for at least floor of the debt asset, repaying up to repay.
type sale struct {
	amount, floor, repay sdkmath.Int
	route                []dextypes.Hop
}

// saleFloor is the least a sale of amount collateral may bring in the debt
// asset: its oracle value less the governed slippage, rounded down.
func saleFloor(params types.Params, coll, debt *valued, amount sdkmath.Int) sdkmath.Int {
	return coll.price.MulInt(amount).Mul(sdkmath.LegacyOneDec().Sub(params.ProtocolLiquidationMaxSlippage)).Quo(debt.price).TruncateInt()
}

// saleRepay is the debt a sale of amount repays when the liquidation was
// sized to repay liq.Repay for liq.Seize: ⌈Repay × amount / Seize⌉ (all
// of it for the whole seize).
func saleRepay(liq risk.Liquidation, amount sdkmath.Int) sdkmath.Int {
	if amount.GTE(liq.Seize) {
		return liq.Repay
	}
	num := liq.Repay.Mul(amount)
	q := num.Quo(liq.Seize)
	if !num.Mod(liq.Seize).IsZero() {
		q = q.AddRaw(1)
	}
	return q
}

// saleSize sells the whole sized seize when the dex pays its floor. When
// the pool is too thin it sells the largest amount s < seize (binary
// search over BestRoute, at most maxSaleSearchSteps simulations) such that
// the route pays at least s's floor and neither the collateral left in the
// market nor the debt left (after repaying saleRepay(s)) is dust (below the
// debt market's minimum value, as risk.SizeLiquidation judges it); the
// rest of the position waits for the next block. ErrNoRoute when no route
// exists, ErrSaleBelowFloor when no amount qualifies.
func (k Keeper) saleSize(ctx sdk.Context, params types.Params, coll, debt *valued, liq risk.Liquidation) (sale, error) {
	quote := func(amount sdkmath.Int) ([]dextypes.Hop, bool, error) {
		sim, route, err := k.dex.BestRoute(ctx, sdk.NewCoin(coll.market.Denom, amount), debt.market.Denom)
		if err != nil {
			return nil, false, err
		}
		return route, sim.TokenOut.Amount.GTE(saleFloor(params, coll, debt, amount)), nil
	}
	route, ok, err := quote(liq.Seize)
	if err != nil {
		return sale{}, errorsmod.Wrapf(types.ErrNoRoute, "no dex route sells %s%s for %s: %s", liq.Seize, coll.market.Denom, debt.market.Denom, err)
	}
	if ok {
		return sale{amount: liq.Seize, floor: saleFloor(params, coll, debt, liq.Seize), repay: liq.Repay, route: route}, nil
	}
	noDust := func(amount sdkmath.Int) bool {
		left := coll.amount.Sub(amount)
		if dust, err := risk.IsDust(left, coll.price, debt.market.MinDebtValue); err != nil || (left.IsPositive() && dust) {
			return false
		}
		owed := debt.amount.Sub(saleRepay(liq, amount))
		dust, err := risk.IsDust(owed, debt.price, debt.market.MinDebtValue)
		return err == nil && (!owed.IsPositive() || !dust)
	}
	lo, hi := sdkmath.ZeroInt(), liq.Seize.SubRaw(1)
	var best []dextypes.Hop
	for i := 0; i < maxSaleSearchSteps && lo.LT(hi); i++ {
		mid := lo.Add(hi).AddRaw(1).QuoRaw(2)
		r, clears, err := quote(mid)
		if err == nil && clears && noDust(mid) {
			lo, best = mid, r
		} else {
			hi = mid.SubRaw(1)
		}
	}
	if !lo.IsPositive() || best == nil {
		return sale{}, errorsmod.Wrapf(types.ErrSaleBelowFloor,
			"the dex cannot buy any part of %s%s for its floor (oracle value − %s) without leaving dust; the position waits for liquidity",
			liq.Seize, coll.market.Denom, params.ProtocolLiquidationMaxSlippage)
	}
	return sale{amount: lo, floor: saleFloor(params, coll, debt, lo), repay: saleRepay(liq, lo), route: best}, nil
}
