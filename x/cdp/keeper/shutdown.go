package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// IsShutdown reports whether governance has shut the system down.
func (k Keeper) IsShutdown(ctx context.Context) (bool, error) {
	b, err := k.Books.Get(ctx)
	return b.Shutdown, err
}

func (k Keeper) refuseIfShutdown(ctx context.Context, what string) error {
	down, err := k.IsShutdown(ctx)
	if err != nil {
		return err
	}
	if down {
		return errorsmod.Wrapf(types.ErrShutdown, "%s is refused after the emergency shutdown; owners may withdraw collateral beyond their debt, and once the settlement is fixed holders redeem AUSD for the same basket per AUSD (redeem-settlement)", what)
	}
	return nil
}

// Shutdown is the emergency shutdown: the stability fee is accrued one last
// time and each type's price frozen at the oracle's collateral price (every
// price must be available); from then on the module values collateral at
// the frozen prices, accrues no fee, refuses new debt, liquidations, pool
// deposits, PSM swaps and MsgRedeem, lets owners withdraw the collateral
// beyond their debt (ratio 1), and starts the settlement (settlement.go):
// holders then redeem AUSD pro rata with MsgRedeemSettlement.
func (k Keeper) Shutdown(ctx sdk.Context) error {
	if err := k.refuseIfShutdown(ctx, "a second shutdown"); err != nil {
		return err
	}
	denoms, err := k.typeDenoms(ctx)
	if err != nil {
		return err
	}
	prices := sdk.NewDecCoins()
	for _, d := range denoms {
		ct, st, err := k.AccruedType(ctx, d)
		if err != nil {
			return err
		}
		p, err := k.price(ctx, ct)
		if err != nil {
			return err
		}
		st.FrozenPrice = p
		if err := k.CollateralStates.Set(ctx, d, st); err != nil {
			return err
		}
		prices = prices.Add(sdk.NewDecCoinFromDec(d, p))
	}
	if err := k.updateBooks(ctx, func(b *types.Books) { b.Shutdown = true }); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventShutdown{Prices: prices})
}
