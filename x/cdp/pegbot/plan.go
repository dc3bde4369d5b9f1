// Package pegbot is the decision logic of the AUSD keeper bot's peg
// arbitrage, shared by `agorad keeper` (which trades through gRPC and
// transactions) and the in-process stress test (which trades through the
// keepers): Plan decides from the dex's quotes, Round quotes, decides and
// trades through a Market.
package pegbot

import (
	sdkmath "cosmossdk.io/math"
)

// Action is what a round does about AUSD's price on the dex.
type Action int

const (
	None Action = iota
	// BuyAndExit: AUSD is cheap on the dex: buy it with the PSM's dollar
	// there and swap it out of the PSM at 1 − fee_out (or redeem it when
	// the PSM holds too little).
	BuyAndExit
	// MintAndSell: AUSD is dear on the dex: swap the dollar into the PSM at
	// 1 − fee_in and sell the AUSD on the dex.
	MintAndSell
)

func (a Action) String() string {
	switch a {
	case BuyAndExit:
		return "buy AUSD on the dex, exit through the PSM"
	case MintAndSell:
		return "mint AUSD in the PSM, sell it on the dex"
	}
	return "none"
}

// Plan decides from the dex's quotes for the arbitrage size: ausdForUsdc
// is the AUSD the dex pays for size USDC, mintQuote the USDC it pays for
// the AUSD the PSM mints for size USDC (size − ⌈size × fee_in⌉). A round
// trip must return more than it costs after the PSM's fee (rounded up) and
// a margin (a share of size):
//
//	buy and exit:  ausdForUsdc − ⌈ausdForUsdc × fee_out⌉ > size × (1 + margin)
//	mint and sell: mintQuote > size × (1 + margin)
func Plan(size, ausdForUsdc, mintQuote sdkmath.Int, feeIn, feeOut, margin sdkmath.LegacyDec) Action {
	want := sdkmath.LegacyOneDec().Add(margin).MulInt(size)
	exit := ausdForUsdc.Sub(feeOut.MulInt(ausdForUsdc).Ceil().TruncateInt())
	if sdkmath.LegacyNewDecFromInt(exit).GT(want) {
		return BuyAndExit
	}
	if sdkmath.LegacyNewDecFromInt(mintQuote).GT(want) {
		return MintAndSell
	}
	return None
}
