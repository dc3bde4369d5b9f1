package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/margin: stable codes, never renumbered.
var (
	ErrInvalidAmount      = errorsmod.Register(ModuleName, 2, "invalid amount")
	ErrInvalidAddress     = errorsmod.Register(ModuleName, 3, "invalid address")
	ErrUnauthorized       = errorsmod.Register(ModuleName, 4, "signer is not the timelock's account: schedule it through x/timelock")
	ErrInvalidParams      = errorsmod.Register(ModuleName, 5, "invalid parameters")
	ErrInvalidPair        = errorsmod.Register(ModuleName, 6, "invalid margin pair")
	ErrPairNotFound       = errorsmod.Register(ModuleName, 7, "no such margin pair")
	ErrPaused             = errorsmod.Register(ModuleName, 8, "opening and increasing positions is paused")
	ErrInvalidLeverage    = errorsmod.Register(ModuleName, 9, "invalid leverage")
	ErrWrongDenom         = errorsmod.Register(ModuleName, 10, "the pair does not accept this denom")
	ErrPriceLimit         = errorsmod.Register(ModuleName, 11, "the fill is worse than the price limit")
	ErrDeadlineExpired    = errorsmod.Register(ModuleName, 12, "deadline passed")
	ErrOpenInterestCap    = errorsmod.Register(ModuleName, 13, "over the pair's open-interest cap")
	ErrDepthExceeded      = errorsmod.Register(ModuleName, 14, "the dex could not unwind the position within the pair's max slippage")
	ErrPriceUnavailable   = errorsmod.Register(ModuleName, 15, "price unavailable: opening and increasing are refused")
	ErrBelowInitialMargin = errorsmod.Register(ModuleName, 16, "the position would be below its initial margin")
	ErrPositionNotFound   = errorsmod.Register(ModuleName, 17, "no such position")
	ErrNotOwner           = errorsmod.Register(ModuleName, 18, "the signer does not own the position")
	ErrInvalidTrigger     = errorsmod.Register(ModuleName, 19, "invalid trigger")
	ErrNotLiquidatable    = errorsmod.Register(ModuleName, 20, "position is above maintenance margin")
	ErrUnderwater         = errorsmod.Register(ModuleName, 21, "position is under water: its holdings do not repay its debt")
	ErrInvalidGenesis     = errorsmod.Register(ModuleName, 22, "invalid genesis state")
	ErrMath               = errorsmod.Register(ModuleName, 23, "margin arithmetic failed")
	ErrInvalidSide        = errorsmod.Register(ModuleName, 24, "side must be long or short")
	ErrBelowMaintenance   = errorsmod.Register(ModuleName, 25, "the position would open below its maintenance margin")
)
