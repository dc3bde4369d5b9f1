package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/tests/e2e/harness"
)

// chromiumPath is Debian's Chromium, which the browser test drives
// (CHROMIUM overrides it).
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// requireBrowserTools fails (never skips) when Node.js, the web app's npm
// packages or Chromium are missing: .ci/run installs them.
func requireBrowserTools(t *testing.T, webDir string) {
	t.Helper()
	var missing []string
	if _, err := exec.LookPath("node"); err != nil {
		missing = append(missing, "Node.js (node on PATH)")
	}
	if _, err := os.Stat(filepath.Join(webDir, "node_modules", "playwright-core")); err != nil {
		missing = append(missing, "the web app's npm packages (run: cd web && npm ci)")
	}
	if _, err := os.Stat(chromiumPath()); err != nil {
		missing = append(missing, "Chromium at "+chromiumPath()+" (run: apt-get install chromium)")
	}
	if len(missing) > 0 {
		t.Fatalf("the web app's browser test needs %s; .ci/run installs them", strings.Join(missing, ", "))
	}
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if v != nil && resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("%s: %v: %s", url, err, body)
		}
	}
	return resp.StatusCode
}

// TestWeb drives the web app that `agorad devnet` serves in headless
// Chromium (web/tests/browser.mjs, the runner, with one step file per area
// in web/tests/steps): connect a devnet key, send; the Keplr code path
// through an injected window.keplr (the chain info it suggests, a send it
// signs); swap and see the balance move by the quoted amount; a pool's 24 h
// volume and fee APR from the dex's stats; add and remove liquidity,
// balanced and with one asset (the result equals the dex's preview); the
// price history; a lend borrow with its health-factor preview (and lend's
// own refusal of an over-limit one); the AUSD forms; a parameter-change
// proposal and a vote moving the tally; the swap in the explorer and a
// received send on an account page. AGORA_WEB_SCREENSHOTS=docs/web (from the
// repository root) writes the screenshots docs/web.md shows.
func TestWeb(t *testing.T) {
	skipInShortMode(t)
	webDir := filepath.Join(harness.RepoRoot(), "web")
	requireBrowserTools(t, webDir)
	d := sharedDevnet(t)
	url := d.WebURL()

	t.Run("served by the devnet", func(t *testing.T) {
		if !strings.Contains(d.Output(), "web app   "+url) {
			t.Errorf("the banner does not show the web app at %s:\n%s", url, d.Output())
		}
		var cfg struct {
			ChainID string `json:"chain_id"`
			Devnet  bool   `json:"devnet"`
			RPC     string `json:"rpc"`
		}
		if code := getJSON(t, url+"/config.json", &cfg); code != http.StatusOK || cfg.ChainID != devgenesis.DevnetChainID || !cfg.Devnet || cfg.RPC != "/rpc" {
			t.Errorf("config.json: %d %+v", code, cfg)
		}
		var keys []struct{ Name, Address, Mnemonic string }
		getJSON(t, url+"/devnet-keys.json", &keys)
		if len(keys) != 1+len(devgenesis.TestAccountNames) || keys[1].Address != addr(t, keys[1].Name) {
			t.Errorf("devnet keys: %+v", keys)
		}
		// The proxy reaches the node's REST API and RPC.
		var pools struct{ Pools []json.RawMessage }
		if code := getJSON(t, url+"/api/agora/dex/v1/pools", &pools); code != http.StatusOK || len(pools.Pools) == 0 {
			t.Errorf("REST through the proxy: %d, %d pools", code, len(pools.Pools))
		}
		var st struct {
			Result struct {
				NodeInfo struct{ Network string } `json:"node_info"`
			}
		}
		if getJSON(t, url+"/rpc/status", &st); st.Result.NodeInfo.Network != devgenesis.DevnetChainID {
			t.Errorf("RPC through the proxy: %+v", st)
		}
		// A page's own address is the app (the router runs in the page).
		if code := getJSON(t, url+"/explorer/tx/ABC", nil); code != http.StatusOK {
			t.Errorf("a page path answered %d", code)
		}
	})

	t.Run("agorad web against a node", func(t *testing.T) {
		port := harness.FreePortBase(t, 1)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		cmd := exec.CommandContext(ctx, d.Bin, "web", "--node", d.Ports.RPCURL(), "--api", d.Ports.APIURL(), "--port", strconv.Itoa(port))
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
		webURL := fmt.Sprintf("http://127.0.0.1:%d", port)
		var cfg struct {
			ChainID string `json:"chain_id"`
			Devnet  bool   `json:"devnet"`
		}
		deadline := time.Now().Add(15 * time.Second)
		for {
			resp, err := http.Get(webURL + "/config.json")
			if err == nil {
				_ = json.NewDecoder(resp.Body).Decode(&cfg)
				resp.Body.Close()
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("agorad web did not serve: %v\n%s", err, out.String())
			}
			time.Sleep(200 * time.Millisecond)
		}
		if cfg.ChainID != devgenesis.DevnetChainID || cfg.Devnet {
			t.Errorf("config.json from agorad web: %+v (want the node's chain id, devnet false)", cfg)
		}
		// The test keys are the devnet's alone.
		if code := getJSON(t, webURL+"/devnet-keys.json", nil); code != http.StatusNotFound {
			t.Errorf("agorad web served the devnet keys: %d", code)
		}
	})

	t.Run("in Chromium", func(t *testing.T) {
		shots := os.Getenv("AGORA_WEB_SCREENSHOTS")
		if shots == "" {
			shots = t.TempDir()
		} else if !filepath.IsAbs(shots) {
			shots = filepath.Join(harness.RepoRoot(), shots)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "node", "tests/browser.mjs", url, shots)
		cmd.Dir = webDir
		cmd.Env = append(os.Environ(), "CHROMIUM="+chromiumPath())
		out, err := cmd.CombinedOutput()
		t.Logf("browser test output:\n%s", out)
		if err != nil {
			t.Fatalf("browser test failed (%v); screenshots in %s", err, shots)
		}
		if !strings.Contains(string(out), "PASS") {
			t.Fatal("browser test did not report PASS")
		}
	})
}
