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

// maxAmountBits bounds every amount (2^200 base units is far beyond any supply).
const maxAmountBits = 200

// ValidateAmount refuses a zero, negative or oversized amount
// (ErrInvalidAmount), as the messages do.
func ValidateAmount(field string, a sdkmath.Int) error { return validAmount(field, a, false) }

func validAmount(field string, a sdkmath.Int, zeroOK bool) error {
	if a.IsNil() || a.IsNegative() || (!zeroOK && a.IsZero()) {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s %s must be positive", field, intString(a))
	}
	if a.BigInt().BitLen() > maxAmountBits {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s %s is too large", field, a)
	}
	return nil
}

func validVaultID(id uint64) error {
	if id == 0 {
		return errorsmod.Wrap(ErrVaultNotFound, "vault_id must be set (ids start at 1)")
	}
	return nil
}

// ValidateBasic checks the owner, a positive collateral coin that is not
// AUSD, and a non-negative mint.
func (m *MsgOpenVault) ValidateBasic() error {
	if err := validAddress("owner", m.Owner); err != nil {
		return err
	}
	if err := sdk.ValidateDenom(m.Collateral.Denom); err != nil {
		return errorsmod.Wrapf(ErrInvalidAmount, "collateral denom %q: %s", m.Collateral.Denom, err)
	}
	if m.Collateral.Denom == StableDenom {
		return errorsmod.Wrapf(ErrUnknownCollateralType, "%s is never collateral", StableDenom)
	}
	if err := validAmount("collateral", m.Collateral.Amount, false); err != nil {
		return err
	}
	return validAmount("mint", m.Mint, true)
}

// ValidateBasic checks the sender, the vault id and a positive amount.
func (m *MsgDeposit) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validVaultID(m.VaultId); err != nil {
		return err
	}
	return validAmount("amount", m.Amount, false)
}

// ValidateBasic checks the owner, the vault id and a positive amount.
func (m *MsgWithdraw) ValidateBasic() error {
	if err := validAddress("owner", m.Owner); err != nil {
		return err
	}
	if err := validVaultID(m.VaultId); err != nil {
		return err
	}
	return validAmount("amount", m.Amount, false)
}

// ValidateBasic checks the owner, the vault id and a positive amount.
func (m *MsgMint) ValidateBasic() error {
	if err := validAddress("owner", m.Owner); err != nil {
		return err
	}
	if err := validVaultID(m.VaultId); err != nil {
		return err
	}
	return validAmount("amount", m.Amount, false)
}

// ValidateBasic checks the sender, the vault id and a positive amount
// (zero allowed with all).
func (m *MsgRepay) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validVaultID(m.VaultId); err != nil {
		return err
	}
	return validAmount("amount", m.Amount, m.All)
}

// ValidateBasic checks the owner and the vault id.
func (m *MsgCloseVault) ValidateBasic() error {
	if err := validAddress("owner", m.Owner); err != nil {
		return err
	}
	return validVaultID(m.VaultId)
}

// ValidateBasic checks both addresses (different) and the vault id.
func (m *MsgTransferVault) ValidateBasic() error {
	if err := validAddress("owner", m.Owner); err != nil {
		return err
	}
	if err := validAddress("new_owner", m.NewOwner); err != nil {
		return err
	}
	if m.Owner == m.NewOwner {
		return errorsmod.Wrap(ErrInvalidAddress, "new_owner is already the owner")
	}
	return validVaultID(m.VaultId)
}

// ValidateBasic checks the liquidator and the vault id.
func (m *MsgLiquidate) ValidateBasic() error {
	if err := validAddress("liquidator", m.Liquidator); err != nil {
		return err
	}
	return validVaultID(m.VaultId)
}

// ValidateBasic checks the depositor and a positive amount.
func (m *MsgPoolDeposit) ValidateBasic() error {
	if err := validAddress("depositor", m.Depositor); err != nil {
		return err
	}
	return validAmount("amount", m.Amount, false)
}

// ValidateBasic checks the depositor and a positive amount (zero with all).
func (m *MsgPoolWithdraw) ValidateBasic() error {
	if err := validAddress("depositor", m.Depositor); err != nil {
		return err
	}
	return validAmount("amount", m.Amount, m.All)
}

// ValidateBasic checks the depositor.
func (m *MsgClaimGains) ValidateBasic() error { return validAddress("depositor", m.Depositor) }

// ValidateBasic checks the sender and a positive amount.
func (m *MsgPsmSwapIn) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	return validAmount("amount", m.Amount, false)
}

// ValidateBasic checks the sender and a positive amount.
func (m *MsgPsmSwapOut) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	return validAmount("amount", m.Amount, false)
}

// ValidateBasic checks the sender, a positive amount, the collateral
// denom and max_fee in [0, 1].
func (m *MsgRedeem) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validAmount("amount", m.Amount, false); err != nil {
		return err
	}
	if err := sdk.ValidateDenom(m.CollateralType); err != nil {
		return errorsmod.Wrapf(ErrUnknownCollateralType, "collateral_type %q: %s", m.CollateralType, err)
	}
	if m.MaxFee.IsNil() || m.MaxFee.IsNegative() || m.MaxFee.GT(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrRedemptionFee, "max_fee %s is not in [0, 1]", decString(m.MaxFee))
	}
	return nil
}

// ValidateBasic checks the sender and a positive amount.
func (m *MsgRedeemSettlement) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	return validAmount("amount", m.Amount, false)
}

// ValidateBasic checks the authority address and the collateral type's
// bounds; a stablecoin is refused (it belongs in the PSM).
func (m *MsgSetCollateralType) ValidateBasic() error {
	if err := validAddress("authority", m.Authority); err != nil {
		return err
	}
	if err := m.CollateralType.Validate(); err != nil {
		return err
	}
	if IsStablecoin(m.CollateralType.Denom, m.CollateralType.OraclePair, "") {
		return errorsmod.Wrapf(ErrInvalidCollateralType, "%s (%s) is a stablecoin: it is never vault collateral (the PSM takes dollars)",
			m.CollateralType.Denom, m.CollateralType.OraclePair)
	}
	return nil
}

// ValidateBasic checks the authority address.
func (m *MsgShutdown) ValidateBasic() error { return validAddress("authority", m.Authority) }

// ValidateBasic checks the authority address and the parameters.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := validAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}
