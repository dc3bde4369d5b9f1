package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/dex/types"
)

// Each liquidity simulation equals what its message then does.
func TestSimulateLiquidityEqualsTheMessage(t *testing.T) {
	c := newChain(t)
	id := createCP(t, c, "100000000ueth,250000000000uusdc") // 100 ETH, 250 000 USDC
	q := keeper.NewQueryServerImpl(dexKeeper(c))
	alice := c.Address("alice")
	shareDenom := types.ShareDenom(id)
	lp := func() sdkmath.Int { return c.Balances(alice).AmountOf(shareDenom) }

	// Balanced join: shares and the coins taken.
	join, err := q.SimulateJoinPool(c.Ctx(), &types.QuerySimulateJoinPoolRequest{PoolId: id, MaxAmountsIn: "1000000ueth,3000000000uusdc"})
	if err != nil {
		t.Fatal(err)
	}
	if !join.AmountsIn.Equal(coins("1000000ueth,2500000000uusdc")) {
		t.Fatalf("a balanced join takes the pool's ratio: %s", join.AmountsIn)
	}
	before, usdc := lp(), c.Balances(alice).AmountOf("uusdc")
	if _, err := c.DeliverMsgs("alice", &types.MsgJoinPool{Sender: alice.String(), PoolId: id, MaxAmountsIn: coins("1000000ueth,3000000000uusdc"), MinSharesOut: join.SharesOut}); err != nil {
		t.Fatal(err)
	}
	if got := lp().Sub(before); !got.Equal(join.SharesOut) {
		t.Fatalf("join minted %s, simulated %s", got, join.SharesOut)
	}
	if paid := usdc.Sub(c.Balances(alice).AmountOf("uusdc")).Sub(apptest.DefaultFee.AmountOf("uusdc")); !paid.Equal(join.AmountsIn.AmountOf("uusdc")) {
		t.Fatalf("join took %s uusdc, simulated %s", paid, join.AmountsIn.AmountOf("uusdc"))
	}

	// Balanced exit.
	exit, err := q.SimulateExitPool(c.Ctx(), &types.QuerySimulateExitPoolRequest{PoolId: id, SharesIn: join.SharesOut.QuoRaw(2).String()})
	if err != nil {
		t.Fatal(err)
	}
	eth := c.Balances(alice).AmountOf("ueth")
	if _, err := c.DeliverMsgs("alice", &types.MsgExitPool{Sender: alice.String(), PoolId: id, SharesIn: join.SharesOut.QuoRaw(2)}); err != nil {
		t.Fatal(err)
	}
	if got := c.Balances(alice).AmountOf("ueth").Sub(eth); !got.Equal(exit.AmountsOut.AmountOf("ueth")) {
		t.Fatalf("exit paid %s ueth, simulated %s", got, exit.AmountsOut.AmountOf("ueth"))
	}

	// Single-asset join: shares, a fee, a small positive price impact that
	// grows with the size.
	small, err := q.SimulateJoinSingleAsset(c.Ctx(), &types.QuerySimulateJoinSingleAssetRequest{PoolId: id, TokenIn: "100000ueth"})
	if err != nil {
		t.Fatal(err)
	}
	big, err := q.SimulateJoinSingleAsset(c.Ctx(), &types.QuerySimulateJoinSingleAssetRequest{PoolId: id, TokenIn: "10000000ueth"})
	if err != nil {
		t.Fatal(err)
	}
	if !small.Fee.AmountOf("ueth").IsPositive() || !small.PriceImpact.IsPositive() || !big.PriceImpact.GT(small.PriceImpact) || big.PriceImpact.GT(sdkmath.LegacyNewDecWithPrec(1, 1)) {
		t.Fatalf("single-asset join previews: small %v, big %v", small, big)
	}
	before = lp()
	if _, err := c.DeliverMsgs("alice", &types.MsgJoinSingleAsset{Sender: alice.String(), PoolId: id, TokenIn: coin("100000ueth"), MinSharesOut: small.SharesOut}); err != nil {
		t.Fatal(err)
	}
	if got := lp().Sub(before); !got.Equal(small.SharesOut) {
		t.Fatalf("single-asset join minted %s, simulated %s", got, small.SharesOut)
	}

	// Single-asset exit.
	sx, err := q.SimulateExitSingleAsset(c.Ctx(), &types.QuerySimulateExitSingleAssetRequest{PoolId: id, SharesIn: small.SharesOut.String(), DenomOut: "uusdc"})
	if err != nil {
		t.Fatal(err)
	}
	if sx.TokenOut.Denom != "uusdc" || sx.Fee.IsZero() || !sx.PriceImpact.IsPositive() || sx.PriceImpact.GT(sdkmath.LegacyNewDecWithPrec(1, 2)) {
		t.Fatalf("single-asset exit preview: %v", sx)
	}
	usdc = c.Balances(alice).AmountOf("uusdc")
	if _, err := c.DeliverMsgs("alice", &types.MsgExitSingleAsset{Sender: alice.String(), PoolId: id, SharesIn: small.SharesOut, DenomOut: "uusdc", MinAmountOut: sx.TokenOut.Amount}); err != nil {
		t.Fatal(err)
	}
	if got := c.Balances(alice).AmountOf("uusdc").Sub(usdc).Add(apptest.DefaultFee.AmountOf("uusdc")); !got.Equal(sx.TokenOut.Amount) {
		t.Fatalf("single-asset exit paid %s uusdc, simulated %s", got, sx.TokenOut.Amount)
	}
}

// The price impact against the pool's own value: for a pool of 100 ETH and
// 250 000 USDC with total shares T, shares s are worth s/T · 200 ETH.
func TestSingleAssetPriceImpactFormula(t *testing.T) {
	c := newChain(t)
	id := createCP(t, c, "100000000ueth,250000000000uusdc")
	p, err := dexKeeper(c).GetPool(c.Ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	now := c.Time()
	v, err := p.ShareValue(p.TotalShares, "ueth", now)
	if err != nil || !v.Equal(sdkmath.LegacyNewDec(200_000_000)) {
		t.Fatalf("all shares are worth 200 ETH: %v %v", v, err)
	}
	// Shares worth exactly what was paid: no impact.
	tenth := p.TotalShares.QuoRaw(100) // worth 2 ETH
	worth, _ := p.ShareValue(tenth, "ueth", now)
	impact, err := p.JoinPriceImpact("ueth", worth.TruncateInt(), tenth, now)
	if err != nil || impact.Abs().GT(sdkmath.LegacyNewDecWithPrec(1, 9)) {
		t.Fatalf("a fair join has no impact: %v %v", impact, err)
	}
	// Paying 2 ETH for shares worth 1.98: 1 %.
	impact, _ = p.JoinPriceImpact("ueth", worth.MulInt64(100).QuoInt64(99).TruncateInt(), tenth, now)
	if d := impact.Sub(sdkmath.LegacyNewDecWithPrec(1, 2)).Abs(); d.GT(sdkmath.LegacyNewDecWithPrec(1, 6)) {
		t.Fatalf("join impact %v, want 0.01", impact)
	}
	// Receiving 1.98 ETH for shares worth 2: 1 %.
	impact, _ = p.ExitPriceImpact("ueth", tenth, worth.MulInt64(99).QuoInt64(100).TruncateInt(), now)
	if d := impact.Sub(sdkmath.LegacyNewDecWithPrec(1, 2)).Abs(); d.GT(sdkmath.LegacyNewDecWithPrec(1, 6)) {
		t.Fatalf("exit impact %v, want 0.01", impact)
	}
}

// Refused simulations name the module's error and change nothing.
func TestSimulateLiquidityRefusals(t *testing.T) {
	c := newChain(t)
	id := createCP(t, c, "100000000ueth,250000000000uusdc")
	q := keeper.NewQueryServerImpl(dexKeeper(c))
	ctx := c.Ctx()
	before, err := dexKeeper(c).ExportGenesis(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		run  func() error
		want *errorsmod.Error
	}{
		{"join: unknown pool", func() error {
			_, err := q.SimulateJoinPool(ctx, &types.QuerySimulateJoinPoolRequest{PoolId: 99, MaxAmountsIn: "1ueth,1uusdc"})
			return err
		}, types.ErrPoolNotFound},
		{"join: not coins", func() error {
			_, err := q.SimulateJoinPool(ctx, &types.QuerySimulateJoinPoolRequest{PoolId: id, MaxAmountsIn: "ten eth"})
			return err
		}, types.ErrInvalidAmount},
		{"join: an asset missing", func() error {
			_, err := q.SimulateJoinPool(ctx, &types.QuerySimulateJoinPoolRequest{PoolId: id, MaxAmountsIn: "1000000ueth"})
			return err
		}, types.ErrInvalidAmount},
		{"join: a denom not in the pool", func() error {
			_, err := q.SimulateJoinPool(ctx, &types.QuerySimulateJoinPoolRequest{PoolId: id, MaxAmountsIn: "1000000ubtc,1000000ueth"})
			return err
		}, types.ErrDenomNotInPool},
		{"exit: zero shares", func() error {
			_, err := q.SimulateExitPool(ctx, &types.QuerySimulateExitPoolRequest{PoolId: id, SharesIn: "0"})
			return err
		}, types.ErrInvalidAmount},
		{"exit: not a number", func() error {
			_, err := q.SimulateExitPool(ctx, &types.QuerySimulateExitPoolRequest{PoolId: id, SharesIn: "-5"})
			return err
		}, types.ErrInvalidAmount},
		{"exit: more than all shares", func() error {
			_, err := q.SimulateExitPool(ctx, &types.QuerySimulateExitPoolRequest{PoolId: id, SharesIn: "1" + "000000000000000000000000000000"})
			return err
		}, types.ErrInsufficientShares},
		{"single join: zero", func() error {
			_, err := q.SimulateJoinSingleAsset(ctx, &types.QuerySimulateJoinSingleAssetRequest{PoolId: id, TokenIn: "0ueth"})
			return err
		}, types.ErrInvalidAmount},
		{"single join: a denom not in the pool", func() error {
			_, err := q.SimulateJoinSingleAsset(ctx, &types.QuerySimulateJoinSingleAssetRequest{PoolId: id, TokenIn: "1000ubtc"})
			return err
		}, types.ErrDenomNotInPool},
		{"single exit: a denom not in the pool", func() error {
			_, err := q.SimulateExitSingleAsset(ctx, &types.QuerySimulateExitSingleAssetRequest{PoolId: id, SharesIn: "1000", DenomOut: "ubtc"})
			return err
		}, types.ErrDenomNotInPool},
		{"single exit: unknown pool", func() error {
			_, err := q.SimulateExitSingleAsset(ctx, &types.QuerySimulateExitSingleAssetRequest{PoolId: 99, SharesIn: "1000", DenomOut: "ueth"})
			return err
		}, types.ErrPoolNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { requireErr(t, tc.run(), tc.want) })
	}
	after, err := dexKeeper(c).ExportGenesis(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Fatal("a simulation changed the dex state")
	}
}

// A paused pool refuses join simulations (as the message does) and still
// previews exits (exits stay open).
func TestSimulateLiquidityPaused(t *testing.T) {
	c := newChain(t)
	id := createCP(t, c, "100000000ueth,250000000000uusdc")
	govExec(t, c, func(srv types.MsgServer, ctx sdk.Context) error {
		_, err := srv.SetPoolPaused(ctx, &types.MsgSetPoolPaused{Authority: app.TimelockAuthority(), PoolId: id, Paused: true})
		return err
	})
	q := keeper.NewQueryServerImpl(dexKeeper(c))
	_, err := q.SimulateJoinSingleAsset(c.Ctx(), &types.QuerySimulateJoinSingleAssetRequest{PoolId: id, TokenIn: "1000000ueth"})
	requireErr(t, err, types.ErrPaused)
	_, err = q.SimulateJoinPool(c.Ctx(), &types.QuerySimulateJoinPoolRequest{PoolId: id, MaxAmountsIn: "1000000ueth,2500000000uusdc"})
	requireErr(t, err, types.ErrPaused)
	if _, err := q.SimulateExitSingleAsset(c.Ctx(), &types.QuerySimulateExitSingleAssetRequest{PoolId: id, SharesIn: "1000", DenomOut: "ueth"}); err != nil {
		t.Fatalf("exit preview from a paused pool: %v", err)
	}
}
