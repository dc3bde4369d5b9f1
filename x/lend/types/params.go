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
)

// DefaultParams: not paused, up to 20 markets, liquidations restore HF 1.05.
func DefaultParams() Params {
	return Params{
		Paused:             false,
		MaxMarkets:         DefaultMaxMarkets,
		TargetHealthFactor: sdkmath.LegacyNewDecWithPrec(105, 2),
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
