package guardian

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	circuittypes "cosmossdk.io/x/circuit/types"

	"github.com/agora-labs/agora/x/timelock/types"
)

// MsgServer is circuit's Msg service restricted to pausing: see the
// package documentation.
type MsgServer struct {
	inner     circuittypes.MsgServer
	authority string
}

var _ circuittypes.MsgServer = MsgServer{}

// NewMsgServer wraps circuit's Msg service; authority is the gov module
// account (circuit's own authority).
func NewMsgServer(inner circuittypes.MsgServer, authority string) MsgServer {
	return MsgServer{inner: inner, authority: authority}
}

// AuthorizeCircuitBreaker grants a permission: governance only.
func (s MsgServer) AuthorizeCircuitBreaker(ctx context.Context, msg *circuittypes.MsgAuthorizeCircuitBreaker) (*circuittypes.MsgAuthorizeCircuitBreakerResponse, error) {
	if msg.Granter != s.authority {
		return nil, errorsmod.Wrapf(types.ErrGuardianForbidden, "%s may not grant circuit permissions: only governance (%s) does", msg.Granter, s.authority)
	}
	return s.inner.AuthorizeCircuitBreaker(ctx, msg)
}

// TripCircuitBreaker disables messages: any account circuit allows, for
// trippable type URLs only.
func (s MsgServer) TripCircuitBreaker(ctx context.Context, msg *circuittypes.MsgTripCircuitBreaker) (*circuittypes.MsgTripCircuitBreakerResponse, error) {
	if len(msg.MsgTypeUrls) == 0 {
		return nil, errorsmod.Wrap(types.ErrProtectedMessageType, "name at least one message type URL to disable")
	}
	for _, url := range msg.MsgTypeUrls {
		if !Trippable(url) {
			return nil, errorsmod.Wrapf(types.ErrProtectedMessageType, "%s: only Agora's module messages (/agora.…, not /agora.timelock.…) can be disabled", url)
		}
	}
	return s.inner.TripCircuitBreaker(ctx, msg)
}

// ResetCircuitBreaker re-enables messages: governance only.
func (s MsgServer) ResetCircuitBreaker(ctx context.Context, msg *circuittypes.MsgResetCircuitBreaker) (*circuittypes.MsgResetCircuitBreakerResponse, error) {
	if msg.Authority != s.authority {
		return nil, errorsmod.Wrapf(types.ErrGuardianForbidden, "%s may not re-enable messages: only a governance proposal (%s) does", msg.Authority, s.authority)
	}
	return s.inner.ResetCircuitBreaker(ctx, msg)
}
