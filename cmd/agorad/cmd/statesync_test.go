package cmd

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/p2p"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"

	"github.com/agora-labs/agora/app"
)

func TestNormalizeRPC(t *testing.T) {
	for in, want := range map[string]string{
		"http://127.0.0.1:26657":  "http://127.0.0.1:26657",
		"127.0.0.1:26657":         "http://127.0.0.1:26657",
		"tcp://127.0.0.1:26657":   "http://127.0.0.1:26657",
		"https://rpc.example:443": "https://rpc.example:443",
		"http://127.0.0.1:26657/": "http://127.0.0.1:26657",
	} {
		got, err := normalizeRPC(in)
		if err != nil || got != want {
			t.Errorf("normalizeRPC(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"":                          "empty",
		"ftp://127.0.0.1:1":         `scheme "ftp"`,
		"http://127.0.0.1":          "want host:port",
		"http://:26657":             "want host:port",
		"http://127.0.0.1:1/status": "unexpected path",
	} {
		if _, err := normalizeRPC(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("normalizeRPC(%q): %v, want an error containing %q", in, err, want)
		}
	}
}

// fakeRPC is a CometBFT JSON-RPC server that answers status and the
// snapshots query.
func fakeRPC(t *testing.T, chainID string, catchingUp bool, snapshots string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req rpctypes.RPCRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var resp rpctypes.RPCResponse
		switch req.Method {
		case "status":
			resp = rpctypes.NewRPCSuccessResponse(req.ID, &ctypes.ResultStatus{
				NodeInfo: p2p.DefaultNodeInfo{Network: chainID},
				SyncInfo: ctypes.SyncInfo{LatestBlockHeight: 42, CatchingUp: catchingUp},
			})
		case "abci_query":
			resp = rpctypes.NewRPCSuccessResponse(req.ID, &ctypes.ResultABCIQuery{Response: abci.ResponseQuery{Value: []byte(snapshots)}})
		default:
			resp = rpctypes.RPCMethodNotFoundError(req.ID)
		}
		_ = json.NewEncoder(w).Encode(resp)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestPlanStateSyncErrors(t *testing.T) {
	ctx := context.Background()
	// A closed port: unreachable.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()

	noSnapshots := fakeRPC(t, "agora-x", false, "[]")
	catchingUp := fakeRPC(t, "agora-x", true, `[{"height":40,"format":3,"chunks":1}]`)
	otherChain := fakeRPC(t, "agora-y", false, `[{"height":40,"format":3,"chunks":1}]`)
	for name, c := range map[string]struct {
		rpcs []string
		want string
	}{
		"none":         {nil, "give the network's CometBFT RPC server"},
		"three":        {[]string{noSnapshots, noSnapshots, noSnapshots}, "give one or two"},
		"bad url":      {[]string{"ftp://x:1"}, `scheme "ftp"`},
		"unreachable":  {[]string{closed}, "cannot reach the CometBFT RPC server"},
		"no snapshots": {[]string{noSnapshots}, "no state sync snapshots"},
		"catching up":  {[]string{catchingUp}, "is itself catching up"},
		"two chains":   {[]string{noSnapshots, otherChain}, "disagree on the chain"},
	} {
		_, err := planStateSync(ctx, c.rpcs)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error containing %q", name, err, c.want)
		}
	}
}

func TestSnapshotsQueryPathIsAgoras(t *testing.T) {
	if !strings.HasPrefix(app.SnapshotsQueryPath, "/agora/") {
		t.Fatalf("snapshots query path %q could collide with the SDK's /app, /store, /p2p or gRPC paths", app.SnapshotsQueryPath)
	}
}
