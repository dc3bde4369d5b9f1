package cmd

import (
	sdkmath "cosmossdk.io/math"
)

// pegAction is what `agorad keeper` does about AUSD's price on the dex.
type pegAction int

const (
	pegNone pegAction = iota
	// pegBuyAndExit: AUSD is cheap on the dex: buy it with USDC there and
	// swap it out of the PSM at 1 − fee_out (or redeem it when the PSM is
	// empty).
	pegBuyAndExit
	// pegMintAndSell: AUSD is dear on the dex: swap USDC into the PSM at
	// 1 − fee_in and sell the AUSD on the dex.
	pegMintAndSell
)

func (a pegAction) String() string {
	switch a {
	case pegBuyAndExit:
		return "buy AUSD on the dex, exit through the PSM"
	case pegMintAndSell:
		return "mint AUSD in the PSM, sell it on the dex"
	}
	return "none"
}

// planPeg decides from the dex's quotes for the arbitrage size: ausdForUsdc
// is the AUSD the dex pays for size USDC, usdcForAusd the USDC it pays for
// size AUSD. A round trip must return more than it costs after the PSM's
// fee (rounded up) and a margin (a share of size):
//
//	buy and exit:  ausdForUsdc − ⌈ausdForUsdc × fee_out⌉ > size × (1 + margin)
//	mint and sell: usdcForAusd(size − ⌈size × fee_in⌉) > size × (1 + margin)
//
// mintQuote is the dex's USDC for (size − PSM-in fee) AUSD.
func planPeg(size, ausdForUsdc, mintQuote sdkmath.Int, feeIn, feeOut, margin sdkmath.LegacyDec) pegAction {
	want := sdkmath.LegacyOneDec().Add(margin).MulInt(size)
	exit := ausdForUsdc.Sub(feeOut.MulInt(ausdForUsdc).Ceil().TruncateInt())
	if sdkmath.LegacyNewDecFromInt(exit).GT(want) {
		return pegBuyAndExit
	}
	if sdkmath.LegacyNewDecFromInt(mintQuote).GT(want) {
		return pegMintAndSell
	}
	return pegNone
}
