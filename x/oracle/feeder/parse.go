package feeder

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strings"

	sdkmath "cosmossdk.io/math"
)

const (
	// maxPriceLen bounds the textual length of a price.
	maxPriceLen = 80
	// maxPriceBits bounds a price's atto-unit integer, well inside
	// LegacyDec's range so later arithmetic cannot overflow.
	maxPriceBits = 256
)

var (
	decimalPattern = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$`)
	attoPerUnit    = new(big.Int).Exp(big.NewInt(10), big.NewInt(sdkmath.LegacyPrecision), nil)
)

// ParsePrice parses a decimal price such as "12345.67", "6.5e4" or "3200"
// exactly (no floating point) and rounds it half-up to 18 decimal places. It
// rejects empty or over-long text, anything that is not a plain decimal
// (NaN, Inf, hex, fractions), values that are zero or negative after
// rounding, and values too large for safe LegacyDec arithmetic.
func ParsePrice(s string) (sdkmath.LegacyDec, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return sdkmath.LegacyDec{}, errors.New("empty price")
	case len(s) > maxPriceLen:
		return sdkmath.LegacyDec{}, fmt.Errorf("price text longer than %d characters", maxPriceLen)
	case !decimalPattern.MatchString(s):
		return sdkmath.LegacyDec{}, fmt.Errorf("price %q is not a decimal number", s)
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return sdkmath.LegacyDec{}, fmt.Errorf("price %q is not a decimal number", s)
	}
	if r.Sign() <= 0 {
		return sdkmath.LegacyDec{}, fmt.Errorf("price %q is not positive", s)
	}
	num := new(big.Int).Mul(r.Num(), attoPerUnit)
	q, rem := new(big.Int).QuoRem(num, r.Denom(), new(big.Int))
	if rem.Lsh(rem, 1).Cmp(r.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if q.Sign() == 0 {
		return sdkmath.LegacyDec{}, fmt.Errorf("price %q rounds to zero at 18 decimals", s)
	}
	if q.BitLen() > maxPriceBits {
		return sdkmath.LegacyDec{}, fmt.Errorf("price %q is too large", s)
	}
	return sdkmath.LegacyNewDecFromBigIntWithPrec(q, sdkmath.LegacyPrecision), nil
}

// parseJSONPrice parses a JSON value that is either a string holding a
// decimal or a JSON number.
func parseJSONPrice(raw json.RawMessage) (sdkmath.LegacyDec, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return sdkmath.LegacyDec{}, errors.New("missing price")
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return sdkmath.LegacyDec{}, fmt.Errorf("price: %w", err)
		}
		return ParsePrice(s)
	}
	if raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9') {
		return ParsePrice(string(raw))
	}
	return sdkmath.LegacyDec{}, fmt.Errorf("price %s is neither a string nor a number", truncate(string(raw), 40))
}

// truncate shortens s to at most n bytes for error messages.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
