package types

import errorsmod "cosmossdk.io/errors"

// Errors of the backstop, the deficit history and the market/oracle check.
// Codes from 40 on (31–39 are left to the rest of the module).
var (
	ErrInsufficientBackstopStake = errorsmod.Register(ModuleName, 40, "not enough active backstop stake")
	ErrNothingToClaim            = errorsmod.Register(ModuleName, 41, "no backstop cooldown has matured")
	ErrTooManyCooldowns          = errorsmod.Register(ModuleName, 42, "too many backstop cooldowns pending")
	ErrOracleMismatch            = errorsmod.Register(ModuleName, 43, "market does not match its oracle pair")
)
