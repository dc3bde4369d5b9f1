package harness

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/agora-labs/agora/app/devgenesis"
)

// SkipInShortMode skips an end-to-end test under go test -short.
func SkipInShortMode(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: runs agorad processes (make test runs it; make test-unit skips it)")
	}
}

// Addr is the address of one of the devnet's named accounts.
func Addr(t testing.TB, name string) string {
	t.Helper()
	a, err := devgenesis.AddressOf(name)
	if err != nil {
		t.Fatal(err)
	}
	return a.String()
}

// ForumThread is `q forum thread -o json`.
type ForumThread struct {
	Comments []struct {
		ID     string `json:"id"`
		Parent string `json:"parent_comment_id"`
		Body   string `json:"body"`
	} `json:"comments"`
	VoteReasons []struct {
		Voter  string `json:"voter"`
		Reason string `json:"reason"`
	} `json:"vote_reasons"`
}

// Bumped is a copy of params with one integer field moved by one (down
// when it is above 1, else up), whether JSON prints it as a number or, for
// 64-bit integers, as a string.
func Bumped(params map[string]any, field string) (map[string]any, error) {
	out := map[string]any{}
	for k, v := range params {
		out[k] = v
	}
	step := func(n int64) int64 {
		if n > 1 {
			return n - 1
		}
		return n + 1
	}
	switch v := params[field].(type) {
	case float64:
		out[field] = float64(step(int64(v)))
	case string:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, err
		}
		out[field] = strconv.FormatInt(step(n), 10)
	default:
		return nil, &json.UnsupportedValueError{Str: field + " is missing or not an integer"}
	}
	return out, nil
}
