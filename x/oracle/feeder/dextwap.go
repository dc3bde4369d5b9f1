package feeder

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DEXTWAPProvider adapts a TWAPSource (the chain's exchange, through the
// oracle's governed guard pools) to the Provider interface.
type DEXTWAPProvider struct {
	name    string
	source  TWAPSource
	symbols map[string]string  // chain pair → "base → quote", for selection and errors
	byPair  map[string]DexPair // chain pair → its denoms
}

var _ Provider = (*DEXTWAPProvider)(nil)

// NewDEXTWAPProvider builds a provider reading TWAPs from source. Entries
// that ProviderConfig.Validate would reject are skipped.
func NewDEXTWAPProvider(pc ProviderConfig, source TWAPSource) *DEXTWAPProvider {
	p := &DEXTWAPProvider{name: providerName(pc), source: source,
		symbols: map[string]string{}, byPair: map[string]DexPair{}}
	for _, dp := range pc.DexPairs {
		dp, err := normalizeDexPair(dp)
		if _, dup := p.byPair[dp.Pair]; err != nil || dup || slices.Contains(slices.Collect(maps.Values(p.symbols)), dexSymbol(dp)) {
			continue
		}
		p.byPair[dp.Pair] = dp
		p.symbols[dp.Pair] = dexSymbol(dp)
	}
	return p
}

// Name implements Provider.
func (p *DEXTWAPProvider) Name() string { return p.name }

// Fetch implements Provider.
func (p *DEXTWAPProvider) Fetch(ctx context.Context, pairs []string) (map[string]sdkmath.LegacyDec, error) {
	if p.source == nil {
		return nil, errors.New("dextwap provider has no TWAP source")
	}
	selected := selectPairs(p.symbols, pairs)
	byPair := make(map[string]string, len(selected)) // symbol → pair: fetchEach passes the symbol
	for pair, sym := range selected {
		byPair[sym] = pair
	}
	return fetchEach(ctx, selected, func(ctx context.Context, symbol string) (sdkmath.LegacyDec, error) {
		dp := p.byPair[byPair[symbol]]
		return p.source.TWAP(ctx, dp.Pair, dp.BaseDenom, dp.QuoteDenom)
	})
}

// normalizeDexPair upper-cases the chain pair and trims the denoms (which
// keep their case), and checks each part.
func normalizeDexPair(dp DexPair) (DexPair, error) {
	out := DexPair{Pair: NormalizePair(dp.Pair), BaseDenom: strings.TrimSpace(dp.BaseDenom), QuoteDenom: strings.TrimSpace(dp.QuoteDenom)}
	base, quote, ok := strings.Cut(out.Pair, "/")
	if !ok || base == "" || quote == "" || strings.Contains(quote, "/") {
		return out, fmt.Errorf("dex_pairs: pair %q must look like BASE/QUOTE", dp.Pair)
	}
	if err := sdk.ValidateDenom(out.BaseDenom); err != nil {
		return out, fmt.Errorf("dex_pairs %s: base_denom: %w", out.Pair, err)
	}
	if err := sdk.ValidateDenom(out.QuoteDenom); err != nil {
		return out, fmt.Errorf("dex_pairs %s: quote_denom: %w", out.Pair, err)
	}
	if out.BaseDenom == out.QuoteDenom {
		return out, fmt.Errorf("dex_pairs %s: base_denom and quote_denom are both %s", out.Pair, out.BaseDenom)
	}
	return out, nil
}

func dexSymbol(dp DexPair) string { return dp.BaseDenom + " → " + dp.QuoteDenom }

// dexSymbols checks every entry and that no chain pair, and no pair of
// denoms, is listed twice.
func dexSymbols(in []DexPair) (map[string]DexPair, error) {
	out := make(map[string]DexPair, len(in))
	denoms := make(map[string]bool, len(in))
	var errs []error
	for _, dp := range in {
		n, err := normalizeDexPair(dp)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if _, dup := out[n.Pair]; dup {
			errs = append(errs, fmt.Errorf("dex_pairs: pair %q is listed twice", n.Pair))
			continue
		}
		if denoms[dexSymbol(n)] {
			errs = append(errs, fmt.Errorf("dex_pairs: %s is listed for two pairs", dexSymbol(n)))
			continue
		}
		denoms[dexSymbol(n)] = true
		out[n.Pair] = n
	}
	return out, errors.Join(errs...)
}
