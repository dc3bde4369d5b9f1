package types

import errorsmod "cosmossdk.io/errors"

// Errors of the oracle module. Codes are stable: never renumber them (the
// README's "Errors" table lists when each is returned).
var (
	ErrInvalidParams        = errorsmod.Register(ModuleName, 2, "invalid oracle params")
	ErrUnauthorized         = errorsmod.Register(ModuleName, 3, "unauthorized: only the gov module account may change oracle params")
	ErrUnknownPair          = errorsmod.Register(ModuleName, 4, "pair is not listed in the oracle params")
	ErrPriceNotFound        = errorsmod.Register(ModuleName, 5, "no price has been recorded for the pair yet")
	ErrPriceStale           = errorsmod.Register(ModuleName, 6, "price is stale")
	ErrInvalidVoteExtension = errorsmod.Register(ModuleName, 7, "invalid oracle vote extension")
	ErrInvalidInjectedVotes = errorsmod.Register(ModuleName, 8, "invalid injected oracle votes")
	ErrForgedAggregate      = errorsmod.Register(ModuleName, 9, "injected oracle aggregate does not match the votes")
	ErrInvalidPair          = errorsmod.Register(ModuleName, 10, "invalid pair name: expected BASE/QUOTE in upper case, e.g. BTC/USD")
	ErrInvalidGenesis       = errorsmod.Register(ModuleName, 11, "invalid oracle genesis")
	ErrGuardUnavailable     = errorsmod.Register(ModuleName, 12, "the pair's DEX guard price cannot be computed")
	ErrInvalidRequest       = errorsmod.Register(ModuleName, 13, "invalid request")
)
