package feeder

import (
	"context"
	"errors"
	"fmt"
	"sync"

	sdkmath "cosmossdk.io/math"
)

// maxRequestsInFlight bounds one provider's concurrent requests.
const maxRequestsInFlight = 4

// fetchFunc fetches the price of one provider symbol.
type fetchFunc func(ctx context.Context, symbol string) (sdkmath.LegacyDec, error)

// fetchEach calls fetch for every (chain pair → symbol) entry, at most
// maxRequestsInFlight at a time, and returns the positive prices keyed by
// chain pair plus a joined error (in pair order) for the failures.
func fetchEach(ctx context.Context, symbols map[string]string, fetch fetchFunc) (map[string]sdkmath.LegacyDec, error) {
	pairs := sortedKeys(symbols)
	prices := make([]sdkmath.LegacyDec, len(pairs))
	errs := make([]error, len(pairs))

	sem := make(chan struct{}, maxRequestsInFlight)
	var wg sync.WaitGroup
	for i, pair := range pairs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
			case <-ctx.Done():
				errs[i] = fmt.Errorf("%s: %w", pair, ctx.Err())
				return
			}
			p, err := fetch(ctx, symbols[pair])
			if err == nil {
				err = checkPrice(p)
			}
			if err != nil {
				errs[i] = fmt.Errorf("%s (%s): %w", pair, symbols[pair], err)
				return
			}
			prices[i] = p
		}()
	}
	wg.Wait()

	out := make(map[string]sdkmath.LegacyDec, len(pairs))
	for i, pair := range pairs {
		if errs[i] == nil {
			out[pair] = prices[i]
		}
	}
	return out, errors.Join(errs...)
}

// checkPrice rejects nil and non-positive prices.
func checkPrice(p sdkmath.LegacyDec) error {
	if p.IsNil() || !p.IsPositive() {
		return fmt.Errorf("price %v is not positive", p)
	}
	return nil
}
