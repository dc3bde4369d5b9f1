package keeper_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/types"
)

// A stableswap pool trades near 1:1, supports single-asset join and exit,
// and governance can ramp its amplification.
func TestStableSwapPool(t *testing.T) {
	c := newChain(t)
	k := dexKeeper(c)
	bob := c.Address("bob")
	id := createPool(t, c, "alice", types.POOL_TYPE_STABLESWAP, "50000000ubtc,50000000ueth,50000000uusdc", sdkmath.LegacyNewDecWithPrec(5, 4), 1000)

	price := spot(t, c, id, "ubtc", "uusdc")
	if !price.Equal(sdkmath.LegacyOneDec()) {
		t.Fatalf("balanced stableswap price %s, want 1", price)
	}
	res, err := c.DeliverMsgs("bob", &types.MsgSwapExactIn{Sender: bob.String(), Route: []types.Hop{{PoolId: id, DenomOut: "uusdc"}},
		TokenIn: coin("1000000ubtc"), MinOut: sdkmath.NewInt(999_000)})
	if err != nil {
		t.Fatal(err)
	}
	var out types.MsgSwapExactInResponse
	decodeResponse(t, c, res.Data, &out)
	if out.TokenOut.Amount.GTE(sdkmath.NewInt(1_000_000)) {
		t.Fatalf("stableswap paid %s for 1000000ubtc", out.TokenOut)
	}

	// Single-asset join, then single-asset exit of the same shares: never
	// more than was put in.
	res, err = c.DeliverMsgs("bob", &types.MsgJoinSingleAsset{Sender: bob.String(), PoolId: id, TokenIn: coin("5000000ueth"), MinSharesOut: sdkmath.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	var join types.MsgJoinSingleAssetResponse
	decodeResponse(t, c, res.Data, &join)
	res, err = c.DeliverMsgs("bob", &types.MsgExitSingleAsset{Sender: bob.String(), PoolId: id, SharesIn: join.SharesOut, DenomOut: "ueth", MinAmountOut: sdkmath.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	var exit types.MsgExitSingleAssetResponse
	decodeResponse(t, c, res.Data, &exit)
	if exit.TokenOut.Amount.GT(sdkmath.NewInt(5_000_000)) || exit.TokenOut.Amount.LT(sdkmath.NewInt(4_990_000)) {
		t.Fatalf("join with 5000000ueth then exit paid %s", exit.TokenOut)
	}

	// Ramp A from 1000 to 2000 over two days.
	gov := app.TimelockAuthority()
	start := c.Time()
	govExec(t, c, func(srv types.MsgServer, ctx sdk.Context) error {
		_, err := srv.RampAmplification(ctx, &types.MsgRampAmplification{Authority: gov, PoolId: id, FutureAmplification: 2000, EndTime: start.Add(48 * time.Hour)})
		return err
	})
	p, _ := k.GetPool(c.Ctx(), id)
	if a := p.AmplificationAt(start.Add(24 * time.Hour)); a != 1500 {
		t.Fatalf("A halfway through the ramp is %d, want 1500", a)
	}
	if a := p.AmplificationAt(start.Add(72 * time.Hour)); a != 2000 {
		t.Fatalf("A after the ramp is %d, want 2000", a)
	}
	// Ramps that are too fast, too large or out of bounds are refused.
	for _, bad := range []types.MsgRampAmplification{
		{Authority: gov, PoolId: id, FutureAmplification: 2000, EndTime: start.Add(time.Hour)},
		{Authority: gov, PoolId: id, FutureAmplification: 99, EndTime: start.Add(72 * time.Hour)},
		{Authority: gov, PoolId: id, FutureAmplification: 20_000, EndTime: start.Add(72 * time.Hour)},
		{Authority: gov, PoolId: 1, FutureAmplification: 2, EndTime: start.Add(72 * time.Hour)},
	} {
		msg := bad
		srv := newMsgServer(c)
		ctx, _ := c.Ctx().CacheContext()
		if _, err := srv.RampAmplification(ctx, &msg); err == nil {
			t.Fatalf("ramp %v should fail", msg)
		}
	}
}

// With a protocol fee share, that share of each swap fee goes to the
// community pool and the rest stays in the reserves.
func TestProtocolFee(t *testing.T) {
	c := newChain(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var gs types.GenesisState
		cdc.MustUnmarshalJSON(gen[types.ModuleName], &gs)
		gs.Params.ProtocolFeeShare = sdkmath.LegacyNewDecWithPrec(25, 2)
		gen[types.ModuleName] = cdc.MustMarshalJSON(&gs)
	}))
	k := dexKeeper(c)
	distrAddr := authtypes.NewModuleAddress(distrtypes.ModuleName)
	id := createCP(t, c, "100000000000uagr,100000000000uusdc")
	before, _ := k.GetPool(c.Ctx(), id)
	distrBefore := c.Balances(distrAddr).AmountOf("uusdc")
	alice := c.Address("alice").String()
	res, err := c.DeliverMsgs("alice", &types.MsgSwapExactIn{Sender: alice, Route: []types.Hop{{PoolId: id, DenomOut: "uagr"}},
		TokenIn: coin("1000000000uusdc"), MinOut: sdkmath.ZeroInt()})
	if err != nil {
		t.Fatal(err)
	}
	var out types.MsgSwapExactInResponse
	decodeResponse(t, c, res.Data, &out)
	fee := sdkmath.NewInt(3_000_000)    // 0.3% of 1000 USDC
	protocol := sdkmath.NewInt(750_000) // 25% of it
	if got := c.Balances(distrAddr).AmountOf("uusdc").Sub(distrBefore); !got.Equal(protocol) {
		t.Fatalf("community pool got %suusdc, want %s", got, protocol)
	}
	after, _ := k.GetPool(c.Ctx(), id)
	if got, want := after.Reserves.AmountOf("uusdc"), before.Reserves.AmountOf("uusdc").AddRaw(1_000_000_000).Sub(protocol); !got.Equal(want) {
		t.Fatalf("uusdc reserve %s, want %s (fee %s)", got, want, fee)
	}
	if got, want := after.Reserves.AmountOf("uagr"), before.Reserves.AmountOf("uagr").Sub(out.TokenOut.Amount); !got.Equal(want) {
		t.Fatalf("uagr reserve %s, want %s", got, want)
	}

	// Single-asset joins and exits pay the protocol share of their fee too
	// (security finding 3), on constant-product and stableswap pools.
	ss := createPool(t, c, "alice", types.POOL_TYPE_STABLESWAP, "500000000ueth,500000000uusdc", feeTier, 100)
	for _, pool := range []uint64{id, ss} {
		distrBefore := c.Balances(distrAddr)
		res, err := c.DeliverMsgs("alice", &types.MsgJoinSingleAsset{Sender: alice, PoolId: pool, TokenIn: coin("100000000uusdc"), MinSharesOut: sdkmath.ZeroInt()})
		if err != nil {
			t.Fatal(err)
		}
		var join types.MsgJoinSingleAssetResponse
		decodeResponse(t, c, res.Data, &join)
		// ⌊25% · ⌊f·Δ/2⌋⌋ = ⌊0.25 · 150,000⌋ for constant product.
		gotJoin := c.Balances(distrAddr).Sub(distrBefore...)
		if pool == id && !gotJoin.AmountOf("uusdc").Equal(sdkmath.NewInt(37_500)) {
			t.Fatalf("join: community pool got %s, want 37500uusdc", gotJoin)
		}
		if !gotJoin.AmountOf("uusdc").IsPositive() {
			t.Fatalf("pool %d: join paid the community pool %s", pool, gotJoin)
		}
		distrBefore = c.Balances(distrAddr)
		other := "uagr"
		if pool == ss {
			other = "ueth"
		}
		if _, err := c.DeliverMsgs("alice", &types.MsgExitSingleAsset{Sender: alice, PoolId: pool, SharesIn: join.SharesOut, DenomOut: other, MinAmountOut: sdkmath.ZeroInt()}); err != nil {
			t.Fatal(err)
		}
		// The exit sold the uusdc part of the shares: its fee is in uusdc.
		if got := c.Balances(distrAddr).Sub(distrBefore...); !got.AmountOf("uusdc").IsPositive() {
			t.Fatalf("pool %d: exit paid the community pool %s", pool, got)
		}
	}
}

// A stableswap pool of assets with different decimals is refused: the
// curve treats base units of every asset as equal in value.
func TestStableSwapNeedsSameDecimals(t *testing.T) {
	c := apptest.New(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var bank banktypes.GenesisState
		cdc.MustUnmarshalJSON(gen[banktypes.ModuleName], &bank)
		for _, a := range app.Assets {
			md := a.Metadata()
			if a.Base == "ubtc" {
				md.DenomUnits[1].Exponent = 8
			}
			bank.DenomMetadata = append(bank.DenomMetadata, md)
		}
		gen[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)
	}))
	alice := c.Address("alice").String()
	runBadCase(t, c, badCase{msg: func(*apptest.Chain) sdk.Msg {
		return &types.MsgCreatePool{Sender: alice, PoolType: types.POOL_TYPE_STABLESWAP, InitialLiquidity: coins("1000000ubtc,1000000uusdc"), SwapFee: feeTier, Amplification: 100}
	}, want: types.ErrInvalidDenom, contains: "ubtc has 8, uusdc has 6"})
	// A denom without metadata has unknown decimals: refused, not assumed.
	runBadCase(t, c, badCase{msg: func(*apptest.Chain) sdk.Msg {
		return &types.MsgCreatePool{Sender: alice, PoolType: types.POOL_TYPE_STABLESWAP, InitialLiquidity: coins("1000000uatom,1000000uusdc"), SwapFee: feeTier, Amplification: 100}
	}, want: types.ErrInvalidDenom, contains: "uatom has no bank metadata"})
}
