package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// MaxRouteCandidates bounds the routes BestRoute simulates, so the query's
// cost does not explode with the number of pools.
const MaxRouteCandidates = 512

// MaxRouteSearchSteps bounds the pools BestRoute examines while walking the
// graph, including paths that never reach denom_out: without it the search
// of a dense graph grows as (pools per denom)^max_hops.
const MaxRouteSearchSteps = 4096

// BestRoute searches, depth first in pool id order, every route of at most
// max_hops distinct active pools from tokenIn's denom to denomOut (no denom
// visited twice), simulates each, and returns the one paying the most
// (the shortest, then the first found, on ties). The search stops after
// MaxRouteCandidates simulated routes or MaxRouteSearchSteps examined pools.
func (k Keeper) BestRoute(ctx context.Context, tokenIn sdk.Coin, denomOut string) (RouteResult, []types.Hop, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return RouteResult{}, nil, err
	}
	if tokenIn.Denom == denomOut {
		return RouteResult{}, nil, errorsmod.Wrapf(types.ErrSameDenom, "%s for %s", tokenIn.Denom, denomOut)
	}
	if tokenIn.Amount.IsNil() || !tokenIn.Amount.IsPositive() {
		return RouteResult{}, nil, errorsmod.Wrapf(types.ErrInvalidAmount, "token_in must be positive, got %s", tokenIn)
	}
	var (
		best      RouteResult
		bestRoute []types.Hop
		tried     int
		steps     int
	)
	visited := map[string]bool{tokenIn.Denom: true}
	used := map[uint64]bool{}
	var path []types.Hop
	var walk func(denom string) error
	walk = func(denom string) error {
		if len(path) >= int(params.MaxHops) || tried >= MaxRouteCandidates || steps >= MaxRouteSearchSteps {
			return nil
		}
		ids, err := k.poolIDsWithDenom(ctx, denom)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if used[id] {
				continue
			}
			if steps >= MaxRouteSearchSteps {
				return nil
			}
			steps++
			p, err := k.GetPool(ctx, id)
			if err != nil {
				return err
			}
			if p.Paused || params.Paused {
				continue
			}
			for _, next := range p.Denoms() {
				if visited[next] || tried >= MaxRouteCandidates {
					continue
				}
				path = append(path, types.Hop{PoolId: id, DenomOut: next})
				if next == denomOut {
					tried++
					res, err := k.SimulateSwapExactIn(ctx, path, tokenIn)
					if err == nil && (bestRoute == nil || res.TokenOut.Amount.GT(best.TokenOut.Amount) ||
						(res.TokenOut.Amount.Equal(best.TokenOut.Amount) && len(path) < len(bestRoute))) {
						best, bestRoute = res, append([]types.Hop(nil), path...)
					}
				} else {
					visited[next], used[id] = true, true
					if err := walk(next); err != nil {
						return err
					}
					visited[next], used[id] = false, false
				}
				path = path[:len(path)-1]
			}
		}
		return nil
	}
	if err := walk(tokenIn.Denom); err != nil {
		return RouteResult{}, nil, err
	}
	if bestRoute == nil {
		return RouteResult{}, nil, errorsmod.Wrapf(types.ErrNoRoute, "no route of at most %d hops sells %s for %s", params.MaxHops, tokenIn, denomOut)
	}
	return best, bestRoute, nil
}
