package feeder

import (
	"context"

	sdkmath "cosmossdk.io/math"
)

// Provider is one price source.
//
// Fetch returns prices keyed by normalised chain pair ("BTC/USD") for the
// requested pairs that the provider is configured for; an empty request means
// every configured pair. Requested pairs the provider does not list are
// ignored. Every returned price is positive with 18 decimals. A non-nil error
// together with a non-empty map is a partial result: the map holds the pairs
// that succeeded and the error describes the ones that did not. Fetch must
// honour ctx cancellation.
type Provider interface {
	Name() string
	Fetch(ctx context.Context, pairs []string) (map[string]sdkmath.LegacyDec, error)
}

// TWAPSource supplies time-weighted average prices from the chain's own
// exchange module: the price of one whole unit of chain pair pair, read from
// the pair's governed DEX guard pool (oracle params), whose denoms must be
// base and quote, and scaled by both denoms' decimals.
type TWAPSource interface {
	TWAP(ctx context.Context, pair, base, quote string) (sdkmath.LegacyDec, error)
}

// Logger is the subset of cosmossdk.io/log.Logger the feeder uses; a
// log.Logger satisfies it.
type Logger interface {
	Info(msg string, keyVals ...any)
	Error(msg string, keyVals ...any)
	Debug(msg string, keyVals ...any)
}

// NopLogger returns a Logger that discards everything.
func NopLogger() Logger { return nopLogger{} }

type nopLogger struct{}

func (nopLogger) Info(string, ...any)  {}
func (nopLogger) Error(string, ...any) {}
func (nopLogger) Debug(string, ...any) {}
