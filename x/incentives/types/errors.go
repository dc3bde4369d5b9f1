package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/incentives: stable codes, never renumbered.
var (
	ErrInvalidAmount      = errorsmod.Register(ModuleName, 2, "invalid amount")
	ErrInvalidAddress     = errorsmod.Register(ModuleName, 3, "invalid address")
	ErrUnauthorized       = errorsmod.Register(ModuleName, 4, "signer is not the timelock's account: schedule it through x/timelock")
	ErrInvalidParams      = errorsmod.Register(ModuleName, 5, "invalid parameters")
	ErrUnknownPool        = errorsmod.Register(ModuleName, 6, "no such dex pool")
	ErrNotShareDenom      = errorsmod.Register(ModuleName, 7, "not an LP share denom (dex/pool/{id})")
	ErrInsufficientShares = errorsmod.Register(ModuleName, 8, "insufficient LP shares")
	ErrInsufficientBond   = errorsmod.Register(ModuleName, 9, "unbonding more than bonded")
	ErrInvalidGauge       = errorsmod.Register(ModuleName, 10, "invalid gauge")
	ErrTooManyGauges      = errorsmod.Register(ModuleName, 11, "the pool has the maximum number of unfinished gauges")
	ErrInvalidWeights     = errorsmod.Register(ModuleName, 12, "invalid pool weights")
	ErrPriceUnavailable   = errorsmod.Register(ModuleName, 13, "price unavailable")
	ErrInvalidGenesis     = errorsmod.Register(ModuleName, 14, "invalid genesis state")
	ErrInsufficientFunds  = errorsmod.Register(ModuleName, 15, "insufficient funds")
)
