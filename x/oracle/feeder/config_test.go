package feeder

import (
	"bytes"
	"strings"
	"testing"
	"text/template"
	"time"
)

func TestDefaultConfigValidates(t *testing.T) {
	cfg := DefaultConfig()
	requireNoErr(t, cfg.Validate())
	cfg.Enabled = true
	requireNoErr(t, cfg.Validate())
	if got := cfg.EffectiveMaxPriceAge(); got != 9*time.Second {
		t.Fatalf("effective max age %s", got)
	}
	cfg.MaxPriceAge = time.Minute
	if got := cfg.EffectiveMaxPriceAge(); got != time.Minute {
		t.Fatalf("effective max age %s", got)
	}
}

func TestConfigValidateErrors(t *testing.T) {
	valid := func() Config {
		c := DefaultConfig()
		c.Enabled = true
		return c
	}
	cases := []struct {
		name   string
		mutate func(*Config)
		want   string
	}{
		{"zero poll interval", func(c *Config) { c.PollInterval = 0 }, "poll_interval"},
		{"negative timeout", func(c *Config) { c.Timeout = -time.Second }, "timeout"},
		{"negative max age", func(c *Config) { c.MaxPriceAge = -1 }, "max_price_age"},
		{"enabled without providers", func(c *Config) { c.Providers = nil }, "at least one provider"},
		{"unknown type", func(c *Config) { c.Providers[0].Type = "ftx" }, `unknown type "ftx"`},
		{"empty name", func(c *Config) { c.Providers[0].Name = " " }, "name is empty"},
		{"duplicate name", func(c *Config) { c.Providers[1].Name = c.Providers[0].Name }, "duplicate name"},
		{"relative base url", func(c *Config) { c.Providers[0].BaseURL = "api.example" }, "absolute http(s) URL"},
		{"ftp base url", func(c *Config) { c.Providers[0].BaseURL = "ftp://x" }, "absolute http(s) URL"},
		{"exchange without pairs", func(c *Config) { c.Providers[0].Pairs = nil }, "needs pairs"},
		{"bad pair key", func(c *Config) { c.Providers[0].Pairs = map[string]string{"BTCUSD": "BTC-USD"} }, "BASE/QUOTE"},
		{"empty symbol", func(c *Config) { c.Providers[0].Pairs = map[string]string{"BTC/USD": " "} }, "empty provider symbol"},
		{"pair twice after case folding", func(c *Config) {
			c.Providers[0].Pairs = map[string]string{"BTC/USD": "a", "btc/usd": "b"}
		}, "listed twice"},
		{"file without path", func(c *Config) {
			c.Providers = append(c.Providers, ProviderConfig{Name: "f", Type: TypeFile})
		}, "needs a path"},
		{"dextwap without pairs", func(c *Config) {
			c.Providers = append(c.Providers, ProviderConfig{Name: "d", Type: TypeDEXTWAP})
		}, "dextwap provider needs dex_pairs"},
		{"dextwap with the old symbol map", func(c *Config) {
			c.Providers = append(c.Providers, ProviderConfig{Name: "d", Type: TypeDEXTWAP, Pairs: map[string]string{"AGR/USD": "uagr/uusdc"},
				DexPairs: []DexPair{{Pair: "AGR/USD", BaseDenom: "uagr", QuoteDenom: "uusdc"}}})
		}, "not pairs"},
		{"dextwap bad denom", func(c *Config) {
			c.Providers = append(c.Providers, ProviderConfig{Name: "d", Type: TypeDEXTWAP,
				DexPairs: []DexPair{{Pair: "AGR/USD", BaseDenom: "uagr", QuoteDenom: "!"}}})
		}, "quote_denom"},
		{"dextwap pair twice", func(c *Config) {
			c.Providers = append(c.Providers, ProviderConfig{Name: "d", Type: TypeDEXTWAP, DexPairs: []DexPair{
				{Pair: "AGR/USD", BaseDenom: "uagr", QuoteDenom: "uusdc"}, {Pair: "agr/usd", BaseDenom: "uagr", QuoteDenom: "ueth"}}})
		}, "listed twice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := valid()
			tc.mutate(&c)
			requireErrContains(t, c.Validate(), tc.want)
		})
	}

	disabled := DefaultConfig()
	disabled.Providers = nil
	requireNoErr(t, disabled.Validate())
	withFile := valid()
	withFile.Providers = append(withFile.Providers, ProviderConfig{Name: "f", Type: TypeFile, Path: "/tmp/p.json"})
	requireNoErr(t, withFile.Validate())
}

func renderTemplate(t *testing.T, cfg Config) string {
	t.Helper()
	tmpl, err := template.New("oracle").Parse(ConfigTemplate)
	requireNoErr(t, err)
	var buf bytes.Buffer
	requireNoErr(t, tmpl.Execute(&buf, struct{ Oracle Config }{cfg}))
	return buf.String()
}

func TestConfigTemplate(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Providers = append(cfg.Providers, ProviderConfig{Name: "local", Type: TypeFile, Path: `C:\prices "x".json`})
	out := renderTemplate(t, cfg)
	for _, want := range []string{
		"[oracle]\n",
		"enabled = false\n",
		`poll_interval = "3s"` + "\n",
		`timeout = "2s"` + "\n",
		`max_price_age = "0s"` + "\n",
		"[[oracle.providers]]\nname = \"coinbase\"\ntype = \"coinbase\"\nbase_url = \"https://api.exchange.coinbase.com\"\npath = \"\"\n",
		"[oracle.providers.pairs]\n\"BTC/USD\" = \"BTC-USD\"\n\"ETH/USD\" = \"ETH-USD\"\n",
		`"BTC/USD" = "XBTUSD"`,
		`"ETH/USD" = "ETHUSDT"`,
		`path = "C:\\prices \"x\".json"`,
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("template output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n[[oracle.providers]]\n"); n != 4 {
		t.Fatalf("want 4 provider tables, got %d", n)
	}

	empty := DefaultConfig()
	empty.Providers = nil
	if out := renderTemplate(t, empty); strings.Contains(out, "\n[[oracle.providers]]\n") {
		t.Fatalf("no providers must render no tables:\n%s", out)
	}
}
