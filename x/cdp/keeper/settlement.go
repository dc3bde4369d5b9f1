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

// The emergency shutdown's settlement (Maker's End without auctions).
// After MsgShutdown froze the prices, EndBlock processes the vaults in id
// order, settlement_vaults_per_block at a time: each vault's debt moves off
// it (into Books.settled_debt) and its debt-worth of collateral at the
// frozen price, capped at its collateral, is set aside for AUSD holders
// (Books.settlement_left); the owner keeps the rest and may withdraw it.
// When every vault is processed the basket is fixed (fix): pending
// redistributions, surplus collateral and the PSM's reserve join it, the
// system debt and the PSM's AUSD join settled_debt, the surplus AUSD is
// burned against it, and settlement_outstanding = settled_debt = the uausd
// supply. From then on MsgRedeemSettlement pays ⌊amount × basket /
// outstanding⌋ of each denom (types.SettlementPayout).

// settleBatch runs one batch of the settlement (EndBlock, after the shutdown,
// until the fix).
func (k Keeper) settleBatch(ctx sdk.Context) error {
	b, err := k.Books.Get(ctx)
	if err != nil {
		return err
	}
	if !b.Shutdown || b.SettlementFixed {
		return nil
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	n := int(params.SettlementVaultsPerBlock)
	ids, err := k.vaultIDsFrom(ctx, b.SettlementCursor, n+1)
	if err != nil {
		return err
	}
	batch := ids
	if len(batch) > n {
		batch = batch[:n]
	}
	for _, id := range batch {
		if err := isolated(ctx, func(ctx sdk.Context) error { return k.settleVault(ctx, id) }); err != nil {
			// Fail closed: the vault keeps its debt and collateral and the
			// settlement waits on it (retried next block). Fixing the
			// basket without its debt would promise holders more than the
			// basket holds, and the last to redeem would get nothing.
			k.skipped(ctx, id, err)
			return k.updateBooks(ctx, func(b *types.Books) { b.SettlementCursor = id })
		}
	}
	if len(batch) > 0 {
		if err := k.updateBooks(ctx, func(b *types.Books) { b.SettlementCursor = batch[len(batch)-1] + 1 }); err != nil {
			return err
		}
	}
	if len(ids) > n {
		return nil // more next block
	}
	return k.fix(ctx)
}

// vaultIDsFrom lists up to n vault ids ≥ from, in order.
func (k Keeper) vaultIDsFrom(ctx context.Context, from uint64, n int) ([]uint64, error) {
	it, err := k.Vaults.Iterate(ctx, new(collections.Range[uint64]).StartInclusive(from))
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var ids []uint64
	for ; it.Valid() && len(ids) < n; it.Next() {
		id, err := it.Key()
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// settleVault moves a vault's debt to settled_debt and sets aside its
// debt-worth of collateral at the frozen price (types.SettlementSetAside);
// a vault left with nothing is removed.
func (k Keeper) settleVault(ctx sdk.Context, id uint64) error {
	stored, v, ct, st, err := k.loadVault(ctx, id)
	if err != nil {
		return err
	}
	debt, err := vaultDebt(v, st)
	if err != nil {
		return err
	}
	aside, err := types.SettlementSetAside(v.Collateral, debt, st.FrozenPrice, ct.Decimals)
	if err != nil {
		return err
	}
	st.NormalizedDebt = st.NormalizedDebt.Sub(v.NormalizedDebt)
	v.NormalizedDebt = sdkmath.ZeroInt()
	v.Collateral, st.Collateral = v.Collateral.Sub(aside), st.Collateral.Sub(aside)
	if err := k.sync(ctx, &st, st.Issued.Sub(debt)); err != nil {
		return err
	}
	if err := k.updateBooks(ctx, func(b *types.Books) {
		b.SettledDebt = b.SettledDebt.Add(debt)
		b.SettlementLeft = b.SettlementLeft.Add(sdk.NewCoin(ct.Denom, aside))
	}); err != nil {
		return err
	}
	if v.Collateral.IsZero() {
		if err := k.removeVault(ctx, stored); err != nil {
			return err
		}
		if err := k.CollateralStates.Set(ctx, st.Denom, st); err != nil {
			return err
		}
	} else if err := k.saveVault(ctx, &stored, v, st); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventVaultSettled{
		VaultId: id, Owner: v.Owner, Debt: debt, SetAside: sdk.NewCoin(ct.Denom, aside), Kept: sdk.NewCoin(ct.Denom, v.Collateral),
	})
}

// fix closes the settlement: every type's pending redistribution (debt and
// collateral), the surplus collateral and the PSM's reserve join the
// basket and the settled debt, the system debt too; the surplus AUSD is
// burned against the settled debt; the basket per AUSD is then fixed.
func (k Keeper) fix(ctx sdk.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	denoms, err := k.typeDenoms(ctx)
	if err != nil {
		return err
	}
	left, settled := sdk.NewCoins(), sdkmath.ZeroInt()
	for _, d := range denoms {
		st, err := k.CollateralStates.Get(ctx, d)
		if err != nil {
			return err
		}
		pendingDebt, err := risk.DebtFromScaled(st.PendingDebt, st.Rate)
		if err != nil {
			return errorsmod.Wrapf(types.ErrMath, "%s", err)
		}
		left = left.Add(sdk.NewCoin(d, st.PendingCollateral))
		settled = settled.Add(pendingDebt)
		st.Collateral, st.NormalizedDebt = st.Collateral.Sub(st.PendingCollateral), st.NormalizedDebt.Sub(st.PendingDebt)
		st.PendingCollateral, st.PendingDebt = sdkmath.ZeroInt(), sdkmath.ZeroInt()
		if err := k.sync(ctx, &st, st.Issued.Sub(pendingDebt)); err != nil {
			return err
		}
		if err := k.CollateralStates.Set(ctx, d, st); err != nil {
			return err
		}
	}
	b, err := k.Books.Get(ctx)
	if err != nil {
		return err
	}
	left = left.Add(b.SurplusCollateral...)
	if params.PsmDenom != "" {
		left = left.Add(sdk.NewCoin(params.PsmDenom, b.PsmReserve))
	}
	b.SettlementLeft = b.SettlementLeft.Add(left...)
	b.SettledDebt = b.SettledDebt.Add(settled).Add(b.SystemDebt).Add(b.PsmReserve)
	b.SurplusCollateral, b.SystemDebt, b.PsmReserve = sdk.NewCoins(), sdkmath.ZeroInt(), sdkmath.ZeroInt()
	burn := sdkmath.MinInt(b.Surplus, b.SettledDebt)
	if err := k.burnStable(ctx, burn); err != nil {
		return err
	}
	b.Surplus, b.SettledDebt = b.Surplus.Sub(burn), b.SettledDebt.Sub(burn)
	b.SettlementFixed, b.SettlementOutstanding, b.SettlementBasket = true, b.SettledDebt, b.SettlementLeft
	if err := k.Books.Set(ctx, b); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventSettlementFixed{Outstanding: b.SettlementOutstanding, Basket: b.SettlementBasket})
}

// RedeemSettlement burns amount uausd of the sender once the settlement is
// fixed and pays types.SettlementPayout of the basket.
func (k Keeper) RedeemSettlement(ctx context.Context, sender sdk.AccAddress, amount sdkmath.Int) (sdk.Coins, error) {
	var paid sdk.Coins
	err := atomic(ctx, func(ctx sdk.Context) error {
		b, err := k.Books.Get(ctx)
		if err != nil {
			return err
		}
		if !b.Shutdown {
			return errorsmod.Wrap(types.ErrSettlementPending, "the system is live (no emergency shutdown): redeem AUSD with MsgRedeem")
		}
		if !b.SettlementFixed {
			return errorsmod.Wrapf(types.ErrSettlementPending, "the settlement is processing vaults (next vault id %d); the basket per AUSD is fixed once every vault is processed", b.SettlementCursor)
		}
		if err := k.take(ctx, sender, types.StableDenom, amount); err != nil {
			return err
		}
		if err := k.burnStable(ctx, amount); err != nil {
			return err
		}
		paid = types.SettlementPayout(amount, b.SettlementOutstanding, b.SettlementBasket)
		rest, neg := b.SettlementLeft.SafeSub(paid...)
		if neg || amount.GT(b.SettledDebt) {
			return errorsmod.Wrapf(types.ErrMath, "payout %s exceeds what is left %s", paid, b.SettlementLeft)
		}
		b.SettlementLeft, b.SettledDebt = rest, b.SettledDebt.Sub(amount)
		if err := k.Books.Set(ctx, b); err != nil {
			return err
		}
		if !paid.IsZero() {
			if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, sender, paid); err != nil {
				return err
			}
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventSettlementRedeemed{Sender: sender.String(), Amount: amount, Paid: paid})
	})
	return paid, err
}
