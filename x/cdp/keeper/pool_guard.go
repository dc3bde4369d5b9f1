package keeper

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// refuseWhileLiquidationPending refuses a stability-pool withdrawal while a
// vault is below its minimum ratio (Liquity's rule). Without it a depositor
// who sees a price fall could leave the pool in the block's transactions,
// before EndBlock liquidates against it, and leave the loss-free gains of
// the liquidation to others, or the debt to redistribution. Per collateral
// type only the riskiest vault is read (the risk index orders them), so the
// check costs one vault per type. It fails closed: when a type's price is
// unavailable the withdrawal is refused too, since no one can tell whether
// its vaults are safe. After the emergency shutdown there are no
// liquidations and withdrawals are always open.
func (k Keeper) refuseWhileLiquidationPending(ctx sdk.Context) error {
	if down, err := k.IsShutdown(ctx); err != nil || down {
		return err
	}
	denoms, err := k.typeDenoms(ctx)
	if err != nil {
		return err
	}
	for _, d := range denoms {
		ids, err := k.riskiest(ctx, d, 1)
		if err != nil || len(ids) == 0 {
			if err != nil {
				return err
			}
			continue
		}
		_, v, ct, st, err := k.loadVault(ctx, ids[0])
		if err != nil {
			return err
		}
		debt, err := vaultDebt(v, st)
		if err != nil {
			return err
		}
		if !debt.IsPositive() {
			continue
		}
		price, err := k.price(ctx, ct)
		if err != nil {
			return errorsmod.Wrapf(err, "the stability pool cannot be withdrawn from while the safety of the %s vaults cannot be checked", d)
		}
		if !types.MeetsRatio(v.Collateral, price, ct.Decimals, debt, ct.MinCollateralRatio) {
			return errorsmod.Wrapf(types.ErrLiquidationPending,
				"vault %d (%s) is below its minimum ratio of %s at %s; the stability pool cannot be withdrawn from until it is liquidated (by this block's EndBlock or by anyone with MsgLiquidate)",
				v.Id, d, ct.MinCollateralRatio, price)
		}
	}
	return nil
}
