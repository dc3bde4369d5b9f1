package feeder

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Provider types accepted in ProviderConfig.Type.
const (
	TypeCoinbase = "coinbase"
	TypeKraken   = "kraken"
	TypeBinance  = "binance"
	TypeFile     = "file"
	TypeDEXTWAP  = "dextwap"
)

// Default public REST endpoints, used when ProviderConfig.BaseURL is empty.
const (
	DefaultCoinbaseBaseURL = "https://api.exchange.coinbase.com"
	DefaultKrakenBaseURL   = "https://api.kraken.com"
	DefaultBinanceBaseURL  = "https://api.binance.com"
)

// Config is the [oracle] section of app.toml. The mapstructure tags let
// viper unmarshal it; durations are written as strings such as "3s".
type Config struct {
	// Enabled turns the feeder on. Only validators need it.
	Enabled bool `mapstructure:"enabled"`
	// PollInterval is the time between two polls of all providers.
	PollInterval time.Duration `mapstructure:"poll_interval"`
	// Timeout bounds one provider's fetch within a poll.
	Timeout time.Duration `mapstructure:"timeout"`
	// MaxPriceAge is how long a fetched price is served by Feeder.Prices;
	// zero means 3 × PollInterval.
	MaxPriceAge time.Duration `mapstructure:"max_price_age"`
	// Providers lists the price sources.
	Providers []ProviderConfig `mapstructure:"providers"`
}

// ProviderConfig describes one price source.
type ProviderConfig struct {
	// Name identifies the provider in logs and aggregation; unique.
	Name string `mapstructure:"name"`
	// Type is one of TypeCoinbase, TypeKraken, TypeBinance, TypeFile,
	// TypeDEXTWAP.
	Type string `mapstructure:"type"`
	// BaseURL overrides the exchange's default REST endpoint.
	BaseURL string `mapstructure:"base_url"`
	// Path is the JSON price file of a file provider.
	Path string `mapstructure:"path"`
	// Pairs maps a chain pair ("BTC/USD") to the provider's symbol
	// ("BTC-USD", "XBTUSD", "BTCUSDT"). Chain pairs are upper-cased (viper
	// lower-cases map keys). Optional for a file provider, whose file keys are
	// then the chain pairs. Not used by dextwap (see DexPairs).
	Pairs map[string]string `mapstructure:"pairs"`
	// DexPairs are the pairs of a dextwap provider: each chain pair with the
	// base and quote denoms of its governed guard pool, written exactly
	// (denoms such as "ibc/27394FB0…" or "dex/pool/3" are case-sensitive).
	DexPairs []DexPair `mapstructure:"dex_pairs"`
}

// DexPair is one pair a dextwap provider reports: the chain pair and the
// base and quote denoms of the pair's governed DEX guard pool
// (oracle params: pair.denom and pair.dex_guard_quote_denom). The node
// refuses to report a pair whose on-chain guard names other denoms.
type DexPair struct {
	Pair       string `mapstructure:"pair"`
	BaseDenom  string `mapstructure:"base_denom"`
	QuoteDenom string `mapstructure:"quote_denom"`
}

// DefaultConfig returns a disabled feeder polling every 3 s with a 2 s
// per-provider timeout and the three public exchanges configured for BTC/USD
// and ETH/USD.
func DefaultConfig() Config {
	return Config{
		Enabled:      false,
		PollInterval: 3 * time.Second,
		Timeout:      2 * time.Second,
		MaxPriceAge:  0,
		Providers: []ProviderConfig{
			{Name: TypeCoinbase, Type: TypeCoinbase, BaseURL: DefaultCoinbaseBaseURL,
				Pairs: map[string]string{"BTC/USD": "BTC-USD", "ETH/USD": "ETH-USD"}},
			{Name: TypeKraken, Type: TypeKraken, BaseURL: DefaultKrakenBaseURL,
				Pairs: map[string]string{"BTC/USD": "XBTUSD", "ETH/USD": "ETHUSD"}},
			{Name: TypeBinance, Type: TypeBinance, BaseURL: DefaultBinanceBaseURL,
				Pairs: map[string]string{"BTC/USD": "BTCUSDT", "ETH/USD": "ETHUSDT"}},
		},
	}
}

// EffectiveMaxPriceAge is MaxPriceAge, or 3 × PollInterval when it is zero.
func (c Config) EffectiveMaxPriceAge() time.Duration {
	if c.MaxPriceAge > 0 {
		return c.MaxPriceAge
	}
	return 3 * c.PollInterval
}

// Validate checks the whole configuration. Durations must be positive
// (MaxPriceAge non-negative); an enabled feeder needs at least one provider.
func (c Config) Validate() error {
	var errs []error
	if c.PollInterval <= 0 {
		errs = append(errs, fmt.Errorf("poll_interval must be positive, got %s", c.PollInterval))
	}
	if c.Timeout <= 0 {
		errs = append(errs, fmt.Errorf("timeout must be positive, got %s", c.Timeout))
	}
	if c.MaxPriceAge < 0 {
		errs = append(errs, fmt.Errorf("max_price_age must not be negative, got %s", c.MaxPriceAge))
	}
	if c.Enabled && len(c.Providers) == 0 {
		errs = append(errs, errors.New("enabled feeder needs at least one provider"))
	}
	seen := make(map[string]bool)
	for i, p := range c.Providers {
		if err := p.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("providers[%d]: %w", i, err))
		}
		if seen[p.Name] {
			errs = append(errs, fmt.Errorf("providers[%d]: duplicate name %q", i, p.Name))
		}
		seen[p.Name] = true
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("oracle config: %w", err)
	}
	return nil
}

// Validate checks one provider entry.
func (p ProviderConfig) Validate() error {
	var errs []error
	if strings.TrimSpace(p.Name) == "" {
		errs = append(errs, errors.New("name is empty"))
	}
	switch p.Type {
	case TypeCoinbase, TypeKraken, TypeBinance:
		if p.BaseURL != "" {
			if err := validateBaseURL(p.BaseURL); err != nil {
				errs = append(errs, err)
			}
		}
		if len(p.Pairs) == 0 {
			errs = append(errs, fmt.Errorf("%s provider needs pairs", p.Type))
		}
	case TypeDEXTWAP:
		if len(p.Pairs) != 0 {
			errs = append(errs, errors.New("dextwap provider takes dex_pairs (pair, base_denom, quote_denom), not pairs"))
		}
		if len(p.DexPairs) == 0 {
			errs = append(errs, errors.New("dextwap provider needs dex_pairs"))
		}
		if _, err := dexSymbols(p.DexPairs); err != nil {
			errs = append(errs, err)
		}
	case TypeFile:
		if strings.TrimSpace(p.Path) == "" {
			errs = append(errs, errors.New("file provider needs a path"))
		}
	default:
		errs = append(errs, fmt.Errorf("unknown type %q", p.Type))
	}
	if _, err := normalizePairs(p.Pairs); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func validateBaseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("base_url: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("base_url %q must be an absolute http(s) URL", raw)
	}
	return nil
}
