package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Stateless rules of every message; the handlers call ValidateBasic first.

func checkAddress(field, a string) error {
	if _, err := sdk.AccAddressFromBech32(a); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s: %v", field, err)
	}
	return nil
}

func checkPositiveCoin(field string, c sdk.Coin) error {
	if c.Amount.IsNil() || !c.IsValid() || !c.Amount.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s must be a positive coin, got %s", field, c)
	}
	return nil
}

// checkOptionalPrice: negative is invalid; 0 or unset means none.
func checkOptionalPrice(field string, d sdkmath.LegacyDec) error {
	if !d.IsNil() && d.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s must be zero (none) or positive, got %s", field, decString(d))
	}
	return nil
}

func checkSide(s Side) error {
	if s != SIDE_LONG && s != SIDE_SHORT {
		return errorsmod.Wrapf(ErrInvalidSide, "side %s", s)
	}
	return nil
}

// ValidateBasic: owner, pair id, side, positive margin, leverage in
// [1, 100], price limit ≥ 0, deadline ≥ 0.
func (m *MsgOpenPosition) ValidateBasic() error {
	if err := checkAddress("owner", m.Owner); err != nil {
		return err
	}
	if _, _, ok := SplitPairID(m.Pair); !ok {
		return errorsmod.Wrapf(ErrPairNotFound, "pair %q is not of the form {base}/{quote}", m.Pair)
	}
	if err := checkSide(m.Side); err != nil {
		return err
	}
	if err := checkPositiveCoin("margin", m.Margin); err != nil {
		return err
	}
	if m.Leverage.IsNil() || m.Leverage.LT(sdkmath.LegacyOneDec()) || m.Leverage.GT(sdkmath.LegacyNewDec(MaxLeverageLimit)) {
		return errorsmod.Wrapf(ErrInvalidLeverage, "leverage %s is not in [1, %d]", decString(m.Leverage), MaxLeverageLimit)
	}
	if err := checkOptionalPrice("price_limit", m.PriceLimit); err != nil {
		return err
	}
	if m.Deadline < 0 {
		return errorsmod.Wrapf(ErrInvalidAmount, "deadline %d must not be negative", m.Deadline)
	}
	return nil
}

// ValidateBasic: owner, position id, positive amount.
func (m *MsgAddMargin) ValidateBasic() error {
	if err := checkAddress("owner", m.Owner); err != nil {
		return err
	}
	if m.PositionId == 0 {
		return errorsmod.Wrapf(ErrPositionNotFound, "position_id must be positive")
	}
	return checkPositiveCoin("amount", m.Amount)
}

// ValidateBasic: owner, position id, positive amount.
func (m *MsgRemoveMargin) ValidateBasic() error {
	if err := checkAddress("owner", m.Owner); err != nil {
		return err
	}
	if m.PositionId == 0 {
		return errorsmod.Wrapf(ErrPositionNotFound, "position_id must be positive")
	}
	return checkPositiveCoin("amount", m.Amount)
}

// ValidateBasic: owner, position id, fraction in [0, 1] (0: all), price limit ≥ 0, deadline ≥ 0.
func (m *MsgClosePosition) ValidateBasic() error {
	if err := checkAddress("owner", m.Owner); err != nil {
		return err
	}
	if m.PositionId == 0 {
		return errorsmod.Wrapf(ErrPositionNotFound, "position_id must be positive")
	}
	if !m.Fraction.IsNil() && (m.Fraction.IsNegative() || m.Fraction.GT(sdkmath.LegacyOneDec())) {
		return errorsmod.Wrapf(ErrInvalidAmount, "fraction %s is not in [0, 1] (0 closes all)", decString(m.Fraction))
	}
	if err := checkOptionalPrice("price_limit", m.PriceLimit); err != nil {
		return err
	}
	if m.Deadline < 0 {
		return errorsmod.Wrapf(ErrInvalidAmount, "deadline %d must not be negative", m.Deadline)
	}
	return nil
}

// ValidateBasic: owner, position id, prices ≥ 0.
func (m *MsgSetTriggers) ValidateBasic() error {
	if err := checkAddress("owner", m.Owner); err != nil {
		return err
	}
	if m.PositionId == 0 {
		return errorsmod.Wrapf(ErrPositionNotFound, "position_id must be positive")
	}
	if err := checkOptionalPrice("take_profit", m.TakeProfit); err != nil {
		return errorsmod.Wrapf(ErrInvalidTrigger, "%s", err)
	}
	if err := checkOptionalPrice("stop_loss", m.StopLoss); err != nil {
		return errorsmod.Wrapf(ErrInvalidTrigger, "%s", err)
	}
	return checkOptionalPrice("price_limit", m.PriceLimit)
}

// ValidateBasic: sender and position id.
func (m *MsgLiquidatePosition) ValidateBasic() error {
	if err := checkAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.PositionId == 0 {
		return errorsmod.Wrapf(ErrPositionNotFound, "position_id must be positive")
	}
	return nil
}

// ValidateBasic: sender, pair id, positive amount.
func (m *MsgFundInsurance) ValidateBasic() error {
	if err := checkAddress("sender", m.Sender); err != nil {
		return err
	}
	if _, _, ok := SplitPairID(m.Pair); !ok {
		return errorsmod.Wrapf(ErrPairNotFound, "pair %q is not of the form {base}/{quote}", m.Pair)
	}
	return checkPositiveCoin("amount", m.Amount)
}

// ValidateBasic: authority address and the pair's stateless rules.
func (m *MsgSetMarginPair) ValidateBasic() error {
	if err := checkAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Pair.Validate()
}

// ValidateBasic: authority address and the parameters' bounds.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := checkAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}

// OrZero is d, or zero when unset (an optional decimal left out of a tx).
func OrZero(d sdkmath.LegacyDec) sdkmath.LegacyDec {
	if d.IsNil() {
		return sdkmath.LegacyZeroDec()
	}
	return d
}
