package types

import (
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// MaxLeverageLimit bounds a pair's max_leverage.
const MaxLeverageLimit = 100

// MaxSlippageLimit bounds a pair's max_slippage (0.5).
func MaxSlippageLimit() sdkmath.LegacyDec { return sdkmath.LegacyNewDecWithPrec(5, 1) }

// InitialMargin is 1 / max_leverage (rounded up).
func (p MarginPair) InitialMargin() sdkmath.LegacyDec {
	return sdkmath.LegacyOneDec().QuoRoundUp(p.MaxLeverage)
}

func decString(d sdkmath.LegacyDec) string {
	if d.IsNil() {
		return "<nil>"
	}
	return d.String()
}

// Validate checks a pair's stateless rules, every problem at once
// (ErrInvalidPair): valid distinct denoms; 1 ≤ max_leverage ≤ 100;
// 0 < maintenance_margin < initial margin (1 / max_leverage);
// 0 ≤ liquidation_penalty ≤ maintenance_margin; caps ≥ 0;
// 0 < max_slippage ≤ 0.5. The keeper adds the stateful rules (lend markets
// with borrowing, oracle pairs, a dex route).
func (p MarginPair) Validate() error {
	var problems []string
	if err := sdk.ValidateDenom(p.BaseDenom); err != nil {
		problems = append(problems, fmt.Sprintf("base_denom: %v", err))
	}
	if err := sdk.ValidateDenom(p.QuoteDenom); err != nil {
		problems = append(problems, fmt.Sprintf("quote_denom: %v", err))
	} else if strings.Contains(p.QuoteDenom, "/") {
		problems = append(problems, fmt.Sprintf("quote_denom %s may not contain '/'", p.QuoteDenom))
	}
	if p.BaseDenom == p.QuoteDenom {
		problems = append(problems, "base_denom and quote_denom are the same")
	}
	levOK := !p.MaxLeverage.IsNil() && p.MaxLeverage.GTE(sdkmath.LegacyOneDec()) && p.MaxLeverage.LTE(sdkmath.LegacyNewDec(MaxLeverageLimit))
	if !levOK {
		problems = append(problems, fmt.Sprintf("max_leverage %s is not in [1, %d]", decString(p.MaxLeverage), MaxLeverageLimit))
	}
	mmOK := !p.MaintenanceMargin.IsNil() && p.MaintenanceMargin.IsPositive()
	if !mmOK || (levOK && p.MaintenanceMargin.GTE(p.InitialMargin())) {
		im := "1 / max_leverage"
		if levOK {
			im = p.InitialMargin().String()
		}
		problems = append(problems, fmt.Sprintf("maintenance_margin %s is not in (0, initial margin %s)", decString(p.MaintenanceMargin), im))
		mmOK = false
	}
	if p.LiquidationPenalty.IsNil() || p.LiquidationPenalty.IsNegative() || (mmOK && p.LiquidationPenalty.GT(p.MaintenanceMargin)) {
		problems = append(problems, fmt.Sprintf("liquidation_penalty %s is not in [0, maintenance_margin]", decString(p.LiquidationPenalty)))
	}
	if p.MaxOpenInterestLong.IsNil() || p.MaxOpenInterestLong.IsNegative() {
		problems = append(problems, "max_open_interest_long must not be negative")
	}
	if p.MaxOpenInterestShort.IsNil() || p.MaxOpenInterestShort.IsNegative() {
		problems = append(problems, "max_open_interest_short must not be negative")
	}
	if p.MaxSlippage.IsNil() || !p.MaxSlippage.IsPositive() || p.MaxSlippage.GT(MaxSlippageLimit()) {
		problems = append(problems, fmt.Sprintf("max_slippage %s is not in (0, %s]", decString(p.MaxSlippage), MaxSlippageLimit()))
	}
	if len(problems) > 0 {
		return errorsmod.Wrapf(ErrInvalidPair, "%s", strings.Join(problems, "; "))
	}
	return nil
}
