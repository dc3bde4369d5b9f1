package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Stateless checks of every message. Handlers call ValidateBasic first.

func validAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %s", field, addr, err)
	}
	return nil
}

// validCoin: a valid denom and, unless zeroOK, a positive amount.
func validCoin(c sdk.Coin, zeroOK bool) error {
	if err := sdk.ValidateDenom(c.Denom); err != nil {
		return errorsmod.Wrapf(ErrInvalidAmount, "denom %q: %s", c.Denom, err)
	}
	if c.Amount.IsNil() || c.Amount.IsNegative() || (!zeroOK && c.Amount.IsZero()) {
		return errorsmod.Wrapf(ErrInvalidAmount, "amount %s of %s must be positive", c.Amount, c.Denom)
	}
	return nil
}

func underlyingCoin(c sdk.Coin, zeroOK bool) error {
	if err := validCoin(c, zeroOK); err != nil {
		return err
	}
	if _, isReceipt := UnderlyingOf(c.Denom); isReceipt {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s is a receipt denom; name the underlying asset", c.Denom)
	}
	return nil
}

func receiptCoin(c sdk.Coin) error {
	if err := validCoin(c, false); err != nil {
		return err
	}
	if _, ok := UnderlyingOf(c.Denom); !ok {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s is not a receipt denom (lend/{denom})", c.Denom)
	}
	return nil
}

// ValidateBasic checks the supplier and a positive underlying amount.
func (m *MsgSupply) ValidateBasic() error {
	if err := validAddress("supplier", m.Supplier); err != nil {
		return err
	}
	return underlyingCoin(m.Amount, false)
}

// ValidateBasic checks the supplier and the amount (underlying or receipt;
// zero allowed only with all).
func (m *MsgWithdraw) ValidateBasic() error {
	if err := validAddress("supplier", m.Supplier); err != nil {
		return err
	}
	return validCoin(m.Amount, m.All)
}

// ValidateBasic checks the borrower and a positive receipt amount.
func (m *MsgCollateralize) ValidateBasic() error {
	if err := validAddress("borrower", m.Borrower); err != nil {
		return err
	}
	return receiptCoin(m.Amount)
}

// ValidateBasic checks the borrower and a positive receipt amount.
func (m *MsgDecollateralize) ValidateBasic() error {
	if err := validAddress("borrower", m.Borrower); err != nil {
		return err
	}
	return receiptCoin(m.Amount)
}

// ValidateBasic checks the borrower and a positive underlying amount.
func (m *MsgSupplyCollateral) ValidateBasic() error {
	if err := validAddress("borrower", m.Borrower); err != nil {
		return err
	}
	return underlyingCoin(m.Amount, false)
}

// ValidateBasic checks the borrower and a positive underlying amount.
func (m *MsgBorrow) ValidateBasic() error {
	if err := validAddress("borrower", m.Borrower); err != nil {
		return err
	}
	return underlyingCoin(m.Amount, false)
}

// ValidateBasic checks the sender, the borrower (when given) and the
// amount (zero allowed only with all).
func (m *MsgRepay) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.Borrower != "" {
		if err := validAddress("borrower", m.Borrower); err != nil {
			return err
		}
	}
	return underlyingCoin(m.Amount, m.All)
}

// ValidateBasic checks the authority address and the market's rules
// (the authority itself is checked by the handler).
func (m *MsgSetMarket) ValidateBasic() error {
	if err := validAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Market.Validate()
}

// ValidateBasic checks the authority address and the parameters.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := validAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}

// ValidateBasic checks the addresses (not the same account), the denoms
// (underlying, not receipts) and that max_repay and min_collateral_out are
// ≥ 0.
func (m *MsgLiquidate) ValidateBasic() error {
	if err := validAddress("liquidator", m.Liquidator); err != nil {
		return err
	}
	if err := validAddress("borrower", m.Borrower); err != nil {
		return err
	}
	if m.Liquidator == m.Borrower {
		return errorsmod.Wrapf(ErrSelfLiquidation, "%s is both liquidator and borrower; repay your debt with MsgRepay instead", m.Borrower)
	}
	for _, d := range []string{m.RepayDenom, m.CollateralDenom} {
		if err := underlyingCoin(sdk.Coin{Denom: d, Amount: sdkmath.OneInt()}, false); err != nil {
			return err
		}
	}
	if m.MaxRepay.IsNil() || m.MaxRepay.IsNegative() || m.MinCollateralOut.IsNil() || m.MinCollateralOut.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidAmount, "max_repay and min_collateral_out must be set and ≥ 0 (max_repay 0: no cap)")
	}
	return nil
}

// ValidateBasic checks the staker and a positive receipt amount.
func (m *MsgBackstopStake) ValidateBasic() error {
	if err := validAddress("staker", m.Staker); err != nil {
		return err
	}
	return receiptCoin(m.Amount)
}

// ValidateBasic checks the staker and the amount: receipts (lend/{denom}),
// positive unless all (then the denom, receipt or underlying, names the
// market).
func (m *MsgBackstopUnstake) ValidateBasic() error {
	if err := validAddress("staker", m.Staker); err != nil {
		return err
	}
	if m.All {
		return validCoin(m.Amount, true)
	}
	return receiptCoin(m.Amount)
}

// ValidateBasic checks the staker and the market's (underlying) denom.
func (m *MsgBackstopClaim) ValidateBasic() error {
	if err := validAddress("staker", m.Staker); err != nil {
		return err
	}
	return underlyingCoin(sdk.Coin{Denom: m.Denom, Amount: sdkmath.OneInt()}, false)
}
