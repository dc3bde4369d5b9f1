package types

import (
	"fmt"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// SynthMetadata is the bank metadata of synth/{symbol}: base unit at
// exponent 0, display unit "s{symbol}" (lower case) at SynthDecimals,
// (base/display when that is not a valid denom), symbol "s{SYMBOL}" ("sUSD", "sBTC"), so that wallets and the synth's
// ERC-20 view show whole synths.
func SynthMetadata(symbol string) banktypes.Metadata {
	base := SynthDenom(symbol)
	display := "s" + strings.ToLower(symbol)
	if sdk.ValidateDenom(display) != nil { // a one-character symbol
		display = base + "/display"
	}
	return banktypes.Metadata{
		Description: fmt.Sprintf("Agora synthetic %s: tracks the oracle's %s price, minted against staked collateral", symbol, symbol),
		DenomUnits: []*banktypes.DenomUnit{
			{Denom: base, Exponent: 0},
			{Denom: display, Exponent: SynthDecimals},
		},
		Base:    base,
		Display: display,
		Name:    "Agora synthetic " + symbol,
		Symbol:  "s" + symbol,
	}
}
