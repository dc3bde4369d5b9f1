package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// GuardianChecker tells whether an address is a guardian: an account
// governance granted a circuit-breaker permission (the app implements it
// over x/circuit's permissions). Guardians may cancel queued operations.
type GuardianChecker interface {
	IsGuardian(ctx context.Context, addr sdk.AccAddress) (bool, error)
}

// MessageRouter finds the handler of a message: the app's
// MsgServiceRouter, through which gov executes proposals too (so the
// circuit breaker's checks apply to scheduled messages).
type MessageRouter interface {
	Handler(msg sdk.Msg) func(ctx sdk.Context, msg sdk.Msg) (*sdk.Result, error)
}
