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
// It answers ErrPaused while the exchange is paused.
func (k Keeper) BestRoute(ctx context.Context, tokenIn sdk.Coin, denomOut string) (types.RouteResult, []types.Hop, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return types.RouteResult{}, nil, err
	}
	if err := checkNotPaused(params); err != nil {
		return types.RouteResult{}, nil, err
	}
	if tokenIn.Denom == denomOut {
		return types.RouteResult{}, nil, errorsmod.Wrapf(types.ErrSameDenom, "%s for %s", tokenIn.Denom, denomOut)
	}
	if tokenIn.Amount.IsNil() || !tokenIn.Amount.IsPositive() {
		return types.RouteResult{}, nil, errorsmod.Wrapf(types.ErrInvalidAmount, "token_in must be positive, got %s", tokenIn)
	}
	s := &routeSearch{k: k, ctx: ctx, maxHops: int(params.MaxHops), tokenIn: tokenIn, denomOut: denomOut,
		visited: map[string]bool{tokenIn.Denom: true}, used: map[uint64]bool{}}
	if err := s.walk(tokenIn.Denom); err != nil {
		return types.RouteResult{}, nil, err
	}
	if s.bestRoute == nil {
		return types.RouteResult{}, nil, errorsmod.Wrapf(types.ErrNoRoute, "no route of at most %d hops sells %s for %s", params.MaxHops, tokenIn, denomOut)
	}
	return s.best, s.bestRoute, nil
}

// routeSearch is the state of one BestRoute search.
type routeSearch struct {
	k        Keeper
	ctx      context.Context
	maxHops  int
	tokenIn  sdk.Coin
	denomOut string

	visited   map[string]bool // denoms on the current path
	used      map[uint64]bool // pools on the current path
	path      []types.Hop
	tried     int // routes simulated
	steps     int // pools examined
	best      types.RouteResult
	bestRoute []types.Hop
}

func (s *routeSearch) exhausted() bool {
	return s.tried >= MaxRouteCandidates || s.steps >= MaxRouteSearchSteps
}

// walk extends the current path from denom through every unused active
// pool holding it.
func (s *routeSearch) walk(denom string) error {
	if len(s.path) >= s.maxHops || s.exhausted() {
		return nil
	}
	ids, err := s.k.poolIDsWithDenom(s.ctx, denom)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if s.used[id] {
			continue
		}
		if s.steps >= MaxRouteSearchSteps {
			return nil
		}
		s.steps++
		p, err := s.k.GetPool(s.ctx, id)
		if err != nil {
			return err
		}
		if p.Paused {
			continue
		}
		for _, next := range p.Denoms() {
			if s.visited[next] || s.tried >= MaxRouteCandidates {
				continue
			}
			if err := s.step(id, next); err != nil {
				return err
			}
		}
	}
	return nil
}

// step adds hop (pool id → next) to the path: simulates the route if next
// is the target, otherwise walks on from next.
func (s *routeSearch) step(id uint64, next string) error {
	s.path = append(s.path, types.Hop{PoolId: id, DenomOut: next})
	defer func() { s.path = s.path[:len(s.path)-1] }()
	if next == s.denomOut {
		s.tried++
		s.consider()
		return nil
	}
	s.visited[next], s.used[id] = true, true
	defer func() { s.visited[next], s.used[id] = false, false }()
	return s.walk(next)
}

// consider simulates the current path and keeps it if it pays more (or
// the same with fewer hops). A path that cannot be priced is skipped.
func (s *routeSearch) consider() {
	res, err := s.k.SimulateSwapExactIn(s.ctx, s.path, s.tokenIn)
	if err != nil {
		return
	}
	out, best := res.TokenOut.Amount, s.best.TokenOut.Amount
	if s.bestRoute == nil || out.GT(best) || (out.Equal(best) && len(s.path) < len(s.bestRoute)) {
		s.best, s.bestRoute = res, append([]types.Hop(nil), s.path...)
	}
}
