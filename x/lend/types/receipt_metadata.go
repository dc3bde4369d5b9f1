package types

import (
	"fmt"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// ReceiptMetadata is the bank metadata of a market's receipt token: base
// unit lend/{denom} at exponent 0 and a display unit "r{symbol}" (lower
// case; base/display when that is not a valid denom) at the market's
// decimals, so that a wallet or an ERC-20 view shows
// receipts at the scale of their underlying. underlyingSymbol is the
// symbol of the underlying's bank metadata ("USDC"); empty falls back to
// the denom. The symbol is "r{symbol}" ("rUSDC"), as the web app names
// receipts.
func ReceiptMetadata(m Market, underlyingSymbol string) banktypes.Metadata {
	symbol := underlyingSymbol
	if symbol == "" {
		symbol = m.Denom
	}
	base := ReceiptDenom(m.Denom)
	display := "r" + strings.ToLower(symbol)
	if sdk.ValidateDenom(display) != nil { // a symbol with spaces, or too short
		display = base + "/display"
	}
	units := []*banktypes.DenomUnit{{Denom: base, Exponent: 0}}
	if m.Decimals > 0 {
		units = append(units, &banktypes.DenomUnit{Denom: display, Exponent: m.Decimals})
	} else {
		display = base
	}
	return banktypes.Metadata{
		Description: fmt.Sprintf("Agora money market receipt of %s: a claim on the %s market's cash and loans, redeemable at the market's exchange rate", symbol, m.Denom),
		DenomUnits:  units,
		Base:        base,
		Display:     display,
		Name:        fmt.Sprintf("Agora lend %s receipt", symbol),
		Symbol:      "r" + symbol,
	}
}
