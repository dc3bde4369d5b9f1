package feeder

import (
	"context"
	"errors"
	"testing"
)

func TestCoinbaseFetch(t *testing.T) {
	srv, _ := fixtureServer(t, map[string]route{
		"/products/BTC-USD/ticker": {file: "coinbase/ticker_btc_usd.json"},
		"/products/ETH-USD/ticker": {file: "coinbase/ticker_eth_usd.json"},
	})
	p := NewCoinbaseProvider(ProviderConfig{Name: "cb", Type: TypeCoinbase, BaseURL: srv.URL + "/",
		Pairs: map[string]string{"BTC/USD": "BTC-USD", "eth/usd": "ETH-USD"}}, nil)
	if p.Name() != "cb" {
		t.Fatalf("name %q", p.Name())
	}

	got, err := p.Fetch(context.Background(), nil)
	requireNoErr(t, err)
	requirePrices(t, map[string]string{"BTC/USD": "97012.35", "ETH/USD": "3861.26"}, got)

	// A subset; pairs the provider does not list are ignored.
	got, err = p.Fetch(context.Background(), []string{"btc/usd", "SOL/USD"})
	requireNoErr(t, err)
	requirePrices(t, map[string]string{"BTC/USD": "97012.35"}, got)
}

func TestCoinbaseBadResponses(t *testing.T) {
	cases := []struct {
		name string
		rt   route
		want string
	}{
		{"not found error body", route{status: 404, file: "coinbase/error_not_found.json"}, "http status 404: {\"message\":\"NotFound\"}"},
		{"http 500 html", route{status: 500, file: "coinbase/error_500.html"}, "http status 500"},
		{"zero price", route{file: "coinbase/ticker_zero_price.json"}, "not positive"},
		{"negative price", route{file: "coinbase/ticker_negative_price.json"}, "not positive"},
		{"NaN price", route{file: "coinbase/ticker_nan_price.json"}, "not a decimal"},
		{"truncated json", route{file: "coinbase/ticker_truncated.json"}, "decode response"},
		{"missing price field", route{body: `{"ask":"1"}`}, "missing price"},
		{"price as number", route{body: `{"price":97012.5}`}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := fixtureServer(t, map[string]route{
				"/products/BTC-USD/ticker": tc.rt,
				"/products/ETH-USD/ticker": {file: "coinbase/ticker_eth_usd.json"},
			})
			p := NewCoinbaseProvider(ProviderConfig{Type: TypeCoinbase, BaseURL: srv.URL,
				Pairs: map[string]string{"BTC/USD": "BTC-USD", "ETH/USD": "ETH-USD"}}, srv.Client())
			got, err := p.Fetch(context.Background(), nil)
			if tc.want == "" {
				requireNoErr(t, err)
				requirePrices(t, map[string]string{"BTC/USD": "97012.5", "ETH/USD": "3861.26"}, got)
				return
			}
			// The failing pair is reported; the other pair still comes through.
			requireErrContains(t, err, "BTC/USD (BTC-USD)", tc.want)
			requirePrices(t, map[string]string{"ETH/USD": "3861.26"}, got)
		})
	}
}

func TestCoinbaseStatusErrorType(t *testing.T) {
	srv, _ := fixtureServer(t, map[string]route{"/products/BTC-USD/ticker": {status: 500, file: "coinbase/error_500.html"}})
	p := NewCoinbaseProvider(ProviderConfig{Type: TypeCoinbase, BaseURL: srv.URL, Pairs: map[string]string{"BTC/USD": "BTC-USD"}}, nil)
	_, err := p.Fetch(context.Background(), nil)
	var se *StatusError
	if !errors.As(err, &se) || se.StatusCode != 500 {
		t.Fatalf("want *StatusError 500, got %v", err)
	}
}
