package pegbot

import (
	"context"
	"fmt"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	cdptypes "github.com/agora-labs/agora/x/cdp/types"
	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// Market is what a peg round needs, acting as the bot's account: dex
// quotes and swaps, the PSM, redemptions, balances.
type Market interface {
	// Quote is the dex's best route for in and what it pays.
	Quote(ctx context.Context, in sdk.Coin, denomOut string) (sdkmath.Int, []dextypes.Hop, error)
	// Swap trades in along route for at least minOut and returns what it got.
	Swap(ctx context.Context, route []dextypes.Hop, in sdk.Coin, minOut sdkmath.Int) (sdkmath.Int, error)
	PsmIn(ctx context.Context, amount sdkmath.Int) error
	PsmOut(ctx context.Context, amount sdkmath.Int) error
	Redeem(ctx context.Context, amount sdkmath.Int, collateralType string) error
	PsmReserve(ctx context.Context) (sdkmath.Int, error)
	Balance(ctx context.Context, denom string) (sdkmath.Int, error)
}

// SwapFloor is the least a bot's dex swap accepts: 99.5 % of the quote.
var SwapFloor = sdkmath.LegacyNewDecWithPrec(995, 3)

// RedeemMaxFee bounds the redemption fee the bot accepts.
var RedeemMaxFee = sdkmath.LegacyNewDecWithPrec(5, 2)

// Result is what a round did: its action, the transactions it sent and a
// line per step.
type Result struct {
	Action Action
	Txs    int
	Log    []string
}

// Round quotes size of the PSM's dollar both ways on the dex, decides with
// Plan and, when a round trip pays, trades: buy AUSD on the dex and swap it
// out of the PSM (redeem it for redeemType's collateral when the PSM holds
// too little), or swap into the PSM and sell the AUSD on the dex.
func Round(ctx context.Context, m Market, p cdptypes.Params, redeemType string, size sdkmath.Int, margin sdkmath.LegacyDec) (Result, error) {
	var r Result
	if p.PsmDenom == "" || p.Paused {
		return r, nil
	}
	usdc := p.PsmDenom
	ausdForUsdc, buyRoute, err := m.Quote(ctx, sdk.NewCoin(usdc, size), cdptypes.StableDenom)
	if err != nil {
		return r, fmt.Errorf("quote %s%s → AUSD: %w", size, usdc, err)
	}
	minted := size.Sub(cdptypes.PsmFee(size, p.PsmFeeIn))
	mintQuote, sellRoute, err := m.Quote(ctx, sdk.NewCoin(cdptypes.StableDenom, minted), usdc)
	if err != nil {
		return r, fmt.Errorf("quote AUSD → %s: %w", usdc, err)
	}
	r.Action = Plan(size, ausdForUsdc, mintQuote, p.PsmFeeIn, p.PsmFeeOut, margin)
	if r.Action == None {
		return r, nil
	}
	have, err := m.Balance(ctx, usdc)
	if err != nil {
		return r, err
	}
	if have.LT(size) {
		r.Log = append(r.Log, fmt.Sprintf("peg: %s, but the key holds only %s%s", r.Action, have, usdc))
		r.Action = None
		return r, nil
	}
	floor := func(q sdkmath.Int) sdkmath.Int { return SwapFloor.MulInt(q).TruncateInt() }
	switch r.Action {
	case BuyAndExit:
		got, err := m.Swap(ctx, buyRoute, sdk.NewCoin(usdc, size), floor(ausdForUsdc))
		if err != nil {
			return r, fmt.Errorf("buy AUSD on the dex: %w", err)
		}
		r.Txs++
		reserve, err := m.PsmReserve(ctx)
		if err != nil {
			return r, err
		}
		if reserve.GTE(got.Sub(cdptypes.PsmFee(got, p.PsmFeeOut))) {
			if err := m.PsmOut(ctx, got); err != nil {
				return r, fmt.Errorf("PSM out: %w", err)
			}
			r.Txs++
			r.Log = append(r.Log, fmt.Sprintf("peg: bought %suausd for %s%s on the dex, swapped them out of the PSM", got, size, usdc))
			return r, nil
		}
		if redeemType == "" {
			return r, nil
		}
		if err := m.Redeem(ctx, got, redeemType); err != nil {
			return r, fmt.Errorf("redeem: %w", err)
		}
		r.Txs++
		r.Log = append(r.Log, fmt.Sprintf("peg: bought %suausd on the dex; the PSM is short, redeemed them for %s", got, redeemType))
	case MintAndSell:
		if err := m.PsmIn(ctx, size); err != nil {
			return r, fmt.Errorf("PSM in: %w", err)
		}
		r.Txs++
		got, err := m.Swap(ctx, sellRoute, sdk.NewCoin(cdptypes.StableDenom, minted), floor(mintQuote))
		if err != nil {
			return r, fmt.Errorf("sell AUSD on the dex: %w", err)
		}
		r.Txs++
		r.Log = append(r.Log, fmt.Sprintf("peg: swapped %s%s into the PSM, sold %suausd on the dex for %s%s", size, usdc, minted, got, usdc))
	}
	return r, nil
}
