package feeder

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

const (
	// maxBodyBytes caps how much of a provider's response is read.
	maxBodyBytes = 1 << 20
	userAgent    = "agora-oracle-feeder"
)

// StatusError is returned when a provider answers with a non-2xx status.
type StatusError struct {
	StatusCode int
	Body       string // first bytes of the response body
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("http status %d: %s", e.StatusCode, e.Body)
}

// getJSON GETs rawURL and decodes a 2xx JSON body into out.
func getJSON(ctx context.Context, client *http.Client, rawURL string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes+1))
	if err != nil {
		return fmt.Errorf("read response: %w", err)
	}
	if len(body) > maxBodyBytes {
		return fmt.Errorf("response larger than %d bytes", maxBodyBytes)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return &StatusError{StatusCode: resp.StatusCode, Body: truncate(strings.TrimSpace(string(body)), 256)}
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("decode response: %w", err)
	}
	return nil
}

// joinURL appends path to a base URL without doubling the slash.
func joinURL(base, path string) string {
	return strings.TrimRight(base, "/") + path
}
