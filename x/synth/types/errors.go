package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/synth. The codes are stable: never renumber or
// reuse one. Messages are completed with the offending values when wrapped.
var (
	ErrInvalidAmount      = errorsmod.Register(ModuleName, 2, "invalid amount")
	ErrInvalidAddress     = errorsmod.Register(ModuleName, 3, "invalid address")
	ErrUnauthorized       = errorsmod.Register(ModuleName, 4, "signer is not the timelock's account: schedule it through x/timelock")
	ErrInvalidParams      = errorsmod.Register(ModuleName, 5, "invalid parameters")
	ErrInvalidCollateral  = errorsmod.Register(ModuleName, 6, "invalid collateral parameters")
	ErrUnknownCollateral  = errorsmod.Register(ModuleName, 7, "no staking collateral for this denom")
	ErrInvalidSynth       = errorsmod.Register(ModuleName, 8, "invalid synth parameters")
	ErrUnknownSynth       = errorsmod.Register(ModuleName, 9, "no synth with this denom")
	ErrPaused             = errorsmod.Register(ModuleName, 10, "paused")
	ErrSuspended          = errorsmod.Register(ModuleName, 11, "synth exchanges are suspended")
	ErrPriceUnavailable   = errorsmod.Register(ModuleName, 12, "price unavailable: actions that need it are refused")
	ErrBelowIssuanceRatio = errorsmod.Register(ModuleName, 13, "collateral ratio would be below the issuance ratio")
	ErrCollateralCap      = errorsmod.Register(ModuleName, 14, "collateral cap reached")
	ErrSupplyCap          = errorsmod.Register(ModuleName, 15, "synth supply cap reached")
	ErrNoPosition         = errorsmod.Register(ModuleName, 16, "no staking position")
	ErrInsufficientStake  = errorsmod.Register(ModuleName, 17, "not enough collateral staked")
	ErrSameSynth          = errorsmod.Register(ModuleName, 18, "exchange to the same synth")
	ErrNotLiquidatable    = errorsmod.Register(ModuleName, 19, "the position is at or above its liquidation ratio")
	ErrNoDebt             = errorsmod.Register(ModuleName, 20, "the position has no debt")
	ErrInsufficientFunds  = errorsmod.Register(ModuleName, 21, "insufficient funds")
	ErrExchangeNotFound   = errorsmod.Register(ModuleName, 22, "no exchange with this id")
	ErrMath               = errorsmod.Register(ModuleName, 23, "arithmetic failed")
	ErrInvalidGenesis     = errorsmod.Register(ModuleName, 24, "invalid genesis state")
	ErrTooMany            = errorsmod.Register(ModuleName, 25, "too many listed")
	ErrNothingToClaim     = errorsmod.Register(ModuleName, 26, "no fees to claim")
	ErrNotSuspended       = errorsmod.Register(ModuleName, 27, "the synth is not suspended")
	ErrMinOut             = errorsmod.Register(ModuleName, 28, "output below min_out")
)
