package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// Simulations of the four liquidity messages against the current state:
// the same pool operations and refusals as the msg server (a join needs the
// exchange and the pool active; an exit does not), without moving coins.
// They cannot check that a sender holds the coins or shares: the caller
// compares with the balance.

// LiquidityPreview is what a single-asset join or exit would do: shares
// minted or burned, the coin in or out, the fee (protocol share included),
// the protocol's share, and the price impact (see types.Pool.JoinPriceImpact).
type LiquidityPreview struct {
	Shares      sdkmath.Int
	Token       sdk.Coin
	Fee         sdk.Coins
	ProtocolFee sdk.Coins
	PriceImpact sdkmath.LegacyDec
}

// SimulateJoinPool prices MsgJoinPool with maxIn: the shares it would mint
// and the coins it would take.
func (k Keeper) SimulateJoinPool(ctx context.Context, poolID uint64, maxIn sdk.Coins) (sdkmath.Int, sdk.Coins, error) {
	if err := maxIn.Validate(); err != nil || maxIn.Empty() {
		return sdkmath.Int{}, nil, errorsmod.Wrapf(types.ErrInvalidAmount, "max_amounts_in %q must be positive coins, one per pool asset", maxIn)
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return sdkmath.Int{}, nil, err
	}
	p, err := k.getActivePool(ctx, params, poolID)
	if err != nil {
		return sdkmath.Int{}, nil, err
	}
	shares, in, _, err := p.JoinProportional(maxIn)
	return shares, in, err
}

// SimulateExitPool prices MsgExitPool with shares: the coins it would pay.
func (k Keeper) SimulateExitPool(ctx context.Context, poolID uint64, shares sdkmath.Int) (sdk.Coins, error) {
	if err := positiveShares(shares); err != nil {
		return nil, err
	}
	p, err := k.GetPool(ctx, poolID)
	if err != nil {
		return nil, err
	}
	out, _, err := p.ExitProportional(shares)
	return out, err
}

// SimulateJoinSingleAsset prices MsgJoinSingleAsset with tokenIn.
func (k Keeper) SimulateJoinSingleAsset(ctx context.Context, poolID uint64, tokenIn sdk.Coin) (LiquidityPreview, error) {
	if tokenIn.Validate() != nil || !tokenIn.Amount.IsPositive() {
		return LiquidityPreview{}, errorsmod.Wrapf(types.ErrInvalidAmount, "token_in must be a positive coin, got %s", tokenIn)
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return LiquidityPreview{}, err
	}
	p, err := k.getActivePool(ctx, params, poolID)
	if err != nil {
		return LiquidityPreview{}, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	res, err := p.JoinSingleAsset(tokenIn, now, params.ProtocolFeeShare)
	if err != nil {
		return LiquidityPreview{}, err
	}
	impact, err := p.JoinPriceImpact(tokenIn.Denom, tokenIn.Amount, res.Shares, now)
	if err != nil {
		return LiquidityPreview{}, err
	}
	return LiquidityPreview{Shares: res.Shares, Token: res.Token, Fee: res.Fee, ProtocolFee: res.ProtocolFee, PriceImpact: impact}, nil
}

// SimulateExitSingleAsset prices MsgExitSingleAsset with shares for
// denomOut.
func (k Keeper) SimulateExitSingleAsset(ctx context.Context, poolID uint64, shares sdkmath.Int, denomOut string) (LiquidityPreview, error) {
	if err := positiveShares(shares); err != nil {
		return LiquidityPreview{}, err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return LiquidityPreview{}, err
	}
	p, err := k.GetPool(ctx, poolID)
	if err != nil {
		return LiquidityPreview{}, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	res, err := p.ExitSingleAsset(shares, denomOut, now, params.ProtocolFeeShare)
	if err != nil {
		return LiquidityPreview{}, err
	}
	impact, err := p.ExitPriceImpact(denomOut, shares, res.Token.Amount, now)
	if err != nil {
		return LiquidityPreview{}, err
	}
	return LiquidityPreview{Shares: shares, Token: res.Token, Fee: res.Fee, ProtocolFee: res.ProtocolFee, PriceImpact: impact}, nil
}

func positiveShares(shares sdkmath.Int) error {
	if shares.IsNil() || !shares.IsPositive() {
		return errorsmod.Wrapf(types.ErrInvalidAmount, "shares_in must be positive, got %v", shares)
	}
	return nil
}
