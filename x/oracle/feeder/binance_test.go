package feeder

import (
	"context"
	"testing"
)

func TestBinanceFetch(t *testing.T) {
	srv, _ := fixtureServer(t, map[string]route{
		"/api/v3/ticker/price?symbol=BTCUSDT": {file: "binance/ticker_btcusdt.json"},
		"/api/v3/ticker/price?symbol=ETHUSDT": {file: "binance/ticker_ethusdt.json"},
	})
	p := NewBinanceProvider(ProviderConfig{Name: "bn", Type: TypeBinance, BaseURL: srv.URL,
		Pairs: map[string]string{"BTC/USD": "BTCUSDT", "ETH/USD": "ETHUSDT"}}, nil)
	got, err := p.Fetch(context.Background(), nil)
	requireNoErr(t, err)
	requirePrices(t, map[string]string{"BTC/USD": "97012.35", "ETH/USD": "3861.25"}, got)
}

func TestBinanceBadResponses(t *testing.T) {
	cases := []struct {
		name string
		rt   route
		want string
	}{
		{"invalid symbol 400", route{status: 400, file: "binance/error_invalid_symbol.json"}, `http status 400: {"code":-1121,"msg":"Invalid symbol."}`},
		{"zero price", route{file: "binance/ticker_zero.json"}, "not positive"},
		{"wrong symbol echoed", route{file: "binance/ticker_wrong_symbol.json"}, `response is for symbol "ETHUSDT"`},
		{"http 500", route{status: 500, file: "coinbase/error_500.html"}, "http status 500"},
		{"NaN", route{body: `{"symbol":"BTCUSDT","price":"NaN"}`}, "not a decimal"},
		{"negative", route{body: `{"symbol":"BTCUSDT","price":"-1.00000000"}`}, "not positive"},
		{"bad json", route{body: `not json`}, "decode response"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := fixtureServer(t, map[string]route{
				"/api/v3/ticker/price?symbol=BTCUSDT": tc.rt,
				"/api/v3/ticker/price?symbol=ETHUSDT": {file: "binance/ticker_ethusdt.json"},
			})
			p := NewBinanceProvider(ProviderConfig{Type: TypeBinance, BaseURL: srv.URL,
				Pairs: map[string]string{"BTC/USD": "BTCUSDT", "ETH/USD": "ETHUSDT"}}, nil)
			got, err := p.Fetch(context.Background(), nil)
			requireErrContains(t, err, "BTC/USD (BTCUSDT)", tc.want)
			requirePrices(t, map[string]string{"ETH/USD": "3861.25"}, got)
		})
	}
}
