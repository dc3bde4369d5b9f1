package types_test

import (
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/incentives/types"
)

func TestParamsValidateReportsEveryProblem(t *testing.T) {
	if err := types.DefaultParams().Validate(); err != nil {
		t.Fatal(err)
	}
	p := types.DefaultParams()
	p.UnbondingPeriodSeconds = 31 * 24 * 3600
	p.EmissionPerBlock = sdkmath.NewInt(-1)
	p.MaxGaugesPerPool = 0
	p.MinGaugeDurationSeconds = 0
	p.MaxQueuePerBlock = 0
	p.FinishedGaugeRetentionSeconds = 366 * 24 * 3600
	err := p.Validate()
	if !errorsmod.IsOf(err, types.ErrInvalidParams) {
		t.Fatalf("got %v", err)
	}
	for _, field := range []string{"unbonding_period_seconds", "emission_per_block", "max_gauges_per_pool", "min_gauge_duration_seconds", "max_queue_per_block", "finished_gauge_retention_seconds"} {
		if !strings.Contains(err.Error(), field) {
			t.Errorf("error does not name %s: %v", field, err)
		}
	}
}

func TestValidateWeights(t *testing.T) {
	d := sdkmath.LegacyMustNewDecFromStr
	ok := []types.PoolWeight{{PoolId: 1, Weight: d("0.25")}, {PoolId: 2, Weight: d("0.75")}}
	if err := types.ValidateWeights(ok); err != nil {
		t.Fatal(err)
	}
	if err := types.ValidateWeights(nil); err != nil {
		t.Fatal("no weights (no emissions) is valid:", err)
	}
	for name, ws := range map[string][]types.PoolWeight{
		"sum below 1": {{PoolId: 1, Weight: d("0.5")}},
		"sum above 1": {{PoolId: 1, Weight: d("0.5")}, {PoolId: 2, Weight: d("0.6")}},
		"duplicate":   {{PoolId: 1, Weight: d("0.5")}, {PoolId: 1, Weight: d("0.5")}},
		"zero weight": {{PoolId: 1, Weight: d("1")}, {PoolId: 2, Weight: d("0")}},
		"pool 0":      {{PoolId: 0, Weight: d("1")}},
	} {
		if err := types.ValidateWeights(ws); !errorsmod.IsOf(err, types.ErrInvalidWeights) {
			t.Errorf("%s: got %v", name, err)
		}
	}
}

func TestPoolIDOfShares(t *testing.T) {
	if id, err := types.PoolIDOfShares("dex/pool/12"); err != nil || id != 12 {
		t.Fatalf("%d %v", id, err)
	}
	for _, d := range []string{"uusdc", "dex/pool/", "dex/pool/0", "dex/pool/01", "dex/pool/x"} {
		if _, err := types.PoolIDOfShares(d); !errorsmod.IsOf(err, types.ErrNotShareDenom) {
			t.Errorf("%s: got %v", d, err)
		}
	}
}
