package feeder

import (
	"math/big"
	"slices"

	sdkmath "cosmossdk.io/math"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
)

// MaxDeviationFactor is how far (as a ratio) a provider's price may sit from
// the median of the other providers' prices for the same pair before it is
// dropped as an outlier.
const MaxDeviationFactor = 100

// Aggregate combines per-provider prices (provider name → pair → price) into
// one price per pair. For each pair:
//
//  1. nil and non-positive prices are dropped;
//  2. each remaining price p is compared with the median of the OTHER
//     providers' remaining prices for that pair and dropped when it is more
//     than 100× away: p > 100·hi or p < lo/100, where [lo, hi] is the
//     median interval of the others (lo = hi = the middle value for an odd
//     count; the two middle values for an even count, so a single wild
//     quote cannot drag the reference of an honest one). All prices are
//     judged against the same set, not iteratively. Exactly 100× is kept. A
//     lone provider has no reference and is kept; two providers more than
//     100× apart are both dropped, since neither can be trusted over the
//     other;
//  3. the result is the median of the kept prices (mean of the two middle
//     values for an even count, rounded down to 18 decimals).
//
// A pair with no kept price is absent from the result. Aggregate is pure and
// deterministic.
func Aggregate(perProvider map[string]map[string]sdkmath.LegacyDec) map[string]sdkmath.LegacyDec {
	out, _ := aggregate(perProvider)
	return out
}

// droppedPrice records a price Aggregate discarded, for logging.
type droppedPrice struct {
	Provider string
	Pair     string
	Price    sdkmath.LegacyDec
	Reason   string
	RefLow   sdkmath.LegacyDec // median interval of the others, for outliers
	RefHigh  sdkmath.LegacyDec
}

type quote struct {
	provider string
	price    sdkmath.LegacyDec
}

func aggregate(perProvider map[string]map[string]sdkmath.LegacyDec) (map[string]sdkmath.LegacyDec, []droppedPrice) {
	var dropped []droppedPrice
	byPair := make(map[string][]quote)
	for _, provider := range sortedKeys(perProvider) {
		prices := perProvider[provider]
		for _, pair := range sortedKeys(prices) {
			p := prices[pair]
			if p.IsNil() || !p.IsPositive() {
				dropped = append(dropped, droppedPrice{Provider: provider, Pair: pair, Price: p, Reason: "not positive"})
				continue
			}
			byPair[pair] = append(byPair[pair], quote{provider: provider, price: p})
		}
	}

	out := make(map[string]sdkmath.LegacyDec, len(byPair))
	for _, pair := range sortedKeys(byPair) {
		quotes := byPair[pair]
		kept := make([]sdkmath.LegacyDec, 0, len(quotes))
		for i, q := range quotes {
			lo, hi, ok := medianExcept(quotes, i)
			if ok && tooFar(q.price, lo, hi) {
				dropped = append(dropped, droppedPrice{Provider: q.provider, Pair: pair, Price: q.price,
					Reason: "more than 100x from the other providers' median", RefLow: lo, RefHigh: hi})
				continue
			}
			kept = append(kept, q.price)
		}
		if m, err := oraclemath.Median(kept); err == nil {
			out[pair] = m
		}
	}
	return out, dropped
}

// medianExcept returns the median interval [lo, hi] of all quotes but the
// i-th: the middle value twice for an odd count, the two middle values for
// an even count. false when there are no others.
func medianExcept(quotes []quote, i int) (lo, hi sdkmath.LegacyDec, ok bool) {
	others := make([]sdkmath.LegacyDec, 0, len(quotes)-1)
	for j, q := range quotes {
		if j != i {
			others = append(others, q.price)
		}
	}
	if len(others) == 0 {
		return lo, hi, false
	}
	slices.SortFunc(others, func(a, b sdkmath.LegacyDec) int { return a.BigInt().Cmp(b.BigInt()) })
	n := len(others)
	if n%2 == 1 {
		return others[n/2], others[n/2], true
	}
	return others[n/2-1], others[n/2], true
}

// tooFar reports p > 100·hi or 100·p < lo, in exact integer arithmetic.
func tooFar(p, lo, hi sdkmath.LegacyDec) bool {
	factor := big.NewInt(MaxDeviationFactor)
	pa := p.BigInt()
	return pa.Cmp(new(big.Int).Mul(hi.BigInt(), factor)) > 0 || new(big.Int).Mul(pa, factor).Cmp(lo.BigInt()) < 0
}
