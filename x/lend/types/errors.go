package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/lend. The codes are stable: never renumber or
// reuse one. Messages are completed with the offending values when wrapped.
var (
	ErrInvalidAmount          = errorsmod.Register(ModuleName, 2, "invalid amount")
	ErrInvalidAddress         = errorsmod.Register(ModuleName, 3, "invalid address")
	ErrUnauthorized           = errorsmod.Register(ModuleName, 4, "signer is not the timelock's account: schedule it through x/timelock")
	ErrInvalidParams          = errorsmod.Register(ModuleName, 5, "invalid parameters")
	ErrInvalidMarket          = errorsmod.Register(ModuleName, 6, "invalid market parameters")
	ErrSplitProfitable        = errorsmod.Register(ModuleName, 7, "liquidation bonus parameters make split liquidations profitable")
	ErrMarketNotFound         = errorsmod.Register(ModuleName, 8, "no market for this denom")
	ErrPaused                 = errorsmod.Register(ModuleName, 9, "market is paused")
	ErrBorrowNotEnabled       = errorsmod.Register(ModuleName, 10, "borrowing is not enabled in this market")
	ErrCollateralNotEnabled   = errorsmod.Register(ModuleName, 11, "this asset is not accepted as collateral")
	ErrSupplyCapExceeded      = errorsmod.Register(ModuleName, 12, "supply cap exceeded")
	ErrBorrowCapExceeded      = errorsmod.Register(ModuleName, 13, "borrow cap exceeded")
	ErrInsufficientCash       = errorsmod.Register(ModuleName, 14, "not enough cash in the market")
	ErrUndercollateralized    = errorsmod.Register(ModuleName, 15, "position would exceed its borrow limit")
	ErrInsufficientReceipts   = errorsmod.Register(ModuleName, 16, "not enough receipts")
	ErrInsufficientCollateral = errorsmod.Register(ModuleName, 17, "not enough collateral")
	ErrNoDebt                 = errorsmod.Register(ModuleName, 18, "no debt to repay")
	ErrPriceUnavailable       = errorsmod.Register(ModuleName, 19, "price unavailable: risk-increasing operations are refused")
	ErrDebtBelowMinimum       = errorsmod.Register(ModuleName, 20, "debt left would be below the market's minimum")
	ErrMath                   = errorsmod.Register(ModuleName, 21, "market arithmetic failed")
	ErrInvalidGenesis         = errorsmod.Register(ModuleName, 22, "invalid genesis state")
	ErrTooManyMarkets         = errorsmod.Register(ModuleName, 23, "too many markets")
	ErrMarketInsolvent        = errorsmod.Register(ModuleName, 24, "market has receipts but no underlying")
	ErrNotLiquidatable        = errorsmod.Register(ModuleName, 25, "position is healthy and cannot be liquidated")
	ErrSelfLiquidation        = errorsmod.Register(ModuleName, 26, "an account cannot liquidate itself")
	ErrMinCollateralOut       = errorsmod.Register(ModuleName, 27, "collateral out is below the minimum")
	ErrMustNotLeaveDust       = errorsmod.Register(ModuleName, 28, "liquidation would leave dust; repay more or raise max_repay")
	ErrNoRoute                = errorsmod.Register(ModuleName, 29, "no dex route sells the seized collateral for the debt asset")
	ErrSaleBelowFloor         = errorsmod.Register(ModuleName, 30, "the dex cannot buy the seized collateral at the floor price")
	ErrManagedAccount         = errorsmod.Register(ModuleName, 31, "account is managed by another module")
)
