package types

import (
	"errors"
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
)

// Kinked is the market's kinked model as pkg/risk's type.
func (m Market) KinkedModel() risk.KinkedModel {
	return risk.KinkedModel{
		Base: m.Kinked.Base, Slope1: m.Kinked.Slope1, Slope2: m.Kinked.Slope2,
		OptimalUtilization: m.Kinked.OptimalUtilization,
	}
}

// AdaptiveModel is the market's adaptive model as pkg/risk's type.
func (m Market) AdaptiveModel() risk.AdaptiveCurveModel {
	a := m.Adaptive
	return risk.AdaptiveCurveModel{
		TargetUtilization: a.TargetUtilization, CurveSteepness: a.CurveSteepness,
		AdjustmentSpeed: a.AdjustmentSpeed, InitialRateAtTarget: a.InitialRateAtTarget,
		MinRateAtTarget: a.MinRateAtTarget, MaxRateAtTarget: a.MaxRateAtTarget,
	}
}

// BonusParams are the market's Dutch-bonus parameters as pkg/risk's type.
func (m Market) BonusParams() risk.BonusParams {
	return risk.BonusParams{
		MinBonus: m.MinLiquidationBonus, MaxBonus: m.MaxLiquidationBonus,
		HealthFactorForMaxBonus: m.HealthFactorForMaxBonus,
	}
}

// Validate checks a market's configuration and reports every problem at
// once, wrapped in ErrInvalidMarket — or in ErrSplitProfitable when the
// split-proof condition is the only problem, so that a proposal author sees
// which rule failed. The rules: a valid denom and oracle pair;
// 0 ≤ LTV < LT < 1; the bonus parameters valid and split-proof for LT
// ((1 + max bonus) × LT ≤ HF for max bonus, which implies the frontier
// LT × (1 + max bonus) < 1); protocol share in [0, 1]; reserve factor in
// [0, 1); the selected rate model valid (pkg/risk); caps and the minimum
// debt value ≥ 0; backstop_reward_share in [0, 1] (unset: 0) and
// backstop_cooldown_seconds at most a year.
func (m Market) Validate() error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	if err := sdk.ValidateDenom(m.Denom); err != nil {
		add("denom: %s", err)
	} else if _, isReceipt := UnderlyingOf(m.Denom); isReceipt {
		add("denom %q is a receipt denom", m.Denom)
	}
	if m.Decimals > MaxDecimals {
		add("decimals %d is not in [0, %d]", m.Decimals, MaxDecimals)
	}
	if strings.TrimSpace(m.OraclePair) == "" {
		add("oracle_pair is empty")
	}
	one := sdkmath.LegacyOneDec()
	decs := map[string]sdkmath.LegacyDec{
		"collateral_factor": m.CollateralFactor, "liquidation_threshold": m.LiquidationThreshold,
		"liquidation_protocol_share": m.LiquidationProtocolShare, "reserve_factor": m.ReserveFactor,
		"min_debt_value": m.MinDebtValue,
	}
	for _, name := range []string{"collateral_factor", "liquidation_threshold", "liquidation_protocol_share", "reserve_factor", "min_debt_value"} {
		if d := decs[name]; d.IsNil() || d.IsNegative() {
			add("%s %s must be set and ≥ 0", name, decString(d))
		}
	}
	ltv, lt := m.CollateralFactor, m.LiquidationThreshold
	if !ltv.IsNil() && !lt.IsNil() {
		if !ltv.LT(lt) {
			add("collateral_factor %s must be below liquidation_threshold %s", ltv, lt)
		}
		if !lt.LT(one) || !lt.IsPositive() {
			add("liquidation_threshold %s must be in (0, 1)", lt)
		}
	}
	if s := m.LiquidationProtocolShare; !s.IsNil() && s.GT(one) {
		add("liquidation_protocol_share %s must be ≤ 1", s)
	}
	if rf := m.ReserveFactor; !rf.IsNil() && !rf.LT(one) {
		add("reserve_factor %s must be < 1", rf)
	}
	if bs := m.BackstopRewardShare; !bs.IsNil() && (bs.IsNegative() || bs.GT(one)) {
		add("backstop_reward_share %s must be in [0, 1]", bs)
	}
	if m.BackstopCooldownSeconds > MaxBackstopCooldownSeconds {
		add("backstop_cooldown_seconds %d must be at most %d (a year)", m.BackstopCooldownSeconds, MaxBackstopCooldownSeconds)
	}
	for name, c := range map[string]sdkmath.Int{"supply_cap": m.SupplyCap, "borrow_cap": m.BorrowCap} {
		if c.IsNil() || c.IsNegative() {
			add("%s must be set and ≥ 0 (0 means no cap)", name)
		}
	}
	switch m.RateModelType {
	case RATE_MODEL_TYPE_KINKED:
		if err := m.KinkedModel().Validate(); err != nil {
			add("kinked rate model: %s", err)
		}
	case RATE_MODEL_TYPE_ADAPTIVE:
		if err := m.AdaptiveModel().Validate(); err != nil {
			add("adaptive rate model: %s", err)
		}
	default:
		add("rate_model_type must be RATE_MODEL_TYPE_KINKED or RATE_MODEL_TYPE_ADAPTIVE, got %s", m.RateModelType)
	}

	splitProblem := ""
	bonus := m.BonusParams()
	if err := bonus.Validate(); err != nil {
		add("liquidation bonus: %s", err)
	} else if !lt.IsNil() && lt.IsPositive() && lt.LT(one) {
		if err := risk.CheckSplitProof(bonus, lt); err != nil {
			if errors.Is(err, risk.ErrSplitProfitable) {
				splitProblem = fmt.Sprintf("(1 + max_liquidation_bonus %s) × liquidation_threshold %s exceeds health_factor_for_max_bonus %s: %s",
					bonus.MaxBonus, lt, bonus.HealthFactorForMaxBonus, err)
			} else {
				add("liquidation bonus: %s", err)
			}
		}
	}
	switch {
	case len(problems) > 0:
		if splitProblem != "" {
			problems = append(problems, splitProblem)
		}
		return errorsmod.Wrapf(ErrInvalidMarket, "market %q: %s", m.Denom, strings.Join(problems, "; "))
	case splitProblem != "":
		return errorsmod.Wrapf(ErrSplitProfitable, "market %q: %s", m.Denom, splitProblem)
	}
	return nil
}

// NewMarketState is the state of a newly listed market: nothing supplied,
// index 1, accrual starting now.
func NewMarketState(denom string) MarketState {
	return MarketState{
		Denom: denom, Cash: sdkmath.ZeroInt(), ScaledBorrows: sdkmath.ZeroInt(),
		BorrowIndex: sdkmath.LegacyOneDec(), Reserves: sdkmath.ZeroInt(), ReceiptSupply: sdkmath.ZeroInt(),
		RateAtTarget: sdkmath.LegacyZeroDec(),
		TotalDeficit: sdkmath.ZeroInt(), DeficitCoveredByReserves: sdkmath.ZeroInt(), DeficitSocialised: sdkmath.ZeroInt(),
		DeficitCoveredByBackstop: sdkmath.ZeroInt(),
	}
}

// MaxDecimals bounds a market's decimals.
const MaxDecimals = 18

// BaseUnitPrice converts the oracle's price of one whole unit into the
// price of one base unit: price / 10^decimals, rounded up for debt and
// down for collateral (in favour of the market).
func BaseUnitPrice(wholeUnitPrice sdkmath.LegacyDec, decimals uint32, roundUp bool) sdkmath.LegacyDec {
	scale := sdkmath.LegacyNewDecFromInt(sdkmath.NewIntWithDecimal(1, int(decimals)))
	if roundUp {
		return wholeUnitPrice.QuoRoundUp(scale)
	}
	return wholeUnitPrice.QuoTruncate(scale)
}
