package keeper

import (
	"context"
	"errors"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

func (k Keeper) checkNotPaused(ctx context.Context, c *types.Collateral) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if params.Paused {
		return errorsmod.Wrap(types.ErrPaused, "x/synth is paused")
	}
	if c != nil && c.Paused {
		return errorsmod.Wrapf(types.ErrPaused, "collateral %s is paused", c.Denom)
	}
	return nil
}

// Stake adds amount to owner's position in amount's denom (up to the
// collateral's cap).
func (k Keeper) Stake(ctx context.Context, owner sdk.AccAddress, amount sdk.Coin) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		b, err := k.loadBook(ctx, owner, amount.Denom)
		if err != nil {
			return err
		}
		if err := k.checkNotPaused(ctx, &b.coll); err != nil {
			return err
		}
		if total := b.cs.TotalCollateral.Add(amount.Amount); total.GT(b.coll.Cap) {
			return errorsmod.Wrapf(types.ErrCollateralCap, "%s staked would be %s, cap %s", amount.Denom, total, b.coll.Cap)
		}
		if err := k.take(ctx, owner, amount.Denom, amount.Amount); err != nil {
			return err
		}
		b.pos.Collateral = b.pos.Collateral.Add(amount.Amount)
		b.cs.TotalCollateral = b.cs.TotalCollateral.Add(amount.Amount)
		b.setStake()
		if err := k.save(ctx, b); err != nil {
			return err
		}
		return emit(ctx, &types.EventStaked{Owner: owner.String(), Denom: amount.Denom, Amount: amount.Amount, Collateral: b.pos.Collateral})
	})
}

// checkIssuance requires the position's ratio at pool debt d to be at least
// the collateral's issuance ratio (no check without debt).
func (k Keeper) checkIssuance(ctx context.Context, b *book, d sdkmath.LegacyDec) error {
	debt, err := b.debt(d)
	if err != nil {
		return err
	}
	if debt.IsZero() {
		return nil
	}
	price, err := k.collateralPricePerBase(ctx, b.coll)
	if err != nil {
		return err
	}
	value, err := types.CollateralValue(b.pos.Collateral, price, types.SynthDecimals)
	if err != nil {
		return err
	}
	if !types.MeetsRatio(value, debt, b.coll.IssuanceRatio) {
		return errorsmod.Wrapf(types.ErrBelowIssuanceRatio, "collateral worth %s µUSD against a debt of %s µUSD is a ratio of %s, below the issuance ratio %s",
			value.TruncateInt(), debt, types.Ratio(value, debt), b.coll.IssuanceRatio)
	}
	return nil
}

// poolDebtFor is the pool debt for an action that needs it; when it cannot
// be computed the action is refused (ErrPriceUnavailable) and an event says so.
func (k Keeper) poolDebtFor(ctx context.Context, action string) (sdkmath.LegacyDec, error) {
	d, err := k.PoolDebt(ctx)
	if err != nil {
		_ = emit(ctx, &types.EventPriceUnavailable{Action: action, Error: err.Error()})
		return sdkmath.LegacyDec{}, err
	}
	return d, nil
}

// Unstake returns amount of owner's collateral. With debt, the position
// must stay at or above the issuance ratio (which needs the pool debt and
// the collateral price, and is refused while x/synth is paused); without
// debt it is the owner's own money and always goes out.
func (k Keeper) Unstake(ctx context.Context, owner sdk.AccAddress, amount sdk.Coin) error {
	return atomic(ctx, func(ctx sdk.Context) error {
		b, err := k.loadBook(ctx, owner, amount.Denom)
		if err != nil {
			return err
		}
		if !b.exists {
			return errorsmod.Wrapf(types.ErrNoPosition, "%s has no %s position", owner, amount.Denom)
		}
		if amount.Amount.GT(b.pos.Collateral) {
			return errorsmod.Wrapf(types.ErrInsufficientStake, "unstake %s%s, staked %s%s", amount.Amount, amount.Denom, b.pos.Collateral, amount.Denom)
		}
		b.pos.Collateral = b.pos.Collateral.Sub(amount.Amount)
		b.cs.TotalCollateral = b.cs.TotalCollateral.Sub(amount.Amount)
		b.setStake()
		if b.pos.Shares.IsPositive() {
			if err := k.checkNotPaused(ctx, nil); err != nil {
				return err
			}
			d, err := k.poolDebtFor(ctx, "unstake")
			if err != nil {
				return err
			}
			if err := k.checkIssuance(ctx, b, d); err != nil {
				return err
			}
		}
		if err := k.pay(ctx, owner, amount.Denom, amount.Amount); err != nil {
			return err
		}
		if err := k.save(ctx, b); err != nil {
			return err
		}
		return emit(ctx, &types.EventUnstaked{Owner: owner.String(), Denom: amount.Denom, Amount: amount.Amount, Collateral: b.pos.Collateral})
	})
}

func (k Keeper) usdSynth(ctx context.Context) (types.Synth, error) {
	s, err := k.Synths.Get(ctx, types.USDSymbol)
	if isNotFound(err) {
		return s, errorsmod.Wrapf(types.ErrUnknownSynth, "%s is not listed", types.USDDenom)
	}
	return s, err
}

// Mint mints amount synth/USD to owner against its position in denom,
// adding ⌈amount × S / D⌉ debt shares; the position must stay at or above
// the issuance ratio and synth/USD under its supply cap. Returns the shares.
func (k Keeper) Mint(ctx context.Context, owner sdk.AccAddress, denom string, amount sdkmath.Int) (sdkmath.Int, error) {
	var shares sdkmath.Int
	err := atomic(ctx, func(ctx sdk.Context) error {
		b, err := k.loadBook(ctx, owner, denom)
		if err != nil {
			return err
		}
		if err := k.checkNotPaused(ctx, &b.coll); err != nil {
			return err
		}
		if !b.exists || b.pos.Collateral.IsZero() {
			return errorsmod.Wrapf(types.ErrNoPosition, "%s has no %s staked", owner, denom)
		}
		usd, err := k.usdSynth(ctx)
		if err != nil {
			return err
		}
		if usd.Paused {
			return errorsmod.Wrapf(types.ErrPaused, "%s is paused", types.USDDenom)
		}
		if supply := k.bank.GetSupply(ctx, types.USDDenom).Amount.Add(amount); supply.GT(usd.SupplyCap) {
			return errorsmod.Wrapf(types.ErrSupplyCap, "%s supply would be %s, cap %s", types.USDDenom, supply, usd.SupplyCap)
		}
		d, err := k.poolDebtFor(ctx, "mint")
		if err != nil {
			return err
		}
		shares, err = types.SharesForMint(amount, b.pool.TotalShares, d)
		if err != nil {
			return err
		}
		b.pos.Shares = b.pos.Shares.Add(shares)
		b.pool.TotalShares = b.pool.TotalShares.Add(shares)
		if err := k.checkIssuance(ctx, b, d.Add(sdkmath.LegacyNewDecFromInt(amount))); err != nil {
			return err
		}
		if err := k.mint(ctx, types.USDDenom, amount); err != nil {
			return err
		}
		if err := k.pay(ctx, owner, types.USDDenom, amount); err != nil {
			return err
		}
		if err := k.save(ctx, b); err != nil {
			return err
		}
		return emit(ctx, &types.EventMinted{Owner: owner.String(), Denom: denom, Amount: amount, Shares: shares})
	})
	return shares, err
}

// Burn burns amount synth/USD of owner against its position in denom (at
// most its debt), removing ⌊amount × S / D⌋ shares (all of them when it
// repays the whole debt). Burning only lowers the debt, so it needs no
// ratio check, but the shares it removes depend on the pool debt D: while
// D cannot be computed (a synth in supply has no fresh price) the burn is
// deferred — its synth/USD is escrowed and it burns in the first block
// whose BeginBlock can compute D, before that block's liquidations (README
// "Missing prices"). Returns the shares removed, or the deferred burn's id.
func (k Keeper) Burn(ctx context.Context, owner sdk.AccAddress, denom string, amount sdkmath.Int) (sdkmath.Int, uint64, error) {
	shares, pendingID := sdkmath.ZeroInt(), uint64(0)
	err := atomic(ctx, func(ctx sdk.Context) error {
		b, err := k.loadBook(ctx, owner, denom)
		if err != nil {
			return err
		}
		if !b.exists || b.pos.Shares.IsZero() {
			return errorsmod.Wrapf(types.ErrNoDebt, "%s has no debt in its %s position", owner, denom)
		}
		d, err := k.PoolDebt(ctx)
		if errors.Is(err, types.ErrPriceUnavailable) {
			pendingID, err = k.deferBurn(ctx, owner, denom, amount, err.Error())
			return err
		}
		if err != nil {
			return err
		}
		shares, err = k.burnShares(ctx, b, d, owner, amount)
		return err
	})
	return shares, pendingID, err
}

// burnShares burns amount synth/USD from the module (which already holds
// it) or owner against b at pool debt d and saves b.
func (k Keeper) burnShares(ctx sdk.Context, b *book, d sdkmath.LegacyDec, from sdk.AccAddress, amount sdkmath.Int) (sdkmath.Int, error) {
	owed, err := b.debt(d)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if amount.GT(owed) {
		return sdkmath.Int{}, errorsmod.Wrapf(types.ErrInvalidAmount, "burn %s%s is more than the debt %s", amount, types.USDDenom, owed)
	}
	shares, err := types.SharesForBurn(amount, b.pos.Shares, b.pool.TotalShares, d)
	if err != nil {
		return sdkmath.Int{}, err
	}
	if from != nil {
		if err := k.take(ctx, from, types.USDDenom, amount); err != nil {
			return sdkmath.Int{}, err
		}
	}
	if err := k.burn(ctx, types.USDDenom, amount); err != nil {
		return sdkmath.Int{}, err
	}
	b.pos.Shares = b.pos.Shares.Sub(shares)
	b.pool.TotalShares = b.pool.TotalShares.Sub(shares)
	if err := k.save(ctx, b); err != nil {
		return sdkmath.Int{}, err
	}
	return shares, emit(ctx, &types.EventBurned{Owner: b.owner.String(), Denom: b.pos.Denom, Amount: amount, Shares: shares})
}

// deferBurn escrows amount synth/USD of owner as a pending burn against its
// position in denom.
func (k Keeper) deferBurn(ctx sdk.Context, owner sdk.AccAddress, denom string, amount sdkmath.Int, reason string) (uint64, error) {
	if err := k.take(ctx, owner, types.USDDenom, amount); err != nil {
		return 0, err
	}
	ex := types.Exchange{
		Owner: owner.String(), FromDenom: types.USDDenom, Amount: amount, BurnDenom: denom, MinOut: sdkmath.ZeroInt(),
		Height: ctx.BlockHeight(), Status: types.ExchangeStatus_EXCHANGE_STATUS_PENDING,
		Out: sdkmath.ZeroInt(), Fee: sdkmath.ZeroInt(), FromPrice: sdkmath.LegacyZeroDec(), ToPrice: sdkmath.LegacyZeroDec(),
	}
	id, err := k.addPending(ctx, owner, ex)
	if err != nil {
		return 0, err
	}
	return id, emit(ctx, &types.EventBurnDeferred{Id: id, Owner: ex.Owner, Denom: denom, Amount: amount, Reason: reason})
}

// ClaimFees pays owner's accrued fees of its position in denom (synth/USD
// from the fee pool).
func (k Keeper) ClaimFees(ctx context.Context, owner sdk.AccAddress, denom string) (sdkmath.Int, error) {
	var amt sdkmath.Int
	err := atomic(ctx, func(ctx sdk.Context) error {
		b, err := k.loadBook(ctx, owner, denom)
		if err != nil {
			return err
		}
		if !b.exists {
			return errorsmod.Wrapf(types.ErrNoPosition, "%s has no %s position", owner, denom)
		}
		amt = b.pos.UnclaimedFees
		if amt.IsZero() {
			return errorsmod.Wrapf(types.ErrNothingToClaim, "%s's %s position has no fees to claim", owner, denom)
		}
		b.pos.UnclaimedFees = sdkmath.ZeroInt()
		b.pool.FeePool = b.pool.FeePool.Sub(amt)
		if b.pool.FeePool.IsNegative() {
			return errorsmod.Wrapf(types.ErrMath, "fee pool below the claim %s", amt)
		}
		if err := k.pay(ctx, owner, types.USDDenom, amt); err != nil {
			return err
		}
		if err := k.save(ctx, b); err != nil {
			return err
		}
		return emit(ctx, &types.EventFeesClaimed{Owner: owner.String(), Denom: denom, Amount: amt})
	})
	return amt, err
}
