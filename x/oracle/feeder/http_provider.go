package feeder

import (
	"net/http"
	"strings"
)

// defaultHTTPClient is used when a constructor gets a nil client. It has no
// overall timeout: every request is bounded by its context.
var defaultHTTPClient = &http.Client{}

// httpSource holds what the exchange providers share.
type httpSource struct {
	name    string
	baseURL string
	pairs   map[string]string // normalised chain pair → exchange symbol
	client  *http.Client
}

// newHTTPSource applies defaults: name falls back to the type, baseURL to
// defaultBase, client to a shared client. Malformed pair entries are dropped
// here; ProviderConfig.Validate reports them.
func newHTTPSource(pc ProviderConfig, defaultBase string, client *http.Client) httpSource {
	base := strings.TrimSpace(pc.BaseURL)
	if base == "" {
		base = defaultBase
	}
	if client == nil {
		client = defaultHTTPClient
	}
	return httpSource{name: providerName(pc), baseURL: base, pairs: validPairs(pc.Pairs), client: client}
}

// providerName is the configured name, or the type when the name is empty.
func providerName(pc ProviderConfig) string {
	if name := strings.TrimSpace(pc.Name); name != "" {
		return name
	}
	return pc.Type
}
