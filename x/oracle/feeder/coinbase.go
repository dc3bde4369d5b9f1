package feeder

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"

	sdkmath "cosmossdk.io/math"
)

// CoinbaseProvider reads Coinbase Exchange tickers:
// GET {base}/products/{product_id}/ticker → {"price": "12345.67", ...}.
// Symbols are product ids such as "BTC-USD"; one request per pair.
type CoinbaseProvider struct{ src httpSource }

var _ Provider = (*CoinbaseProvider)(nil)

// NewCoinbaseProvider builds a Coinbase provider; an empty BaseURL means
// DefaultCoinbaseBaseURL and a nil client a shared default client.
func NewCoinbaseProvider(pc ProviderConfig, client *http.Client) *CoinbaseProvider {
	return &CoinbaseProvider{src: newHTTPSource(pc, DefaultCoinbaseBaseURL, client)}
}

// Name implements Provider.
func (p *CoinbaseProvider) Name() string { return p.src.name }

// Fetch implements Provider.
func (p *CoinbaseProvider) Fetch(ctx context.Context, pairs []string) (map[string]sdkmath.LegacyDec, error) {
	return fetchEach(ctx, selectPairs(p.src.pairs, pairs), p.fetchSymbol)
}

func (p *CoinbaseProvider) fetchSymbol(ctx context.Context, productID string) (sdkmath.LegacyDec, error) {
	var resp struct {
		Price json.RawMessage `json:"price"`
	}
	u := joinURL(p.src.baseURL, "/products/"+url.PathEscape(productID)+"/ticker")
	if err := getJSON(ctx, p.src.client, u, &resp); err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return parseJSONPrice(resp.Price)
}
