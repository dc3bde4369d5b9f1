package keeper_test

import (
	"strings"
	"testing"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/forum/keeper"
	"github.com/agora-labs/agora/x/forum/types"
)

// Params.Validate reports every problem in one error.
func TestParamsBounds(t *testing.T) {
	if err := types.DefaultParams().Validate(); err != nil {
		t.Fatal(err)
	}
	p := types.Params{
		PostFee:           sdk.Coins{sdk.Coin{Denom: "uagr"}},
		MaxBodyBytes:      types.MaxBodyBytesLimit + 1,
		EditWindowSeconds: types.MaxEditWindowSeconds + 1,
		RetentionSeconds:  types.MaxRetentionSeconds + 1,
		PrunePerBlock:     0,
	}
	err := p.Validate()
	wantErr(t, err, types.ErrInvalidParams)
	for _, field := range []string{"post_fee", "max_body_bytes", "edit_window_seconds", "retention_seconds", "prune_per_block"} {
		if !strings.Contains(err.Error(), field) {
			t.Errorf("error %q does not name %s", err, field)
		}
	}
	edge := types.DefaultParams()
	edge.MaxBodyBytes, edge.EditWindowSeconds, edge.RetentionSeconds, edge.PrunePerBlock = types.MaxBodyBytesLimit, types.MaxEditWindowSeconds, types.MaxRetentionSeconds, types.MaxPrunePerBlockLimit
	edge.PostFee = nil
	if err := edge.Validate(); err != nil {
		t.Fatalf("bounds themselves are valid: %v", err)
	}
}

// The edit window is inclusive of its last second; 0 closes it.
func TestEditWindowOpen(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		after  time.Duration
		window uint64
		want   bool
	}{
		{0, 0, false}, {0, 60, true}, {60 * time.Second, 60, true}, {60*time.Second + 1, 60, false},
	} {
		if got := keeper.EditWindowOpen(t0, t0.Add(tc.after), tc.window); got != tc.want {
			t.Errorf("after %s with window %d s: %v, want %v", tc.after, tc.window, got, tc.want)
		}
	}
	if keeper.PruneCutoff(1000, 100) != 900 {
		t.Fatal("prune cutoff")
	}
}
