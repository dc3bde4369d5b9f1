package feeder

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
)

func dec(t testing.TB, s string) sdkmath.LegacyDec {
	t.Helper()
	d, err := sdkmath.LegacyNewDecFromStr(s)
	if err != nil {
		t.Fatalf("bad decimal %q: %v", s, err)
	}
	return d
}

func requireDec(t testing.TB, want string, got sdkmath.LegacyDec) {
	t.Helper()
	if got.IsNil() || !dec(t, want).Equal(got) {
		t.Fatalf("want %s, got %v", want, got)
	}
}

// requirePrices checks that got holds exactly the pairs in want.
func requirePrices(t testing.TB, want map[string]string, got map[string]sdkmath.LegacyDec) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("want %d prices %v, got %d: %v", len(want), want, len(got), got)
	}
	for pair, w := range want {
		p, ok := got[pair]
		if !ok {
			t.Fatalf("missing %s in %v", pair, got)
		}
		if !dec(t, w).Equal(p) {
			t.Fatalf("%s: want %s, got %s", pair, w, p)
		}
	}
}

func requireErrContains(t testing.TB, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("expected an error containing %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Fatalf("error %q does not contain %q", err, p)
		}
	}
}

func requireNoErr(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// route is a canned answer of a fixture server.
type route struct {
	status int           // 0 = 200
	file   string        // fixture under testdata/
	body   string        // used when file is empty
	delay  time.Duration // sleep (until the client gives up) before answering
}

// fixtureServer serves routes keyed by request URI ("/path?query") on a
// loopback httptest server; unknown URIs get a 404. It counts requests.
func fixtureServer(t *testing.T, routes map[string]route) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		rt, ok := routes[r.URL.RequestURI()]
		if !ok {
			http.Error(w, `{"message":"route not found"}`, http.StatusNotFound)
			return
		}
		if rt.delay > 0 {
			select {
			case <-time.After(rt.delay):
			case <-r.Context().Done():
				return
			}
		}
		body := []byte(rt.body)
		if rt.file != "" {
			var err error
			if body, err = os.ReadFile(filepath.Join("testdata", rt.file)); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
		}
		status := rt.status
		if status == 0 {
			status = http.StatusOK
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// fakeProvider returns fixed prices, or blocks/panics on demand.
type fakeProvider struct {
	name   string
	prices map[string]string
	err    error
	block  chan struct{} // if set, Fetch waits on it, ignoring ctx
	panics bool
	calls  atomic.Int64
}

func (p *fakeProvider) Name() string { return p.name }

func (p *fakeProvider) Fetch(ctx context.Context, _ []string) (map[string]sdkmath.LegacyDec, error) {
	p.calls.Add(1)
	if p.panics {
		panic("boom")
	}
	if p.block != nil {
		<-p.block
	}
	out := make(map[string]sdkmath.LegacyDec, len(p.prices))
	for pair, s := range p.prices {
		d, err := sdkmath.LegacyNewDecFromStr(s)
		if err != nil {
			return nil, err
		}
		out[pair] = d
	}
	return out, p.err
}

// recordLogger keeps log lines for assertions.
type recordLogger struct {
	mu    sync.Mutex
	lines []string
}

func (l *recordLogger) add(level, msg string, kv ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, strings.TrimSpace(fmt.Sprintln(append([]any{level, msg}, kv...)...)))
}

func (l *recordLogger) Info(msg string, kv ...any)  { l.add("INF", msg, kv...) }
func (l *recordLogger) Error(msg string, kv ...any) { l.add("ERR", msg, kv...) }
func (l *recordLogger) Debug(msg string, kv ...any) { l.add("DBG", msg, kv...) }

func (l *recordLogger) contains(sub string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, line := range l.lines {
		if strings.Contains(line, sub) {
			return true
		}
	}
	return false
}

// fakeClock is a settable clock safe for concurrent use.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
