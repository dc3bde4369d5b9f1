package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/agora-labs/agora/app/devgenesis"
)

// fakeNode answers with the path and query it received, and a /status
// with a chain id, standing in for a node's REST API and RPC.
func fakeNode(t *testing.T, chainID string) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/status" {
			_, _ = io.WriteString(w, `{"result":{"node_info":{"network":"`+chainID+`"}}}`)
			return
		}
		w.Header().Set("X-Origin", r.Header.Get("Origin"))
		_, _ = io.WriteString(w, r.Method+" "+r.URL.RequestURI())
	}))
	t.Cleanup(s.Close)
	return s
}

func serve(t *testing.T, h http.Handler, method, path string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	req.Header.Set("Origin", "http://127.0.0.1:8080")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Result(), string(body)
}

func TestWebServerProxiesToTheNode(t *testing.T) {
	rest, rpc := fakeNode(t, "x"), fakeNode(t, "x")
	s, err := newWebServer(rest.URL, strings.Replace(rpc.URL, "http://", "tcp://", 1), "", false)
	if err != nil {
		t.Fatal(err)
	}
	h := s.handler()
	for _, c := range []struct{ method, path, want string }{
		{"GET", "/api/agora/dex/v1/pools?denom=uusdc", "GET /agora/dex/v1/pools?denom=uusdc"},
		{"GET", "/api/cosmos/tx/v1beta1/txs/ABC", "GET /cosmos/tx/v1beta1/txs/ABC"},
		{"POST", "/rpc", "POST /"}, // CosmJS posts JSON-RPC to the URL itself
		{"GET", "/rpc/block?height=5", "GET /block?height=5"},
	} {
		resp, body := serve(t, h, c.method, c.path)
		if resp.StatusCode != http.StatusOK || body != c.want {
			t.Errorf("%s %s: %d %q, want %q", c.method, c.path, resp.StatusCode, body, c.want)
		}
		if o := resp.Header.Get("X-Origin"); o != "" {
			t.Errorf("%s: the node saw Origin %q; the proxy must drop it", c.path, o)
		}
	}
}

func TestWebServerConfigAndKeys(t *testing.T) {
	node := fakeNode(t, "agora-test-7")
	other, err := newWebServer(node.URL, node.URL, "", false)
	if err != nil {
		t.Fatal(err)
	}
	resp, body := serve(t, other.handler(), "GET", "/config.json")
	var cfg webConfig
	if err := json.Unmarshal([]byte(body), &cfg); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("config.json: %d %s", resp.StatusCode, body)
	}
	if cfg.ChainID != "agora-test-7" || cfg.Devnet || cfg.REST != "/api" || cfg.RPC != "/rpc" || cfg.Bech32Prefix != "agora" || len(cfg.Denoms) == 0 {
		t.Errorf("config.json against a node: %+v", cfg)
	}
	if resp, _ := serve(t, other.handler(), "GET", "/devnet-keys.json"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("devnet keys served off the devnet: %d", resp.StatusCode)
	}

	devnet, err := newWebServer(node.URL, node.URL, "agora-devnet-1", true)
	if err != nil {
		t.Fatal(err)
	}
	_, body = serve(t, devnet.handler(), "GET", "/config.json")
	if err := json.Unmarshal([]byte(body), &cfg); err != nil || cfg.ChainID != "agora-devnet-1" || !cfg.Devnet {
		t.Errorf("devnet config.json: %s", body)
	}
	_, body = serve(t, devnet.handler(), "GET", "/devnet-keys.json")
	var keys []webDevnetKey
	if err := json.Unmarshal([]byte(body), &keys); err != nil || len(keys) != 1+len(devgenesis.TestAccountNames) || keys[0].Name != "validator" || !strings.HasPrefix(keys[1].Address, "agora1") || len(strings.Fields(keys[1].Mnemonic)) != 24 {
		t.Errorf("devnet keys: %s", body)
	}
}

func TestWebServerServesTheApp(t *testing.T) {
	node := fakeNode(t, "x")
	s, _ := newWebServer(node.URL, node.URL, "x", false)
	h := s.handler()
	for _, path := range []string{"/", "/swap", "/explorer/tx/ABC"} {
		resp, body := serve(t, h, "GET", path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `<div id="root">`) {
			t.Errorf("%s: %d, not the app's index.html: %.80q", path, resp.StatusCode, body)
		}
	}
	if resp, _ := serve(t, h, "GET", "/assets/missing.js"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a missing asset answered %d, want 404", resp.StatusCode)
	}
}

func TestWebServerRefusesBadUpstreams(t *testing.T) {
	for _, u := range []string{"", "127.0.0.1:26657", "ftp://x", "http://"} {
		if _, err := newWebServer(u, "http://127.0.0.1:1", "", false); err == nil {
			t.Errorf("--api %q accepted", u)
		}
	}
}

func TestWebPortTakenIsSaidPlainly(t *testing.T) {
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	port := held.Addr().(*net.TCPAddr).Port
	s, _ := newWebServer("http://127.0.0.1:1", "http://127.0.0.1:1", "x", true)
	_, _, err = listenWeb(s, port, "web-port")
	want := fmt.Sprintf("port %d (web app) is in use by another process; move it with --web-port", port)
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %q", err, want)
	}
}
