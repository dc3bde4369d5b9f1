package types

import (
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/pkg/risk"
)

// Bounds of the module parameters.
const (
	DefaultMaxMarkets = 20
	MaxMarketsLimit   = 100

	DefaultMaxProtocolLiquidationsPerBlock = 10
	MaxProtocolLiquidationsPerBlockLimit   = 100
	DefaultProtocolLiquidationScanPerBlock = 200
	MaxProtocolLiquidationScanPerBlock     = 10_000
)

// MaxProtocolLiquidationSlippage bounds protocol_liquidation_max_slippage.
func MaxProtocolLiquidationSlippage() sdkmath.LegacyDec { return sdkmath.LegacyNewDecWithPrec(5, 1) }

// DefaultParams: not paused, up to 20 markets, liquidations restore HF 1.05;
// the protocol liquidates up to 10 positions per block (examining 200 debt
// entries) and sells collateral at no less than 95 % of its oracle value.
func DefaultParams() Params {
	return Params{
		Paused:             false,
		MaxMarkets:         DefaultMaxMarkets,
		TargetHealthFactor: sdkmath.LegacyNewDecWithPrec(105, 2),

		MaxProtocolLiquidationsPerBlock: DefaultMaxProtocolLiquidationsPerBlock,
		ProtocolLiquidationMaxSlippage:  sdkmath.LegacyNewDecWithPrec(5, 2),
		ProtocolLiquidationScanPerBlock: DefaultProtocolLiquidationScanPerBlock,
	}
}

// Validate reports every out-of-bounds parameter at once.
func (p Params) Validate() error {
	var problems []string
	if p.MaxMarkets < 1 || p.MaxMarkets > MaxMarketsLimit {
		problems = append(problems, fmt.Sprintf("max_markets %d is not in [1, %d]", p.MaxMarkets, MaxMarketsLimit))
	}
	if p.TargetHealthFactor.IsNil() || p.TargetHealthFactor.LT(sdkmath.LegacyOneDec()) ||
		p.TargetHealthFactor.GT(risk.MaxTargetHealthFactor()) {
		problems = append(problems, fmt.Sprintf("target_health_factor %s is not in [1, %s]",
			decString(p.TargetHealthFactor), risk.MaxTargetHealthFactor()))
	}
	if p.MaxProtocolLiquidationsPerBlock > MaxProtocolLiquidationsPerBlockLimit {
		problems = append(problems, fmt.Sprintf("max_protocol_liquidations_per_block %d is not in [0, %d]",
			p.MaxProtocolLiquidationsPerBlock, MaxProtocolLiquidationsPerBlockLimit))
	}
	if p.ProtocolLiquidationMaxSlippage.IsNil() || p.ProtocolLiquidationMaxSlippage.IsNegative() ||
		p.ProtocolLiquidationMaxSlippage.GT(MaxProtocolLiquidationSlippage()) {
		problems = append(problems, fmt.Sprintf("protocol_liquidation_max_slippage %s is not in [0, %s]",
			decString(p.ProtocolLiquidationMaxSlippage), MaxProtocolLiquidationSlippage()))
	}
	if p.ProtocolLiquidationScanPerBlock < 1 || p.ProtocolLiquidationScanPerBlock > MaxProtocolLiquidationScanPerBlock {
		problems = append(problems, fmt.Sprintf("protocol_liquidation_scan_per_block %d is not in [1, %d]",
			p.ProtocolLiquidationScanPerBlock, MaxProtocolLiquidationScanPerBlock))
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
