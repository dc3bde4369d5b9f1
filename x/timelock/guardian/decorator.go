package guardian

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/timelock/types"
)

// Breaker tells whether a message type is enabled (circuit's keeper).
type Breaker interface {
	IsAllowed(ctx context.Context, typeURL string) (bool, error)
}

// Decorator refuses a transaction carrying a disabled message with
// ErrMessageDisabled, so CheckTx already rejects it with a clear, registered
// error.
type Decorator struct{ breaker Breaker }

// NewDecorator builds the ante decorator.
func NewDecorator(b Breaker) Decorator { return Decorator{breaker: b} }

// AnteHandle checks every top-level message of the tx.
func (d Decorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	for _, msg := range tx.GetMsgs() {
		url := sdk.MsgTypeURL(msg)
		ok, err := d.breaker.IsAllowed(ctx, url)
		if err != nil {
			return ctx, err
		}
		if !ok {
			return ctx, errorsmod.Wrapf(types.ErrMessageDisabled, "%s is paused by the guardian; only a governance proposal re-enables it", url)
		}
	}
	return next(ctx, tx, simulate)
}
