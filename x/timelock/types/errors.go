package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/timelock: stable codes, never renumbered.
var (
	ErrInvalidAddress       = errorsmod.Register(ModuleName, 2, "invalid address")
	ErrUnauthorized         = errorsmod.Register(ModuleName, 3, "signer is not allowed to send this message")
	ErrInvalidParams        = errorsmod.Register(ModuleName, 4, "invalid parameters")
	ErrEmptyOperation       = errorsmod.Register(ModuleName, 5, "an operation needs at least one message")
	ErrTooManyMessages      = errorsmod.Register(ModuleName, 6, "too many messages in one operation")
	ErrInvalidInnerMessage  = errorsmod.Register(ModuleName, 7, "a scheduled message is invalid")
	ErrUnroutableMessage    = errorsmod.Register(ModuleName, 8, "no handler for a scheduled message")
	ErrWrongInnerSigner     = errorsmod.Register(ModuleName, 9, "a scheduled message must be signed by the timelock's address")
	ErrOperationNotFound    = errorsmod.Register(ModuleName, 10, "no such queued operation")
	ErrInvalidGenesis       = errorsmod.Register(ModuleName, 11, "invalid genesis state")
	ErrTitleTooLong         = errorsmod.Register(ModuleName, 12, "operation title is too long")
	ErrInvalidOperationID   = errorsmod.Register(ModuleName, 13, "operation id must be positive")
	ErrGuardianForbidden    = errorsmod.Register(ModuleName, 14, "guardians may only disable messages and cancel queued operations; only governance re-enables or grants")
	ErrMessageDisabled      = errorsmod.Register(ModuleName, 15, "this message type is disabled by the circuit breaker")
	ErrProtectedMessageType = errorsmod.Register(ModuleName, 16, "this message type cannot be disabled: it is governance's own path")
)
