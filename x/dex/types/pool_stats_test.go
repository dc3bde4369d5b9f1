package types_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

func TestPoolStatsArithmetic(t *testing.T) {
	hop := func(in, fee, pf int64, denom string) types.SwapHop {
		return types.SwapHop{
			TokenIn: sdk.NewInt64Coin(denom, in), Fee: sdk.NewInt64Coin(denom, fee), ProtocolFee: sdk.Coin{Denom: denom, Amount: sdkmath.NewInt(pf)},
		}
	}
	a := types.PoolStats{}.AddHop(hop(1000, 3, 0, "uusdc")) // a zero protocol fee adds nothing
	b := a.AddHop(hop(50, 1, 1, "ueth"))
	if !b.Volume.Equal(sdk.NewCoins(sdk.NewInt64Coin("ueth", 50), sdk.NewInt64Coin("uusdc", 1000))) ||
		!b.Fees.Equal(sdk.NewCoins(sdk.NewInt64Coin("ueth", 1), sdk.NewInt64Coin("uusdc", 3))) ||
		!b.ProtocolFees.Equal(sdk.NewCoins(sdk.NewInt64Coin("ueth", 1))) {
		t.Fatalf("totals: %v", b)
	}
	d, err := b.Sub(a)
	if err != nil || !d.Volume.Equal(sdk.NewCoins(sdk.NewInt64Coin("ueth", 50))) || !d.Fees.Equal(sdk.NewCoins(sdk.NewInt64Coin("ueth", 1))) {
		t.Fatalf("b − a: %v %v", d, err)
	}
	if _, err := a.Sub(b); !types.ErrInvariantBroken.Is(err) {
		t.Fatalf("totals that went down: want ErrInvariantBroken, got %v", err)
	}
}

func TestGenesisStatsRecords(t *testing.T) {
	gs := types.DefaultGenesis()
	rec := types.PoolStatsRecord{PoolId: 7, Time: time.Unix(1, 0).UTC(), TotalShares: sdkmath.NewInt(1)}
	gs.PoolStatsRecords = []types.PoolStatsRecord{rec}
	if err := gs.Validate(); !types.ErrInvalidGenesis.Is(err) {
		t.Fatalf("a stats record of an unknown pool: want ErrInvalidGenesis, got %v", err)
	}
}
