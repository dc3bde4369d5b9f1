package feeder

import (
	"testing"
)

func TestBuildProviders(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Providers = append(cfg.Providers,
		ProviderConfig{Name: "local", Type: TypeFile, Path: "testdata/file/prices.json"},
		ProviderConfig{Name: "dex", Type: TypeDEXTWAP, DexPairs: []DexPair{{Pair: "BTC/USD", BaseDenom: "ubtc", QuoteDenom: "uusdc"}}},
	)
	ps, err := BuildProviders(cfg, mapTWAP{})
	requireNoErr(t, err)
	wantNames := []string{"coinbase", "kraken", "binance", "local", "dex"}
	if len(ps) != len(wantNames) {
		t.Fatalf("got %d providers", len(ps))
	}
	for i, p := range ps {
		if p.Name() != wantNames[i] {
			t.Fatalf("provider %d: name %q, want %q", i, p.Name(), wantNames[i])
		}
	}
	if _, ok := ps[0].(*CoinbaseProvider); !ok {
		t.Fatalf("provider 0 is %T", ps[0])
	}
	if _, ok := ps[1].(*KrakenProvider); !ok {
		t.Fatalf("provider 1 is %T", ps[1])
	}
	if _, ok := ps[2].(*BinanceProvider); !ok {
		t.Fatalf("provider 2 is %T", ps[2])
	}
	if _, ok := ps[3].(*FileProvider); !ok {
		t.Fatalf("provider 3 is %T", ps[3])
	}
	if _, ok := ps[4].(*DEXTWAPProvider); !ok {
		t.Fatalf("provider 4 is %T", ps[4])
	}
	if got := ps[0].(*CoinbaseProvider).src.baseURL; got != DefaultCoinbaseBaseURL {
		t.Fatalf("base url %q", got)
	}

	_, err = BuildProviders(cfg, nil)
	requireErrContains(t, err, "dextwap needs a TWAP source")

	cfg.Providers[0].Type = "bogus"
	_, err = BuildProviders(cfg, mapTWAP{})
	requireErrContains(t, err, `unknown type "bogus"`)
}

func TestProviderDefaults(t *testing.T) {
	// Empty name falls back to the type, empty base URL to the public API,
	// and lower-case pair keys (as viper delivers them) are upper-cased.
	p := NewKrakenProvider(ProviderConfig{Type: TypeKraken, Pairs: map[string]string{"btc/usd": " XBTUSD ", "bad": "x"}}, nil)
	if p.Name() != TypeKraken || p.src.baseURL != DefaultKrakenBaseURL {
		t.Fatalf("defaults not applied: %q %q", p.Name(), p.src.baseURL)
	}
	if len(p.src.pairs) != 1 || p.src.pairs["BTC/USD"] != "XBTUSD" {
		t.Fatalf("pairs %v", p.src.pairs)
	}
}
