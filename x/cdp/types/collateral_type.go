package types

import (
	"fmt"
	"strings"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Bounds of a collateral type's parameters.
var (
	maxMCR            = sdkmath.LegacyNewDec(10)
	maxStabilityFee   = sdkmath.LegacyOneDec()
	penaltyLimit      = sdkmath.LegacyNewDecWithPrec(5, 1) // penalty < 0.5
	maxDecimals       = uint32(18)
	stablecoinMarkers = []string{"usd", "eur", "dai", "usdt", "usdc"}
)

// IsStablecoin reports whether a denom is a dollar (or other fiat) stand-in,
// which is never vault collateral (it goes through the PSM): AUSD itself,
// the PSM's dollar, and any denom or oracle pair base naming a fiat
// stablecoin (uusdc, uusdt, udai, ...).
func IsStablecoin(denom, oraclePair, psmDenom string) bool {
	d := strings.ToLower(denom)
	if d == StableDenom || (psmDenom != "" && d == strings.ToLower(psmDenom)) {
		return true
	}
	base := strings.ToLower(strings.SplitN(oraclePair, "/", 2)[0])
	for _, m := range stablecoinMarkers {
		if strings.Contains(d, m) || strings.Contains(base, m) {
			return true
		}
	}
	return false
}

// Validate checks the collateral type's bounds, every problem at once:
// MCR in (1, 10]; stability fee in [0, 1]; penalty in [0, 0.5) with
// 1 + penalty ≤ MCR (a vault at its MCR covers its debt and penalty);
// ceilings and floor ≥ 0; decimals ≤ 18; a denom and an oracle pair set.
func (c CollateralType) Validate() error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if err := sdk.ValidateDenom(c.Denom); err != nil {
		add("denom %q: %s", c.Denom, err)
	}
	if parts := strings.Split(c.OraclePair, "/"); len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		add("oracle_pair %q must be BASE/QUOTE", c.OraclePair)
	}
	if c.Decimals > maxDecimals {
		add("decimals %d is above %d", c.Decimals, maxDecimals)
	}
	if c.MinCollateralRatio.IsNil() || c.MinCollateralRatio.LTE(sdkmath.LegacyOneDec()) || c.MinCollateralRatio.GT(maxMCR) {
		add("min_collateral_ratio %s is not in (1, %s]", decString(c.MinCollateralRatio), maxMCR)
	}
	if c.StabilityFee.IsNil() || c.StabilityFee.IsNegative() || c.StabilityFee.GT(maxStabilityFee) {
		add("stability_fee %s is not in [0, %s]", decString(c.StabilityFee), maxStabilityFee)
	}
	if c.LiquidationPenalty.IsNil() || c.LiquidationPenalty.IsNegative() || c.LiquidationPenalty.GTE(penaltyLimit) {
		add("liquidation_penalty %s is not in [0, %s)", decString(c.LiquidationPenalty), penaltyLimit)
	} else if !c.MinCollateralRatio.IsNil() && sdkmath.LegacyOneDec().Add(c.LiquidationPenalty).GT(c.MinCollateralRatio) {
		add("1 + liquidation_penalty %s exceeds min_collateral_ratio %s", sdkmath.LegacyOneDec().Add(c.LiquidationPenalty), c.MinCollateralRatio)
	}
	if c.DebtCeiling.IsNil() || c.DebtCeiling.IsNegative() {
		add("debt_ceiling %s must be ≥ 0", intString(c.DebtCeiling))
	}
	if c.DebtFloor.IsNil() || c.DebtFloor.IsNegative() {
		add("debt_floor %s must be ≥ 0", intString(c.DebtFloor))
	}
	if len(problems) > 0 {
		return errorsmod.Wrap(ErrInvalidCollateralType, strings.Join(problems, "; "))
	}
	return nil
}

// NewCollateralState is a new type's state: rate 1, nothing owed, accruing
// from now, no redistribution yet (K = 1, B = 0).
func NewCollateralState(denom string, now time.Time) CollateralState {
	return CollateralState{
		Denom: denom, Rate: sdkmath.LegacyOneDec(), LastAccrual: now,
		NormalizedDebt: sdkmath.ZeroInt(), Collateral: sdkmath.ZeroInt(), Issued: sdkmath.ZeroInt(),
		LCollateral: sdkmath.LegacyOneDec(), LDebt: sdkmath.LegacyZeroDec(), FrozenPrice: sdkmath.LegacyZeroDec(),
		PendingCollateral: sdkmath.ZeroInt(), PendingDebt: sdkmath.ZeroInt(),
	}
}

// NewBooks is an empty set of books.
func NewBooks() Books {
	z := sdkmath.ZeroInt()
	return Books{
		RedemptionBaseRate: sdkmath.LegacyZeroDec(), Surplus: z, SystemDebt: z, PsmReserve: z,
		AgrBoughtBurned: z, SurplusSpent: z, AgrMintedSold: z, AgrSaleProceeds: z,
		SettledDebt: z, SettlementOutstanding: z,
	}
}

// NewPoolState is an empty stability pool: P = 1, scale 0, epoch 0.
func NewPoolState() PoolState {
	return PoolState{P: sdkmath.LegacyOneDec(), TotalDeposits: sdkmath.ZeroInt()}
}
