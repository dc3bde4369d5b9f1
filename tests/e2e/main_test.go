// Package e2e holds the end-to-end tests: real agorad processes on
// 127.0.0.1, driven through the CLI as a user would drive them.
package e2e

import (
	"testing"

	"github.com/agora-labs/agora/app/devgenesis"
)

func skipInShortMode(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: runs agorad processes (make test runs it; make test-unit skips it)")
	}
}

func addr(t *testing.T, name string) string {
	t.Helper()
	a, err := devgenesis.AddressOf(name)
	if err != nil {
		t.Fatal(err)
	}
	return a.String()
}
