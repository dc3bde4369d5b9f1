package feeder

import (
	"context"
	"sync"
	"time"

	sdkmath "cosmossdk.io/math"
)

// Feeder polls the providers in the background and caches the aggregated
// prices for the vote-extension handler.
type Feeder struct {
	cfg       Config
	providers []Provider
	logger    Logger
	now       func() time.Time // replaced in tests

	mu     sync.RWMutex
	prices map[string]entry

	inflightMu sync.Mutex
	inflight   map[int]bool // provider index → a Fetch is still running

	lifeMu sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
}

// entry is a cached aggregated price and the time its poll started.
type entry struct {
	price     sdkmath.LegacyDec
	fetchedAt time.Time
}

// New returns a stopped feeder. Validate cfg first; non-positive durations
// fall back to DefaultConfig's so the worker can never spin. A nil logger
// discards logs.
func New(cfg Config, providers []Provider, logger Logger) *Feeder {
	def := DefaultConfig()
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = def.PollInterval
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = def.Timeout
	}
	if cfg.MaxPriceAge < 0 {
		cfg.MaxPriceAge = 0
	}
	if logger == nil {
		logger = NopLogger()
	}
	return &Feeder{
		cfg:       cfg,
		providers: append([]Provider(nil), providers...),
		logger:    logger,
		now:       time.Now,
		prices:    make(map[string]entry),
		inflight:  make(map[int]bool),
	}
}

// Prices returns a copy of the cached prices fetched within the maximum
// price age. It only takes a read lock and never touches the network, so it
// is safe to call from ExtendVote.
func (f *Feeder) Prices() map[string]sdkmath.LegacyDec {
	now, maxAge := f.now(), f.cfg.EffectiveMaxPriceAge()
	f.mu.RLock()
	defer f.mu.RUnlock()
	out := make(map[string]sdkmath.LegacyDec, len(f.prices))
	for pair, e := range f.prices {
		if now.Sub(e.fetchedAt) <= maxAge {
			out[pair] = e.price.Clone()
		}
	}
	return out
}

// Start launches the polling goroutine: one poll at once, then one every
// PollInterval until ctx is done or Stop is called. It does nothing when the
// feeder is disabled or already running.
func (f *Feeder) Start(ctx context.Context) {
	if !f.cfg.Enabled {
		f.logger.Info("oracle feeder disabled")
		return
	}
	f.lifeMu.Lock()
	defer f.lifeMu.Unlock()
	if f.cancel != nil {
		return
	}
	ctx, cancel := context.WithCancel(ctx)
	f.cancel, f.done = cancel, make(chan struct{})
	go f.run(ctx, f.done)
}

// Stop ends the polling goroutine and waits for it. Provider calls of a poll
// in progress are cancelled through their context but not awaited. It is
// safe to call more than once and before Start; Start may be called again
// afterwards.
func (f *Feeder) Stop() {
	f.lifeMu.Lock()
	defer f.lifeMu.Unlock()
	if f.cancel == nil {
		return
	}
	f.cancel()
	<-f.done
	f.cancel, f.done = nil, nil
}

func (f *Feeder) run(ctx context.Context, done chan struct{}) {
	defer close(done)
	ticker := time.NewTicker(f.cfg.PollInterval)
	defer ticker.Stop()
	for {
		if err := f.PollOnce(ctx); err != nil && ctx.Err() == nil {
			f.logger.Error("oracle feeder poll produced no prices", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}
