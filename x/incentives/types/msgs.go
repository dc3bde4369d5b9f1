package types

import (
	"strconv"
	"strings"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
)

var (
	_ sdk.Msg = &MsgBond{}
	_ sdk.Msg = &MsgUnbond{}
	_ sdk.Msg = &MsgClaimRewards{}
	_ sdk.Msg = &MsgCreateGauge{}
	_ sdk.Msg = &MsgSetPoolWeights{}
	_ sdk.Msg = &MsgUpdateParams{}
)

func validAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s: %s", field, err)
	}
	return nil
}

// PoolIDOfShares parses an LP share denom dex/pool/{id}.
func PoolIDOfShares(denom string) (uint64, error) {
	rest, ok := strings.CutPrefix(denom, dextypes.ShareDenomPrefix)
	if !ok {
		return 0, errorsmod.Wrapf(ErrNotShareDenom, "%q", denom)
	}
	id, err := strconv.ParseUint(rest, 10, 64)
	if err != nil || id == 0 || dextypes.ShareDenom(id) != denom {
		return 0, errorsmod.Wrapf(ErrNotShareDenom, "%q", denom)
	}
	return id, nil
}

func validShares(c sdk.Coin) error {
	if c.Amount.IsNil() || !c.Amount.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidAmount, "shares must be positive, got %s", c)
	}
	_, err := PoolIDOfShares(c.Denom)
	return err
}

// ValidateBasic checks the owner and the shares.
func (m *MsgBond) ValidateBasic() error {
	if err := validAddress("owner", m.Owner); err != nil {
		return err
	}
	return validShares(m.Shares)
}

// ValidateBasic checks the owner and the shares.
func (m *MsgUnbond) ValidateBasic() error {
	if err := validAddress("owner", m.Owner); err != nil {
		return err
	}
	return validShares(m.Shares)
}

// ValidateBasic checks the owner.
func (m *MsgClaimRewards) ValidateBasic() error { return validAddress("owner", m.Owner) }

// ValidateBasic checks the creator, the pool, the coins and the schedule's
// shape (the minimum duration and the start are checked against state).
func (m *MsgCreateGauge) ValidateBasic() error {
	if err := validAddress("creator", m.Creator); err != nil {
		return err
	}
	if m.PoolId == 0 {
		return errorsmod.Wrap(ErrUnknownPool, "pool id 0")
	}
	if m.Coins.Empty() {
		return errorsmod.Wrap(ErrInvalidGauge, "a gauge needs coins")
	}
	if err := m.Coins.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGauge, "coins: %s", err)
	}
	if m.DurationSeconds == 0 {
		return errorsmod.Wrap(ErrInvalidGauge, "duration must be positive")
	}
	if m.StartTime < 0 {
		return errorsmod.Wrap(ErrInvalidGauge, "start time must not be negative")
	}
	return nil
}

// ValidateBasic checks the authority's address and the weights.
func (m *MsgSetPoolWeights) ValidateBasic() error {
	if err := validAddress("authority", m.Authority); err != nil {
		return err
	}
	return ValidateWeights(m.Weights)
}

// ValidateBasic checks the authority's address and the params.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := validAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}
