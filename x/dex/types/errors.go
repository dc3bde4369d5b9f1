package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/dex. The codes are stable: never renumber or
// reuse one. Messages are completed with the offending values when wrapped.
var (
	ErrInvalidAmount         = errorsmod.Register(ModuleName, 2, "invalid amount")
	ErrSameDenom             = errorsmod.Register(ModuleName, 3, "the same denom cannot be swapped for itself")
	ErrPoolNotFound          = errorsmod.Register(ModuleName, 4, "pool not found")
	ErrInvalidRoute          = errorsmod.Register(ModuleName, 5, "invalid route")
	ErrDenomNotInPool        = errorsmod.Register(ModuleName, 6, "denom is not in the pool")
	ErrMinOutNotMet          = errorsmod.Register(ModuleName, 7, "output is below the minimum")
	ErrMaxInExceeded         = errorsmod.Register(ModuleName, 8, "input exceeds the maximum")
	ErrDeadlineExceeded      = errorsmod.Register(ModuleName, 9, "deadline has passed")
	ErrOverflow              = errorsmod.Register(ModuleName, 10, "amount too large")
	ErrInsufficientShares    = errorsmod.Register(ModuleName, 11, "not enough shares")
	ErrPoolExists            = errorsmod.Register(ModuleName, 12, "pool already exists")
	ErrInvalidAssetCount     = errorsmod.Register(ModuleName, 13, "invalid number of pool assets")
	ErrInvalidAmplification  = errorsmod.Register(ModuleName, 14, "invalid amplification")
	ErrInsufficientLiquidity = errorsmod.Register(ModuleName, 15, "not enough liquidity in the pool")
	ErrPaused                = errorsmod.Register(ModuleName, 16, "trading is paused")
	ErrUnauthorized          = errorsmod.Register(ModuleName, 17, "signer is not the timelock's account: schedule it through x/timelock")
	ErrInvalidParams         = errorsmod.Register(ModuleName, 18, "invalid parameters")
	ErrInvalidFeeTier        = errorsmod.Register(ModuleName, 19, "swap fee is not a governed fee tier")
	ErrInvalidPoolType       = errorsmod.Register(ModuleName, 20, "invalid pool type")
	ErrMinSharesNotMet       = errorsmod.Register(ModuleName, 21, "shares minted are below the minimum")
	ErrInvalidDenom          = errorsmod.Register(ModuleName, 22, "invalid denom")
	ErrTwapNotCovered        = errorsmod.Register(ModuleName, 23, "TWAP window is not covered by records")
	ErrInvalidTime           = errorsmod.Register(ModuleName, 24, "invalid time")
	ErrNoRoute               = errorsmod.Register(ModuleName, 25, "no route between the denoms")
	ErrMath                  = errorsmod.Register(ModuleName, 26, "pool arithmetic failed")
	ErrInvariantBroken       = errorsmod.Register(ModuleName, 27, "pool invariant would decrease")
	ErrInvalidGenesis        = errorsmod.Register(ModuleName, 28, "invalid genesis state")
	ErrInvalidAddress        = errorsmod.Register(ModuleName, 29, "invalid address")
	ErrTooManyOrders         = errorsmod.Register(ModuleName, 30, "too many swaps queued on the pool")
	ErrOrderNotFound         = errorsmod.Register(ModuleName, 31, "order not found")
)

// Limit order errors (x/dex/README.md, "Limit orders").
var (
	ErrInvalidLimitPrice  = errorsmod.Register(ModuleName, 40, "invalid limit price")
	ErrInvalidExpiry      = errorsmod.Register(ModuleName, 41, "invalid expiry")
	ErrOrderTooSmall      = errorsmod.Register(ModuleName, 42, "limit order is below the minimum size")
	ErrTooManyOpenOrders  = errorsmod.Register(ModuleName, 43, "too many open limit orders")
	ErrNotOrderOwner      = errorsmod.Register(ModuleName, 44, "only the order's owner may cancel it")
	ErrOrderClosed        = errorsmod.Register(ModuleName, 45, "limit order is no longer open")
	ErrLimitOrderNotFound = errorsmod.Register(ModuleName, 46, "limit order not found")
)
