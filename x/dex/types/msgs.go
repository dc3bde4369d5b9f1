package types

import (
	"fmt"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Stateless checks of every message (ValidateBasic). The msg server runs
// them too, then the stateful checks (pool exists, denom in pool, params).
// Route rules live in route.go, pool-shape rules in pool.go
// (ValidatePoolShape); the messages call them.

var (
	_ sdk.HasValidateBasic = (*MsgCreatePool)(nil)
	_ sdk.HasValidateBasic = (*MsgJoinPool)(nil)
	_ sdk.HasValidateBasic = (*MsgExitPool)(nil)
	_ sdk.HasValidateBasic = (*MsgJoinSingleAsset)(nil)
	_ sdk.HasValidateBasic = (*MsgExitSingleAsset)(nil)
	_ sdk.HasValidateBasic = (*MsgSwapExactIn)(nil)
	_ sdk.HasValidateBasic = (*MsgSwapExactOut)(nil)
	_ sdk.HasValidateBasic = (*MsgUpdateParams)(nil)
	_ sdk.HasValidateBasic = (*MsgSetPoolPaused)(nil)
	_ sdk.HasValidateBasic = (*MsgRampAmplification)(nil)
)

func validateAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %v", field, addr, err)
	}
	return nil
}

func validatePositive(field string, v sdkmath.Int) error {
	if v.IsNil() || !v.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s must be positive, got %v", field, v)
	}
	return nil
}

func validateNonNegative(field string, v sdkmath.Int) error {
	if v.IsNil() || v.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s must not be negative, got %v", field, v)
	}
	return nil
}

func validateCoin(field string, c sdk.Coin) error {
	if err := sdk.ValidateDenom(c.Denom); err != nil {
		return errorsmod.Wrapf(ErrInvalidDenom, "%s: %v", field, err)
	}
	return validatePositive(field+" amount", c.Amount)
}

// validateCoins requires valid, sorted, distinct denoms; positive amounts
// unless allowZero.
func validateCoins(field string, coins sdk.Coins, allowZero bool) error {
	for i, c := range coins {
		if err := sdk.ValidateDenom(c.Denom); err != nil {
			return errorsmod.Wrapf(ErrInvalidDenom, "%s: %v", field, err)
		}
		if i > 0 && coins[i-1].Denom >= c.Denom {
			return errorsmod.Wrapf(ErrInvalidDenom, "%s: denoms must be sorted and distinct (%s, %s)", field, coins[i-1].Denom, c.Denom)
		}
		if c.Amount.IsNil() || c.Amount.IsNegative() || (!allowZero && c.Amount.IsZero()) {
			return errorsmod.Wrapf(ErrInvalidAmount, "%s: amount of %s must be positive, got %v", field, c.Denom, c.Amount)
		}
	}
	return nil
}

func (m *MsgCreatePool) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if _, err := CurveOf(m.PoolType); err != nil {
		return err
	}
	if err := validateCoins("initial_liquidity", m.InitialLiquidity, false); err != nil {
		return err
	}
	if m.SwapFee.IsNil() || m.SwapFee.IsNegative() || m.SwapFee.GTE(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidFeeTier, "swap_fee %v must be in [0, 1)", m.SwapFee)
	}
	return ValidatePoolShape(m.PoolType, m.InitialLiquidity.Denoms(), m.InitialAmplification(time.Time{}))
}

// InitialAmplification is the amplification record of the pool the message
// creates, at time now (nil when the message gives none).
func (m *MsgCreatePool) InitialAmplification(now time.Time) *Amplification {
	if m.Amplification == 0 {
		return nil
	}
	return &Amplification{Initial: m.Amplification, Future: m.Amplification, StartTime: now, EndTime: now}
}

func (m *MsgJoinPool) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.PoolId == 0 {
		return errorsmod.Wrap(ErrPoolNotFound, "pool id must be positive")
	}
	if len(m.MaxAmountsIn) == 0 {
		return errorsmod.Wrap(ErrInvalidAmount, "max_amounts_in is empty")
	}
	if err := validateCoins("max_amounts_in", m.MaxAmountsIn, false); err != nil {
		return err
	}
	return validateNonNegative("min_shares_out", m.MinSharesOut)
}

func (m *MsgExitPool) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.PoolId == 0 {
		return errorsmod.Wrap(ErrPoolNotFound, "pool id must be positive")
	}
	if err := validatePositive("shares_in", m.SharesIn); err != nil {
		return err
	}
	return validateCoins("min_amounts_out", m.MinAmountsOut, true)
}

func (m *MsgJoinSingleAsset) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.PoolId == 0 {
		return errorsmod.Wrap(ErrPoolNotFound, "pool id must be positive")
	}
	if err := validateCoin("token_in", m.TokenIn); err != nil {
		return err
	}
	return validateNonNegative("min_shares_out", m.MinSharesOut)
}

func (m *MsgExitSingleAsset) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.PoolId == 0 {
		return errorsmod.Wrap(ErrPoolNotFound, "pool id must be positive")
	}
	if err := validatePositive("shares_in", m.SharesIn); err != nil {
		return err
	}
	if err := sdk.ValidateDenom(m.DenomOut); err != nil {
		return errorsmod.Wrapf(ErrInvalidDenom, "denom_out: %v", err)
	}
	return validateNonNegative("min_amount_out", m.MinAmountOut)
}

func (m *MsgSwapExactIn) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validateCoin("token_in", m.TokenIn); err != nil {
		return err
	}
	if err := validateNonNegative("min_out", m.MinOut); err != nil {
		return err
	}
	return ValidateRoute(m.Route, m.TokenIn.Denom)
}

func (m *MsgSwapExactOut) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := sdk.ValidateDenom(m.DenomIn); err != nil {
		return errorsmod.Wrapf(ErrInvalidDenom, "denom_in: %v", err)
	}
	if err := validateCoin("token_out", m.TokenOut); err != nil {
		return err
	}
	if err := validatePositive("max_in", m.MaxIn); err != nil {
		return err
	}
	if err := ValidateRoute(m.Route, m.DenomIn); err != nil {
		return err
	}
	return ValidateRouteEnd(m.Route, m.TokenOut.Denom)
}

func (m *MsgUpdateParams) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}

func (m *MsgSetPoolPaused) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	if m.PoolId == 0 {
		return errorsmod.Wrap(ErrPoolNotFound, "pool id must be positive")
	}
	return nil
}

func (m *MsgRampAmplification) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	if m.PoolId == 0 {
		return errorsmod.Wrap(ErrPoolNotFound, "pool id must be positive")
	}
	if m.FutureAmplification == 0 {
		return errorsmod.Wrap(ErrInvalidAmplification, "future_amplification must be positive")
	}
	return nil
}

// FormatCoin renders an amount and denom as "95uusdc" (also for zero and
// amounts sdk.Coin would reject).
func FormatCoin(amount sdkmath.Int, denom string) string { return fmt.Sprintf("%s%s", amount, denom) }
