package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Stateless checks of every message. Handlers call ValidateBasic first.

var (
	_ sdk.HasValidateBasic = &MsgStake{}
	_ sdk.HasValidateBasic = &MsgUnstake{}
	_ sdk.HasValidateBasic = &MsgMint{}
	_ sdk.HasValidateBasic = &MsgBurn{}
	_ sdk.HasValidateBasic = &MsgExchange{}
	_ sdk.HasValidateBasic = &MsgLiquidateStaker{}
	_ sdk.HasValidateBasic = &MsgClaimFees{}
	_ sdk.HasValidateBasic = &MsgSetCollateral{}
	_ sdk.HasValidateBasic = &MsgSetSynth{}
	_ sdk.HasValidateBasic = &MsgResumeSynth{}
	_ sdk.HasValidateBasic = &MsgUpdateParams{}
)

func checkAddr(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %v", field, addr, err)
	}
	return nil
}

func checkPositive(field string, amt sdkmath.Int) error {
	if amt.IsNil() || !amt.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s must be positive, got %v", field, amt)
	}
	if amt.BigInt().BitLen() > 200 {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s %s is too large", field, amt)
	}
	return nil
}

func checkCoin(field string, c sdk.Coin) error {
	if err := sdk.ValidateDenom(c.Denom); err != nil {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s denom %q: %v", field, c.Denom, err)
	}
	return checkPositive(field, c.Amount)
}

func checkDenom(field, denom string) error {
	if err := sdk.ValidateDenom(denom); err != nil {
		return errorsmod.Wrapf(ErrUnknownCollateral, "%s %q: %v", field, denom, err)
	}
	return nil
}

// ValidateBasic: a valid staker and a positive amount.
func (m *MsgStake) ValidateBasic() error {
	if err := checkAddr("staker", m.Staker); err != nil {
		return err
	}
	return checkCoin("amount", m.Amount)
}

// ValidateBasic: a valid staker and a positive amount.
func (m *MsgUnstake) ValidateBasic() error {
	if err := checkAddr("staker", m.Staker); err != nil {
		return err
	}
	return checkCoin("amount", m.Amount)
}

// ValidateBasic: a valid staker, a collateral denom and a positive amount.
func (m *MsgMint) ValidateBasic() error {
	if err := checkAddr("staker", m.Staker); err != nil {
		return err
	}
	if err := checkDenom("denom", m.Denom); err != nil {
		return err
	}
	return checkPositive("amount", m.Amount)
}

// ValidateBasic: a valid staker, a collateral denom and a positive amount.
func (m *MsgBurn) ValidateBasic() error {
	if err := checkAddr("staker", m.Staker); err != nil {
		return err
	}
	if err := checkDenom("denom", m.Denom); err != nil {
		return err
	}
	return checkPositive("amount", m.Amount)
}

// ValidateBasic: a valid trader, a positive amount of a synth denom, a
// different synth denom to exchange to and min_out ≥ 0.
func (m *MsgExchange) ValidateBasic() error {
	if err := checkAddr("trader", m.Trader); err != nil {
		return err
	}
	if err := checkCoin("amount", m.Amount); err != nil {
		return err
	}
	if _, ok := SymbolOf(m.Amount.Denom); !ok {
		return errorsmod.Wrapf(ErrUnknownSynth, "%q is not a synth denom (synth/{SYMBOL})", m.Amount.Denom)
	}
	if _, ok := SymbolOf(m.ToDenom); !ok {
		return errorsmod.Wrapf(ErrUnknownSynth, "%q is not a synth denom (synth/{SYMBOL})", m.ToDenom)
	}
	if m.Amount.Denom == m.ToDenom {
		return errorsmod.Wrapf(ErrSameSynth, "%s to %s", m.Amount.Denom, m.ToDenom)
	}
	if m.MinOut.IsNil() || m.MinOut.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidAmount, "min_out must be ≥ 0, got %v", m.MinOut)
	}
	if m.MinOut.BigInt().BitLen() > 200 {
		return errorsmod.Wrapf(ErrInvalidAmount, "min_out %s is too large", m.MinOut)
	}
	return nil
}

// ValidateBasic: valid liquidator and staker addresses and a denom.
func (m *MsgLiquidateStaker) ValidateBasic() error {
	if err := checkAddr("liquidator", m.Liquidator); err != nil {
		return err
	}
	if err := checkAddr("staker", m.Staker); err != nil {
		return err
	}
	return checkDenom("denom", m.Denom)
}

// ValidateBasic: a valid staker and a denom.
func (m *MsgClaimFees) ValidateBasic() error {
	if err := checkAddr("staker", m.Staker); err != nil {
		return err
	}
	return checkDenom("denom", m.Denom)
}

// ValidateBasic: a valid authority address and valid collateral parameters.
func (m *MsgSetCollateral) ValidateBasic() error {
	if err := checkAddr("authority", m.Authority); err != nil {
		return err
	}
	return m.Collateral.Validate()
}

// ValidateBasic: a valid authority address and valid synth parameters.
func (m *MsgSetSynth) ValidateBasic() error {
	if err := checkAddr("authority", m.Authority); err != nil {
		return err
	}
	return m.Synth.Validate()
}

// ValidateBasic: a valid authority address and symbol.
func (m *MsgResumeSynth) ValidateBasic() error {
	if err := checkAddr("authority", m.Authority); err != nil {
		return err
	}
	if !ValidSymbol(m.Symbol) {
		return errorsmod.Wrapf(ErrUnknownSynth, "symbol %q", m.Symbol)
	}
	return nil
}

// ValidateBasic: a valid authority address and valid parameters.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := checkAddr("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}
