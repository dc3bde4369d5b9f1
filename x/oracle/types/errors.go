package types

import errorsmod "cosmossdk.io/errors"

// Errors of the oracle module. Codes are stable: never renumber them (the
// README's "Errors" table lists when each is returned).
var (
	ErrInvalidParams        = errorsmod.Register(ModuleName, 2, "invalid oracle params")
	ErrUnauthorized         = errorsmod.Register(ModuleName, 3, "signer is not the timelock's account: schedule it through x/timelock")
	ErrUnknownPair          = errorsmod.Register(ModuleName, 4, "pair is not listed in the oracle params")
	ErrPriceNotFound        = errorsmod.Register(ModuleName, 5, "no price has been recorded for the pair yet")
	ErrPriceStale           = errorsmod.Register(ModuleName, 6, "price is stale")
	ErrInvalidVoteExtension = errorsmod.Register(ModuleName, 7, "invalid oracle vote extension")
	ErrInvalidInjectedVotes = errorsmod.Register(ModuleName, 8, "invalid injected oracle votes")
	ErrForgedAggregate      = errorsmod.Register(ModuleName, 9, "injected oracle aggregate does not match the votes")
	ErrInvalidPair          = errorsmod.Register(ModuleName, 10, "invalid pair name: expected BASE/QUOTE in upper case, e.g. BTC/USD")
	ErrInvalidGenesis       = errorsmod.Register(ModuleName, 11, "invalid oracle genesis")
	ErrGuardUnavailable     = errorsmod.Register(ModuleName, 12, "the pair's DEX guard price cannot be computed")
)

// The injected votes' entry in FinalizeBlock's results (see
// abci.LabelInjectedVotesResult): code 0 in codespace "oracle" with this log.
// Code 0 because nothing failed: the bytes were never a user transaction,
// no fee was taken and the pre-blocker has already applied the votes; a
// non-zero code would keep every generic client (explorers, CosmJS, our CLI)
// reporting a failed transaction in every block. Clients recognise the entry
// by codespace "oracle" with code 0 (no user transaction of the oracle can
// produce it: the module has no user messages), or by the transaction bytes'
// prefix agora/oracle/votes/v1:.
const InjectedVotesLog = "oracle votes injected by the proposer; not a user transaction"
