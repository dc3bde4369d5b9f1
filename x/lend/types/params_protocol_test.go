package types_test

import (
	"strings"
	"testing"

	"github.com/agora-labs/agora/x/lend/types"
)

// The protocol liquidation parameters are bounded, and every problem is
// reported at once.
func TestProtocolLiquidationParamsValidate(t *testing.T) {
	p := types.DefaultParams()
	p.MaxProtocolLiquidationsPerBlock = 101
	p.ProtocolLiquidationMaxSlippage = dec("0.51")
	p.ProtocolLiquidationScanPerBlock = 0
	err := p.Validate()
	if !types.ErrInvalidParams.Is(err) {
		t.Fatalf("got %v", err)
	}
	for _, want := range []string{"max_protocol_liquidations_per_block 101", "protocol_liquidation_max_slippage 0.51", "protocol_liquidation_scan_per_block 0"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q not in %v", want, err)
		}
	}
	p = types.DefaultParams()
	p.ProtocolLiquidationMaxSlippage = dec("-0.01")
	if err := p.Validate(); !types.ErrInvalidParams.Is(err) {
		t.Fatalf("negative slippage: %v", err)
	}
	p = types.DefaultParams()
	p.MaxProtocolLiquidationsPerBlock, p.ProtocolLiquidationMaxSlippage, p.ProtocolLiquidationScanPerBlock = 0, dec("0.5"), 10_000
	if err := p.Validate(); err != nil {
		t.Fatalf("bounds are inclusive: %v", err)
	}
}
