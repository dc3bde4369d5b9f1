package types

import (
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Bounds of the module parameters.
const (
	MaxLiquidationsPerBlockLimit = 1000
	MaxCollateralTypesLimit      = 50
	MinRedemptionHalfLife        = 60
	MaxRedemptionHalfLife        = 30 * 24 * 3600
	MaxRedemptionVaultsLimit     = 1000
	MaxSettlementVaultsLimit     = 10000
)

var (
	maxSlippage          = sdkmath.LegacyNewDecWithPrec(5, 1) // 0.5
	maxLiquidationReward = sdkmath.LegacyNewDecWithPrec(5, 2) // 0.05
	maxPsmFee            = sdkmath.LegacyNewDecWithPrec(1, 1) // 0.1
)

// DefaultParams: not paused, a global ceiling of 100M AUSD, 20 liquidations
// per block selling at ≥ 95 % of oracle value in lots up to 1M AUSD, a 0.5 %
// liquidation reward, half the stability fees to the pool, a 1M AUSD surplus
// buffer, no PSM (psm_denom empty), up to 20 collateral types, and
// redemptions at a 0.5 % floor fee whose base rate halves every 12 hours,
// touching at most 50 vaults each; the books' AGR legs off (no
// agr_oracle_pair) with lots of 10,000 AUSD at ≥ 95 % of oracle value once
// set; a shutdown settling 500 vaults per block.
func DefaultParams() Params {
	return Params{
		GlobalDebtCeiling:       sdkmath.NewInt(100_000_000_000_000),
		MaxLiquidationsPerBlock: 20,
		LiquidationMaxSlippage:  sdkmath.LegacyNewDecWithPrec(5, 2),
		MaxSaleLot:              sdkmath.NewInt(1_000_000_000_000),
		LiquidationReward:       sdkmath.LegacyNewDecWithPrec(5, 3),
		StabilityPoolFeeShare:   sdkmath.LegacyNewDecWithPrec(5, 1),
		SurplusBuffer:           sdkmath.NewInt(1_000_000_000_000),
		PsmDenom:                "",
		PsmFeeIn:                sdkmath.LegacyZeroDec(),
		PsmFeeOut:               sdkmath.LegacyZeroDec(),
		PsmCeiling:              sdkmath.ZeroInt(),
		MaxCollateralTypes:      20,

		RedemptionFeeFloor:        sdkmath.LegacyNewDecWithPrec(5, 3),
		RedemptionHalfLifeSeconds: 12 * 3600,
		RedemptionMaxVaults:       50,

		AgrOraclePair:            "",
		BookLot:                  sdkmath.NewInt(10_000_000_000),
		BookMaxSlippage:          sdkmath.LegacyNewDecWithPrec(5, 2),
		SettlementVaultsPerBlock: 500,
	}
}

// Validate reports every out-of-bounds parameter at once.
func (p Params) Validate() error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	nonNeg := func(name string, v sdkmath.Int) {
		if v.IsNil() || v.IsNegative() {
			add("%s %s must be ≥ 0", name, intString(v))
		}
	}
	inRange := func(name string, v, hi sdkmath.LegacyDec) {
		if v.IsNil() || v.IsNegative() || v.GT(hi) {
			add("%s %s is not in [0, %s]", name, decString(v), hi)
		}
	}
	nonNeg("global_debt_ceiling", p.GlobalDebtCeiling)
	if p.MaxLiquidationsPerBlock > MaxLiquidationsPerBlockLimit {
		add("max_liquidations_per_block %d is not in [0, %d]", p.MaxLiquidationsPerBlock, MaxLiquidationsPerBlockLimit)
	}
	inRange("liquidation_max_slippage", p.LiquidationMaxSlippage, maxSlippage)
	nonNeg("max_sale_lot", p.MaxSaleLot)
	inRange("liquidation_reward", p.LiquidationReward, maxLiquidationReward)
	inRange("stability_pool_fee_share", p.StabilityPoolFeeShare, sdkmath.LegacyOneDec())
	nonNeg("surplus_buffer", p.SurplusBuffer)
	if p.PsmDenom != "" {
		if err := sdk.ValidateDenom(p.PsmDenom); err != nil {
			add("psm_denom %q: %s", p.PsmDenom, err)
		} else if p.PsmDenom == StableDenom {
			add("psm_denom cannot be %s itself", StableDenom)
		}
	}
	inRange("psm_fee_in", p.PsmFeeIn, maxPsmFee)
	inRange("psm_fee_out", p.PsmFeeOut, maxPsmFee)
	nonNeg("psm_ceiling", p.PsmCeiling)
	if p.MaxCollateralTypes < 1 || p.MaxCollateralTypes > MaxCollateralTypesLimit {
		add("max_collateral_types %d is not in [1, %d]", p.MaxCollateralTypes, MaxCollateralTypesLimit)
	}
	inRange("redemption_fee_floor", p.RedemptionFeeFloor, maxPsmFee)
	if p.RedemptionHalfLifeSeconds < MinRedemptionHalfLife || p.RedemptionHalfLifeSeconds > MaxRedemptionHalfLife {
		add("redemption_half_life_seconds %d is not in [%d, %d]", p.RedemptionHalfLifeSeconds, MinRedemptionHalfLife, MaxRedemptionHalfLife)
	}
	if p.RedemptionMaxVaults < 1 || p.RedemptionMaxVaults > MaxRedemptionVaultsLimit {
		add("redemption_max_vaults %d is not in [1, %d]", p.RedemptionMaxVaults, MaxRedemptionVaultsLimit)
	}
	if p.AgrOraclePair != "" && !strings.Contains(p.AgrOraclePair, "/") {
		add("agr_oracle_pair %q is not a pair such as AGR/USD", p.AgrOraclePair)
	}
	nonNeg("book_lot", p.BookLot)
	inRange("book_max_slippage", p.BookMaxSlippage, maxSlippage)
	if p.SettlementVaultsPerBlock < 1 || p.SettlementVaultsPerBlock > MaxSettlementVaultsLimit {
		add("settlement_vaults_per_block %d is not in [1, %d]", p.SettlementVaultsPerBlock, MaxSettlementVaultsLimit)
	}
	if len(problems) > 0 {
		return errorsmod.Wrap(ErrInvalidParams, strings.Join(problems, "; "))
	}
	return nil
}

func decString(d sdkmath.LegacyDec) string {
	if d.IsNil() {
		return "<unset>"
	}
	return d.String()
}

func intString(i sdkmath.Int) string {
	if i.IsNil() {
		return "<unset>"
	}
	return i.String()
}
