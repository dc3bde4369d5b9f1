package keeper_test

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/cdp/types"
)

// TestStressCrash: many vaults over three collateral types (ETH, BTC, AGR)
// at random ratios between their minimum and 4×; a stability pool; ETH, the
// main collateral, falls 50 % in one block. Every unsafe vault is closed
// within 10 blocks, system debt stays within the surplus buffer, and the
// invariants hold after every block. `make test` runs 600 vaults;
// AGORA_CDP_STRESS=10000 runs the full size (figures in
// docs/performance.md).
func TestStressCrash(t *testing.T) {
	n := 600
	if s := os.Getenv("AGORA_CDP_STRESS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		n = v
	}
	owners := []string{"alice", "bob", "carol"}
	var extra []string
	for i := 0; i < 30; i++ {
		extra = append(extra, fmt.Sprintf("stress%d", i))
	}
	c := apptest.New(t, apptest.WithAccounts(extra...))
	owners = append(owners, extra...)
	freshPrices(t, c)
	params := types.DefaultParams()
	params.PsmDenom, params.PsmFeeIn, params.PsmFeeOut, params.PsmCeiling = "uusdc", sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec(), ints(1_000_000_000_000_000)
	params.MaxLiquidationsPerBlock = 1000
	agr := ethType()
	agr.Denom, agr.OraclePair, agr.MinCollateralRatio = "uagr", "AGR/USD", dec("1.5")
	gov(t, c,
		&types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: params},
		&types.MsgSetCollateralType{Authority: app.TimelockAuthority(), CollateralType: ethType()},
		&types.MsgSetCollateralType{Authority: app.TimelockAuthority(), CollateralType: btcType()},
		&types.MsgSetCollateralType{Authority: app.TimelockAuthority(), CollateralType: agr},
	)
	k := c.App.CdpKeeper
	r := rand.New(rand.NewSource(7))
	freshPrices(t, c)
	ctx := c.WriteCtx()
	type kind struct {
		denom string
		price float64
		mcr   float64
	}
	kinds := []kind{{"ueth", 3000, 1.3}, {"ubtc", 60000, 1.3}, {"uagr", 1, 1.5}}
	start := time.Now()
	for i := 0; i < n; i++ {
		kd := kinds[0]
		if i%3 == 1 && r.Intn(2) == 0 {
			kd = kinds[1]
		} else if i%3 == 2 && r.Intn(2) == 0 {
			kd = kinds[2]
		}
		debt := int64(10_000_000 + r.Int63n(990_000_000)) // 10 – 1,000 AUSD
		ratio := kd.mcr * (1.001 + 3*r.Float64())
		coll := int64(float64(debt)*ratio/kd.price) + 1
		owner := c.Address(owners[i%len(owners)])
		if _, err := k.OpenVault(ctx, owner, sdk.NewInt64Coin(kd.denom, coll), ints(debt)); err != nil {
			t.Fatalf("vault %d (%d%s, %d uausd): %v", i, coll, kd.denom, debt, err)
		}
	}
	// the pool: 40 % of all debt, through the PSM
	debt := sdkmath.ZeroInt()
	for _, kd := range kinds {
		st, _ := k.CollateralStates.Get(ctx, kd.denom)
		debt = debt.Add(st.Issued)
	}
	poolAmt := debt.MulRaw(4).QuoRaw(10)
	if _, _, err := k.PsmSwapIn(ctx, c.Address("alice"), poolAmt); err != nil {
		t.Fatal(err)
	}
	if _, err := k.PoolDeposit(ctx, c.Address("alice"), poolAmt); err != nil {
		t.Fatal(err)
	}
	c.NextBlock()
	setup := time.Since(start)

	// ETH −50 % in one block
	freshPrices(t, c)
	setPrice(t, c, "ETH/USD", "1500")
	unsafe := countUnsafe(t, c, "ueth", dec("1500"))
	var blocks int
	var crashBlock time.Duration
	for blocks = 1; blocks <= 10; blocks++ {
		t0 := time.Now()
		c.NextBlock()
		if blocks == 1 {
			crashBlock = time.Since(t0)
		}
		freshPrices(t, c)
		setPrice(t, c, "ETH/USD", "1500")
		if countUnsafe(t, c, "ueth", dec("1500")) == 0 {
			break
		}
	}
	if blocks > 10 {
		t.Fatalf("%d unsafe ETH vaults left after 10 blocks", countUnsafe(t, c, "ueth", dec("1500")))
	}
	b, _ := k.Books.Get(c.Ctx())
	p, _ := k.Params.Get(c.Ctx())
	if b.SystemDebt.GT(p.SurplusBuffer) {
		t.Fatalf("system debt %s above the surplus buffer %s", b.SystemDebt, p.SurplusBuffer)
	}
	t.Logf("%d vaults (setup %s); ETH −50%%: %d unsafe, all closed in %d block(s); first block %s; system debt %s; pool left %s",
		n, setup.Round(time.Millisecond), unsafe, blocks, crashBlock.Round(time.Millisecond), b.SystemDebt, mustPool(t, c).TotalDeposits)
}

func mustPool(t *testing.T, c *apptest.Chain) types.PoolState {
	p, err := c.App.CdpKeeper.Pool.Get(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// countUnsafe counts a type's vaults below their MCR at price.
func countUnsafe(t *testing.T, c *apptest.Chain, denom string, price sdkmath.LegacyDec) int {
	t.Helper()
	ctx, _ := c.Ctx().CacheContext()
	k := c.App.CdpKeeper
	ct, _ := k.CollateralTypes.Get(ctx, denom)
	count := 0
	err := k.Vaults.Walk(ctx, nil, func(id uint64, v types.Vault) (bool, error) {
		if v.CollateralType != denom {
			return false, nil
		}
		info, err := k.VaultInfo(ctx, id)
		if err != nil {
			return true, err
		}
		if info.Debt.IsPositive() && !types.MeetsRatio(info.Vault.Collateral, price, ct.Decimals, info.Debt, ct.MinCollateralRatio) {
			count++
		}
		return false, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return count
}
