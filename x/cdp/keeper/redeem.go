package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/cdp/types"
)

// RedemptionFeeNow is the redemption base rate decayed to the block time
// and the fee rate a tiny redemption would pay.
func (k Keeper) RedemptionFeeNow(ctx sdk.Context) (base, rate sdkmath.LegacyDec, err error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return base, rate, err
	}
	b, err := k.Books.Get(ctx)
	if err != nil {
		return base, rate, err
	}
	base = types.DecayedBaseRate(b.RedemptionBaseRate, int64(ctx.BlockTime().Sub(b.LastRedemption).Seconds()), params.RedemptionHalfLifeSeconds)
	return base, types.RedemptionFeeRate(params.RedemptionFeeFloor, base), nil
}

// Redeem burns up to amount of the sender's AUSD against the debt of the
// type's safe vaults, lowest collateral ratio first (at most
// redemption_max_vaults; unsafe vaults are left to liquidation; a partial
// redemption never leaves a vault below the debt floor), and pays the
// sender $1 of collateral per AUSD at the oracle's collateral price, less
// the redemption fee (kept as surplus collateral). Redeemed vaults keep
// their remaining collateral.
func (k Keeper) Redeem(ctx context.Context, sender sdk.AccAddress, amount sdkmath.Int, denom string, maxFee sdkmath.LegacyDec) (sdkmath.Int, sdk.Coin, sdk.Coin, error) {
	var redeemed sdkmath.Int
	var out, fee sdk.Coin
	err := atomic(ctx, func(ctx sdk.Context) error {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		if params.Paused {
			return errorsmod.Wrap(types.ErrPaused, "the module is paused: redemptions are refused")
		}
		if err := k.refuseIfShutdown(ctx, "MsgRedeem"); err != nil {
			return err
		}
		ct, _, err := k.AccruedType(ctx, denom)
		if err != nil {
			return err
		}
		price, err := k.price(ctx, ct)
		if err != nil {
			return err
		}
		if have := k.bank.GetBalance(ctx, sender, types.StableDenom).Amount; have.LT(amount) {
			return errorsmod.Wrapf(types.ErrInsufficientFunds, "%s holds %suausd, cannot redeem %s", sender, have, amount)
		}
		supply := k.bank.GetSupply(ctx, types.StableDenom).Amount
		base, _, err := k.RedemptionFeeNow(ctx)
		if err != nil {
			return err
		}
		ids, err := k.riskiest(ctx, denom, int(params.RedemptionMaxVaults)*4)
		if err != nil {
			return err
		}
		remaining, drawn, touched := amount, sdkmath.ZeroInt(), []uint64{}
		for _, id := range ids {
			if !remaining.IsPositive() || len(touched) >= int(params.RedemptionMaxVaults) {
				break
			}
			stored, v, _, st, err := k.loadVault(ctx, id)
			if err != nil {
				return err
			}
			debt, err := vaultDebt(v, st)
			if err != nil {
				return err
			}
			if !debt.IsPositive() || !types.MeetsRatio(v.Collateral, price, ct.Decimals, debt, ct.MinCollateralRatio) {
				continue
			}
			x := sdkmath.MinInt(remaining, debt)
			if x.LT(debt) && debt.Sub(x).LT(ct.DebtFloor) {
				x = debt.Sub(ct.DebtFloor)
				if !x.IsPositive() {
					continue
				}
			}
			c, err := types.CollateralForRedemption(x, price, ct.Decimals)
			if err != nil {
				return err
			}
			c = sdkmath.MinInt(c, v.Collateral)
			retire := v.NormalizedDebt
			if x.LT(debt) {
				if retire, err = risk.ScaledDebtDown(x, st.Rate); err != nil {
					return errorsmod.Wrapf(types.ErrMath, "%s", err)
				}
				retire = sdkmath.MinInt(retire, v.NormalizedDebt)
			}
			v.NormalizedDebt, st.NormalizedDebt = v.NormalizedDebt.Sub(retire), st.NormalizedDebt.Sub(retire)
			v.Collateral, st.Collateral = v.Collateral.Sub(c), st.Collateral.Sub(c)
			if err := k.take(ctx, sender, types.StableDenom, x); err != nil {
				return err
			}
			if err := k.burnStable(ctx, x); err != nil {
				return err
			}
			if err := k.sync(ctx, &st, st.Issued.Sub(x)); err != nil {
				return err
			}
			if err := k.saveVault(ctx, &stored, v, st); err != nil {
				return err
			}
			remaining, drawn, touched = remaining.Sub(x), drawn.Add(c), append(touched, id)
		}
		redeemed = amount.Sub(remaining)
		if !redeemed.IsPositive() {
			return errorsmod.Wrapf(types.ErrNothingToRedeem, "no safe %s vault with debt above the floor", denom)
		}
		newBase := types.RaisedBaseRate(base, redeemed, supply)
		rate := types.RedemptionFeeRate(params.RedemptionFeeFloor, newBase)
		if rate.GT(maxFee) {
			return errorsmod.Wrapf(types.ErrRedemptionFee, "the fee rate would be %s, above max_fee %s", rate, maxFee)
		}
		f := rate.MulInt(drawn).Ceil().TruncateInt()
		out, fee = sdk.NewCoin(denom, drawn.Sub(f)), sdk.NewCoin(denom, f)
		if err := k.pay(ctx, sender, denom, out.Amount); err != nil {
			return err
		}
		if err := k.updateBooks(ctx, func(b *types.Books) {
			b.SurplusCollateral = b.SurplusCollateral.Add(fee)
			b.RedemptionBaseRate, b.LastRedemption = newBase, ctx.BlockTime()
		}); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventRedemption{
			Sender: sender.String(), Redeemed: redeemed, Collateral: out, Fee: fee, FeeRate: rate, Vaults: touched,
		})
	})
	return redeemed, out, fee, err
}
