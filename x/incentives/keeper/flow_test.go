package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/agora-labs/agora/app"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	"github.com/agora-labs/agora/x/incentives/keeper"
	"github.com/agora-labs/agora/x/incentives/types"
)

// TestGaugeBondClaimUnbond: a 60 s gauge of 120 USDC funded by alice; carol
// bonds 3,000,000 shares and bob 1,000,000 in the same block; carol claims
// mid-way, bob unbonds mid-way (his rewards stop), everything is claimed at
// the end; paid + refunded + dust = funded, dust < 1 unit per owner.
func TestGaugeBondClaimUnbond(t *testing.T) {
	e := newEnv(t)
	k := e.c.App.IncentivesKeeper
	funded := sdkmath.NewInt(120_000_000)
	aliceUSDC := e.balance("alice", "uusdc")
	e.deliver(t, "alice", &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1,
		Coins: sdk.NewCoins(sdk.NewCoin("uusdc", funded)), DurationSeconds: 60})
	gStart := e.c.Time().Unix()

	carolShares := e.balance("carol", share1)
	bobShares := e.balance("bob", share1)
	e.c.NextBlock(
		e.c.SignTx("carol", fee(), 400_000, &types.MsgBond{Owner: e.addr("carol"), Shares: coin("3000000" + share1)}),
		e.c.SignTx("bob", fee(), 400_000, &types.MsgBond{Owner: e.addr("bob"), Shares: coin("1000000" + share1)}),
	)
	bondedAt := e.c.Time().Unix()
	if got := e.balance("carol", share1); !got.Equal(carolShares.SubRaw(3_000_000)) {
		t.Fatalf("carol's shares %s", got)
	}
	ps, err := k.PoolStates.Get(e.c.Ctx(), 1)
	if err != nil || !ps.TotalBonded.Equal(sdkmath.NewInt(4_000_000)) {
		t.Fatalf("pool state %v %v", ps, err)
	}

	// Rewards accrue each block, 3:1.
	prev := sdkmath.ZeroInt()
	for b := 0; b < 3; b++ {
		e.c.NextBlock()
		c := e.claimable(t, "carol").AmountOf("uusdc")
		bb := e.claimable(t, "bob").AmountOf("uusdc")
		if !c.GT(prev) {
			t.Fatalf("block %d: carol's claimable %s did not grow from %s", b, c, prev)
		}
		if d := c.Sub(bb.MulRaw(3)).Abs(); d.GT(sdkmath.NewInt(3)) {
			t.Fatalf("carol %s is not 3× bob %s", c, bb)
		}
		prev = c
	}

	// Bob unbonds everything: his claimable stops growing.
	e.deliver(t, "bob", &types.MsgUnbond{Owner: e.addr("bob"), Shares: coin("1000000" + share1)})
	frozen := e.claimable(t, "bob").AmountOf("uusdc")
	e.c.NextBlock()
	if got := e.claimable(t, "bob").AmountOf("uusdc"); !got.Equal(frozen) {
		t.Fatalf("bob's rewards moved after unbonding: %s → %s", frozen, got)
	}
	ubs, err := keeper.NewQueryServerImpl(k).Unbondings(e.c.Ctx(), &types.QueryUnbondingsRequest{Owner: e.addr("bob")})
	if err != nil || len(ubs.Unbondings) != 1 {
		t.Fatalf("unbondings %v %v", ubs, err)
	}

	// Carol claims mid-way.
	before := e.balance("carol", "uusdc")
	e.deliver(t, "carol", &types.MsgClaimRewards{Owner: e.addr("carol")})
	if got := e.balance("carol", "uusdc").Sub(before); !got.IsPositive() {
		t.Fatalf("carol's claim paid %s", got)
	}

	// Past the gauge's end and the unbonding period.
	e.c.AdvanceBlocks(14)
	if got := e.balance("bob", share1); !got.Equal(bobShares) {
		t.Fatalf("bob's shares back: %s, want %s", got, bobShares)
	}
	g, err := k.Gauges.Get(e.c.Ctx(), 1)
	if err != nil || !g.Released.AmountOf("uusdc").Equal(funded) || !g.Unallocated.IsZero() {
		t.Fatalf("finished gauge %v %v", g, err)
	}
	if has, _ := k.GaugesByPool.Has(e.c.Ctx(), collections.Join(uint64(1), uint64(1))); has {
		t.Fatal("finished gauge still listed as unfinished")
	}
	e.deliver(t, "carol", &types.MsgClaimRewards{Owner: e.addr("carol"), PoolId: 1})
	e.deliver(t, "bob", &types.MsgClaimRewards{Owner: e.addr("bob")})

	refunded := e.balance("alice", "uusdc").Sub(aliceUSDC.Sub(funded))
	// Released before the bonds (gStart → bondedAt) went back to alice.
	wantRefund := types.ReleasedBy(funded, gStart, 60, bondedAt)
	if !refunded.Equal(wantRefund) {
		t.Fatalf("refund %s, want %s", refunded, wantRefund)
	}
	dust := e.c.App.BankKeeper.GetBalance(e.c.Ctx(), k.ModuleAddress(), "uusdc").Amount
	if dust.GT(sdkmath.NewInt(2)) {
		t.Fatalf("module keeps %s uusdc after every claim: more than the owners' rounding", dust)
	}
	paidOut := funded.Sub(refunded).Sub(dust)
	if !paidOut.IsPositive() {
		t.Fatalf("paid %s", paidOut)
	}
}

func fee() sdk.Coins { return sdk.NewCoins(sdk.NewInt64Coin("uagr", 100_000)) }

// TestEmissionsFollowWeights: 1,000,000 uagr a block from the community
// pool split 0.75/0.25 over two pools; bonders of each pool earn their
// pool's share; new weights move the emissions.
func TestEmissionsFollowWeights(t *testing.T) {
	e := newEnv(t)
	k := e.c.App.IncentivesKeeper
	e.deliver(t, "carol", &dextypes.MsgCreatePool{
		Sender: e.addr("carol"), PoolType: dextypes.POOL_TYPE_CONSTANT_PRODUCT,
		InitialLiquidity: sdk.NewCoins(coin("100000000ueth"), coin("300000000000uusdc")), SwapFee: sdkmath.LegacyNewDecWithPrec(3, 3),
	})
	e.deliver(t, "alice", &distrtypes.MsgFundCommunityPool{Depositor: e.addr("alice"), Amount: sdk.NewCoins(coin("100000000000uagr"))})
	p, _ := k.Params.Get(e.c.Ctx())
	p.EmissionPerBlock = sdkmath.NewInt(1_000_000)
	ms := keeper.NewMsgServerImpl(k)
	if _, err := ms.UpdateParams(e.c.WriteCtx(), &types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: p}); err != nil {
		t.Fatal(err)
	}
	w := func(a, b string) []types.PoolWeight {
		return []types.PoolWeight{{PoolId: 1, Weight: sdkmath.LegacyMustNewDecFromStr(a)}, {PoolId: 2, Weight: sdkmath.LegacyMustNewDecFromStr(b)}}
	}
	if _, err := ms.SetPoolWeights(e.c.WriteCtx(), &types.MsgSetPoolWeights{Authority: app.TimelockAuthority(), Weights: w("0.75", "0.25")}); err != nil {
		t.Fatal(err)
	}
	e.c.NextBlock()
	e.c.NextBlock(
		e.c.SignTx("bob", fee(), 400_000, &types.MsgBond{Owner: e.addr("bob"), Shares: coin("1000000" + share1)}),
		e.c.SignTx("carol", fee(), 400_000, &types.MsgBond{Owner: e.addr("carol"), Shares: coin("1000000dex/pool/2")}),
	)
	b0, c0 := e.claimable(t, "bob").AmountOf("uagr"), e.claimable(t, "carol").AmountOf("uagr")
	e.c.AdvanceBlocks(4)
	b1, c1 := e.claimable(t, "bob").AmountOf("uagr"), e.claimable(t, "carol").AmountOf("uagr")
	if !b1.Sub(b0).Equal(sdkmath.NewInt(3_000_000)) || !c1.Sub(c0).Equal(sdkmath.NewInt(1_000_000)) {
		t.Fatalf("4 blocks at 0.75/0.25: bob +%s, carol +%s", b1.Sub(b0), c1.Sub(c0))
	}
	if _, err := ms.SetPoolWeights(e.c.WriteCtx(), &types.MsgSetPoolWeights{Authority: app.TimelockAuthority(), Weights: w("0.5", "0.5")}); err != nil {
		t.Fatal(err)
	}
	e.c.AdvanceBlocks(2)
	b2, c2 := e.claimable(t, "bob").AmountOf("uagr"), e.claimable(t, "carol").AmountOf("uagr")
	if !b2.Sub(b1).Equal(sdkmath.NewInt(1_000_000)) || !c2.Sub(c1).Equal(sdkmath.NewInt(1_000_000)) {
		t.Fatalf("2 blocks at 0.5/0.5: bob +%s, carol +%s", b2.Sub(b1), c2.Sub(c1))
	}
	// The APR query: pool 1's yearly emissions valued at 2 USD per AGR over
	// its bonded shares' value.
	e.setPrices(t)
	res, err := keeper.NewQueryServerImpl(k).PoolIncentives(e.c.Ctx(), &types.QueryPoolIncentivesRequest{PoolId: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Apr.IsPositive() || !res.BondedUsd.IsPositive() {
		t.Fatalf("pool incentives %v", res)
	}
	want := res.RewardsUsdPerYear.Quo(res.BondedUsd)
	if !res.Apr.Equal(want) {
		t.Fatalf("apr %s, want %s", res.Apr, want)
	}
}
