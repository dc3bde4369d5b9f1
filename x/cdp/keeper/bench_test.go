package keeper_test

import (
	"os"
	"strconv"
	"testing"

	"cosmossdk.io/collections"

	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/cdp/types"
)

// BenchmarkEndBlockSafeVaults: EndBlock over 100,000 safe ETH vaults
// (AGORA_CDP_BENCH_VAULTS to change) and no price move, each run on a
// branch of the same state. The vaults are written directly (this measures
// EndBlock, not their creation) and committed. Run once:
//
//	go test ./x/cdp/keeper -run '^$' -bench EndBlockSafeVaults -benchtime 20x
func BenchmarkEndBlockSafeVaults(b *testing.B) {
	n := 100_000
	if s := os.Getenv("AGORA_CDP_BENCH_VAULTS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		n = v
	}
	c := newChain(b)
	k := c.App.CdpKeeper
	ctx := c.WriteCtx()
	st, err := k.CollateralStates.Get(ctx, "ueth")
	if err != nil {
		b.Fatal(err)
	}
	owner := c.Address("alice").String()
	total := ints(0)
	for i := 1; i <= n; i++ {
		v := types.Vault{
			Id: uint64(i), Owner: owner, CollateralType: "ueth", Collateral: ints(1_000_000),
			NormalizedDebt: ints(1_500_000_000 - int64(i)), LCollateralSnapshot: st.LCollateral, LDebtSnapshot: st.LDebt,
		}
		if err := k.Vaults.Set(ctx, v.Id, v); err != nil {
			b.Fatal(err)
		}
		key := types.RiskKey(v.NormalizedDebt, v.Collateral, v.LCollateralSnapshot, v.LDebtSnapshot)
		if err := k.RiskIndex.Set(ctx, collections.Join3("ueth", key, v.Id)); err != nil {
			b.Fatal(err)
		}
		total = total.Add(v.NormalizedDebt)
	}
	// the type's totals, the module's ETH and the owner's AUSD agree, so
	// the invariants hold and the state is committed before measuring
	issued, err := risk.DebtFromScaled(total, st.Rate)
	if err != nil {
		b.Fatal(err)
	}
	st.Collateral, st.NormalizedDebt, st.Issued = st.Collateral.Add(ints(int64(n)*1_000_000)), st.NormalizedDebt.Add(total), st.Issued.Add(issued)
	if err := k.CollateralStates.Set(ctx, "ueth", st); err != nil {
		b.Fatal(err)
	}
	bank := c.App.BankKeeper
	mint := sdk.NewCoins(sdk.NewCoin("ueth", ints(int64(n)*1_000_000)), sdk.NewCoin(types.StableDenom, issued))
	if err := bank.MintCoins(ctx, types.ModuleName, mint); err != nil {
		b.Fatal(err)
	}
	if err := bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, c.Address("alice"), sdk.NewCoins(sdk.NewCoin(types.StableDenom, issued))); err != nil {
		b.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		if err := k.VaultsByOwner.Set(ctx, collections.Join(c.Address("alice"), uint64(i))); err != nil {
			b.Fatal(err)
		}
	}
	if err := k.NextVaultID.Set(ctx, uint64(n+1)); err != nil {
		b.Fatal(err)
	}
	freshPrices(b, c)
	c.NextBlock()
	freshPrices(b, c)
	base := c.WriteCtx().WithGasMeter(storetypes.NewInfiniteGasMeter())
	var gas uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cache, _ := base.CacheContext()
		cache = cache.WithGasMeter(storetypes.NewInfiniteGasMeter())
		if err := k.EndBlock(cache); err != nil {
			b.Fatal(err)
		}
		gas = cache.GasMeter().GasConsumed()
	}
	b.ReportMetric(float64(gas), "gas/op")
}
