package keeper_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/lend/keeper"
	"github.com/agora-labs/agora/x/lend/types"
)

// backstopMarkets lists the standard markets with a backstop on uusdc:
// half the reserve income to stakers, a 60 s cooldown (twelve blocks).
func backstopMarkets(t *testing.T, c *apptest.Chain) {
	t.Helper()
	standardMarkets(t, c)
	usdc := market("uusdc", "USDC/USD")
	usdc.BackstopRewardShare, usdc.BackstopCooldownSeconds = dec("0.5"), 60
	setMarket(t, c, usdc)
}

// backstopChain is newChain with the backstop invariant asserted after
// every block too.
func backstopChain(t *testing.T) *apptest.Chain {
	t.Helper()
	var c *apptest.Chain
	c = apptest.New(t, apptest.WithInvariant("lend/backstop", func(ctx sdk.Context) error {
		if c == nil {
			return nil
		}
		for _, name := range []string{"lend/module-balance", "lend/scaled-debt", "lend/receipt-backing", "lend/backstop"} {
			for _, i := range c.App.LendKeeper.Invariants() {
				if i.Name == name {
					if err := i.Check(ctx); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}))
	return c
}

func pool(t *testing.T, c *apptest.Chain, denom string) types.BackstopPool {
	t.Helper()
	p, err := c.App.LendKeeper.BackstopPool(c.Ctx(), denom)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func stakerEntry(t *testing.T, c *apptest.Chain, name, denom string) types.BackstopStakerEntry {
	t.Helper()
	res, err := keeper.NewQueryServerImpl(c.App.LendKeeper).BackstopStaker(c.Ctx(), &types.QueryBackstopStakerRequest{Address: addr(c, name)})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Entries {
		if e.Denom == denom {
			return e
		}
	}
	t.Fatalf("%s has no %s backstop entry: %v", name, denom, res.Entries)
	return types.BackstopStakerEntry{}
}

// Stake, unstake into a cooldown, claim only once it has matured: the
// receipts come back exactly, shares and pool figures move as specified.
func TestBackstopStakeUnstakeClaim(t *testing.T) {
	c := backstopChain(t)
	backstopMarkets(t, c)
	alice := addr(c, "alice")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("10000000000uusdc")})
	free := balance(c, "alice", "lend/uusdc")
	freshPrices(t, c)
	res, err := c.DeliverMsgs("alice", &types.MsgBackstopStake{Staker: alice, Amount: coin("4000000000lend/uusdc")})
	if err != nil {
		t.Fatal(err)
	}
	if !hasEvent(res.Events, "agora.lend.v1.EventBackstopStake", "shares", `"4000000000"`) {
		t.Fatalf("no stake event: %v", res.Events)
	}
	if got := balance(c, "alice", "lend/uusdc"); !got.Equal(free.Sub(sdkmath.NewInt(4_000_000_000))) {
		t.Fatalf("free receipts %s", got)
	}
	p := pool(t, c, "uusdc")
	if !p.StakedReceipts.Equal(sdkmath.NewInt(4_000_000_000)) || !p.TotalShares.Equal(p.StakedReceipts) || !p.PendingShares.IsZero() {
		t.Fatalf("pool %+v", p)
	}
	e := stakerEntry(t, c, "alice", "uusdc")
	if !e.Receipts.Equal(sdkmath.NewInt(4_000_000_000)) || !e.Earned.IsZero() || len(e.Cooldowns) != 0 {
		t.Fatalf("staker %+v", e)
	}

	// Unstake 1,000 USDC of receipts: a cooldown of 60 s; the receipts stay staked.
	res, err = c.DeliverMsgs("alice", &types.MsgBackstopUnstake{Staker: alice, Amount: coin("1000000000lend/uusdc")})
	if err != nil || !hasEvent(res.Events, "agora.lend.v1.EventBackstopUnstake", "shares", `"1000000000"`) {
		t.Fatalf("unstake: %v %v", err, res)
	}
	p = pool(t, c, "uusdc")
	if !p.PendingShares.Equal(sdkmath.NewInt(1_000_000_000)) || !p.StakedReceipts.Equal(sdkmath.NewInt(4_000_000_000)) {
		t.Fatalf("pool after unstake %+v", p)
	}
	e = stakerEntry(t, c, "alice", "uusdc")
	if len(e.Cooldowns) != 1 || !e.Receipts.Equal(sdkmath.NewInt(3_000_000_000)) || !e.Claimable.IsZero() {
		t.Fatalf("staker after unstake %+v", e)
	}
	// Not matured yet: refused, nothing changes.
	expectRefused(t, c, "alice", &types.MsgBackstopClaim{Staker: alice, Denom: "uusdc"}, types.ErrNothingToClaim)
	for c.Time().Before(e.Cooldowns[0].ClaimableAt) {
		c.NextBlock()
	}
	if got := stakerEntry(t, c, "alice", "uusdc").Claimable; !got.Equal(sdkmath.NewInt(1_000_000_000)) {
		t.Fatalf("claimable %s", got)
	}
	before := balance(c, "alice", "lend/uusdc")
	res, err = c.DeliverMsgs("alice", &types.MsgBackstopClaim{Staker: alice, Denom: "uusdc"})
	if err != nil || !hasEvent(res.Events, "agora.lend.v1.EventBackstopClaim", "receipts", `{"denom":"lend/uusdc","amount":"1000000000"}`) {
		t.Fatalf("claim: %v %v", err, res)
	}
	if got := balance(c, "alice", "lend/uusdc").Sub(before); !got.Equal(sdkmath.NewInt(1_000_000_000)) {
		t.Fatalf("claimed %s", got)
	}
	p = pool(t, c, "uusdc")
	if !p.PendingShares.IsZero() || !p.StakedReceipts.Equal(sdkmath.NewInt(3_000_000_000)) || !p.TotalShares.Equal(sdkmath.NewInt(3_000_000_000)) {
		t.Fatalf("pool after claim %+v", p)
	}
	// Nothing left to claim.
	expectRefused(t, c, "alice", &types.MsgBackstopClaim{Staker: alice, Denom: "uusdc"}, types.ErrNothingToClaim)
	// all = true unstakes the rest.
	deliver(t, c, "alice", &types.MsgBackstopUnstake{Staker: alice, Amount: coin("0uusdc"), All: true})
	if e := stakerEntry(t, c, "alice", "uusdc"); !e.Stake.Shares.IsZero() || len(e.Cooldowns) != 1 ||
		!e.Cooldowns[0].MaxReceipts.Equal(sdkmath.NewInt(3_000_000_000)) {
		t.Fatalf("after unstake all %+v", e)
	}
}

// Bad backstop input: a registered error and no state change.
func TestBackstopBadInput(t *testing.T) {
	c := backstopChain(t)
	backstopMarkets(t, c)
	alice, bob := addr(c, "alice"), addr(c, "bob")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("10000000000uusdc")})
	deliver(t, c, "alice", &types.MsgBackstopStake{Staker: alice, Amount: coin("1000000000lend/uusdc")})
	cases := []struct {
		name   string
		signer string
		msg    sdk.Msg
		want   *errorsmod.Error
	}{
		{"stake underlying", "alice", &types.MsgBackstopStake{Staker: alice, Amount: coin("100uusdc")}, types.ErrInvalidAmount},
		{"stake zero", "alice", &types.MsgBackstopStake{Staker: alice, Amount: sdk.Coin{Denom: "lend/uusdc", Amount: sdkmath.ZeroInt()}}, types.ErrInvalidAmount},
		{"stake unlisted", "alice", &types.MsgBackstopStake{Staker: alice, Amount: coin("100lend/uxyz")}, types.ErrMarketNotFound},
		{"stake more than free", "bob", &types.MsgBackstopStake{Staker: bob, Amount: coin("100lend/uusdc")}, types.ErrInsufficientReceipts},
		{"unstake more than staked", "alice", &types.MsgBackstopUnstake{Staker: alice, Amount: coin("1000000001lend/uusdc")}, types.ErrInsufficientBackstopStake},
		{"unstake without stake", "bob", &types.MsgBackstopUnstake{Staker: bob, Amount: coin("0uusdc"), All: true}, types.ErrInsufficientBackstopStake},
		{"unstake bad denom", "alice", &types.MsgBackstopUnstake{Staker: alice, Amount: coin("100uusdc")}, types.ErrInvalidAmount},
		{"claim nothing", "bob", &types.MsgBackstopClaim{Staker: bob, Denom: "uusdc"}, types.ErrNothingToClaim},
		{"claim receipt denom", "alice", &types.MsgBackstopClaim{Staker: alice, Denom: "lend/uusdc"}, types.ErrInvalidAmount},
		{"claim unlisted", "alice", &types.MsgBackstopClaim{Staker: alice, Denom: "uxyz"}, types.ErrMarketNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { expectRefused(t, c, tc.signer, tc.msg, tc.want) })
	}
}

// A deficit is covered by reserves first, then the backstop (burning
// staked receipts, cooldowns included, pro rata), and only then
// socialised: with a backstop larger than the deficit, suppliers lose
// nothing (the exchange rate does not fall) and stakers lose the deficit
// less the reserves. The deficit history records it.
func TestBackstopCoversDeficitBeforeSuppliers(t *testing.T) {
	c := backstopChain(t)
	backstopMarkets(t, c)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "alice", &types.MsgBackstopStake{Staker: alice, Amount: coin("20000000000lend/uusdc")})
	deliver(t, c, "alice", &types.MsgBackstopUnstake{Staker: alice, Amount: coin("5000000000lend/uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("40000000000uusdc")})
	c.NextBlock()
	rateBefore := exchangeRate(t, c, "uusdc")
	stakedBefore := pool(t, c, "uusdc").StakedReceipts

	pricesWith(t, c, "BTC/USD", "30000")
	txRes, err := c.DeliverMsgs("carol", &types.MsgLiquidate{Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc",
		MaxRepay: sdkmath.ZeroInt(), MinCollateralOut: sdkmath.ZeroInt()})
	if err != nil {
		t.Fatal(err)
	}

	s := marketState(t, c, "uusdc")
	covered := `{"denom":"uusdc","amount":"` + s.DeficitCoveredByBackstop.String() + `"}`
	if !hasEvent(txRes.Events, "agora.lend.v1.EventDeficit", "covered_by_backstop", covered) {
		t.Fatalf("no deficit event saying the backstop covered %s: %v", covered, txRes.Events)
	}
	if s.TotalDeficit.LT(sdkmath.NewInt(11_428_000_000)) || !s.DeficitSocialised.IsZero() ||
		!s.TotalDeficit.Equal(s.DeficitCoveredByReserves.Add(s.DeficitCoveredByBackstop)) || !s.DeficitCoveredByBackstop.IsPositive() {
		t.Fatalf("deficit %s = reserves %s + backstop %s + socialised %s", s.TotalDeficit, s.DeficitCoveredByReserves, s.DeficitCoveredByBackstop, s.DeficitSocialised)
	}
	if after := exchangeRate(t, c, "uusdc"); after.LT(rateBefore) {
		t.Fatalf("suppliers lost: exchange rate %s → %s", rateBefore, after)
	}
	// Burned: the deficit less reserves, at an exchange rate ≈ 1 (the
	// pool also earned a few receipts of reserve income meanwhile).
	p := pool(t, c, "uusdc")
	burned := p.ReceiptsBurned
	if !burned.IsPositive() || p.Epoch != 0 || !p.StakedReceipts.LTE(stakedBefore.Sub(burned).AddRaw(1000)) ||
		burned.Sub(s.DeficitCoveredByBackstop).Abs().GT(sdkmath.NewInt(1_000_000)) {
		t.Fatalf("pool %+v (staked before %s)", p, stakedBefore)
	}
	// The history: one record, the same figures.
	res, err := keeper.NewQueryServerImpl(c.App.LendKeeper).MarketDeficits(c.Ctx(), &types.QueryMarketDeficitsRequest{Denom: "uusdc"})
	if err != nil || len(res.Deficits) != 1 {
		t.Fatalf("deficits %v %v", res, err)
	}
	r := res.Deficits[0]
	if r.Borrower != bob || !r.Amount.Equal(s.TotalDeficit) || !r.CoveredByBackstop.Equal(s.DeficitCoveredByBackstop) ||
		!r.BackstopReceiptsBurned.Equal(burned) || !r.Socialised.IsZero() || r.Height != c.Height() {
		t.Fatalf("record %+v", r)
	}
	all, err := keeper.NewQueryServerImpl(c.App.LendKeeper).Deficits(c.Ctx(), &types.QueryDeficitsRequest{})
	if err != nil || len(all.Deficits) != 1 {
		t.Fatalf("all deficits %v %v", all, err)
	}
	// The cooldown lost its part too: the claim pays its shares' worth now,
	// below what they were worth at the unstake.
	e := stakerEntry(t, c, "alice", "uusdc")
	if len(e.Cooldowns) != 1 || !e.Earned.IsNegative() {
		t.Fatalf("staker %+v", e)
	}
	for c.Time().Before(e.Cooldowns[0].ClaimableAt) {
		c.NextBlock()
	}
	before := balance(c, "alice", "lend/uusdc")
	deliver(t, c, "alice", &types.MsgBackstopClaim{Staker: alice, Denom: "uusdc"})
	got := balance(c, "alice", "lend/uusdc").Sub(before)
	// 5,000 of 20,000 staked: a quarter of the burn.
	want := sdkmath.NewInt(5_000_000_000).Sub(burned.QuoRaw(4))
	if got.Sub(want).Abs().GT(sdkmath.NewInt(100)) || got.GT(sdkmath.NewInt(5_000_000_000)) {
		t.Fatalf("claimed %s, want ≈ %s", got, want)
	}
}

// A deficit larger than reserves + backstop burns the whole backstop
// (its epoch ends: old shares are worth nothing) and socialises the rest.
func TestBackstopWipedThenSocialised(t *testing.T) {
	c := backstopChain(t)
	backstopMarkets(t, c)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "alice", &types.MsgBackstopStake{Staker: alice, Amount: coin("2000000000lend/uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("40000000000uusdc")})
	pricesWith(t, c, "BTC/USD", "30000")
	mustDeliver(t, c, "carol", &types.MsgLiquidate{Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc",
		MaxRepay: sdkmath.ZeroInt(), MinCollateralOut: sdkmath.ZeroInt()})
	s := marketState(t, c, "uusdc")
	if !s.DeficitSocialised.IsPositive() || !s.TotalDeficit.Equal(s.DeficitCoveredByReserves.Add(s.DeficitCoveredByBackstop).Add(s.DeficitSocialised)) {
		t.Fatalf("deficit %s = %s + %s + %s", s.TotalDeficit, s.DeficitCoveredByReserves, s.DeficitCoveredByBackstop, s.DeficitSocialised)
	}
	// ≈ 2,000 USDC of receipts covered 2,000 USDC (exchange rate ≈ 1).
	if s.DeficitCoveredByBackstop.LT(sdkmath.NewInt(1_999_000_000)) {
		t.Fatalf("backstop covered %s", s.DeficitCoveredByBackstop)
	}
	p := pool(t, c, "uusdc")
	if !p.StakedReceipts.IsZero() || !p.TotalShares.IsZero() || p.Epoch != 1 {
		t.Fatalf("pool %+v", p)
	}
	if e := stakerEntry(t, c, "alice", "uusdc"); !e.Receipts.IsZero() {
		t.Fatalf("old-epoch stake worth %s", e.Receipts)
	}
	// A new stake starts the new epoch at one share per receipt.
	deliver(t, c, "alice", &types.MsgBackstopStake{Staker: alice, Amount: coin("1000lend/uusdc")})
	if p := pool(t, c, "uusdc"); !p.TotalShares.Equal(sdkmath.NewInt(1000)) || !p.StakedReceipts.Equal(sdkmath.NewInt(1000)) {
		t.Fatalf("new epoch pool %+v", p)
	}
}

// The backstop's share of reserve income is minted as receipts into the
// pool: each share is worth more, reserves grow less, and the suppliers'
// exchange rate never falls.
func TestBackstopEarnsReserveIncome(t *testing.T) {
	c := backstopChain(t)
	backstopMarkets(t, c)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "alice", &types.MsgBackstopStake{Staker: alice, Amount: coin("10000000000lend/uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("2000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("70000000000uusdc")})
	rate := exchangeRate(t, c, "uusdc")
	for i := 0; i < 20; i++ {
		c.AdvanceBlocks(50)
		deliver(t, c, "carol", &types.MsgSupply{Supplier: carol, Amount: coin("1000000uusdc")}) // a touch: accrues
		r := exchangeRate(t, c, "uusdc")
		if r.LT(rate) {
			t.Fatalf("exchange rate fell %s → %s", rate, r)
		}
		rate = r
	}
	p := pool(t, c, "uusdc")
	if !p.RewardsPaid.IsPositive() || !p.StakedReceipts.GT(sdkmath.NewInt(10_000_000_000)) {
		t.Fatalf("pool %+v", p)
	}
	e := stakerEntry(t, c, "alice", "uusdc")
	if !e.Earned.IsPositive() {
		t.Fatalf("staker %+v", e)
	}
	res, err := keeper.NewQueryServerImpl(c.App.LendKeeper).Backstop(c.Ctx(), &types.QueryBackstopRequest{Denom: "uusdc"})
	if err != nil || !res.RewardApr.IsPositive() || res.CooldownSeconds != 60 || !res.ShareRate.GT(sdkmath.LegacyOneDec()) {
		t.Fatalf("backstop %+v %v", res, err)
	}
	t.Logf("backstop after 1000 blocks: %s receipts, rewards %s, APR %s", p.StakedReceipts, p.RewardsPaid, res.RewardApr)
}

func exchangeRate(t *testing.T, c *apptest.Chain, denom string) sdkmath.LegacyDec {
	t.Helper()
	s := marketState(t, c, denom)
	total, err := s.Total()
	if err != nil {
		t.Fatal(err)
	}
	return types.ExchangeRate(s.ReceiptSupply, total)
}

// The backstops and the deficit history go through genesis: exported,
// valid, imported identically; a bad entry is refused.
func TestBackstopGenesisRoundTrip(t *testing.T) {
	c := backstopChain(t)
	backstopMarkets(t, c)
	alice, bob, carol := addr(c, "alice"), addr(c, "bob"), addr(c, "carol")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("100000000000uusdc")})
	deliver(t, c, "alice", &types.MsgBackstopStake{Staker: alice, Amount: coin("20000000000lend/uusdc")})
	deliver(t, c, "alice", &types.MsgBackstopUnstake{Staker: alice, Amount: coin("5000000000lend/uusdc")})
	deliver(t, c, "bob", &types.MsgSupplyCollateral{Borrower: bob, Amount: coin("1000000ubtc")})
	deliver(t, c, "bob", &types.MsgBorrow{Borrower: bob, Amount: coin("40000000000uusdc")})
	pricesWith(t, c, "BTC/USD", "30000")
	mustDeliver(t, c, "carol", &types.MsgLiquidate{Liquidator: carol, Borrower: bob, RepayDenom: "uusdc", CollateralDenom: "ubtc",
		MaxRepay: sdkmath.ZeroInt(), MinCollateralOut: sdkmath.ZeroInt()})
	k := c.App.LendKeeper
	gs, err := k.ExportGenesis(c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	if err := gs.Validate(); err != nil {
		t.Fatalf("exported genesis invalid: %v", err)
	}
	if len(gs.BackstopPools) != 1 || len(gs.BackstopStakes) != 1 || len(gs.BackstopCooldowns) != 1 || len(gs.DeficitRecords) != 1 {
		t.Fatalf("exported %d pools, %d stakes, %d cooldowns, %d records",
			len(gs.BackstopPools), len(gs.BackstopStakes), len(gs.BackstopCooldowns), len(gs.DeficitRecords))
	}
	ctx, _ := c.Ctx().CacheContext()
	if err := k.InitGenesis(ctx, *gs); err != nil {
		t.Fatal(err)
	}
	if again, _ := k.ExportGenesis(ctx); again.String() != gs.String() {
		t.Fatal("re-export differs")
	}
	for name, edit := range map[string]func(g *types.GenesisState){
		"pool of unlisted market": func(g *types.GenesisState) { g.BackstopPools[0].Denom = "uxyz" },
		"pending above total": func(g *types.GenesisState) {
			g.BackstopPools[0].PendingShares = g.BackstopPools[0].TotalShares.AddRaw(1)
		},
		"bad staker":             func(g *types.GenesisState) { g.BackstopStakes[0].Staker = "nope" },
		"cooldown id too high":   func(g *types.GenesisState) { g.BackstopCooldowns[0].Cooldown.Id = 99 },
		"record not yet written": func(g *types.GenesisState) { g.DeficitRecords[0].Sequence = 7 },
	} {
		bad, err := k.ExportGenesis(c.Ctx())
		if err != nil {
			t.Fatal(err)
		}
		edit(bad)
		if err := bad.Validate(); !types.ErrInvalidGenesis.Is(err) {
			t.Fatalf("%s accepted: %v", name, err)
		}
	}
}

// The backstop invariant detects a pool that claims more receipts than the
// module holds, and shares that do not add up.
func TestBackstopInvariantDetectsCorruption(t *testing.T) {
	c := newChain(t)
	backstopMarkets(t, c)
	alice := addr(c, "alice")
	deliver(t, c, "alice", &types.MsgSupply{Supplier: alice, Amount: coin("10000000000uusdc")})
	deliver(t, c, "alice", &types.MsgBackstopStake{Staker: alice, Amount: coin("1000000000lend/uusdc")})
	k := c.App.LendKeeper
	if err := k.BackstopInvariant(c.Ctx()); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(p *types.BackstopPool){
		"receipts": func(p *types.BackstopPool) { p.StakedReceipts = p.StakedReceipts.AddRaw(1) },
		"shares":   func(p *types.BackstopPool) { p.TotalShares = p.TotalShares.AddRaw(1) },
		"pending":  func(p *types.BackstopPool) { p.PendingShares = p.TotalShares.AddRaw(1) },
	} {
		ctx, _ := c.Ctx().CacheContext()
		p := pool(t, c, "uusdc")
		edit(&p)
		if err := k.BackstopPools.Set(ctx, "uusdc", p); err != nil {
			t.Fatal(err)
		}
		if err := k.BackstopInvariant(ctx); err == nil {
			t.Fatalf("%s: corruption not detected", name)
		}
	}
}

// hasEvent reports whether events hold a typed event with attribute key
// = value (JSON, as typed events encode them).
func hasEvent(events []abci.Event, typ, key, value string) bool {
	for _, e := range events {
		if e.Type != typ {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == key && a.Value == value {
				return true
			}
		}
	}
	return false
}
