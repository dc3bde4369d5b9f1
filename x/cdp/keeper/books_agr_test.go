package keeper_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/cdp/types"
	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// endBlockEvents runs the cdp EndBlock on a branch of the committed state
// (never written) and returns the typed events it emits, by type name.
func endBlockEvents(t *testing.T, c *apptest.Chain) map[string][]abci.Event {
	t.Helper()
	ctx, _ := c.WriteCtx().CacheContext()
	ctx = ctx.WithEventManager(sdk.NewEventManager())
	if err := c.App.CdpKeeper.EndBlock(ctx); err != nil {
		t.Fatal(err)
	}
	out := map[string][]abci.Event{}
	for _, e := range ctx.EventManager().ABCIEvents() {
		out[e.Type] = append(out[e.Type], e)
	}
	return out
}

func books(t *testing.T, c *apptest.Chain) types.Books {
	t.Helper()
	b, err := c.App.CdpKeeper.Books.Get(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// agrParams turns the AGR legs on: AGR/USD, no buffer, lots of lot uausd,
// 5 % slippage.
func agrParams(t *testing.T, c *apptest.Chain, lot int64) {
	t.Helper()
	p, err := c.App.CdpKeeper.Params.Get(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	p.AgrOraclePair, p.SurplusBuffer, p.BookLot, p.BookMaxSlippage = "AGR/USD", ints(0), ints(lot), dec("0.05")
	freshPrices(t, c)
	gov(t, c, &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: p})
}

func createAgrPool(t *testing.T, c *apptest.Chain, who string, agr, ausd int64) uint64 {
	t.Helper()
	deliver(t, c, who, &dextypes.MsgCreatePool{
		Sender: addr(c, who), PoolType: dextypes.POOL_TYPE_CONSTANT_PRODUCT,
		InitialLiquidity: sdk.NewCoins(coinOf(agr, types.AgrDenom), coinOf(ausd, types.StableDenom)), SwapFee: dec("0.003"),
	})
	id, err := c.App.DexKeeper.NextPoolID.Peek(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	return id - 1
}

func poolReserves(t *testing.T, c *apptest.Chain, id uint64) sdk.Coins {
	t.Helper()
	p, err := c.App.DexKeeper.Pools.Get(c.Ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Reserves
}

const (
	evSkipped = "agora.cdp.v1.EventBookLegSkipped"
	evBuyback = "agora.cdp.v1.EventSurplusBuyback"
	evDebt    = "agora.cdp.v1.EventDebtSale"
)

// Surplus above the buffer buys AGR through the dex and burns it, one
// bounded lot per block, never below the floor: with no route, and with a
// pool too thin for the lot (it would pay ~50 AGR for 100 AUSD against a
// floor of 95), the leg is skipped with an event and nothing moves; with a
// lot the pool can take, exactly the lot of surplus buys AGR, which is
// burned (the module's AGR balance is unchanged: the invariants say so
// after every block).
func TestSurplusBuysAndBurnsAgr(t *testing.T) {
	c := newChain(t)
	bob := addr(c, "bob")
	// 500,000 USDC through the PSM at 0.1 %: 500 AUSD of surplus
	deliver(t, c, "bob", &types.MsgPsmSwapIn{Sender: bob, Amount: ints(500_000_000_000)})
	agrParams(t, c, 100_000_000) // lots of 100 AUSD
	freshPrices(t, c)
	before := books(t, c)
	if !before.Surplus.Equal(ints(500_000_000)) {
		t.Fatalf("surplus %s, want 500 AUSD", before.Surplus)
	}
	// no AGR pool yet: skipped, nothing moved
	ev := endBlockEvents(t, c)
	if len(ev[evSkipped]) != 1 || len(ev[evBuyback]) != 0 {
		t.Fatalf("no route: events %v", ev)
	}
	c.NextBlock()
	if b := books(t, c); !b.Surplus.Equal(before.Surplus) || !b.AgrBoughtBurned.IsZero() {
		t.Fatalf("a skipped buyback moved the books: %v", b)
	}

	// a thin pool: 100 AGR / 100 AUSD
	id := createAgrPool(t, c, "bob", 100_000_000, 100_000_000)
	reserves := poolReserves(t, c, id)
	freshPrices(t, c)
	ev = endBlockEvents(t, c)
	if len(ev[evSkipped]) != 1 || len(ev[evBuyback]) != 0 {
		t.Fatalf("thin pool: events %v", ev)
	}
	c.NextBlock()
	if got := poolReserves(t, c, id); !got.Equal(reserves) {
		t.Fatalf("the refused buyback traded: %s → %s", reserves, got)
	}
	if b := books(t, c); !b.Surplus.Equal(before.Surplus) || !b.SurplusSpent.IsZero() {
		t.Fatalf("the refused buyback moved the books: %v", b)
	}

	// a lot of 1 AUSD: ≈ 0.987 AGR ≥ the floor of 0.95 AGR
	agrParams(t, c, 1_000_000)
	reserves = poolReserves(t, c, id)
	s0 := books(t, c)
	freshPrices(t, c)
	ev = endBlockEvents(t, c)
	if len(ev[evBuyback]) != 1 || len(ev[evSkipped]) != 0 {
		t.Fatalf("a lot the pool can take: events %v", ev)
	}
	c.NextBlock()
	b := books(t, c)
	bought := b.AgrBoughtBurned.Sub(s0.AgrBoughtBurned)
	if !s0.Surplus.Sub(b.Surplus).Equal(ints(1_000_000)) || !b.SurplusSpent.Sub(s0.SurplusSpent).Equal(ints(1_000_000)) {
		t.Fatalf("surplus %s → %s, spent %s: want exactly one lot of 1 AUSD", s0.Surplus, b.Surplus, b.SurplusSpent)
	}
	if bought.LT(ints(950_000)) || bought.GT(ints(1_000_000)) {
		t.Fatalf("bought %s uagr for 1 AUSD at $1 (floor 950,000)", bought)
	}
	after := poolReserves(t, c, id)
	if !reserves.AmountOf(types.AgrDenom).Sub(after.AmountOf(types.AgrDenom)).Equal(bought) ||
		!after.AmountOf(types.StableDenom).Sub(reserves.AmountOf(types.StableDenom)).Equal(ints(1_000_000)) {
		t.Fatalf("pool %s → %s; the books bought %s uagr", reserves, after, bought)
	}
	if !c.App.BankKeeper.GetBalance(c.Ctx(), c.App.CdpKeeper.ModuleAddress(), types.AgrDenom).Amount.IsZero() {
		t.Fatal("the AGR bought was not burned")
	}
}

// System debt beyond the surplus mints AGR and sells it through the dex,
// one bounded lot per block, and burns the proceeds against the debt;
// without a price for AGR the leg is skipped with an event. The AUSD
// supply stays Σ issued + PSM reserve + system debt (the invariant).
func TestDebtSaleMintsAndSellsAgr(t *testing.T) {
	c := newChain(t)
	alice, bob := addr(c, "alice"), addr(c, "bob")
	deliver(t, c, "bob", &types.MsgPsmSwapIn{Sender: bob, Amount: ints(20_000_000_000)}) // 20 AUSD surplus
	id := createAgrPool(t, c, "bob", 10_000_000_000, 10_000_000_000)                     // 10,000 AGR / 10,000 AUSD
	deliver(t, c, "alice", &types.MsgOpenVault{Owner: alice, Collateral: coinOf(1_000_000, "ueth"), Mint: ints(2_000_000_000)})
	agrParams(t, c, 100_000_000)
	// ETH to 1,000: no pool deposits, no ETH route, no other vault: ~2,000
	// AUSD of system debt; the surplus covers 20 and the first AGR lot
	// is sold in the same block
	freshPrices(t, c)
	setPrice(t, c, "ETH/USD", "1000")
	c.NextBlock()
	if _, err := c.App.CdpKeeper.Vaults.Get(c.Ctx(), 1); err == nil {
		t.Fatal("the vault was not liquidated")
	}
	b := books(t, c)
	if !b.Surplus.IsZero() || b.SystemDebt.LT(ints(1_900_000_000)) {
		t.Fatalf("after the crash: surplus %s, system debt %s", b.Surplus, b.SystemDebt)
	}
	// no AGR price: skipped
	freshPrices(t, c)
	setPrice(t, c, "ETH/USD", "1000")
	if err := c.App.OracleKeeper.Prices.Remove(c.WriteCtx(), "AGR/USD"); err != nil {
		t.Fatal(err)
	}
	ev := endBlockEvents(t, c)
	if len(ev[evSkipped]) != 1 || len(ev[evDebt]) != 0 {
		t.Fatalf("no AGR price: events %v", ev)
	}
	// with a price: 100 AGR minted and sold for ≥ 95 AUSD, burned against the debt
	freshPrices(t, c)
	setPrice(t, c, "ETH/USD", "1000")
	reserves := poolReserves(t, c, id)
	c.NextBlock()
	a := books(t, c)
	covered := b.SystemDebt.Sub(a.SystemDebt)
	if !a.AgrMintedSold.Sub(b.AgrMintedSold).Equal(ints(100_000_000)) || !a.AgrSaleProceeds.Sub(b.AgrSaleProceeds).Equal(covered) || covered.LT(ints(95_000_000)) || covered.GT(ints(100_000_000)) {
		t.Fatalf("debt sale: minted %s uagr, raised %s, system debt %s → %s", a.AgrMintedSold, a.AgrSaleProceeds, b.SystemDebt, a.SystemDebt)
	}
	after := poolReserves(t, c, id)
	if !after.AmountOf(types.AgrDenom).Sub(reserves.AmountOf(types.AgrDenom)).Equal(ints(100_000_000)) ||
		!reserves.AmountOf(types.StableDenom).Sub(after.AmountOf(types.StableDenom)).Equal(covered) {
		t.Fatalf("pool %s → %s, covered %s", reserves, after, covered)
	}
	// one lot per block: the next block covers about as much again
	freshPrices(t, c)
	setPrice(t, c, "ETH/USD", "1000")
	c.NextBlock()
	if a2 := books(t, c); !a2.AgrMintedSold.Sub(a.AgrMintedSold).Equal(ints(100_000_000)) || !a2.SystemDebt.LT(a.SystemDebt) {
		t.Fatalf("second lot: minted %s, system debt %s → %s", a2.AgrMintedSold, a.SystemDebt, a2.SystemDebt)
	}
}

// On the devnet's seeds (agr_oracle_pair AGR/USD, no direct AUSD/AGR pool)
// the buyback routes AUSD → USDC → AGR through the seeded pools.
func TestSurplusBuybackOnDevnetSeeds(t *testing.T) {
	c := devnetChain(t)
	deliver(t, c, "bob", &types.MsgPsmSwapIn{Sender: addr(c, "bob"), Amount: ints(200_000_000_000)}) // 200 AUSD of fees
	p, _ := c.App.CdpKeeper.Params.Get(c.Ctx())
	if p.AgrOraclePair != "AGR/USD" {
		t.Fatalf("devnet agr_oracle_pair %q", p.AgrOraclePair)
	}
	p.SurplusBuffer, p.BookLot = ints(0), ints(100_000_000)
	freshPrices(t, c)
	gov(t, c, &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: p})
	b := books(t, c)
	if !b.SurplusSpent.Equal(ints(100_000_000)) || b.AgrBoughtBurned.LT(ints(95_000_000)) {
		t.Fatalf("devnet buyback: spent %s, bought and burned %s uagr", b.SurplusSpent, b.AgrBoughtBurned)
	}
}
