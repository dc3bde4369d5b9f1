package feeder

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestFileProviderFixture(t *testing.T) {
	p := NewFileProvider(ProviderConfig{Name: "file", Type: TypeFile, Path: filepath.Join("testdata", "file", "prices.json")})
	got, err := p.Fetch(context.Background(), nil)
	// Strings and numbers are accepted; NaN and negative entries are reported.
	requireErrContains(t, err, "BAD/USD", "NEG/USD")
	requirePrices(t, map[string]string{"BTC/USD": "65000.5", "ETH/USD": "3200", "ATOM/USD": "6.5"}, got)

	got, err = p.Fetch(context.Background(), []string{"ETH/USD", "DOGE/USD"})
	requireNoErr(t, err)
	requirePrices(t, map[string]string{"ETH/USD": "3200"}, got)
}

func writeFile(t *testing.T, path, body string, mtime time.Time) {
	t.Helper()
	requireNoErr(t, os.WriteFile(path, []byte(body), 0o600))
	requireNoErr(t, os.Chtimes(path, mtime, mtime))
}

func TestFileProviderRereadsOnModTimeChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prices.json")
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	writeFile(t, path, `{"BTC/USD": "65000.5"}`, t0)
	p := NewFileProvider(ProviderConfig{Type: TypeFile, Path: path})

	got, err := p.Fetch(context.Background(), nil)
	requireNoErr(t, err)
	requirePrices(t, map[string]string{"BTC/USD": "65000.5"}, got)

	// Same size and same mtime: the cached parse is served.
	writeFile(t, path, `{"BTC/USD": "99999.9"}`, t0)
	got, err = p.Fetch(context.Background(), nil)
	requireNoErr(t, err)
	requirePrices(t, map[string]string{"BTC/USD": "65000.5"}, got)

	// A new mtime makes the provider read the file again.
	writeFile(t, path, `{"BTC/USD": "99999.9"}`, t0.Add(2*time.Second))
	got, err = p.Fetch(context.Background(), nil)
	requireNoErr(t, err)
	requirePrices(t, map[string]string{"BTC/USD": "99999.9"}, got)

	// A size change alone is also noticed.
	writeFile(t, path, `{"BTC/USD": 70000, "ETH/USD": 3000}`, t0.Add(2*time.Second))
	got, err = p.Fetch(context.Background(), nil)
	requireNoErr(t, err)
	requirePrices(t, map[string]string{"BTC/USD": "70000", "ETH/USD": "3000"}, got)
}

func TestFileProviderErrors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "prices.json")
	p := NewFileProvider(ProviderConfig{Type: TypeFile, Path: path})

	_, err := p.Fetch(context.Background(), nil)
	requireErrContains(t, err, "no such file")

	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	writeFile(t, path, `{"BTC/USD": "650`, t0)
	_, err = p.Fetch(context.Background(), nil)
	requireErrContains(t, err, "parse")

	writeFile(t, path, `null`, t0.Add(time.Second))
	_, err = p.Fetch(context.Background(), nil)
	requireErrContains(t, err, "not a JSON object")

	// Fixed file is picked up on the next fetch.
	writeFile(t, path, `{"BTC/USD": "1"}`, t0.Add(2*time.Second))
	got, err := p.Fetch(context.Background(), nil)
	requireNoErr(t, err)
	requirePrices(t, map[string]string{"BTC/USD": "1"}, got)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Fetch(ctx, nil); err == nil {
		t.Fatal("expected context error")
	}
}

func TestFileProviderWithPairMapping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prices.json")
	writeFile(t, path, `{"btc": "65000", "eth": "3000", "other": "1"}`, time.Now())
	p := NewFileProvider(ProviderConfig{Type: TypeFile, Path: path,
		Pairs: map[string]string{"BTC/USD": "btc", "ETH/USD": "eth", "SOL/USD": "sol"}})
	got, err := p.Fetch(context.Background(), nil)
	requireErrContains(t, err, `SOL/USD: key "sol" not in`)
	requirePrices(t, map[string]string{"BTC/USD": "65000", "ETH/USD": "3000"}, got)
}
