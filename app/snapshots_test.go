package app_test

import (
	"context"
	"encoding/json"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
)

// A node without a snapshot store answers the snapshots query with an
// empty list (statesync-config turns that into "no snapshots"), and every
// other query still reaches BaseApp.
func TestSnapshotsQuery(t *testing.T) {
	c := apptest.New(t)
	res, err := c.App.Query(context.Background(), &abci.RequestQuery{Path: app.SnapshotsQueryPath})
	if err != nil || res.Code != 0 {
		t.Fatalf("%s: %v, code %d %s", app.SnapshotsQueryPath, err, res.GetCode(), res.GetLog())
	}
	var snaps []app.SnapshotInfo
	if err := json.Unmarshal(res.Value, &snaps); err != nil || snaps == nil || len(snaps) != 0 {
		t.Fatalf("%s answered %q (%v), want []", app.SnapshotsQueryPath, res.Value, err)
	}
	res, err = c.App.Query(context.Background(), &abci.RequestQuery{Path: "/app/version"})
	if err != nil || res.Code != 0 {
		t.Fatalf("/app/version through the override: %v, code %d %s", err, res.GetCode(), res.GetLog())
	}
}
