package feeder

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func testConfig() Config {
	return Config{Enabled: true, PollInterval: time.Second, Timeout: 300 * time.Millisecond}
}

// exchangeProviders serves one BTC/USD ticker per exchange from fixtures.
func exchangeProviders(t *testing.T, coinbase route) []Provider {
	t.Helper()
	cb, _ := fixtureServer(t, map[string]route{"/products/BTC-USD/ticker": coinbase})
	kr, _ := fixtureServer(t, map[string]route{"/0/public/Ticker?pair=XBTUSD": {file: "kraken/ticker_xbtusd.json"}})
	bn, _ := fixtureServer(t, map[string]route{"/api/v3/ticker/price?symbol=BTCUSDT": {file: "binance/ticker_btcusdt.json"}})
	return []Provider{
		NewCoinbaseProvider(ProviderConfig{Name: "coinbase", BaseURL: cb.URL, Pairs: map[string]string{"BTC/USD": "BTC-USD"}}, nil),
		NewKrakenProvider(ProviderConfig{Name: "kraken", BaseURL: kr.URL, Pairs: map[string]string{"BTC/USD": "XBTUSD"}}, nil),
		NewBinanceProvider(ProviderConfig{Name: "binance", BaseURL: bn.URL, Pairs: map[string]string{"BTC/USD": "BTCUSDT"}}, nil),
	}
}

func TestPollOnceThenPrices(t *testing.T) {
	f := New(testConfig(), exchangeProviders(t, route{file: "coinbase/ticker_btc_usd.json"}), nil)
	if len(f.Prices()) != 0 {
		t.Fatal("prices before the first poll")
	}
	requireNoErr(t, f.PollOnce(context.Background()))
	// median(97012.35 coinbase, 97050.1 kraken, 97012.35 binance)
	requirePrices(t, map[string]string{"BTC/USD": "97012.35"}, f.Prices())
}

func TestSlowProviderDoesNotStallOthers(t *testing.T) {
	log := &recordLogger{}
	f := New(testConfig(), exchangeProviders(t, route{file: "coinbase/ticker_btc_usd.json", delay: 10 * time.Second}), log)
	start := time.Now()
	requireNoErr(t, f.PollOnce(context.Background()))
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Fatalf("poll took %s despite a 300ms timeout", elapsed)
	}
	// kraken 97050.1 and binance 97012.35 → mean of the two.
	requirePrices(t, map[string]string{"BTC/USD": "97031.225"}, f.Prices())
	if !log.contains("provider coinbase") || !log.contains("deadline exceeded") {
		t.Fatalf("timeout not logged: %v", log.lines)
	}
}

func TestFailingProvidersAreLoggedAndSkipped(t *testing.T) {
	log := &recordLogger{}
	f := New(testConfig(), exchangeProviders(t, route{status: 500, file: "coinbase/error_500.html"}), log)
	requireNoErr(t, f.PollOnce(context.Background()))
	requirePrices(t, map[string]string{"BTC/USD": "97031.225"}, f.Prices())
	if !log.contains("http status 500") {
		t.Fatalf("500 not logged: %v", log.lines)
	}
}

func TestProviderIgnoringContextIsAbandoned(t *testing.T) {
	log := &recordLogger{}
	stuck := &fakeProvider{name: "stuck", prices: map[string]string{"BTC/USD": "1"}, block: make(chan struct{})}
	good := &fakeProvider{name: "good", prices: map[string]string{"BTC/USD": "100"}}
	cfg := testConfig()
	cfg.Timeout = 100 * time.Millisecond
	f := New(cfg, []Provider{stuck, good}, log)

	start := time.Now()
	requireNoErr(t, f.PollOnce(context.Background()))
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Fatalf("poll waited %s for a stuck provider", elapsed)
	}
	requirePrices(t, map[string]string{"BTC/USD": "100"}, f.Prices())
	if !log.contains("did not return in time") {
		t.Fatalf("abandonment not logged: %v", log.lines)
	}

	// While the stuck call is running, later polls do not start another one.
	requireNoErr(t, f.PollOnce(context.Background()))
	if n := stuck.calls.Load(); n != 1 {
		t.Fatalf("stuck provider called %d times", n)
	}
	if !log.contains("still busy") {
		t.Fatalf("skip not logged: %v", log.lines)
	}

	// Once it returns it is polled again.
	close(stuck.block)
	deadline := time.Now().Add(2 * time.Second)
	for f.isInflight(0) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	requireNoErr(t, f.PollOnce(context.Background()))
	if n := stuck.calls.Load(); n != 2 {
		t.Fatalf("stuck provider called %d times after release", n)
	}
}

func TestPanickingProviderIsContained(t *testing.T) {
	log := &recordLogger{}
	f := New(testConfig(), []Provider{
		&fakeProvider{name: "bad", panics: true},
		&fakeProvider{name: "good", prices: map[string]string{"ETH/USD": "3000"}},
	}, log)
	requireNoErr(t, f.PollOnce(context.Background()))
	requirePrices(t, map[string]string{"ETH/USD": "3000"}, f.Prices())
	if !log.contains("provider panicked: boom") {
		t.Fatalf("panic not logged: %v", log.lines)
	}
}

func TestOutlierProviderDroppedInPoll(t *testing.T) {
	log := &recordLogger{}
	f := New(testConfig(), []Provider{
		&fakeProvider{name: "a", prices: map[string]string{"BTC/USD": "97000"}},
		&fakeProvider{name: "b", prices: map[string]string{"BTC/USD": "97100"}},
		&fakeProvider{name: "c", prices: map[string]string{"BTC/USD": "9700000000"}},
	}, log)
	requireNoErr(t, f.PollOnce(context.Background()))
	requirePrices(t, map[string]string{"BTC/USD": "97050"}, f.Prices())
	if !log.contains("dropped a price") || !log.contains("provider c") {
		t.Fatalf("outlier not logged: %v", log.lines)
	}
}

func TestPartialProviderResultIsUsed(t *testing.T) {
	f := New(testConfig(), []Provider{
		&fakeProvider{name: "p", prices: map[string]string{"BTC/USD": "1"}, err: errors.New("ETH/USD: boom")},
	}, nil)
	requireNoErr(t, f.PollOnce(context.Background()))
	requirePrices(t, map[string]string{"BTC/USD": "1"}, f.Prices())
}

func TestPollOnceErrorsWhenNothingArrives(t *testing.T) {
	f := New(testConfig(), []Provider{&fakeProvider{name: "p", err: errors.New("down")}}, nil)
	requireErrContains(t, f.PollOnce(context.Background()), "p: down", "no prices")
	f = New(testConfig(), nil, nil)
	requireErrContains(t, f.PollOnce(context.Background()), "no prices")
}

func TestPricesAgeOut(t *testing.T) {
	clock := &fakeClock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	p := &fakeProvider{name: "p", prices: map[string]string{"BTC/USD": "100", "ETH/USD": "10"}}
	f := New(testConfig(), []Provider{p}, nil) // max age = 3 × 1s
	f.now = clock.Now

	requireNoErr(t, f.PollOnce(context.Background()))
	clock.Advance(3 * time.Second)
	requirePrices(t, map[string]string{"BTC/USD": "100", "ETH/USD": "10"}, f.Prices())

	// ETH stops being reported; a fresh poll refreshes only BTC.
	p.prices = map[string]string{"BTC/USD": "101"}
	requireNoErr(t, f.PollOnce(context.Background()))
	clock.Advance(time.Millisecond)
	requirePrices(t, map[string]string{"BTC/USD": "101"}, f.Prices())

	clock.Advance(3 * time.Second)
	if got := f.Prices(); len(got) != 0 {
		t.Fatalf("stale prices served: %v", got)
	}

	cfg := testConfig()
	cfg.MaxPriceAge = time.Hour
	f = New(cfg, []Provider{p}, nil)
	f.now = clock.Now
	requireNoErr(t, f.PollOnce(context.Background()))
	clock.Advance(59 * time.Minute)
	requirePrices(t, map[string]string{"BTC/USD": "101"}, f.Prices())
}

func TestPricesReturnsACopy(t *testing.T) {
	f := New(testConfig(), []Provider{&fakeProvider{name: "p", prices: map[string]string{"BTC/USD": "100"}}}, nil)
	requireNoErr(t, f.PollOnce(context.Background()))
	got := f.Prices()
	got["BTC/USD"].AddMut(dec(t, "1"))
	got["ETH/USD"] = dec(t, "5")
	requirePrices(t, map[string]string{"BTC/USD": "100"}, f.Prices())
}

func TestStartPollsImmediatelyAndStops(t *testing.T) {
	p := &fakeProvider{name: "p", prices: map[string]string{"BTC/USD": "100"}}
	cfg := testConfig()
	cfg.PollInterval = 20 * time.Millisecond
	f := New(cfg, []Provider{p}, nil)
	f.Stop() // before Start: no-op
	f.Start(context.Background())
	f.Start(context.Background()) // second Start: no-op

	waitFor(t, func() bool { return len(f.Prices()) == 1 })
	waitFor(t, func() bool { return p.calls.Load() >= 3 })
	f.Stop()
	f.Stop()
	n := p.calls.Load()
	time.Sleep(60 * time.Millisecond)
	if p.calls.Load() != n {
		t.Fatal("polling continued after Stop")
	}

	// Context cancellation also ends the loop.
	ctx, cancel := context.WithCancel(context.Background())
	f.Start(ctx)
	waitFor(t, func() bool { return p.calls.Load() > n })
	cancel()
	f.Stop()
}

func TestStartDisabledDoesNothing(t *testing.T) {
	p := &fakeProvider{name: "p", prices: map[string]string{"BTC/USD": "100"}}
	cfg := testConfig()
	cfg.Enabled = false
	f := New(cfg, []Provider{p}, nil)
	f.Start(context.Background())
	time.Sleep(30 * time.Millisecond)
	f.Stop()
	if p.calls.Load() != 0 {
		t.Fatal("disabled feeder polled")
	}
}

func TestNewAppliesDurationDefaults(t *testing.T) {
	f := New(Config{Enabled: true, MaxPriceAge: -1}, nil, nil)
	def := DefaultConfig()
	if f.cfg.PollInterval != def.PollInterval || f.cfg.Timeout != def.Timeout || f.cfg.MaxPriceAge != 0 {
		t.Fatalf("defaults not applied: %+v", f.cfg)
	}
}

func TestConcurrentPricesAndPolls(t *testing.T) {
	cfg := testConfig()
	cfg.PollInterval = 5 * time.Millisecond
	providers := append(exchangeProviders(t, route{file: "coinbase/ticker_btc_usd.json"}),
		&fakeProvider{name: "fake", prices: map[string]string{"BTC/USD": "97000", "ETH/USD": "3800"}})
	f := New(cfg, providers, &recordLogger{})
	f.Start(context.Background())
	defer f.Stop()

	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				for _, p := range f.Prices() {
					if !p.IsPositive() {
						t.Error("non-positive price served")
						return
					}
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 10; i++ {
			_ = f.PollOnce(context.Background())
		}
	}()
	time.Sleep(200 * time.Millisecond)
	close(stop)
	wg.Wait()
	// Overlapping polls skip each other's busy providers, so only a poll
	// with the loop stopped is guaranteed to see all four.
	f.Stop()
	waitFor(t, func() bool {
		for i := range providers {
			if f.isInflight(i) {
				return false
			}
		}
		return true
	})
	requireNoErr(t, f.PollOnce(context.Background()))
	requirePrices(t, map[string]string{"BTC/USD": "97012.35", "ETH/USD": "3800"}, f.Prices())
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in time")
		}
		time.Sleep(2 * time.Millisecond)
	}
}
