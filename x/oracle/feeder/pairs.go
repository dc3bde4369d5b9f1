package feeder

import (
	"fmt"
	"sort"
	"strings"
)

// NormalizePair canonicalises a chain pair name: trimmed and upper-cased, so
// "btc/usd" (as viper delivers map keys) and "BTC/USD" are the same pair.
func NormalizePair(pair string) string {
	return strings.ToUpper(strings.TrimSpace(pair))
}

// normalizePairs returns a copy of a chain-pair → symbol map with normalised
// keys and trimmed symbols. Keys must look like BASE/QUOTE, symbols must be
// non-empty and two keys must not normalise to the same pair.
func normalizePairs(in map[string]string) (map[string]string, error) {
	out := make(map[string]string, len(in))
	for _, k := range sortedKeys(in) {
		pair, symbol, err := normalizeEntry(k, in[k])
		if err != nil {
			return nil, err
		}
		if _, dup := out[pair]; dup {
			return nil, fmt.Errorf("pair %q is listed twice", pair)
		}
		out[pair] = symbol
	}
	return out, nil
}

// validPairs is normalizePairs that skips malformed and duplicate entries
// instead of failing; ProviderConfig.Validate is where they are reported.
func validPairs(in map[string]string) map[string]string {
	out := make(map[string]string, len(in))
	for _, k := range sortedKeys(in) {
		pair, symbol, err := normalizeEntry(k, in[k])
		if _, dup := out[pair]; err == nil && !dup {
			out[pair] = symbol
		}
	}
	return out
}

// normalizeEntry normalises and checks one pair → symbol entry.
func normalizeEntry(key, symbol string) (string, string, error) {
	pair, symbol := NormalizePair(key), strings.TrimSpace(symbol)
	base, quote, ok := strings.Cut(pair, "/")
	if !ok || base == "" || quote == "" || strings.Contains(quote, "/") {
		return "", "", fmt.Errorf("pair %q must look like BASE/QUOTE", key)
	}
	if symbol == "" {
		return "", "", fmt.Errorf("pair %q has an empty provider symbol", key)
	}
	return pair, symbol, nil
}

// selectPairs returns the subset of configured (chain pair → symbol) that was
// requested; an empty request selects everything configured. Requested pairs
// the provider does not know are ignored: not every source lists every pair.
func selectPairs(configured map[string]string, requested []string) map[string]string {
	if len(requested) == 0 {
		return configured
	}
	out := make(map[string]string, len(requested))
	for _, r := range requested {
		pair := NormalizePair(r)
		if symbol, ok := configured[pair]; ok {
			out[pair] = symbol
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
