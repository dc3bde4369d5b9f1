package feeder

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	sdkmath "cosmossdk.io/math"
)

// collectGrace is how long after the provider timeout a poll still waits
// for providers that honour their context and are returning.
const collectGrace = 100 * time.Millisecond

// providerResult is one provider's answer within a poll.
type providerResult struct {
	name   string
	prices map[string]sdkmath.LegacyDec
	err    error
}

// PollOnce fetches all providers concurrently, each under its own Timeout,
// aggregates their prices and updates the cache. A provider that does not
// return within Timeout (plus a short grace) is abandoned for this poll and
// skipped by later polls until its call returns. It returns an error only
// when the poll produced no price at all.
func (f *Feeder) PollOnce(ctx context.Context) error {
	started := f.now()
	results := f.fetchAll(ctx)

	perProvider := make(map[string]map[string]sdkmath.LegacyDec, len(results))
	var errs []error
	for _, r := range results {
		if r.err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", r.name, r.err))
			f.logger.Error("oracle provider failed", "provider", r.name, "prices", len(r.prices), "err", r.err)
		}
		if len(r.prices) > 0 {
			perProvider[r.name] = r.prices
		}
	}

	prices, dropped := aggregate(perProvider)
	for _, d := range dropped {
		kv := []any{"provider", d.Provider, "pair", d.Pair, "price", d.Price, "reason", d.Reason}
		if !d.RefLow.IsNil() {
			kv = append(kv, "others_median_low", d.RefLow, "others_median_high", d.RefHigh)
		}
		f.logger.Info("oracle feeder dropped a price", kv...)
	}

	f.mu.Lock()
	for pair, p := range prices {
		// An overlapping slower poll must not overwrite a newer price.
		if old, ok := f.prices[pair]; !ok || !old.fetchedAt.After(started) {
			f.prices[pair] = entry{price: p, fetchedAt: started}
		}
	}
	f.mu.Unlock()

	f.logger.Debug("oracle feeder poll done", "providers", len(results), "pairs", len(prices))
	if len(prices) == 0 {
		errs = append(errs, errors.New("no prices"))
		return errors.Join(errs...)
	}
	return nil
}

// fetchAll runs every idle provider in its own goroutine and collects what
// arrives before the deadline. Results are in provider order.
func (f *Feeder) fetchAll(ctx context.Context) []providerResult {
	ch := make(chan indexedResult, len(f.providers))
	launched := 0
	for i, p := range f.providers {
		name := f.providerKey(i)
		if !f.acquire(i) {
			f.logger.Error("oracle provider still busy with a previous poll, skipped", "provider", name)
			continue
		}
		launched++
		go func() {
			defer f.release(i)
			pctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
			defer cancel()
			prices, err := safeFetch(pctx, p)
			ch <- indexedResult{i, providerResult{name: name, prices: prices, err: err}}
		}()
	}

	wait := time.NewTimer(f.cfg.Timeout + collectGrace)
	defer wait.Stop()
	got := make(map[int]providerResult, launched)
collect:
	for len(got) < launched {
		select {
		case r := <-ch:
			got[r.index] = r.result
		case <-wait.C:
			break collect
		case <-ctx.Done():
			break collect
		}
	}

	results := make([]providerResult, 0, len(got))
	for i := range f.providers {
		if r, ok := got[i]; ok {
			results = append(results, r)
		} else if f.isInflight(i) {
			f.logger.Error("oracle provider did not return in time, abandoned for this poll", "provider", f.providerKey(i))
		}
	}
	return results
}

type indexedResult struct {
	index  int
	result providerResult
}

// safeFetch calls p.Fetch, turning a panic into an error so one broken
// provider cannot crash the node.
func safeFetch(ctx context.Context, p Provider) (prices map[string]sdkmath.LegacyDec, err error) {
	defer func() {
		if r := recover(); r != nil {
			prices, err = nil, fmt.Errorf("provider panicked: %v", r)
		}
	}()
	return p.Fetch(ctx, nil)
}

// providerKey is the provider's name, made unique by its index if another
// provider before it has the same name.
func (f *Feeder) providerKey(i int) string {
	name := f.providers[i].Name()
	for j := 0; j < i; j++ {
		if f.providers[j].Name() == name {
			return name + "#" + strconv.Itoa(i)
		}
	}
	return name
}

func (f *Feeder) acquire(i int) bool {
	f.inflightMu.Lock()
	defer f.inflightMu.Unlock()
	if f.inflight[i] {
		return false
	}
	f.inflight[i] = true
	return true
}

func (f *Feeder) release(i int) {
	f.inflightMu.Lock()
	defer f.inflightMu.Unlock()
	delete(f.inflight, i)
}

func (f *Feeder) isInflight(i int) bool {
	f.inflightMu.Lock()
	defer f.inflightMu.Unlock()
	return f.inflight[i]
}
