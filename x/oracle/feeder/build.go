package feeder

import (
	"fmt"
	"net/http"
)

// BuildProviders constructs the providers listed in cfg, in order. The HTTP
// providers share one client whose per-request timeout is cfg.Timeout (the
// feeder's per-provider context is the primary bound). twap backs the dextwap
// providers and may be nil only if none is configured.
func BuildProviders(cfg Config, twap TWAPSource) ([]Provider, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	client := &http.Client{Timeout: cfg.Timeout}
	providers := make([]Provider, 0, len(cfg.Providers))
	for i, pc := range cfg.Providers {
		var p Provider
		switch pc.Type {
		case TypeCoinbase:
			p = NewCoinbaseProvider(pc, client)
		case TypeKraken:
			p = NewKrakenProvider(pc, client)
		case TypeBinance:
			p = NewBinanceProvider(pc, client)
		case TypeFile:
			p = NewFileProvider(pc)
		case TypeDEXTWAP:
			if twap == nil {
				return nil, fmt.Errorf("providers[%d] %q: dextwap needs a TWAP source", i, pc.Name)
			}
			p = NewDEXTWAPProvider(pc, twap)
		default:
			return nil, fmt.Errorf("providers[%d] %q: unknown type %q", i, pc.Name, pc.Type)
		}
		providers = append(providers, p)
	}
	return providers, nil
}
