package feeder

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	sdkmath "cosmossdk.io/math"
)

// maxFileBytes caps the size of a price file.
const maxFileBytes = 1 << 20

// FileProvider serves prices from a local JSON object such as
// {"BTC/USD": "65000.5", "ETH/USD": 3200}; values may be strings or numbers.
// The file is parsed again only when its modification time or size changes;
// otherwise the cached parse is used. A file that cannot be read or is not a
// JSON object fails the fetch and is retried on the next one.
//
// Without Pairs every entry is served and its key is the chain pair. With
// Pairs, each chain pair is read from the file key it maps to.
type FileProvider struct {
	name  string
	path  string
	pairs map[string]string // chain pair → file key; empty = identity

	mu      sync.Mutex
	loaded  bool
	modTime time.Time
	size    int64
	entries map[string]json.RawMessage // file key → raw value
}

var _ Provider = (*FileProvider)(nil)

// NewFileProvider builds a file provider reading pc.Path.
func NewFileProvider(pc ProviderConfig) *FileProvider {
	return &FileProvider{name: providerName(pc), path: pc.Path, pairs: validPairs(pc.Pairs)}
}

// Name implements Provider.
func (p *FileProvider) Name() string { return p.name }

// Fetch implements Provider.
func (p *FileProvider) Fetch(ctx context.Context, pairs []string) (map[string]sdkmath.LegacyDec, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	entries, err := p.load()
	if err != nil {
		return nil, err
	}
	symbols := p.pairs
	if len(symbols) == 0 {
		symbols = identityPairs(entries)
	}
	out := make(map[string]sdkmath.LegacyDec)
	var errs []error
	selected := selectPairs(symbols, pairs)
	for _, pair := range sortedKeys(selected) {
		key := selected[pair]
		raw, ok := entries[key]
		if !ok {
			errs = append(errs, fmt.Errorf("%s: key %q not in %s", pair, key, p.path))
			continue
		}
		price, err := parseJSONPrice(raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", pair, err))
			continue
		}
		out[pair] = price
	}
	return out, errors.Join(errs...)
}

// load returns the file's entries, re-reading it when its mtime or size
// changed since the last successful read.
func (p *FileProvider) load() (map[string]json.RawMessage, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	info, err := os.Stat(p.path)
	if err != nil {
		return nil, err
	}
	if p.loaded && info.ModTime().Equal(p.modTime) && info.Size() == p.size {
		return p.entries, nil
	}
	if info.Size() > maxFileBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes", p.path, maxFileBytes)
	}
	data, err := os.ReadFile(p.path)
	if err != nil {
		return nil, err
	}
	var entries map[string]json.RawMessage
	if err := json.Unmarshal(data, &entries); err != nil {
		return nil, fmt.Errorf("parse %s: %w", p.path, err)
	}
	if entries == nil {
		return nil, fmt.Errorf("parse %s: not a JSON object", p.path)
	}
	p.loaded, p.modTime, p.size, p.entries = true, info.ModTime(), info.Size(), entries
	return entries, nil
}

// identityPairs maps every well-formed file key to itself under its
// normalised chain-pair name.
func identityPairs(entries map[string]json.RawMessage) map[string]string {
	out := make(map[string]string, len(entries))
	for _, k := range sortedKeys(entries) {
		if pair, _, err := normalizeEntry(k, k); err == nil {
			if _, dup := out[pair]; !dup {
				out[pair] = k
			}
		}
	}
	return out
}
