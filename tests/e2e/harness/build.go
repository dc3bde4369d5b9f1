// Package harness runs real agorad processes on 127.0.0.1 for end-to-end
// tests: it builds the binary once per test run, creates networks with the
// same tooling as `agorad devnet` and `agorad localnet`, drives nodes
// through the CLI, and always stops what it started.
package harness

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// RepoRoot is the repository's root directory.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// Binary returns the path of an agorad built from this tree, building it
// on first use. AGORAD_BIN overrides it with an existing binary.
func Binary(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("AGORAD_BIN"); p != "" {
		return p
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "agorad-e2e-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "agorad")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/agorad")
		cmd.Dir = RepoRoot()
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = &buildError{err: err, out: string(out)}
		}
	})
	if buildErr != nil {
		t.Fatalf("build agorad: %v", buildErr)
	}
	return binPath
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }
