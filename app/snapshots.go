package app

import (
	"context"
	"encoding/json"

	abci "github.com/cometbft/cometbft/abci/types"
)

// SnapshotsQueryPath is the ABCI query path (CometBFT RPC abci_query) at
// which a node lists the state sync snapshots it serves. CometBFT itself
// only exchanges snapshots over P2P; this lets `agorad statesync-config`
// tell before a new node starts whether the network serves any.
const SnapshotsQueryPath = "/agora/snapshots"

// SnapshotInfo is one snapshot in the answer at SnapshotsQueryPath.
type SnapshotInfo struct {
	Height uint64 `json:"height"`
	Format uint32 `json:"format"`
	Chunks uint32 `json:"chunks"`
}

// Query answers SnapshotsQueryPath with the node's snapshots (a JSON
// list, empty when the node takes none) and passes every other query to
// BaseApp. It reads the node's snapshot store, not the chain's state, so
// it changes nothing in consensus.
func (app *AgoraApp) Query(ctx context.Context, req *abci.RequestQuery) (*abci.ResponseQuery, error) {
	if req.Path != SnapshotsQueryPath {
		return app.BaseApp.Query(ctx, req)
	}
	out := []SnapshotInfo{}
	if m := app.SnapshotManager(); m != nil {
		list, err := m.List()
		if err != nil {
			return &abci.ResponseQuery{Code: 1, Codespace: "agora", Log: "listing snapshots: " + err.Error()}, nil
		}
		for _, s := range list {
			out = append(out, SnapshotInfo{Height: s.Height, Format: s.Format, Chunks: s.Chunks})
		}
	}
	bz, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	return &abci.ResponseQuery{Value: bz, Height: app.LastBlockHeight()}, nil
}
