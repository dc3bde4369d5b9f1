package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// The keeper-level swap: what other modules call (e.g. a liquidation
// selling seized collateral from a module account), and what the msg
// server wraps. Every check is here: route rules, pauses, slippage.

// SwapExactIn sells exactly tokenIn from sender along route and pays the
// output, at least minOut, to sender. sender may be a module account. It
// returns the executed route.
func (k Keeper) SwapExactIn(ctx context.Context, sender sdk.AccAddress, route []types.Hop, tokenIn sdk.Coin, minOut sdkmath.Int) (types.RouteResult, error) {
	if err := checkSwapper(sender); err != nil {
		return types.RouteResult{}, err
	}
	if minOut.IsNil() || minOut.IsNegative() {
		return types.RouteResult{}, errorsmod.Wrapf(types.ErrInvalidAmount, "min_out must not be negative, got %v", minOut)
	}
	plan, err := k.planExactIn(ctx, route, tokenIn)
	if err != nil {
		return types.RouteResult{}, err
	}
	if err := types.CheckMinOut(plan.res.TokenOut, minOut); err != nil {
		return types.RouteResult{}, err
	}
	if err := k.executeRoute(ctx, sender, plan, route, false); err != nil {
		return types.RouteResult{}, err
	}
	return plan.res, nil
}

// SwapExactOut buys exactly tokenOut with denomIn from sender along route,
// spending at most maxIn, and pays tokenOut to sender. sender may be a
// module account. It returns the executed route.
func (k Keeper) SwapExactOut(ctx context.Context, sender sdk.AccAddress, route []types.Hop, denomIn string, tokenOut sdk.Coin, maxIn sdkmath.Int) (types.RouteResult, error) {
	if err := checkSwapper(sender); err != nil {
		return types.RouteResult{}, err
	}
	if maxIn.IsNil() || !maxIn.IsPositive() {
		return types.RouteResult{}, errorsmod.Wrapf(types.ErrInvalidAmount, "max_in must be positive, got %v", maxIn)
	}
	plan, err := k.planExactOut(ctx, route, denomIn, tokenOut)
	if err != nil {
		return types.RouteResult{}, err
	}
	if err := types.CheckMaxIn(plan.res.TokenIn, maxIn); err != nil {
		return types.RouteResult{}, err
	}
	if err := k.executeRoute(ctx, sender, plan, route, true); err != nil {
		return types.RouteResult{}, err
	}
	return plan.res, nil
}

// SimulateSwapExactIn prices selling tokenIn along route against the
// current state. It changes nothing.
func (k Keeper) SimulateSwapExactIn(ctx context.Context, route []types.Hop, tokenIn sdk.Coin) (types.RouteResult, error) {
	plan, err := k.planExactIn(ctx, route, tokenIn)
	return plan.res, err
}

// SimulateSwapExactOut prices buying tokenOut with denomIn along route,
// hop by hop from the last one back. It changes nothing.
func (k Keeper) SimulateSwapExactOut(ctx context.Context, route []types.Hop, denomIn string, tokenOut sdk.Coin) (types.RouteResult, error) {
	plan, err := k.planExactOut(ctx, route, denomIn, tokenOut)
	return plan.res, err
}

// routePlan is a priced route and the pools after each hop, ready to
// execute.
type routePlan struct {
	res    types.RouteResult
	before []types.Pool
	after  []types.Pool
}

func checkSwapper(sender sdk.AccAddress) error {
	if err := sdk.VerifyAddressFormat(sender); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidAddress, "sender: %v", err)
	}
	return nil
}

// checkRoute applies the route rules (types.ValidateRoute) and the
// governed hop limit.
func checkRoute(params types.Params, route []types.Hop, denomIn string) error {
	if err := types.ValidateRoute(route, denomIn); err != nil {
		return err
	}
	return params.CheckHops(route)
}

// hopPool loads the pool of hop n (1-based) and checks it is active and
// holds denomIn and the hop's denom_out.
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

// loadRoute checks the route and loads its pools, in route order (so
// errors name the first broken hop).
func (k Keeper) loadRoute(ctx context.Context, route []types.Hop, denomIn string) (types.Params, []types.Pool, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return params, nil, err
	}
	if err := checkRoute(params, route, denomIn); err != nil {
		return params, nil, err
	}
	pools := make([]types.Pool, len(route))
	denom := denomIn
	for n, hop := range route {
		if pools[n], err = k.hopPool(ctx, params, n+1, hop, denom); err != nil {
			return params, nil, err
		}
		denom = hop.DenomOut
	}
	return params, pools, nil
}

func (k Keeper) planExactIn(ctx context.Context, route []types.Hop, tokenIn sdk.Coin) (routePlan, error) {
	if tokenIn.Amount.IsNil() || !tokenIn.Amount.IsPositive() {
		return routePlan{}, errorsmod.Wrapf(types.ErrInvalidAmount, "token_in must be positive, got %s", tokenIn)
	}
	params, pools, err := k.loadRoute(ctx, route, tokenIn.Denom)
	if err != nil {
		return routePlan{}, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	plan := routePlan{before: pools, after: make([]types.Pool, len(route))}
	plan.res.Hops = make([]types.SwapHop, len(route))
	denom, amount := tokenIn.Denom, tokenIn.Amount
	for n, hop := range route {
		rec, after, err := pools[n].SwapExactIn(denom, hop.DenomOut, amount, now, params.ProtocolFeeShare)
		if err != nil {
			return routePlan{}, errorsmod.Wrapf(err, "hop %d", n+1)
		}
		plan.res.Hops[n], plan.after[n] = rec, after
		denom, amount = hop.DenomOut, rec.TokenOut.Amount
	}
	plan.res.TokenIn, plan.res.TokenOut = tokenIn, sdk.Coin{Denom: denom, Amount: amount}
	return plan, nil
}

func (k Keeper) planExactOut(ctx context.Context, route []types.Hop, denomIn string, tokenOut sdk.Coin) (routePlan, error) {
	if tokenOut.Amount.IsNil() || !tokenOut.Amount.IsPositive() {
		return routePlan{}, errorsmod.Wrapf(types.ErrInvalidAmount, "token_out must be positive, got %s", tokenOut)
	}
	if err := types.ValidateRouteEnd(route, tokenOut.Denom); err != nil {
		return routePlan{}, err
	}
	params, pools, err := k.loadRoute(ctx, route, denomIn)
	if err != nil {
		return routePlan{}, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	plan := routePlan{before: pools, after: make([]types.Pool, len(route))}
	plan.res.Hops = make([]types.SwapHop, len(route))
	amount := tokenOut.Amount
	for n := len(route) - 1; n >= 0; n-- {
		in := denomIn
		if n > 0 {
			in = route[n-1].DenomOut
		}
		rec, after, err := pools[n].SwapExactOut(in, route[n].DenomOut, amount, now, params.ProtocolFeeShare)
		if err != nil {
			return routePlan{}, errorsmod.Wrapf(err, "hop %d", n+1)
		}
		plan.res.Hops[n], plan.after[n] = rec, after
		amount = rec.TokenIn.Amount
	}
	plan.res.TokenIn, plan.res.TokenOut = sdk.Coin{Denom: denomIn, Amount: amount}, tokenOut
	return plan, nil
}

// executeRoute moves the coins of a planned swap and stores the pools:
// token_in from the sender to the module, the protocol fees to the
// community pool, token_out to the sender (by a plain send from the module
// account, so a module account may receive it).
func (k Keeper) executeRoute(ctx context.Context, sender sdk.AccAddress, plan routePlan, route []types.Hop, exactOut bool) error {
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	res := plan.res
	if err := k.bank.SendCoinsFromAccountToModule(ctx, sender, types.ModuleName, sdk.NewCoins(res.TokenIn)); err != nil {
		return err
	}
	protocol := sdk.NewCoins()
	for n, h := range res.Hops {
		if err := SwapInvariantHolds(plan.before[n], plan.after[n], now); err != nil {
			return errorsmod.Wrapf(err, "hop %d", n+1)
		}
		if err := k.savePool(ctx, plan.after[n]); err != nil {
			return err
		}
		protocol = protocol.Add(h.ProtocolFee)
	}
	if err := k.fundCommunityPool(ctx, protocol); err != nil {
		return err
	}
	if err := k.addSwapStats(ctx, res.Hops); err != nil {
		return err
	}
	if err := k.payOut(ctx, sender, sdk.NewCoins(res.TokenOut)); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSwap{
		Sender: sender.String(), ExactOut: exactOut, TokenIn: res.TokenIn, TokenOut: res.TokenOut,
		Route: route, Hops: res.Hops,
	})
}

// payOut sends coins held by the dex module account to recipient, which
// may be a module account (a plain send, not SendCoinsFromModuleToAccount,
// which refuses blocked addresses).
func (k Keeper) payOut(ctx context.Context, recipient sdk.AccAddress, coins sdk.Coins) error {
	if coins.IsZero() {
		return nil
	}
	return k.bank.SendCoins(ctx, k.moduleAddr, recipient, coins)
}

// fundCommunityPool sends protocol fees from the module to the community
// pool.
func (k Keeper) fundCommunityPool(ctx context.Context, coins sdk.Coins) error {
	if coins.IsZero() {
		return nil
	}
	return k.distr.FundCommunityPool(ctx, coins, k.moduleAddr)
}
