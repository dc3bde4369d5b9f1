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

// KrakenProvider reads Kraken public tickers:
// GET {base}/0/public/Ticker?pair=XBTUSD →
// {"error":[],"result":{"XXBTZUSD":{"c":["12345.6","0.01"],...}}}.
// Kraken answers under its canonical pair name (XXBTZUSD for XBTUSD), so the
// provider asks for one pair per request and takes the single result entry;
// the price is the last trade, c[0]. A non-empty "error" array fails the pair.
type KrakenProvider struct{ src httpSource }

var _ Provider = (*KrakenProvider)(nil)

// NewKrakenProvider builds a Kraken provider; an empty BaseURL means
// DefaultKrakenBaseURL and a nil client a shared default client.
func NewKrakenProvider(pc ProviderConfig, client *http.Client) *KrakenProvider {
	return &KrakenProvider{src: newHTTPSource(pc, DefaultKrakenBaseURL, client)}
}

// Name implements Provider.
func (p *KrakenProvider) Name() string { return p.src.name }

// Fetch implements Provider.
func (p *KrakenProvider) Fetch(ctx context.Context, pairs []string) (map[string]sdkmath.LegacyDec, error) {
	return fetchEach(ctx, selectPairs(p.src.pairs, pairs), p.fetchSymbol)
}

type krakenTicker struct {
	C []json.RawMessage `json:"c"`
}

func (p *KrakenProvider) fetchSymbol(ctx context.Context, symbol string) (sdkmath.LegacyDec, error) {
	var resp struct {
		Error  []string                `json:"error"`
		Result map[string]krakenTicker `json:"result"`
	}
	u := joinURL(p.src.baseURL, "/0/public/Ticker?pair="+url.QueryEscape(symbol))
	if err := getJSON(ctx, p.src.client, u, &resp); err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if len(resp.Error) > 0 {
		return sdkmath.LegacyDec{}, fmt.Errorf("kraken error: %s", strings.Join(resp.Error, "; "))
	}
	ticker, err := krakenResultFor(symbol, resp.Result)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if len(ticker.C) == 0 {
		return sdkmath.LegacyDec{}, fmt.Errorf("no last trade (c) for %s", symbol)
	}
	return parseJSONPrice(ticker.C[0])
}

// krakenResultFor picks the ticker for symbol: the only entry when there is
// one (Kraken renames pairs), else the entry whose key equals symbol.
func krakenResultFor(symbol string, result map[string]krakenTicker) (krakenTicker, error) {
	if len(result) == 1 {
		for _, t := range result {
			return t, nil
		}
	}
	for _, k := range sortedKeys(result) {
		if strings.EqualFold(k, symbol) {
			return result[k], nil
		}
	}
	return krakenTicker{}, fmt.Errorf("%d results, none for %s", len(result), symbol)
}
