package keeper

import (
	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/lend/types"
)

// SettleBadDebt writes off the debt of a position that has no collateral
// left (bad debt): in each market it owes, the whole debt becomes the
// market's deficit at once and stops accruing (the scaled debt is
// removed), and is covered in the order of risk.CoverDeficit: the market's
// reserves first, then the rest is socialised to the market's suppliers —
// removing the debt lowers the market's borrows, so cash + borrows −
// reserves, and with it the exchange rate, falls by what reserves did not
// cover. A position with collateral, or without debt, is left alone. It
// needs no price.
func (k Keeper) SettleBadDebt(ctx sdk.Context, borrower sdk.AccAddress) error {
	collDenoms, debtDenoms, err := k.positionDenoms(ctx, borrower)
	if err != nil || len(collDenoms) > 0 {
		return err
	}
	for _, denom := range debtDenoms {
		if err := k.writeOff(ctx, borrower, denom); err != nil {
			return err
		}
	}
	return nil
}

// writeOff turns borrower's debt in denom into the market's deficit and
// covers it (see SettleBadDebt).
func (k Keeper) writeOff(ctx sdk.Context, borrower sdk.AccAddress, denom string) error {
	_, s, err := k.AccruedMarket(ctx, denom)
	if err != nil {
		return err
	}
	key := collections.Join(borrower, denom)
	scaled, err := getAmount(ctx, k.ScaledDebt, key)
	if err != nil || scaled.IsZero() {
		return err
	}
	deficit, err := risk.DebtFromScaled(scaled, s.BorrowIndex)
	if err != nil {
		return errorsmod.Wrapf(types.ErrMath, "deficit in %s: %s", denom, err)
	}
	taken, socialised, err := risk.CoverDeficit(deficit, []sdkmath.Int{s.Reserves})
	if err != nil {
		return errorsmod.Wrapf(types.ErrMath, "cover deficit in %s: %s", denom, err)
	}
	fromReserves := taken[0]
	if err := k.ScaledDebt.Remove(ctx, key); err != nil {
		return err
	}
	s.ScaledBorrows = s.ScaledBorrows.Sub(scaled)
	s.Reserves = s.Reserves.Sub(fromReserves)
	s.TotalDeficit = orZero(s.TotalDeficit).Add(deficit)
	s.DeficitCoveredByReserves = orZero(s.DeficitCoveredByReserves).Add(fromReserves)
	s.DeficitSocialised = orZero(s.DeficitSocialised).Add(socialised)
	if err := k.MarketStates.Set(ctx, denom, s); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventDeficit{
		Borrower: borrower.String(), Deficit: sdk.NewCoin(denom, deficit),
		CoveredByReserves: sdk.NewCoin(denom, fromReserves), Socialised: sdk.NewCoin(denom, socialised),
	})
}

// orZero reads a counter that a state written before it existed leaves nil.
func orZero(i sdkmath.Int) sdkmath.Int {
	if i.IsNil() {
		return sdkmath.ZeroInt()
	}
	return i
}
