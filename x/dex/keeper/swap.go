package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// RouteResult is a swap over a route, computed but not yet executed.
type RouteResult struct {
	TokenIn  sdk.Coin
	TokenOut sdk.Coin
	Hops     []types.HopOutcome
}

// checkRoute applies the governed hop limit and forbids using a pool twice
// (each hop is priced against the pool's state before the swap).
func checkRoute(params types.Params, route []types.Hop, denomIn string) error {
	if err := types.ValidateRoute(route, denomIn); err != nil {
		return err
	}
	if uint32(len(route)) > params.MaxHops {
		return errorsmod.Wrapf(types.ErrInvalidRoute, "route has %d hops, the maximum is %d", len(route), params.MaxHops)
	}
	seen := map[uint64]int{}
	for k, h := range route {
		if first, dup := seen[h.PoolId]; dup {
			return errorsmod.Wrapf(types.ErrInvalidRoute, "hop %d: pool %d is already used by hop %d", k+1, h.PoolId, first)
		}
		seen[h.PoolId] = k + 1
	}
	return nil
}

// hopPool loads the pool of hop k (1-based) and checks it holds denomIn
// and the hop's denom_out.
func (k Keeper) hopPool(ctx context.Context, params types.Params, n int, hop types.Hop, denomIn string) (types.Pool, error) {
	p, err := k.getActivePool(ctx, params, hop.PoolId)
	if err != nil {
		return p, errorsmod.Wrapf(err, "hop %d", n)
	}
	if _, ok := p.IndexOf(denomIn); !ok {
		if n == 1 {
			return p, errorsmod.Wrapf(types.ErrDenomNotInPool, "hop 1: pool %d does not hold %s (it holds %v)", p.Id, denomIn, p.Denoms())
		}
		return p, errorsmod.Wrapf(types.ErrInvalidRoute, "hop %d: pool %d does not hold %s, the output of hop %d", n, p.Id, denomIn, n-1)
	}
	if _, ok := p.IndexOf(hop.DenomOut); !ok {
		return p, errorsmod.Wrapf(types.ErrDenomNotInPool, "hop %d: pool %d does not hold %s (it holds %v)", n, p.Id, hop.DenomOut, p.Denoms())
	}
	return p, nil
}

// SimulateSwapExactIn prices selling tokenIn along route against the
// current state. It changes nothing.
func (k Keeper) SimulateSwapExactIn(ctx context.Context, route []types.Hop, tokenIn sdk.Coin) (RouteResult, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return RouteResult{}, err
	}
	if tokenIn.Amount.IsNil() || !tokenIn.Amount.IsPositive() {
		return RouteResult{}, errorsmod.Wrapf(types.ErrInvalidAmount, "token_in must be positive, got %s", tokenIn)
	}
	if err := checkRoute(params, route, tokenIn.Denom); err != nil {
		return RouteResult{}, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	denom, amount := tokenIn.Denom, tokenIn.Amount
	hops := make([]types.HopOutcome, 0, len(route))
	for n, hop := range route {
		p, err := k.hopPool(ctx, params, n+1, hop, denom)
		if err != nil {
			return RouteResult{}, err
		}
		out, err := p.SwapExactIn(denom, hop.DenomOut, amount, now, params.ProtocolFeeShare)
		if err != nil {
			return RouteResult{}, errorsmod.Wrapf(err, "hop %d", n+1)
		}
		hops = append(hops, out)
		denom, amount = hop.DenomOut, out.AmountOut
	}
	return RouteResult{TokenIn: tokenIn, TokenOut: sdk.Coin{Denom: denom, Amount: amount}, Hops: hops}, nil
}

// SimulateSwapExactOut prices buying tokenOut with denomIn along route,
// hop by hop from the last one back. It changes nothing.
func (k Keeper) SimulateSwapExactOut(ctx context.Context, route []types.Hop, denomIn string, tokenOut sdk.Coin) (RouteResult, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return RouteResult{}, err
	}
	if tokenOut.Amount.IsNil() || !tokenOut.Amount.IsPositive() {
		return RouteResult{}, errorsmod.Wrapf(types.ErrInvalidAmount, "token_out must be positive, got %s", tokenOut)
	}
	if err := checkRoute(params, route, denomIn); err != nil {
		return RouteResult{}, err
	}
	if last := route[len(route)-1].DenomOut; last != tokenOut.Denom {
		return RouteResult{}, errorsmod.Wrapf(types.ErrInvalidRoute, "route ends in %s but token_out is %s", last, tokenOut.Denom)
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	// Load and check every hop first, so that errors name the first broken
	// hop in route order.
	pools := make([]types.Pool, len(route))
	ins := make([]string, len(route))
	denom := denomIn
	for n, hop := range route {
		p, err := k.hopPool(ctx, params, n+1, hop, denom)
		if err != nil {
			return RouteResult{}, err
		}
		pools[n], ins[n], denom = p, denom, hop.DenomOut
	}
	hops := make([]types.HopOutcome, len(route))
	amount := tokenOut.Amount
	for n := len(route) - 1; n >= 0; n-- {
		out, err := pools[n].SwapExactOut(ins[n], route[n].DenomOut, amount, now, params.ProtocolFeeShare)
		if err != nil {
			return RouteResult{}, errorsmod.Wrapf(err, "hop %d", n+1)
		}
		hops[n] = out
		amount = out.AmountIn
	}
	return RouteResult{TokenIn: sdk.Coin{Denom: denomIn, Amount: amount}, TokenOut: tokenOut, Hops: hops}, nil
}

// executeRoute moves the coins of a computed swap and stores the pools:
// token_in from the sender to the module, the protocol fees to the
// community pool, token_out to the sender.
func (k Keeper) executeRoute(ctx context.Context, sender sdk.AccAddress, res RouteResult, route []types.Hop, exactOut bool) error {
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	if err := k.bank.SendCoinsFromAccountToModule(ctx, sender, types.ModuleName, sdk.NewCoins(res.TokenIn)); err != nil {
		return err
	}
	protocol := sdk.NewCoins()
	events := make([]types.SwapHop, len(res.Hops))
	for n, h := range res.Hops {
		if err := SwapInvariantHolds(h.Before, h.After, now); err != nil {
			return errorsmod.Wrapf(err, "hop %d", n+1)
		}
		if err := k.savePool(ctx, h.After); err != nil {
			return err
		}
		protocol = protocol.Add(sdk.Coin{Denom: h.DenomIn, Amount: h.ProtocolFee})
		events[n] = types.SwapHop{
			PoolId:        h.PoolID,
			TokenIn:       sdk.Coin{Denom: h.DenomIn, Amount: h.AmountIn},
			TokenOut:      sdk.Coin{Denom: h.DenomOut, Amount: h.AmountOut},
			Fee:           sdk.Coin{Denom: h.DenomIn, Amount: h.Fee},
			ProtocolFee:   sdk.Coin{Denom: h.DenomIn, Amount: h.ProtocolFee},
			ReservesAfter: h.After.Reserves,
		}
	}
	if !protocol.IsZero() {
		if err := k.distr.FundCommunityPool(ctx, protocol, k.moduleAddr); err != nil {
			return err
		}
	}
	if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, sender, sdk.NewCoins(res.TokenOut)); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSwap{
		Sender: sender.String(), ExactOut: exactOut, TokenIn: res.TokenIn, TokenOut: res.TokenOut,
		Route: route, Hops: events,
	})
}

// shortBy formats "(short by 5uusdc)" for minimum/maximum errors.
func shortBy(a, b sdkmath.Int, denom string) string {
	return types.FormatCoin(a.Sub(b).Abs(), denom)
}
