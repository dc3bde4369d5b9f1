package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"

	storetypes "cosmossdk.io/store/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// EndBlock's cost follows the vaults at risk, not the number of vaults:
// with every vault safe it consumes the same gas over 200 vaults as over
// 20,000 (it reads the riskiest entries of each type's index and stops at
// the first safe vault).
func TestEndBlockCostIndependentOfSafeVaults(t *testing.T) {
	gasWith := func(n int) uint64 {
		c := newChain(t)
		k := c.App.CdpKeeper
		ctx := c.WriteCtx()
		st, err := k.CollateralStates.Get(ctx, "ueth")
		if err != nil {
			t.Fatal(err)
		}
		owner := addr(c, "alice")
		for i := 1; i <= n; i++ {
			// ratios from 2 up, all safe at 3,000 (written directly: this
			// measures EndBlock, not the vaults' creation)
			v := types.Vault{
				Id: uint64(i), Owner: owner, CollateralType: "ueth", Collateral: ints(1_000_000),
				NormalizedDebt: ints(1_500_000_000 - int64(i)), LCollateralSnapshot: st.LCollateral, LDebtSnapshot: st.LDebt,
			}
			if err := k.Vaults.Set(ctx, v.Id, v); err != nil {
				t.Fatal(err)
			}
			key := types.RiskKey(v.NormalizedDebt, v.Collateral, v.LCollateralSnapshot, v.LDebtSnapshot)
			if err := k.RiskIndex.Set(ctx, collections.Join3("ueth", key, v.Id)); err != nil {
				t.Fatal(err)
			}
		}
		freshPrices(t, c)
		ctx = c.WriteCtx().WithGasMeter(storetypes.NewInfiniteGasMeter())
		cache, _ := ctx.CacheContext()
		if err := k.EndBlock(cache); err != nil {
			t.Fatal(err)
		}
		return cache.GasMeter().GasConsumed()
	}
	small, large := gasWith(200), gasWith(20_000)
	if small == 0 || large != small {
		t.Fatalf("EndBlock gas: %d with 200 safe vaults, %d with 20,000", small, large)
	}
	t.Logf("EndBlock gas with every vault safe: %d (200 or 20,000 vaults)", small)
}
