package feeder

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	sdkmath "cosmossdk.io/math"
)

// BinanceProvider reads Binance spot tickers:
// GET {base}/api/v3/ticker/price?symbol=BTCUSDT →
// {"symbol":"BTCUSDT","price":"12345.67000000"}. One request per pair; the
// echoed symbol must match the requested one.
type BinanceProvider struct{ src httpSource }

var _ Provider = (*BinanceProvider)(nil)

// NewBinanceProvider builds a Binance provider; an empty BaseURL means
// DefaultBinanceBaseURL and a nil client a shared default client.
func NewBinanceProvider(pc ProviderConfig, client *http.Client) *BinanceProvider {
	return &BinanceProvider{src: newHTTPSource(pc, DefaultBinanceBaseURL, client)}
}

// Name implements Provider.
func (p *BinanceProvider) Name() string { return p.src.name }

// Fetch implements Provider.
func (p *BinanceProvider) Fetch(ctx context.Context, pairs []string) (map[string]sdkmath.LegacyDec, error) {
	return fetchEach(ctx, selectPairs(p.src.pairs, pairs), p.fetchSymbol)
}

func (p *BinanceProvider) fetchSymbol(ctx context.Context, symbol string) (sdkmath.LegacyDec, error) {
	var resp struct {
		Symbol string          `json:"symbol"`
		Price  json.RawMessage `json:"price"`
	}
	u := joinURL(p.src.baseURL, "/api/v3/ticker/price?symbol="+url.QueryEscape(symbol))
	if err := getJSON(ctx, p.src.client, u, &resp); err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if !strings.EqualFold(resp.Symbol, symbol) {
		return sdkmath.LegacyDec{}, fmt.Errorf("response is for symbol %q", resp.Symbol)
	}
	return parseJSONPrice(resp.Price)
}
