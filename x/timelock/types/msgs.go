package types

import (
	errorsmod "cosmossdk.io/errors"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdktx "github.com/cosmos/cosmos-sdk/types/tx"
)

var (
	_ sdk.Msg = &MsgSchedule{}
	_ sdk.Msg = &MsgCancel{}
	_ sdk.Msg = &MsgUpdateParams{}
)

// NewMsgSchedule packs msgs into a MsgSchedule signed by authority.
func NewMsgSchedule(authority string, msgs []sdk.Msg, title string) (*MsgSchedule, error) {
	anys, err := sdktx.SetMsgs(msgs)
	if err != nil {
		return nil, errorsmod.Wrapf(ErrInvalidInnerMessage, "%s", err)
	}
	return &MsgSchedule{Authority: authority, Messages: anys, Title: title}, nil
}

// GetMsgs returns the scheduled messages (their Anys must be unpacked).
func (m MsgSchedule) GetMsgs() ([]sdk.Msg, error) { return sdktx.GetMsgs(m.Messages, "MsgSchedule") }

// GetMsgs returns the operation's messages (their Anys must be unpacked).
func (o Operation) GetMsgs() ([]sdk.Msg, error) { return sdktx.GetMsgs(o.Messages, "Operation") }

// ValidateBasic checks the authority's address, the number of messages, the
// title's length, and each message that is already unpacked (its own
// ValidateBasic). Signers and handlers are checked by the keeper.
func (m MsgSchedule) ValidateBasic() error {
	if _, err := sdk.AccAddressFromBech32(m.Authority); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "authority %q: %s", m.Authority, err)
	}
	if err := validateMessages(m.Messages); err != nil {
		return err
	}
	if len(m.Title) > MaxTitleBytes {
		return errorsmod.Wrapf(ErrTitleTooLong, "title is %d bytes, at most %d", len(m.Title), MaxTitleBytes)
	}
	return nil
}

func validateMessages(anys []*codectypes.Any) error {
	if len(anys) == 0 {
		return ErrEmptyOperation
	}
	if len(anys) > MaxMessagesPerOperation {
		return errorsmod.Wrapf(ErrTooManyMessages, "%d messages, at most %d", len(anys), MaxMessagesPerOperation)
	}
	for i, a := range anys {
		if a == nil || a.TypeUrl == "" {
			return errorsmod.Wrapf(ErrInvalidInnerMessage, "message %d is empty", i)
		}
		if v, ok := a.GetCachedValue().(sdk.HasValidateBasic); ok {
			if err := v.ValidateBasic(); err != nil {
				return errorsmod.Wrapf(ErrInvalidInnerMessage, "message %d (%s): %s", i, a.TypeUrl, err)
			}
		}
	}
	return nil
}

// ValidateBasic checks the signer's address and the id.
func (m MsgCancel) ValidateBasic() error {
	if _, err := sdk.AccAddressFromBech32(m.Signer); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "signer %q: %s", m.Signer, err)
	}
	if m.Id == 0 {
		return ErrInvalidOperationID
	}
	return nil
}

// ValidateBasic checks the authority's address and the params.
func (m MsgUpdateParams) ValidateBasic() error {
	if _, err := sdk.AccAddressFromBech32(m.Authority); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "authority %q: %s", m.Authority, err)
	}
	return m.Params.Validate()
}
