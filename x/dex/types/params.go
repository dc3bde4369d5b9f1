package types

import (
	"fmt"
	"strings"
	"time"

	errorsmod "cosmossdk.io/errors"
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
	// MaxOrdersPerPoolLimit bounds max_orders_per_pool_per_block.
	MaxOrdersPerPoolLimit uint32 = 10_000
	// MaxOpenOrdersLimit bounds max_open_orders_per_account.
	MaxOpenOrdersLimit uint32 = 1000
)

// DefaultParams: fee tiers 0.01%, 0.05%, 0.30%, 1.00%; no protocol fee;
// 10 AGR to create a pool; 4 hops; a 48 h TWAP window; stableswap pools of
// up to 4 assets with 1 ≤ A ≤ 10,000; not paused; limit orders of at least
// 1000 base units, at most 100 open per account; the matched part of a
// limit order's fill pays 0.05% (maker) or 0.15% (taker).
func DefaultParams() Params {
	return Params{
		FeeTiers: FeeTiers(
			sdkmath.LegacyNewDecWithPrec(1, 4),
			sdkmath.LegacyNewDecWithPrec(5, 4),
			sdkmath.LegacyNewDecWithPrec(3, 3),
			sdkmath.LegacyNewDecWithPrec(1, 2),
		),
		ProtocolFeeShare:  sdkmath.LegacyZeroDec(),
		PoolCreationFee:   sdk.NewCoins(sdk.NewCoin("uagr", sdkmath.NewInt(10_000_000))),
		MaxHops:           4,
		TwapWindowSeconds: uint64(48 * time.Hour / time.Second),
		MaxPoolAssets:     dexmath.MaxPoolAssets,
		MinAmplification:  1,
		MaxAmplification:  10_000,
		Paused:            false,

		MaxOrdersPerPoolPerBlock: 1000,
		MinLimitOrderSize:        sdkmath.NewInt(1000),
		MaxOpenOrdersPerAccount:  100,
		LimitMakerFee:            sdkmath.LegacyNewDecWithPrec(5, 4),
		LimitTakerFee:            sdkmath.LegacyNewDecWithPrec(15, 4),
	}
}

// Validate checks every parameter against its bounds and reports every
// problem at once, as one ErrInvalidParams.
func (p Params) Validate() error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if len(p.FeeTiers) == 0 || len(p.FeeTiers) > MaxFeeTiers {
		add("need 1 to %d fee tiers, got %d", MaxFeeTiers, len(p.FeeTiers))
	}
	for i, t := range p.FeeTiers {
		f := t.Fee
		if f.IsNil() || f.IsNegative() || f.GT(MaxSwapFee) {
			add("fee tier %v must be in [0, %s]", f, MaxSwapFee)
			continue
		}
		for _, g := range p.FeeTiers[:i] {
			if !g.Fee.IsNil() && g.Fee.Equal(f) {
				add("duplicate fee tier %s", f)
				break
			}
		}
	}
	if p.ProtocolFeeShare.IsNil() || p.ProtocolFeeShare.IsNegative() || p.ProtocolFeeShare.GT(MaxProtocolFeeShare) {
		add("protocol_fee_share %v must be in [0, %s]", p.ProtocolFeeShare, MaxProtocolFeeShare)
	}
	if err := p.PoolCreationFee.Validate(); err != nil {
		add("pool_creation_fee: %v", err)
	}
	if p.MaxHops < 1 || p.MaxHops > MaxHopsLimit {
		add("max_hops %d must be in [1, %d]", p.MaxHops, MaxHopsLimit)
	}
	if w := p.TwapWindow(); w < MinTwapWindow || w > MaxTwapWindow {
		add("twap_window_seconds %d (%s) must be in [%d, %d] (%s to %s)", p.TwapWindowSeconds, w,
			uint64(MinTwapWindow/time.Second), uint64(MaxTwapWindow/time.Second), MinTwapWindow, MaxTwapWindow)
	}
	if p.MaxPoolAssets < dexmath.MinPoolAssets || p.MaxPoolAssets > dexmath.MaxPoolAssets {
		add("max_pool_assets %d must be in [%d, %d]", p.MaxPoolAssets, dexmath.MinPoolAssets, dexmath.MaxPoolAssets)
	}
	if p.MinAmplification < 1 || p.MinAmplification > p.MaxAmplification || p.MaxAmplification > dexmath.MaxAmplification {
		add("amplification bounds [%d, %d] must satisfy 1 ≤ min ≤ max ≤ %d",
			p.MinAmplification, p.MaxAmplification, dexmath.MaxAmplification)
	}
	if p.MaxOrdersPerPoolPerBlock < 1 || p.MaxOrdersPerPoolPerBlock > MaxOrdersPerPoolLimit {
		add("max_orders_per_pool_per_block %d must be in [1, %d]", p.MaxOrdersPerPoolPerBlock, MaxOrdersPerPoolLimit)
	}
	if p.MinLimitOrderSize.IsNil() || !p.MinLimitOrderSize.IsPositive() {
		add("min_limit_order_size %v must be at least 1", p.MinLimitOrderSize)
	}
	if p.MaxOpenOrdersPerAccount < 1 || p.MaxOpenOrdersPerAccount > MaxOpenOrdersLimit {
		add("max_open_orders_per_account %d must be in [1, %d]", p.MaxOpenOrdersPerAccount, MaxOpenOrdersLimit)
	}
	for _, f := range []struct {
		name string
		v    sdkmath.LegacyDec
	}{{"limit_maker_fee", p.LimitMakerFee}, {"limit_taker_fee", p.LimitTakerFee}} {
		if f.v.IsNil() || f.v.IsNegative() || f.v.GT(MaxSwapFee) {
			add("%s %v must be in [0, %s]", f.name, f.v, MaxSwapFee)
		}
	}
	if len(problems) > 0 {
		return errorsmod.Wrap(ErrInvalidParams, strings.Join(problems, "; "))
	}
	return nil
}

// CheckPoolShape applies the governed bounds to a new pool (beyond
// ValidatePoolShape): a stableswap pool has at most max_pool_assets assets
// and an amplification within [min_amplification, max_amplification].
func (p Params) CheckPoolShape(t PoolType, n int, amp uint64) error {
	if t != POOL_TYPE_STABLESWAP {
		return nil
	}
	if n > int(p.MaxPoolAssets) {
		return errorsmod.Wrapf(ErrInvalidAssetCount, "a stableswap pool has 2 to %d assets, got %d", p.MaxPoolAssets, n)
	}
	if amp < p.MinAmplification || amp > p.MaxAmplification {
		return errorsmod.Wrapf(ErrInvalidAmplification, "amplification %d is outside [%d, %d]", amp, p.MinAmplification, p.MaxAmplification)
	}
	return nil
}

// IsFeeTier reports whether fee is one of the governed tiers.
func (p Params) IsFeeTier(fee sdkmath.LegacyDec) bool {
	if fee.IsNil() {
		return false
	}
	for _, t := range p.FeeTiers {
		if !t.Fee.IsNil() && t.Fee.Equal(fee) {
			return true
		}
	}
	return false
}

// LimitMatchFee is the fee a limit order pays on the matched part of its
// fill: limit_maker_fee for a maker, limit_taker_fee for a taker.
func (p Params) LimitMatchFee(maker bool) sdkmath.LegacyDec {
	if maker {
		return p.LimitMakerFee
	}
	return p.LimitTakerFee
}

// TwapWindow is twap_window_seconds as a duration (capped, so a huge value
// cannot overflow).
func (p Params) TwapWindow() time.Duration {
	if p.TwapWindowSeconds > uint64(MaxTwapWindow/time.Second)*2 {
		return 2 * MaxTwapWindow
	}
	return time.Duration(p.TwapWindowSeconds) * time.Second
}

// FeeList is the fee tiers as decimals (for messages).
func (p Params) FeeList() []sdkmath.LegacyDec {
	out := make([]sdkmath.LegacyDec, len(p.FeeTiers))
	for i, t := range p.FeeTiers {
		out[i] = t.Fee
	}
	return out
}

// FeeTiers builds the fee_tiers parameter from fees.
func FeeTiers(fees ...sdkmath.LegacyDec) []FeeTier {
	out := make([]FeeTier, len(fees))
	for i, f := range fees {
		out[i] = FeeTier{Fee: f}
	}
	return out
}
