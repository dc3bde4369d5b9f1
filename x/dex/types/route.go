package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Route rules, in one place: ValidateRoute holds every rule that needs no
// state (run by ValidateBasic and by the keeper), CheckHops the governed
// hop limit; the keeper adds only what needs the store (the pool exists,
// is active and holds the hop's denoms).

// RouteResult is a swap along a route: what went in, what came out, and
// what each hop did. The keeper's Simulate* methods return it without
// executing anything; SwapExactIn/SwapExactOut return it executed. It is
// the type other modules receive from the keeper-level swap.
type RouteResult struct {
	TokenIn  sdk.Coin
	TokenOut sdk.Coin
	// Hops are the hops in route order; SwapHop is the one hop record of
	// the module (events, query responses and this result).
	Hops []SwapHop
}

// ValidateRoute checks a route's shape: at least one hop, positive pool
// ids, valid denoms, no hop whose output is its input, no pool used twice
// (each hop is priced against the pool as it was before the swap), and a
// route that does not end where it starts. The governed hop limit is
// CheckHops.
func ValidateRoute(route []Hop, denomIn string) error {
	if len(route) == 0 {
		return errorsmod.Wrap(ErrInvalidRoute, "route has no hops")
	}
	prev := denomIn
	seen := make(map[uint64]int, len(route))
	for k, h := range route {
		if h.PoolId == 0 {
			return errorsmod.Wrapf(ErrInvalidRoute, "hop %d: pool id must be positive", k+1)
		}
		if err := sdk.ValidateDenom(h.DenomOut); err != nil {
			return errorsmod.Wrapf(ErrInvalidDenom, "hop %d: denom_out: %v", k+1, err)
		}
		if h.DenomOut == prev {
			return errorsmod.Wrapf(ErrSameDenom, "hop %d: swaps %s for itself", k+1, prev)
		}
		if first, dup := seen[h.PoolId]; dup {
			return errorsmod.Wrapf(ErrInvalidRoute, "hop %d: pool %d is already used by hop %d", k+1, h.PoolId, first)
		}
		seen[h.PoolId] = k + 1
		prev = h.DenomOut
	}
	if prev == denomIn {
		return errorsmod.Wrapf(ErrSameDenom, "route starts and ends in %s", denomIn)
	}
	return nil
}

// ValidateRouteEnd checks that an exact-out route ends in the bought denom.
func ValidateRouteEnd(route []Hop, denomOut string) error {
	if len(route) == 0 {
		return errorsmod.Wrap(ErrInvalidRoute, "route has no hops")
	}
	if last := route[len(route)-1].DenomOut; last != denomOut {
		return errorsmod.Wrapf(ErrInvalidRoute, "route ends in %s but token_out is %s", last, denomOut)
	}
	return nil
}

// CheckHops applies the governed hop limit.
func (p Params) CheckHops(route []Hop) error {
	if uint32(len(route)) > p.MaxHops {
		return errorsmod.Wrapf(ErrInvalidRoute, "route has %d hops, the maximum is %d", len(route), p.MaxHops)
	}
	return nil
}

// CheckDeadline refuses an action whose deadline (zero = none) is before
// the block time.
func CheckDeadline(deadline, blockTime time.Time) error {
	if !deadline.IsZero() && blockTime.After(deadline) {
		return errorsmod.Wrapf(ErrDeadlineExceeded, "deadline %s has passed (block time %s)",
			deadline.UTC().Format(time.RFC3339), blockTime.UTC().Format(time.RFC3339))
	}
	return nil
}

// CheckMinOut refuses an output below minOut.
func CheckMinOut(out sdk.Coin, minOut sdkmath.Int) error {
	if out.Amount.LT(minOut) {
		return errorsmod.Wrapf(ErrMinOutNotMet, "swap output %s is below min_out %s (short by %s)",
			out, FormatCoin(minOut, out.Denom), FormatCoin(minOut.Sub(out.Amount), out.Denom))
	}
	return nil
}

// CheckMaxIn refuses an input above maxIn.
func CheckMaxIn(in sdk.Coin, maxIn sdkmath.Int) error {
	if in.Amount.GT(maxIn) {
		return errorsmod.Wrapf(ErrMaxInExceeded, "swap input %s is above max_in %s (over by %s)",
			in, FormatCoin(maxIn, in.Denom), FormatCoin(in.Amount.Sub(maxIn), in.Denom))
	}
	return nil
}
