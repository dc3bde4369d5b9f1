package types_test

import (
	"testing"

	"github.com/agora-labs/agora/x/synth/types"
)

// A synth's metadata is valid bank metadata with its display unit at 6
// decimals, for every length of symbol a synth may have.
func TestSynthMetadata(t *testing.T) {
	for _, tc := range []struct{ symbol, wantSymbol, display string }{
		{"USD", "sUSD", "susd"},
		{"X", "sX", "synth/X/display"},
		{"1INCH", "s1INCH", "s1inch"},
		{"ABCDEFGHIJKL", "sABCDEFGHIJKL", "sabcdefghijkl"},
	} {
		md := types.SynthMetadata(tc.symbol)
		if err := md.Validate(); err != nil {
			t.Fatalf("%s: %v", tc.symbol, err)
		}
		if md.Base != types.SynthDenom(tc.symbol) || md.Symbol != tc.wantSymbol || md.Display != tc.display {
			t.Fatalf("%s: base %s symbol %s display %s", tc.symbol, md.Base, md.Symbol, md.Display)
		}
		if u := md.DenomUnits[len(md.DenomUnits)-1]; u.Denom != md.Display || u.Exponent != types.SynthDecimals {
			t.Fatalf("%s: display unit %v", tc.symbol, u)
		}
	}
}
