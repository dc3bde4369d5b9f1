package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/pkg/risk"
)

// Accrual is the outcome of accruing one market's interest.
type Accrual struct {
	State      MarketState
	Seconds    int64
	BorrowRate sdkmath.LegacyDec
	Interest   sdkmath.Int // growth of total borrows
	ToReserves sdkmath.Int // ⌊interest × reserve factor⌋
}

// Borrows is the market's total debt, ⌈scaled_borrows × borrow_index⌉.
func (s MarketState) Borrows() (sdkmath.Int, error) {
	b, err := risk.DebtFromScaled(s.ScaledBorrows, s.BorrowIndex)
	if err != nil {
		return sdkmath.Int{}, errorsmod.Wrapf(ErrMath, "borrows of %s: %s", s.Denom, err)
	}
	return b, nil
}

// Total is cash + borrows − reserves.
func (s MarketState) Total() (sdkmath.Int, error) {
	b, err := s.Borrows()
	if err != nil {
		return sdkmath.Int{}, err
	}
	return TotalUnderlying(s.Cash, b, s.Reserves)
}

// BorrowRate is the market's annual borrow rate at utilization u after
// elapsed seconds, with the adaptive model's new rate at target (the
// kinked model returns the stored one unchanged).
func (m Market) BorrowRate(s MarketState, u sdkmath.LegacyDec, elapsed int64) (rate, rateAtTarget sdkmath.LegacyDec, err error) {
	switch m.RateModelType {
	case RATE_MODEL_TYPE_KINKED:
		rate, err = m.KinkedModel().BorrowRate(u)
		rateAtTarget = s.RateAtTarget
	case RATE_MODEL_TYPE_ADAPTIVE:
		rate, rateAtTarget, err = m.AdaptiveModel().BorrowRate(s.RateAtTarget, u, elapsed)
	default:
		err = errorsmod.Wrapf(ErrInvalidMarket, "unknown rate model %s", m.RateModelType)
	}
	if err != nil {
		return sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, errorsmod.Wrapf(ErrMath, "borrow rate of %s: %s", m.Denom, err)
	}
	return rate, rateAtTarget, nil
}

// Accrue applies the interest of the seconds between the last accrual and
// now: the rate is taken at the utilization of the stored state (the
// adaptive model also drifts over the interval), the index compounds per
// second (risk.AccrueIndex, rounded up), and reserve_factor of the growth
// of total borrows goes to reserves (rounded down). A now at or before the
// last accrual changes nothing (Seconds 0).
func Accrue(m Market, s MarketState, now time.Time) (Accrual, error) {
	out := Accrual{State: s, BorrowRate: sdkmath.LegacyZeroDec(), Interest: sdkmath.ZeroInt(), ToReserves: sdkmath.ZeroInt()}
	if !now.After(s.LastAccrual) {
		return out, nil
	}
	elapsed := int64(now.Sub(s.LastAccrual) / time.Second)
	if elapsed == 0 {
		return out, nil
	}
	before, err := s.Borrows()
	if err != nil {
		return Accrual{}, err
	}
	u, err := risk.Utilization(s.Cash, before, s.Reserves)
	if err != nil {
		return Accrual{}, errorsmod.Wrapf(ErrMath, "utilization of %s: %s", s.Denom, err)
	}
	rate, rat, err := m.BorrowRate(s, u, elapsed)
	if err != nil {
		return Accrual{}, err
	}
	index, err := risk.AccrueIndex(s.BorrowIndex, rate, elapsed)
	if err != nil {
		return Accrual{}, errorsmod.Wrapf(ErrMath, "index of %s: %s", s.Denom, err)
	}
	next := s
	next.BorrowIndex = index
	next.RateAtTarget = rat
	next.LastAccrual = s.LastAccrual.Add(time.Duration(elapsed) * time.Second)
	after, err := next.Borrows()
	if err != nil {
		return Accrual{}, err
	}
	interest := after.Sub(before)
	toReserves := sdkmath.LegacyNewDecFromInt(interest).MulTruncate(m.ReserveFactor).TruncateInt()
	next.Reserves = s.Reserves.Add(toReserves)
	return Accrual{State: next, Seconds: elapsed, BorrowRate: rate, Interest: interest, ToReserves: toReserves}, nil
}
