package types

import (
	"strings"

	errorsmod "cosmossdk.io/errors"
)

// maxPairNameLen bounds a pair name ("BTC/USD").
const maxPairNameLen = 32

// PairName joins a base and a quote into a pair name: PairName("btc",
// "usd") = "BTC/USD". Query paths carry the two halves as separate segments
// because a pair name contains "/".
func PairName(base, quote string) string {
	return strings.ToUpper(strings.TrimSpace(base)) + "/" + strings.ToUpper(strings.TrimSpace(quote))
}

// ValidatePairName checks that name is BASE/QUOTE with each half made of
// upper-case letters and digits and the whole at most 32 characters.
func ValidatePairName(name string) error {
	if len(name) == 0 || len(name) > maxPairNameLen {
		return errorsmod.Wrapf(ErrInvalidPair, "%q must be 1 to %d characters", name, maxPairNameLen)
	}
	base, quote, ok := strings.Cut(name, "/")
	if !ok || !isSymbol(base) || !isSymbol(quote) {
		return errorsmod.Wrapf(ErrInvalidPair, "%q", name)
	}
	return nil
}

func isSymbol(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}
