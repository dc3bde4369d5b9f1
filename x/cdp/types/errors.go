package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/cdp. The codes are stable: never renumber or
// reuse one. Messages are completed with the offending values when wrapped.
var (
	ErrInvalidAmount         = errorsmod.Register(ModuleName, 2, "invalid amount")
	ErrInvalidAddress        = errorsmod.Register(ModuleName, 3, "invalid address")
	ErrUnauthorized          = errorsmod.Register(ModuleName, 4, "signer is not the timelock's account: schedule it through x/timelock")
	ErrInvalidParams         = errorsmod.Register(ModuleName, 5, "invalid parameters")
	ErrInvalidCollateralType = errorsmod.Register(ModuleName, 6, "invalid collateral type parameters")
	ErrUnknownCollateralType = errorsmod.Register(ModuleName, 7, "no collateral type for this denom")
	ErrPaused                = errorsmod.Register(ModuleName, 8, "paused")
	ErrVaultNotFound         = errorsmod.Register(ModuleName, 9, "no vault with this id")
	ErrNotOwner              = errorsmod.Register(ModuleName, 10, "the sender does not own this vault")
	ErrUndercollateralized   = errorsmod.Register(ModuleName, 11, "vault would be below its minimum collateral ratio")
	ErrDebtCeiling           = errorsmod.Register(ModuleName, 12, "debt ceiling reached")
	ErrDebtFloor             = errorsmod.Register(ModuleName, 13, "vault debt would be below the debt floor")
	ErrInsufficientCollat    = errorsmod.Register(ModuleName, 14, "not enough collateral in the vault")
	ErrNoDebt                = errorsmod.Register(ModuleName, 15, "the vault has no debt")
	ErrPriceUnavailable      = errorsmod.Register(ModuleName, 16, "price unavailable: risk-increasing actions are refused")
	ErrNotLiquidatable       = errorsmod.Register(ModuleName, 17, "vault is at or above its minimum collateral ratio")
	ErrNoPoolDeposit         = errorsmod.Register(ModuleName, 18, "no stability pool deposit")
	ErrInsufficientDeposit   = errorsmod.Register(ModuleName, 19, "withdrawal exceeds the stability pool deposit")
	ErrPsmDisabled           = errorsmod.Register(ModuleName, 20, "the PSM is not configured")
	ErrPsmCeiling            = errorsmod.Register(ModuleName, 21, "the PSM would hold more than its ceiling")
	ErrPsmReserve            = errorsmod.Register(ModuleName, 22, "the PSM holds too little of its dollar")
	ErrMath                  = errorsmod.Register(ModuleName, 23, "arithmetic failed")
	ErrInvalidGenesis        = errorsmod.Register(ModuleName, 24, "invalid genesis state")
	ErrTooManyTypes          = errorsmod.Register(ModuleName, 25, "too many collateral types")
	ErrInsufficientFunds     = errorsmod.Register(ModuleName, 26, "insufficient funds")
	ErrRedemptionFee         = errorsmod.Register(ModuleName, 27, "the redemption fee is above max_fee")
	ErrNothingToRedeem       = errorsmod.Register(ModuleName, 28, "no safe vault with debt to redeem against")
	ErrShutdown              = errorsmod.Register(ModuleName, 29, "the system is shut down")
	ErrLiquidationPending    = errorsmod.Register(ModuleName, 30, "a vault below its minimum ratio waits for liquidation")
	ErrSettlementPending     = errorsmod.Register(ModuleName, 31, "the shutdown's settlement is not fixed yet")
)
