package types

import (
	"unicode/utf8"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

var (
	_ sdk.Msg = &MsgPostComment{}
	_ sdk.Msg = &MsgEditComment{}
	_ sdk.Msg = &MsgRetractComment{}
	_ sdk.Msg = &MsgUpdateParams{}
)

func checkAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %s", field, addr, err)
	}
	return nil
}

// CheckBody is the stateless rule of a body: not empty, valid UTF-8. Its
// length bound is a parameter, checked by the keeper.
func CheckBody(body string) error {
	if len(body) == 0 {
		return ErrEmptyBody
	}
	if !utf8.ValidString(body) {
		return ErrInvalidUTF8
	}
	return nil
}

// ValidateBasic checks the author, the proposal id and the body.
func (m *MsgPostComment) ValidateBasic() error {
	if err := checkAddress("author", m.Author); err != nil {
		return err
	}
	if m.ProposalId == 0 {
		return ErrInvalidProposalID
	}
	return CheckBody(m.Body)
}

// ValidateBasic checks the author, the comment id and the body.
func (m *MsgEditComment) ValidateBasic() error {
	if err := checkAddress("author", m.Author); err != nil {
		return err
	}
	if m.CommentId == 0 {
		return ErrInvalidCommentID
	}
	return CheckBody(m.Body)
}

// ValidateBasic checks the author and the comment id.
func (m *MsgRetractComment) ValidateBasic() error {
	if err := checkAddress("author", m.Author); err != nil {
		return err
	}
	if m.CommentId == 0 {
		return ErrInvalidCommentID
	}
	return nil
}

// ValidateBasic checks the authority's address and the parameters.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := checkAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}
