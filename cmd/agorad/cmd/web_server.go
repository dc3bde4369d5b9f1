package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/web"
)

// webConfig is what the page reads from /config.json: where the chain is
// (always on the page's own origin, through the proxy) and what it is.
type webConfig struct {
	ChainID      string      `json:"chain_id"`
	ChainName    string      `json:"chain_name"`
	Bech32Prefix string      `json:"bech32_prefix"`
	CoinType     int         `json:"coin_type"`
	FeeDenom     string      `json:"fee_denom"`
	REST         string      `json:"rest"`
	RPC          string      `json:"rpc"`
	Devnet       bool        `json:"devnet"`
	Denoms       []webDenom  `json:"denoms"`
	Upstream     webUpstream `json:"upstream"`
}

// webUpstream tells the page which node it is reading (shown in the footer).
type webUpstream struct {
	REST string `json:"rest"`
	RPC  string `json:"rpc"`
}

// webDenom names a base denom for people: its symbol and decimals.
type webDenom struct {
	Denom    string `json:"denom"`
	Symbol   string `json:"symbol"`
	Decimals int    `json:"decimals"`
}

// webDevnetKey is a devnet test account offered on the connect screen.
type webDevnetKey struct {
	Name     string `json:"name"`
	Address  string `json:"address"`
	Mnemonic string `json:"mnemonic"`
}

// agoraDenoms are the denoms every Agora network knows; the page adds
// the oracle's pairs (denom and decimals) when it loads.
var agoraDenoms = []webDenom{
	{Denom: app.BondDenom, Symbol: "AGR", Decimals: 6},
	{Denom: "ubtc", Symbol: "BTC", Decimals: 6},
	{Denom: "ueth", Symbol: "ETH", Decimals: 6},
	{Denom: "uusdc", Symbol: "USDC", Decimals: 6},
	{Denom: "uausd", Symbol: "AUSD", Decimals: 6},
}

// webServer serves the embedded bundle, /config.json, and proxies /api to
// the node's REST API and /rpc to its CometBFT RPC (websocket included),
// so the page talks to a single origin and needs no CORS.
type webServer struct {
	rest, rpc *url.URL
	devnet    bool
	// chainID is fixed for the devnet; otherwise asked from the node once.
	mu      sync.Mutex
	chainID string
}

func newWebServer(restURL, rpcURL, chainID string, devnet bool) (*webServer, error) {
	rest, err := parseUpstream("--api", restURL)
	if err != nil {
		return nil, err
	}
	rpc, err := parseUpstream("--node", rpcURL)
	if err != nil {
		return nil, err
	}
	return &webServer{rest: rest, rpc: rpc, devnet: devnet, chainID: chainID}, nil
}

func parseUpstream(flag, raw string) (*url.URL, error) {
	raw = strings.Replace(raw, "tcp://", "http://", 1)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s %q: want an http(s) URL such as http://127.0.0.1:26657", flag, raw)
	}
	return u, nil
}

func (s *webServer) handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/api/", proxyTo(s.rest, "/api"))
	mux.Handle("/rpc", proxyTo(s.rpc, "/rpc"))
	mux.Handle("/rpc/", proxyTo(s.rpc, "/rpc"))
	mux.HandleFunc("/config.json", s.serveConfig)
	mux.HandleFunc("/devnet-keys.json", s.serveDevnetKeys)
	mux.Handle("/", spaFiles(web.Assets()))
	return mux
}

// upstreamTransport keeps idle connections to the node for 5 s only: the
// node's servers drop an idle keep-alive connection after their read
// timeout (CometBFT's RPC: 10 s), and a POST sent on a connection the node
// is closing fails ("use of closed network connection") without a retry,
// since a POST is not idempotent.
var upstreamTransport = func() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.IdleConnTimeout = 5 * time.Second
	return t
}()

// proxyTo forwards requests under prefix to target, prefix removed.
func proxyTo(target *url.URL, prefix string) http.Handler {
	return &httputil.ReverseProxy{
		Transport: upstreamTransport,
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(target)
			p := strings.TrimPrefix(r.In.URL.Path, prefix)
			if p == "" {
				p = "/"
			}
			r.Out.URL.Path = strings.TrimSuffix(target.Path, "/") + p
			r.Out.URL.RawPath = ""
			r.Out.Host = target.Host
			// The node sees a same-host request, not the page's origin.
			r.Out.Header.Del("Origin")
		},
		ErrorHandler: func(w http.ResponseWriter, _ *http.Request, err error) {
			http.Error(w, "the node does not answer: "+err.Error(), http.StatusBadGateway)
		},
	}
}

// spaFiles serves the bundle; an unknown path that is not an asset gets
// index.html, so that a page's own address (/swap, /tx/ABC) can be reloaded.
func spaFiles(assets fs.FS) http.Handler {
	files := http.FileServerFS(assets)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name != "" {
			if _, err := fs.Stat(assets, name); err != nil {
				if strings.HasPrefix(name, "assets/") {
					http.NotFound(w, r)
					return
				}
				r2 := r.Clone(r.Context())
				r2.URL.Path = "/"
				files.ServeHTTP(w, r2)
				return
			}
		}
		if name == "" || name == "index.html" {
			w.Header().Set("Cache-Control", "no-cache")
		}
		files.ServeHTTP(w, r)
	})
}

func (s *webServer) serveConfig(w http.ResponseWriter, r *http.Request) {
	chainID, err := s.chainIDOf(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	writeJSON(w, webConfig{
		ChainID: chainID, ChainName: "Agora", Bech32Prefix: app.Bech32Prefix, CoinType: app.CoinType,
		FeeDenom: app.BondDenom, REST: "/api", RPC: "/rpc", Devnet: s.devnet, Denoms: agoraDenoms,
		Upstream: webUpstream{REST: s.rest.String(), RPC: s.rpc.String()},
	})
}

// serveDevnetKeys offers the devnet's public test keys, and only on the
// devnet's own web server: anywhere else they would invite real funds onto
// keys everyone knows.
func (s *webServer) serveDevnetKeys(w http.ResponseWriter, _ *http.Request) {
	if !s.devnet {
		http.Error(w, "test keys are only served by agorad devnet", http.StatusNotFound)
		return
	}
	names := append([]string{devgenesis.ValidatorKeyName(0)}, devgenesis.TestAccountNames...)
	keys := make([]webDevnetKey, 0, len(names))
	for _, name := range names {
		addr, err := devgenesis.AddressOf(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		keys = append(keys, webDevnetKey{Name: name, Address: addr.String(), Mnemonic: devgenesis.Mnemonic(name)})
	}
	writeJSON(w, keys)
}

// chainIDOf is the fixed chain id, or the node's as its /status reports.
func (s *webServer) chainIDOf(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.chainID != "" {
		return s.chainID, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.rpc.JoinPath("status").String(), nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", fmt.Errorf("the node at %s does not answer: %w", s.rpc, err)
	}
	defer resp.Body.Close()
	var st struct {
		Result struct {
			NodeInfo struct {
				Network string `json:"network"`
			} `json:"node_info"`
		} `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil || st.Result.NodeInfo.Network == "" {
		return "", fmt.Errorf("the node at %s sent no chain id in /status", s.rpc)
	}
	s.chainID = st.Result.NodeInfo.Network
	return s.chainID, nil
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	_ = json.NewEncoder(w).Encode(v)
}

// listenWeb binds the web server's port on 127.0.0.1 (so a taken port is
// reported before anything starts) and serves in the background; the
// returned function stops it.
//
// portFlag names the flag that moves the port, for the error a taken port
// gives (in the devnet's words for its other ports).
func listenWeb(s *webServer, port int, portFlag string) (addr string, stop func(), err error) {
	l, err := net.Listen("tcp", net.JoinHostPort(devgenesis.Host, fmt.Sprint(port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return "", nil, fmt.Errorf("port %d (web app) is in use by another process; move it with --%s", port, portFlag)
		}
		return "", nil, fmt.Errorf("web app port %d: %w", port, err)
	}
	srv := &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Printf("web app server stopped: %v\n", err)
		}
	}()
	stop = func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}
	return "http://" + l.Addr().String(), stop, nil
}
