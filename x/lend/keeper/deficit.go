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
// reserves first, then its backstop (staked receipts burned for their
// underlying value, every backstop share losing in proportion), then the
// rest is socialised to the market's suppliers — removing the debt lowers
// the market's borrows, so cash + borrows − reserves, and with it the
// exchange rate, falls by what reserves and backstop did not cover. Each
// write-off is recorded in the market's deficit history. A position with
// collateral, or without debt, is left alone. It needs no price.
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
	// The backstop's worth and the receipts to burn are taken at the
	// exchange rate before the write-off.
	total, err := s.Total()
	if err != nil {
		return err
	}
	pool, err := k.BackstopPool(ctx, denom)
	if err != nil {
		return err
	}
	backstopValue := sdkmath.ZeroInt()
	if pool.StakedReceipts.IsPositive() {
		if backstopValue, err = types.UnderlyingForReceipts(pool.StakedReceipts, s.ReceiptSupply, total); err != nil {
			return err
		}
	}
	taken, socialised, err := risk.CoverDeficit(deficit, []sdkmath.Int{s.Reserves, backstopValue})
	if err != nil {
		return errorsmod.Wrapf(types.ErrMath, "cover deficit in %s: %s", denom, err)
	}
	fromReserves, fromBackstop := taken[0], taken[1]
	burned := types.BackstopBurn(fromBackstop, pool.StakedReceipts, s.ReceiptSupply, total)
	if err := k.ScaledDebt.Remove(ctx, key); err != nil {
		return err
	}
	if err := k.burnBackstop(ctx, denom, burned); err != nil {
		return err
	}
	seq := s.DeficitRecords
	s.ScaledBorrows = s.ScaledBorrows.Sub(scaled)
	s.Reserves = s.Reserves.Sub(fromReserves)
	s.ReceiptSupply = s.ReceiptSupply.Sub(burned)
	s.TotalDeficit = orZero(s.TotalDeficit).Add(deficit)
	s.DeficitCoveredByReserves = orZero(s.DeficitCoveredByReserves).Add(fromReserves)
	s.DeficitCoveredByBackstop = orZero(s.DeficitCoveredByBackstop).Add(fromBackstop)
	s.DeficitSocialised = orZero(s.DeficitSocialised).Add(socialised)
	s.DeficitRecords++
	if err := k.MarketStates.Set(ctx, denom, s); err != nil {
		return err
	}
	rec := types.DeficitRecord{
		Denom: denom, Sequence: seq, Height: ctx.BlockHeight(), Time: ctx.BlockTime(), Borrower: borrower.String(),
		Amount: deficit, CoveredByReserves: fromReserves, CoveredByBackstop: fromBackstop,
		BackstopReceiptsBurned: burned, Socialised: socialised,
	}
	if err := k.recordDeficit(ctx, rec); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventDeficit{
		Borrower: borrower.String(), Deficit: sdk.NewCoin(denom, deficit),
		CoveredByReserves: sdk.NewCoin(denom, fromReserves), Socialised: sdk.NewCoin(denom, socialised),
		CoveredByBackstop:      sdk.NewCoin(denom, fromBackstop),
		BackstopReceiptsBurned: sdk.NewCoin(types.ReceiptDenom(denom), burned), Sequence: seq,
	})
}

// recordDeficit stores a deficit record and prunes the market's oldest
// once it keeps more than types.MaxDeficitRecords (bounded history).
func (k Keeper) recordDeficit(ctx sdk.Context, rec types.DeficitRecord) error {
	if err := k.DeficitRecords.Set(ctx, collections.Join(rec.Denom, rec.Sequence), rec); err != nil {
		return err
	}
	if rec.Sequence >= types.MaxDeficitRecords {
		return k.DeficitRecords.Remove(ctx, collections.Join(rec.Denom, rec.Sequence-types.MaxDeficitRecords))
	}
	return nil
}

// orZero reads a counter that a state written before it existed leaves nil.
func orZero(i sdkmath.Int) sdkmath.Int {
	if i.IsNil() {
		return sdkmath.ZeroInt()
	}
	return i
}
