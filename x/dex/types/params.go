package types

import (
	"fmt"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dexmath "github.com/agora-labs/agora/x/dex/math"
)

// Bounds of the governed parameters, enforced by Params.Validate.
var (
	MaxSwapFee                 = sdkmath.LegacyNewDecWithPrec(1, 1) // 10%
	MaxProtocolFeeShare        = sdkmath.LegacyNewDecWithPrec(5, 1) // 50% of the swap fee
	MaxHopsLimit        uint32 = 8
	MinTwapWindow              = time.Hour
	MaxTwapWindow              = 30 * 24 * time.Hour
	MaxFeeTiers                = 16
)

// DefaultParams: fee tiers 0.01%, 0.05%, 0.30%, 1.00%; no protocol fee;
// 10 AGR to create a pool; 4 hops; a 48 h TWAP window; stableswap pools of
// up to 4 assets with 1 ≤ A ≤ 10,000; not paused.
func DefaultParams() Params {
	return Params{
		FeeTiers: []sdkmath.LegacyDec{
			sdkmath.LegacyNewDecWithPrec(1, 4),
			sdkmath.LegacyNewDecWithPrec(5, 4),
			sdkmath.LegacyNewDecWithPrec(3, 3),
			sdkmath.LegacyNewDecWithPrec(1, 2),
		},
		ProtocolFeeShare: sdkmath.LegacyZeroDec(),
		PoolCreationFee:  sdk.NewCoins(sdk.NewCoin("uagr", sdkmath.NewInt(10_000_000))),
		MaxHops:          4,
		TwapWindow:       48 * time.Hour,
		MaxPoolAssets:    dexmath.MaxStableSwapAssets,
		MinAmplification: 1,
		MaxAmplification: 10_000,
		Paused:           false,
	}
}

// Validate checks every parameter against its bounds.
func (p Params) Validate() error {
	if len(p.FeeTiers) == 0 || len(p.FeeTiers) > MaxFeeTiers {
		return fmt.Errorf("%w: need 1 to %d fee tiers, got %d", ErrInvalidParams, MaxFeeTiers, len(p.FeeTiers))
	}
	for i, f := range p.FeeTiers {
		if f.IsNil() || f.IsNegative() || f.GT(MaxSwapFee) {
			return fmt.Errorf("%w: fee tier %v must be in [0, %s]", ErrInvalidParams, f, MaxSwapFee)
		}
		for _, g := range p.FeeTiers[:i] {
			if g.Equal(f) {
				return fmt.Errorf("%w: duplicate fee tier %s", ErrInvalidParams, f)
			}
		}
	}
	if p.ProtocolFeeShare.IsNil() || p.ProtocolFeeShare.IsNegative() || p.ProtocolFeeShare.GT(MaxProtocolFeeShare) {
		return fmt.Errorf("%w: protocol_fee_share %v must be in [0, %s]", ErrInvalidParams, p.ProtocolFeeShare, MaxProtocolFeeShare)
	}
	if err := p.PoolCreationFee.Validate(); err != nil {
		return fmt.Errorf("%w: pool_creation_fee: %v", ErrInvalidParams, err)
	}
	if p.MaxHops < 1 || p.MaxHops > MaxHopsLimit {
		return fmt.Errorf("%w: max_hops %d must be in [1, %d]", ErrInvalidParams, p.MaxHops, MaxHopsLimit)
	}
	if p.TwapWindow < MinTwapWindow || p.TwapWindow > MaxTwapWindow {
		return fmt.Errorf("%w: twap_window %s must be in [%s, %s]", ErrInvalidParams, p.TwapWindow, MinTwapWindow, MaxTwapWindow)
	}
	if p.MaxPoolAssets < dexmath.MinStableSwapAssets || p.MaxPoolAssets > dexmath.MaxStableSwapAssets {
		return fmt.Errorf("%w: max_pool_assets %d must be in [%d, %d]", ErrInvalidParams, p.MaxPoolAssets,
			dexmath.MinStableSwapAssets, dexmath.MaxStableSwapAssets)
	}
	if p.MinAmplification < 1 || p.MinAmplification > p.MaxAmplification || p.MaxAmplification > dexmath.MaxAmplification {
		return fmt.Errorf("%w: amplification bounds [%d, %d] must satisfy 1 ≤ min ≤ max ≤ %d", ErrInvalidParams,
			p.MinAmplification, p.MaxAmplification, dexmath.MaxAmplification)
	}
	return nil
}

// IsFeeTier reports whether fee is one of the governed tiers.
func (p Params) IsFeeTier(fee sdkmath.LegacyDec) bool {
	if fee.IsNil() {
		return false
	}
	for _, f := range p.FeeTiers {
		if f.Equal(fee) {
			return true
		}
	}
	return false
}
