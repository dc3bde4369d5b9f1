package feeder

import (
	"context"
	"testing"
)

func TestKrakenFetchMapsCanonicalNames(t *testing.T) {
	srv, hits := fixtureServer(t, map[string]route{
		"/0/public/Ticker?pair=XBTUSD": {file: "kraken/ticker_xbtusd.json"},
		"/0/public/Ticker?pair=ETHUSD": {file: "kraken/ticker_ethusd.json"},
	})
	p := NewKrakenProvider(ProviderConfig{Name: "kraken", Type: TypeKraken, BaseURL: srv.URL,
		Pairs: map[string]string{"BTC/USD": "XBTUSD", "ETH/USD": "ETHUSD"}}, nil)
	got, err := p.Fetch(context.Background(), nil)
	requireNoErr(t, err)
	// Result keys are XXBTZUSD / XETHZUSD; prices are the last trade c[0].
	requirePrices(t, map[string]string{"BTC/USD": "97050.1", "ETH/USD": "3861.49"}, got)
	if hits.Load() != 2 {
		t.Fatalf("want one request per pair, got %d", hits.Load())
	}
}

func TestKrakenBadResponses(t *testing.T) {
	cases := []struct {
		name string
		rt   route
		want string
	}{
		{"error array", route{file: "kraken/error_unknown_pair.json"}, "kraken error: EQuery:Unknown asset pair"},
		{"NaN last trade", route{file: "kraken/ticker_nan.json"}, "not a decimal"},
		{"two results none matching", route{file: "kraken/ticker_two_results.json"}, "2 results, none for XBTUSD"},
		{"empty result", route{body: `{"error":[],"result":{}}`}, "0 results"},
		{"no c field", route{body: `{"error":[],"result":{"XXBTZUSD":{"a":["1"]}}}`}, "no last trade"},
		{"http 500", route{status: 500, body: `{"error":["EService:Unavailable"]}`}, "http status 500"},
		{"bad json", route{body: `{"error":[],"result":`}, "decode response"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := fixtureServer(t, map[string]route{
				"/0/public/Ticker?pair=XBTUSD": tc.rt,
				"/0/public/Ticker?pair=ETHUSD": {file: "kraken/ticker_ethusd.json"},
			})
			p := NewKrakenProvider(ProviderConfig{Type: TypeKraken, BaseURL: srv.URL,
				Pairs: map[string]string{"BTC/USD": "XBTUSD", "ETH/USD": "ETHUSD"}}, nil)
			got, err := p.Fetch(context.Background(), nil)
			requireErrContains(t, err, "BTC/USD (XBTUSD)", tc.want)
			requirePrices(t, map[string]string{"ETH/USD": "3861.49"}, got)
		})
	}
}

func TestKrakenResultMatchedByKeyWhenSeveral(t *testing.T) {
	srv, _ := fixtureServer(t, map[string]route{
		"/0/public/Ticker?pair=XXBTZUSD": {file: "kraken/ticker_two_results.json"},
	})
	p := NewKrakenProvider(ProviderConfig{Type: TypeKraken, BaseURL: srv.URL,
		Pairs: map[string]string{"BTC/USD": "XXBTZUSD"}}, nil)
	got, err := p.Fetch(context.Background(), nil)
	requireNoErr(t, err)
	requirePrices(t, map[string]string{"BTC/USD": "97050.1"}, got)
}
