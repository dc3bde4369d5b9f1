package feeder

import (
	"context"
	"errors"

	sdkmath "cosmossdk.io/math"
)

// DEXTWAPProvider adapts a TWAPSource (the chain's exchange module) to the
// Provider interface. Pairs maps each chain pair to the symbol passed to
// TWAPSource.TWAP.
type DEXTWAPProvider struct {
	name   string
	source TWAPSource
	pairs  map[string]string
}

var _ Provider = (*DEXTWAPProvider)(nil)

// NewDEXTWAPProvider builds a provider reading TWAPs from source.
func NewDEXTWAPProvider(pc ProviderConfig, source TWAPSource) *DEXTWAPProvider {
	return &DEXTWAPProvider{name: providerName(pc), source: source, pairs: validPairs(pc.Pairs)}
}

// Name implements Provider.
func (p *DEXTWAPProvider) Name() string { return p.name }

// Fetch implements Provider.
func (p *DEXTWAPProvider) Fetch(ctx context.Context, pairs []string) (map[string]sdkmath.LegacyDec, error) {
	if p.source == nil {
		return nil, errors.New("dextwap provider has no TWAP source")
	}
	return fetchEach(ctx, selectPairs(p.pairs, pairs), p.source.TWAP)
}
