package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/x/cdp/keeper"
	"github.com/agora-labs/agora/x/cdp/types"
)

// A vault's life through real transactions: open and mint, the figures the
// vault query shows, repay more than owed (only the debt is taken), close.
func TestVaultLifecycle(t *testing.T) {
	c := newChain(t)
	// 1 ETH at 3,000 against 2,000 AUSD: ratio 1.5
	deliver(t, c, "alice", &types.MsgOpenVault{Owner: addr(c, "alice"), Collateral: coinOf(1_000_000, "ueth"), Mint: ints(2_000_000_000)})
	if got := balance(c, "alice", types.StableDenom); !got.Equal(ints(2_000_000_000)) {
		t.Fatalf("alice holds %s uausd, want 2,000 AUSD", got)
	}
	v := vaultInfo(t, c, 1)
	// liquidation price ⌈1.3 × 2000.000…⌉ per ETH, max mintable ⌊3000/1.3⌋ − debt
	if !v.CollateralRatio.LTE(dec("1.5")) || v.CollateralRatio.LT(dec("1.4999")) {
		t.Fatalf("ratio %s, want ≈ 1.5", v.CollateralRatio)
	}
	if v.LiquidationPrice.LT(dec("2600")) || v.LiquidationPrice.GT(dec("2600.01")) {
		t.Fatalf("liquidation price %s, want ≈ 2600", v.LiquidationPrice)
	}
	if v.MaxMintable.GT(ints(307_692_307)) || v.MaxMintable.LT(ints(307_600_000)) {
		t.Fatalf("max mintable %s, want ≈ 307.69 AUSD", v.MaxMintable)
	}

	// the fee accrues: a block later the debt is above 2,000 AUSD
	c.AdvanceBlocks(10)
	v = vaultInfo(t, c, 1)
	if !v.Debt.GT(ints(2_000_000_000)) {
		t.Fatalf("debt %s did not grow with the 5 %% fee", v.Debt)
	}
	// bob repays 1,000,000 AUSD for alice's vault's 2,000: only the debt…
	// bob has no AUSD; he gets some through the PSM first
	deliver(t, c, "bob", &types.MsgPsmSwapIn{Sender: addr(c, "bob"), Amount: ints(3_000_000_000)})
	before := balance(c, "bob", types.StableDenom)
	deliver(t, c, "bob", &types.MsgRepay{Sender: addr(c, "bob"), VaultId: 1, Amount: ints(1_000_000_000_000)})
	paid := before.Sub(balance(c, "bob", types.StableDenom))
	if paid.LT(ints(2_000_000_000)) || paid.GT(ints(2_000_100_000)) {
		t.Fatalf("bob paid %s, want the vault's debt (≈ 2,000 AUSD)", paid)
	}
	if v = vaultInfo(t, c, 1); !v.Debt.IsZero() {
		t.Fatalf("debt %s after repaying all", v.Debt)
	}
	ethBefore := balance(c, "alice", "ueth")
	deliver(t, c, "alice", &types.MsgCloseVault{Owner: addr(c, "alice"), VaultId: 1})
	if got := balance(c, "alice", "ueth").Sub(ethBefore); !got.Equal(ints(1_000_000)) {
		t.Fatalf("close returned %s ueth, want 1 ETH", got)
	}
	// the fees went to the books: surplus > 0 (no pool deposits: all of it)
	b, _ := c.App.CdpKeeper.Books.Get(c.Ctx())
	if !b.Surplus.IsPositive() {
		t.Fatalf("surplus %s after fees and PSM fees", b.Surplus)
	}
}

// The stability pool absorbs a crashed vault in EndBlock with no bot: the
// depositor's AUSD is burned against the debt, it gains the collateral
// (worth debt × 1.1), the owner keeps the rest; then the PSM both ways.
func TestLiquidationByStabilityPool(t *testing.T) {
	c := newChain(t)
	deliver(t, c, "alice", &types.MsgOpenVault{Owner: addr(c, "alice"), Collateral: coinOf(1_000_000, "ueth"), Mint: ints(2_000_000_000)})
	deliver(t, c, "bob", &types.MsgPsmSwapIn{Sender: addr(c, "bob"), Amount: ints(5_000_000_000)})
	if got := balance(c, "bob", types.StableDenom); !got.Equal(ints(4_995_000_000)) {
		t.Fatalf("bob got %s uausd for 5,000 USDC at a 0.1 %% fee, want 4,995 AUSD", got)
	}
	deliver(t, c, "bob", &types.MsgPoolDeposit{Depositor: addr(c, "bob"), Amount: ints(3_000_000_000)})

	aliceEth := balance(c, "alice", "ueth")
	debt := vaultInfo(t, c, 1).Debt
	// ETH falls to 2,500: ratio 1.25 < 1.3
	for p := range prices {
		setPrice(t, c, p, prices[p])
	}
	setPrice(t, c, "ETH/USD", "2500")
	c.NextBlock()
	if _, err := c.App.CdpKeeper.Vaults.Get(c.Ctx(), 1); err == nil {
		t.Fatal("vault 1 still exists after the crash")
	}
	// seized ⌈debt × 1.1 / 2500⌉ ueth (debt accrued one more block), the rest back to alice
	returned := balance(c, "alice", "ueth").Sub(aliceEth)
	seized := ints(1_000_000).Sub(returned)
	wantSeized := debt.Mul(ints(11)).Quo(ints(10)).Quo(ints(2500))
	if seized.Sub(wantSeized).Abs().GT(ints(10)) {
		t.Fatalf("seized %s ueth, want ≈ %s (debt %s × 1.1 / 2500)", seized, wantSeized, debt)
	}
	q := keeper.NewQueryServerImpl(c.App.CdpKeeper)
	dep, err := q.PoolDeposit(c.Ctx(), &types.QueryPoolDepositRequest{Depositor: addr(c, "bob")})
	if err != nil {
		t.Fatal(err)
	}
	if left := ints(3_000_000_000).Sub(dep.Deposit); left.Sub(debt).Abs().GT(ints(100_000)) {
		t.Fatalf("bob's deposit fell by %s, want ≈ the debt %s", left, debt)
	}
	if g := dep.Gains.AmountOf("ueth"); g.Sub(seized).Abs().GT(ints(2)) {
		t.Fatalf("bob's gains %s ueth, want ≈ the seized %s", g, seized)
	}
	ethBefore := balance(c, "bob", "ueth")
	deliver(t, c, "bob", &types.MsgClaimGains{Depositor: addr(c, "bob")})
	if got := balance(c, "bob", "ueth").Sub(ethBefore); !got.Equal(dep.Gains.AmountOf("ueth")) {
		t.Fatalf("claimed %s ueth, the query said %s", got, dep.Gains.AmountOf("ueth"))
	}
	// PSM out: 1,000 AUSD → 999 USDC
	usdc := balance(c, "bob", "uusdc")
	deliver(t, c, "bob", &types.MsgPsmSwapOut{Sender: addr(c, "bob"), Amount: ints(1_000_000_000)})
	if got := balance(c, "bob", "uusdc").Sub(usdc); !got.Equal(ints(999_000_000)) {
		t.Fatalf("PSM out paid %s uusdc for 1,000 AUSD, want 999 USDC", got)
	}
	// withdraw everything left
	deliver(t, c, "bob", &types.MsgPoolWithdraw{Depositor: addr(c, "bob"), Amount: sdkmath.ZeroInt(), All: true})
	if _, err := c.App.CdpKeeper.PoolDeposits.Get(c.Ctx(), c.Address("bob")); err == nil {
		t.Fatal("bob still has a deposit after withdrawing all")
	}
}

// With an empty pool and no dex route for ETH → AUSD, the debt of a crashed
// vault is redistributed to the other ETH vault (debt and collateral), and
// MsgLiquidate's sender gets the reward.
func TestRedistribution(t *testing.T) {
	c := newChain(t)
	p, _ := c.App.CdpKeeper.Params.Get(c.Ctx())
	p.MaxLiquidationsPerBlock = 0 // only MsgLiquidate
	gov(t, c, &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: p})
	deliver(t, c, "alice", &types.MsgOpenVault{Owner: addr(c, "alice"), Collateral: coinOf(1_000_000, "ueth"), Mint: ints(2_000_000_000)})
	deliver(t, c, "carol", &types.MsgOpenVault{Owner: addr(c, "carol"), Collateral: coinOf(10_000_000, "ueth"), Mint: ints(1_000_000_000)})
	carolBefore := vaultInfo(t, c, 2)
	aliceDebt := vaultInfo(t, c, 1).Debt
	freshPrices(t, c)
	setPrice(t, c, "ETH/USD", "2500")
	c.NextBlock()
	setPrice(t, c, "ETH/USD", "2500")
	if _, err := c.DeliverMsgs("bob", &types.MsgLiquidate{Liquidator: addr(c, "bob"), VaultId: 1}); err != nil {
		t.Fatal(err)
	}
	setPrice(t, c, "ETH/USD", "2500")
	after := vaultInfo(t, c, 2)
	gotDebt := after.Debt.Sub(carolBefore.Debt)
	if gotDebt.LT(aliceDebt) || gotDebt.GT(aliceDebt.Add(ints(100_000))) {
		t.Fatalf("carol's vault took %s of debt, want alice's ≈ %s", gotDebt, aliceDebt)
	}
	gotColl := after.Vault.Collateral.Sub(carolBefore.Vault.Collateral)
	if !gotColl.IsPositive() || gotColl.GT(ints(1_000_000)) {
		t.Fatalf("carol's vault took %s ueth of collateral", gotColl)
	}
	if r := balance(c, "bob", "ueth").Sub(ints(1_000_000_000)); !r.IsPositive() {
		t.Fatalf("bob's reward %s ueth", r)
	}
}
