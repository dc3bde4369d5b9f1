package feeder

import (
	"testing"

	sdkmath "cosmossdk.io/math"
)

// quotes builds provider → pair → price from provider → price for one pair.
func quotes(t *testing.T, pair string, byProvider map[string]string) map[string]map[string]sdkmath.LegacyDec {
	t.Helper()
	out := make(map[string]map[string]sdkmath.LegacyDec)
	for provider, s := range byProvider {
		out[provider] = map[string]sdkmath.LegacyDec{pair: dec(t, s)}
	}
	return out
}

func TestAggregateMedians(t *testing.T) {
	cases := []struct {
		name   string
		prices map[string]string
		want   string // "" = pair absent
	}{
		{"single provider", map[string]string{"a": "100"}, "100"},
		{"odd count", map[string]string{"a": "100", "b": "103", "c": "101"}, "101"},
		{"even count mean", map[string]string{"a": "100", "b": "101"}, "100.5"},
		{"even mean rounds down", map[string]string{"a": "1", "b": "1.000000000000000001"}, "1"},
		{"one provider 1000x high dropped", map[string]string{"a": "100", "b": "101", "c": "100000"}, "100.5"},
		{"one provider 1000x low dropped", map[string]string{"a": "100", "b": "101", "c": "0.1"}, "100.5"},
		{"exactly 100x is kept", map[string]string{"a": "100", "b": "100", "c": "10000"}, "100"},
		{"just over 100x is dropped", map[string]string{"a": "100", "b": "100", "c": "10000.000000000000000001"}, "100"},
		{"exactly 1/100 is kept", map[string]string{"a": "100", "b": "100", "c": "1"}, "100"},
		{"two providers 1000x apart both dropped", map[string]string{"a": "100", "b": "100000"}, ""},
		{"two providers 50x apart both kept", map[string]string{"a": "100", "b": "5000"}, "2550"},
		{"non-positive dropped", map[string]string{"a": "100", "b": "-5", "c": "0"}, "100"},
		{"two outliers vs three honest", map[string]string{"a": "100", "b": "99", "c": "101", "x": "1000000", "y": "0.0001"}, "100"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Aggregate(quotes(t, "BTC/USD", tc.prices))
			if tc.want == "" {
				if p, ok := got["BTC/USD"]; ok {
					t.Fatalf("want no price, got %s", p)
				}
				return
			}
			requireDec(t, tc.want, got["BTC/USD"])
		})
	}
}

func TestAggregateAcrossPairs(t *testing.T) {
	in := map[string]map[string]sdkmath.LegacyDec{
		"coinbase": {"BTC/USD": dec(t, "97000"), "ETH/USD": dec(t, "3860")},
		"kraken":   {"BTC/USD": dec(t, "97050"), "ETH/USD": dec(t, "3860000")}, // ETH 1000x off
		"binance":  {"BTC/USD": dec(t, "97010"), "ETH/USD": dec(t, "3862")},
		"file":     {"ATOM/USD": dec(t, "6.5")},
		"empty":    {},
		"broken":   {"BTC/USD": {}},
	}
	got := Aggregate(in)
	requirePrices(t, map[string]string{"BTC/USD": "97010", "ETH/USD": "3861", "ATOM/USD": "6.5"}, got)

	_, dropped := aggregate(in)
	if len(dropped) != 2 {
		t.Fatalf("want 2 drops (kraken ETH outlier, broken nil), got %+v", dropped)
	}
	if d := dropped[1]; d.Provider != "kraken" || d.Pair != "ETH/USD" {
		t.Fatalf("unexpected drop %+v", d)
	}
	if len(Aggregate(nil)) != 0 {
		t.Fatal("nil input must give no prices")
	}
}
