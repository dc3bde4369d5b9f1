package types_test

import (
	"testing"

	"github.com/agora-labs/agora/x/lend/types"
)

// A receipt's metadata is valid bank metadata whose display unit carries
// the market's decimals, for an ordinary symbol, a symbol that is no valid
// denom, no symbol at all, and a market of 0 decimals.
func TestReceiptMetadata(t *testing.T) {
	for _, tc := range []struct {
		denom, symbol       string
		decimals            uint32
		wantSymbol, display string
	}{
		{"uusdc", "USDC", 6, "rUSDC", "rusdc"},
		{"ubtc", "Wrapped BTC", 8, "rWrapped BTC", "lend/ubtc/display"},
		{"ufoo", "", 6, "rufoo", "rufoo"},
		{"unit", "X", 0, "rX", "lend/unit"},
	} {
		md := types.ReceiptMetadata(types.Market{Denom: tc.denom, Decimals: tc.decimals}, tc.symbol)
		if err := md.Validate(); err != nil {
			t.Fatalf("%s: %v", tc.denom, err)
		}
		if md.Base != types.ReceiptDenom(tc.denom) || md.Symbol != tc.wantSymbol || md.Display != tc.display {
			t.Fatalf("%s: base %s symbol %q display %s, want %s %q %s", tc.denom, md.Base, md.Symbol, md.Display, types.ReceiptDenom(tc.denom), tc.wantSymbol, tc.display)
		}
		var exp uint32
		for _, u := range md.DenomUnits {
			if u.Denom == md.Display {
				exp = u.Exponent
			}
		}
		if exp != tc.decimals {
			t.Fatalf("%s: display exponent %d, want %d", tc.denom, exp, tc.decimals)
		}
	}
}
