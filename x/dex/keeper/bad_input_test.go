package keeper_test

import (
	"math/big"
	"strings"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/dex/types"
)

// maxInt is 2^256 − 1, the largest sdkmath.Int.
var maxInt = sdkmath.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))

// badInputChain: pool 1 AGR/USDC, 2 ETH/USDC, 3 BTC/ETH (constant product),
// 4 a 3-asset stableswap; max_pool_assets is 3; bob holds pool 1 shares.
func badInputChain(t *testing.T) (*apptest.Chain, [4]uint64) {
	c := newChain(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var gs types.GenesisState
		cdc.MustUnmarshalJSON(gen[types.ModuleName], &gs)
		gs.Params.MaxPoolAssets = 3
		gen[types.ModuleName] = cdc.MustMarshalJSON(&gs)
	}))
	var ids [4]uint64
	ids[0] = createCP(t, c, "100000000000uagr,100000000000uusdc")
	ids[1] = createCP(t, c, "100000000ueth,300000000000uusdc")
	ids[2] = createCP(t, c, "10000000ubtc,200000000ueth")
	ids[3] = createPool(t, c, "alice", types.POOL_TYPE_STABLESWAP, "10000000ubtc,10000000ueth,10000000uusdc", feeTier, 100)
	bob := c.Address("bob")
	if _, err := c.DeliverMsgs("bob", &types.MsgJoinPool{Sender: bob.String(), PoolId: ids[0], MaxAmountsIn: coins("1000000uagr,1000000uusdc")}); err != nil {
		t.Fatal(err)
	}
	return c, ids
}

type badCase struct {
	name     string
	signer   string
	msg      func(c *apptest.Chain) sdk.Msg
	want     *errorsmod.Error
	contains string
}

// Every message with bad input fails with its registered error and a
// message naming the problem, and changes nothing but the tx fee.
func TestBadInputChangesNothing(t *testing.T) {
	c, ids := badInputChain(t)
	p1, p2, p3, p4 := ids[0], ids[1], ids[2], ids[3]
	addr := func(c *apptest.Chain, name string) string { return c.Address(name).String() }
	swapIn := func(route []types.Hop, in sdk.Coin, minOut int64) func(c *apptest.Chain) sdk.Msg {
		return func(c *apptest.Chain) sdk.Msg {
			return &types.MsgSwapExactIn{Sender: addr(c, "alice"), Route: route, TokenIn: in, MinOut: sdkmath.NewInt(minOut)}
		}
	}
	cases := []badCase{
		{name: "zero amount in", msg: swapIn([]types.Hop{{PoolId: p1, DenomOut: "uusdc"}}, sdk.Coin{Denom: "uagr", Amount: sdkmath.ZeroInt()}, 0),
			want: types.ErrInvalidAmount, contains: "token_in amount must be positive"},
		{name: "negative amount in", msg: swapIn([]types.Hop{{PoolId: p1, DenomOut: "uusdc"}}, sdk.Coin{Denom: "uagr", Amount: sdkmath.NewInt(-5)}, 0),
			want: types.ErrInvalidAmount},
		{name: "negative min_out", msg: swapIn([]types.Hop{{PoolId: p1, DenomOut: "uusdc"}}, coin("1000uagr"), -1),
			want: types.ErrInvalidAmount, contains: "min_out"},
		{name: "same denom in and out", msg: swapIn([]types.Hop{{PoolId: p1, DenomOut: "uagr"}}, coin("1000uagr"), 0),
			want: types.ErrSameDenom},
		{name: "unknown pool", msg: swapIn([]types.Hop{{PoolId: 99, DenomOut: "uusdc"}}, coin("1000uagr"), 0),
			want: types.ErrPoolNotFound, contains: "pool 99 does not exist"},
		{name: "route does not chain", msg: swapIn([]types.Hop{{PoolId: p1, DenomOut: "uusdc"}, {PoolId: p3, DenomOut: "ueth"}}, coin("1000000uagr"), 0),
			want: types.ErrInvalidRoute, contains: "hop 2: pool 3 does not hold uusdc"},
		{name: "denom not in pool", msg: swapIn([]types.Hop{{PoolId: p1, DenomOut: "ueth"}}, coin("1000uagr"), 0),
			want: types.ErrDenomNotInPool, contains: "does not hold ueth"},
		{name: "min_out not met", msg: swapIn([]types.Hop{{PoolId: p1, DenomOut: "uusdc"}}, coin("1000000uagr"), 1_000_000),
			want: types.ErrMinOutNotMet, contains: "is below min_out 1000000uusdc"},
		{name: "route too long", msg: swapIn([]types.Hop{{PoolId: 1, DenomOut: "uusdc"}, {PoolId: 2, DenomOut: "ueth"}, {PoolId: 3, DenomOut: "ubtc"}, {PoolId: 4, DenomOut: "uusdc"}, {PoolId: 5, DenomOut: "uagr"}}, coin("1000000ueth"), 0),
			want: types.ErrInvalidRoute, contains: "the maximum is 4"},
		{name: "pool used twice", msg: swapIn([]types.Hop{{PoolId: p2, DenomOut: "uusdc"}, {PoolId: p2, DenomOut: "ueth"}}, coin("1000000ubtc"), 0),
			want: types.ErrInvalidRoute, contains: "already used"},
		{name: "amount overflows", msg: swapIn([]types.Hop{{PoolId: p1, DenomOut: "uusdc"}}, sdk.Coin{Denom: "uagr", Amount: maxInt}, 0),
			want: types.ErrOverflow},
		{name: "max_in exceeded", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgSwapExactOut{Sender: addr(c, "alice"), Route: []types.Hop{{PoolId: p1, DenomOut: "uusdc"}}, DenomIn: "uagr", TokenOut: coin("1000000uusdc"), MaxIn: sdkmath.NewInt(1_000_000)}
		}, want: types.ErrMaxInExceeded, contains: "is above max_in 1000000uagr"},
		{name: "expired deadline", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgSwapExactIn{Sender: addr(c, "alice"), Route: []types.Hop{{PoolId: p1, DenomOut: "uusdc"}}, TokenIn: coin("1000uagr"), MinOut: sdkmath.ZeroInt(), Deadline: c.Time().Add(-time.Hour)}
		}, want: types.ErrDeadlineExceeded, contains: "has passed"},
		{name: "swap drains a reserve", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgSwapExactOut{Sender: addr(c, "alice"), Route: []types.Hop{{PoolId: p3, DenomOut: "ubtc"}}, DenomIn: "ueth", TokenOut: coin("10000000ubtc"), MaxIn: maxInt}
		}, want: types.ErrInsufficientLiquidity},
		{name: "stableswap drains a reserve", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgSwapExactOut{Sender: addr(c, "alice"), Route: []types.Hop{{PoolId: p4, DenomOut: "ubtc"}}, DenomIn: "ueth", TokenOut: coin("10000000ubtc"), MaxIn: maxInt}
		}, want: types.ErrInsufficientLiquidity},
		{name: "join overflows", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgJoinPool{Sender: addr(c, "alice"), PoolId: p1, MaxAmountsIn: sdk.Coins{{Denom: "uagr", Amount: maxInt}, {Denom: "uusdc", Amount: maxInt}}, MinSharesOut: sdkmath.ZeroInt()}
		}, want: types.ErrOverflow},
		{name: "join with a denom not in the pool", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgJoinPool{Sender: addr(c, "alice"), PoolId: p1, MaxAmountsIn: coins("1000uagr,1000ueth"), MinSharesOut: sdkmath.ZeroInt()}
		}, want: types.ErrDenomNotInPool, contains: "denom ueth is not in pool 1"},
		{name: "join below min_shares_out", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgJoinPool{Sender: addr(c, "alice"), PoolId: p1, MaxAmountsIn: coins("1000000uagr,1000000uusdc"), MinSharesOut: sdkmath.NewInt(2_000_000)}
		}, want: types.ErrMinSharesNotMet, contains: "short by 1000000"},
		{name: "exit more shares than held", signer: "bob", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgExitPool{Sender: addr(c, "bob"), PoolId: p1, SharesIn: sdkmath.NewInt(1_000_001)}
		}, want: types.ErrInsufficientShares, contains: "you hold 1000000dex/pool/1"},
		{name: "exit zero shares", signer: "bob", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgExitPool{Sender: addr(c, "bob"), PoolId: p1, SharesIn: sdkmath.ZeroInt()}
		}, want: types.ErrInvalidAmount},
		{name: "exit below min_amounts_out", signer: "bob", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgExitPool{Sender: addr(c, "bob"), PoolId: p1, SharesIn: sdkmath.NewInt(1_000_000), MinAmountsOut: coins("2000000uusdc")}
		}, want: types.ErrMinOutNotMet, contains: "below min_amounts_out 2000000uusdc"},
		{name: "exit single asset not in pool", signer: "bob", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgExitSingleAsset{Sender: addr(c, "bob"), PoolId: p1, SharesIn: sdkmath.NewInt(1000), DenomOut: "ubtc", MinAmountOut: sdkmath.ZeroInt()}
		}, want: types.ErrDenomNotInPool},
		{name: "join single asset not in pool", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgJoinSingleAsset{Sender: addr(c, "alice"), PoolId: p1, TokenIn: coin("1000ubtc"), MinSharesOut: sdkmath.ZeroInt()}
		}, want: types.ErrDenomNotInPool},
		{name: "duplicate pool", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgCreatePool{Sender: addr(c, "alice"), PoolType: types.POOL_TYPE_CONSTANT_PRODUCT, InitialLiquidity: coins("1000000uagr,1000000uusdc"), SwapFee: feeTier}
		}, want: types.ErrPoolExists, contains: "pool 1 already trades"},
		{name: "one asset", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgCreatePool{Sender: addr(c, "alice"), PoolType: types.POOL_TYPE_CONSTANT_PRODUCT, InitialLiquidity: coins("1000000uagr"), SwapFee: feeTier}
		}, want: types.ErrInvalidAssetCount},
		{name: "constant product with 3 assets", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgCreatePool{Sender: addr(c, "alice"), PoolType: types.POOL_TYPE_CONSTANT_PRODUCT, InitialLiquidity: coins("1000000uagr,1000000ubtc,1000000uusdc"), SwapFee: feeTier}
		}, want: types.ErrInvalidAssetCount},
		{name: "more than max_pool_assets", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgCreatePool{Sender: addr(c, "alice"), PoolType: types.POOL_TYPE_STABLESWAP, InitialLiquidity: coins("1000000uagr,1000000ubtc,1000000ueth,1000000uusdc"), SwapFee: feeTier, Amplification: 100}
		}, want: types.ErrInvalidAssetCount, contains: "2 to 3 assets"},
		{name: "amplification zero", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgCreatePool{Sender: addr(c, "alice"), PoolType: types.POOL_TYPE_STABLESWAP, InitialLiquidity: coins("1000000uagr,1000000uusdc"), SwapFee: feeTier, Amplification: 0}
		}, want: types.ErrInvalidAmplification, contains: "got none"},
		{name: "amplification too high", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgCreatePool{Sender: addr(c, "alice"), PoolType: types.POOL_TYPE_STABLESWAP, InitialLiquidity: coins("1000000uagr,1000000uusdc"), SwapFee: feeTier, Amplification: 10_001}
		}, want: types.ErrInvalidAmplification, contains: "outside [1, 10000]"},
		// Params errors reach the tx result with the dex codespace and code
		// (fmt.Errorf("%w") used to turn them into "undefined"/1).
		{name: "update params with bad params", msg: func(c *apptest.Chain) sdk.Msg {
			p := types.DefaultParams()
			p.MaxHops, p.TwapWindowSeconds = 0, 60
			return &types.MsgUpdateParams{Authority: addr(c, "alice"), Params: p}
		}, want: types.ErrInvalidParams, contains: "max_hops 0 must be in [1, 8]; twap_window_seconds 60 (1m0s) must be in [3600, 2592000]"},
		{name: "update params by a non-authority", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgUpdateParams{Authority: addr(c, "alice"), Params: types.DefaultParams()}
		}, want: types.ErrUnauthorized, contains: "governance proposal"},
		{name: "fee not a tier", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgCreatePool{Sender: addr(c, "alice"), PoolType: types.POOL_TYPE_CONSTANT_PRODUCT, InitialLiquidity: coins("1000000uagr,1000000ubtc"), SwapFee: sdkmath.LegacyNewDecWithPrec(2, 3)}
		}, want: types.ErrInvalidFeeTier, contains: "not a fee tier"},
		{name: "LP shares as a pool asset", signer: "bob", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgCreatePool{Sender: addr(c, "bob"), PoolType: types.POOL_TYPE_CONSTANT_PRODUCT, InitialLiquidity: coins("500000dex/pool/1,1000000uusdc"), SwapFee: feeTier}
		}, want: types.ErrInvalidDenom},
		{name: "initial liquidity too small", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgCreatePool{Sender: addr(c, "alice"), PoolType: types.POOL_TYPE_CONSTANT_PRODUCT, InitialLiquidity: coins("1000uagr,1000ubtc"), SwapFee: feeTier}
		}, want: types.ErrInvalidAmount, contains: "MinimumLiquidity"},
		{name: "update params by a non-gov signer", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgUpdateParams{Authority: addr(c, "alice"), Params: types.DefaultParams()}
		}, want: types.ErrUnauthorized, contains: "governance proposal"},
		{name: "pause a pool by a non-gov signer", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgSetPoolPaused{Authority: addr(c, "alice"), PoolId: p1, Paused: true}
		}, want: types.ErrUnauthorized},
		{name: "ramp by a non-gov signer", msg: func(c *apptest.Chain) sdk.Msg {
			return &types.MsgRampAmplification{Authority: addr(c, "alice"), PoolId: p4, FutureAmplification: 200, EndTime: c.Time().Add(48 * time.Hour)}
		}, want: types.ErrUnauthorized},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			runBadCase(t, c, tc)
		})
	}
}

func runBadCase(t *testing.T, c *apptest.Chain, tc badCase) {
	t.Helper()
	signer := tc.signer
	if signer == "" {
		signer = "alice"
	}
	before := snapshot(t, c)
	_, err := c.DeliverMsgs(signer, tc.msg(c))
	requireErr(t, err, tc.want)
	t.Logf("%s", err)
	if tc.contains != "" && !strings.Contains(err.Error(), tc.contains) {
		t.Fatalf("error %q does not say %q", err, tc.contains)
	}
	requireUnchanged(t, c, before, signer)
}

// govExec runs a governance message through the msg server as the gov
// module account, committed with the next block.
func govExec(t *testing.T, c *apptest.Chain, msg func(srv types.MsgServer, ctx sdk.Context) error) {
	t.Helper()
	if err := msg(keeper.NewMsgServerImpl(dexKeeper(c)), c.WriteCtx()); err != nil {
		t.Fatal(err)
	}
	c.NextBlock()
}

// Paused pools and a paused exchange refuse every trade and change nothing.
func TestPaused(t *testing.T) {
	c, ids := badInputChain(t)
	gov := app.TimelockAuthority()
	govExec(t, c, func(srv types.MsgServer, ctx sdk.Context) error {
		_, err := srv.SetPoolPaused(ctx, &types.MsgSetPoolPaused{Authority: gov, PoolId: ids[0], Paused: true})
		return err
	})
	alice := c.Address("alice").String()
	runBadCase(t, c, badCase{msg: func(*apptest.Chain) sdk.Msg {
		return &types.MsgSwapExactIn{Sender: alice, Route: []types.Hop{{PoolId: ids[0], DenomOut: "uusdc"}}, TokenIn: coin("1000uagr"), MinOut: sdkmath.ZeroInt()}
	}, want: types.ErrPaused, contains: "pool 1 is paused"})
	runBadCase(t, c, badCase{msg: func(*apptest.Chain) sdk.Msg {
		return &types.MsgJoinSingleAsset{Sender: alice, PoolId: ids[0], TokenIn: coin("1000uagr"), MinSharesOut: sdkmath.ZeroInt()}
	}, want: types.ErrPaused, contains: "pool 1 is paused"})
	// Exits stay open: governance stops trading, never freezes LP funds.
	bob := c.Address("bob")
	exit := func(msg sdk.Msg) {
		t.Helper()
		before := c.Balances(bob)
		if _, err := c.DeliverMsgs("bob", msg); err != nil {
			t.Fatalf("exit from a paused pool: %v", err)
		}
		if got := c.Balances(bob).AmountOf("uusdc"); !got.GT(before.AmountOf("uusdc")) {
			t.Fatalf("exit paid nothing: uusdc %s -> %s", before.AmountOf("uusdc"), got)
		}
	}
	exit(&types.MsgExitPool{Sender: bob.String(), PoolId: ids[0], SharesIn: sdkmath.NewInt(1000)})
	// Other pools still trade.
	if _, err := c.DeliverMsgs("alice", &types.MsgSwapExactIn{Sender: alice, Route: []types.Hop{{PoolId: ids[1], DenomOut: "uusdc"}}, TokenIn: coin("1000ueth"), MinOut: sdkmath.ZeroInt()}); err != nil {
		t.Fatal(err)
	}

	params := types.DefaultParams()
	params.Paused = true
	govExec(t, c, func(srv types.MsgServer, ctx sdk.Context) error {
		_, err := srv.UpdateParams(ctx, &types.MsgUpdateParams{Authority: gov, Params: params})
		return err
	})
	runBadCase(t, c, badCase{msg: func(*apptest.Chain) sdk.Msg {
		return &types.MsgSwapExactIn{Sender: alice, Route: []types.Hop{{PoolId: ids[1], DenomOut: "uusdc"}}, TokenIn: coin("1000ueth"), MinOut: sdkmath.ZeroInt()}
	}, want: types.ErrPaused, contains: "exchange is paused"})
	runBadCase(t, c, badCase{msg: func(*apptest.Chain) sdk.Msg {
		return &types.MsgCreatePool{Sender: alice, PoolType: types.POOL_TYPE_CONSTANT_PRODUCT, InitialLiquidity: coins("1000000uagr,1000000ubtc"), SwapFee: feeTier}
	}, want: types.ErrPaused})
	// The best-route query says why there is no route.
	if _, _, err := dexKeeper(c).BestRoute(c.Ctx(), coin("1000ueth"), "uusdc"); !types.ErrPaused.Is(err) {
		t.Fatalf("best route while paused: want ErrPaused, got %v", err)
	}
	// Exits still work with the whole exchange paused.
	exit(&types.MsgExitSingleAsset{Sender: bob.String(), PoolId: ids[0], SharesIn: sdkmath.NewInt(1000), DenomOut: "uusdc", MinAmountOut: sdkmath.ZeroInt()})
	exit(&types.MsgExitPool{Sender: bob.String(), PoolId: ids[0], SharesIn: sdkmath.NewInt(1000)})
}
