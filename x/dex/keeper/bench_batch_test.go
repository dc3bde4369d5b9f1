package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/dex/types"
)

// EndBlock time with 10,000 queued swaps in the block (issue 13: "EndBlock
// time at 10,000 swaps per block"). The swaps are queued through the
// keeper (the same path as MsgSwapExactIn's DeliverTx) into the committed
// store; each iteration then runs x/dex's whole EndBlock (clearing, order
// records, TWAP, stats) on a cached copy of that state, so every iteration
// clears the same 10,000 swaps.
//
//	go test -run '^$' -bench EndBlock10k -benchtime 5x ./x/dex/keeper
func BenchmarkEndBlock10kSwapsOnePool(b *testing.B) { benchmarkEndBlockSwaps(b, 1, 10_000, 1) }

// 10 pools, 1,000 swaps each (the default per-pool cap).
func BenchmarkEndBlock10kSwapsTenPools(b *testing.B) { benchmarkEndBlockSwaps(b, 10, 1_000, 1) }

// 10,000 two-hop swaps: every order joins a second pool's batch.
func BenchmarkEndBlock10kSwapsTwoHops(b *testing.B) { benchmarkEndBlockSwaps(b, 2, 10_000, 2) }

func benchmarkEndBlockSwaps(b *testing.B, pools, perPool, hops int) {
	c := newChain(b, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var gs types.GenesisState
		cdc.MustUnmarshalJSON(gen[types.ModuleName], &gs)
		gs.Params.MaxOrdersPerPoolPerBlock = types.MaxOrdersPerPoolLimit
		gen[types.ModuleName] = cdc.MustMarshalJSON(&gs)
	}))
	// n constant-product pools of 100 units of each side; every swap sells
	// 0.1 units, alternating directions.
	k := dexKeeper(c)
	tiers, err := k.GetParams(c.Ctx())
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]uint64, pools)
	denoms := []string{"uagr", "uusdc", "ueth"}
	for i := range ids {
		// hops == 2: pool 1 is uagr/uusdc and pool 2 uusdc/ueth (a route
		// uagr → uusdc → ueth); otherwise every pool pairs two of the three
		// assets with one of the fee tiers.
		a, bb := denoms[i%3], denoms[(i+1)%3]
		fee := tiers.FeeTiers[i/3%len(tiers.FeeTiers)].Fee
		if hops == 2 {
			a, bb, fee = denoms[i], denoms[i+1], feeTier
		}
		res, err := c.DeliverMsgs("alice", &types.MsgCreatePool{Sender: c.Address("alice").String(), PoolType: types.POOL_TYPE_CONSTANT_PRODUCT,
			InitialLiquidity: sdk.NewCoins(sdk.NewCoin(a, sdkmath.NewInt(100_000_000)), sdk.NewCoin(bb, sdkmath.NewInt(100_000_000))), SwapFee: fee})
		if err != nil {
			b.Fatal(err)
		}
		var msgData sdk.TxMsgData
		var resp types.MsgCreatePoolResponse
		if err := c.App.AppCodec().Unmarshal(res.Data, &msgData); err != nil {
			b.Fatal(err)
		}
		if err := resp.Unmarshal(msgData.MsgResponses[0].Value); err != nil {
			b.Fatal(err)
		}
		ids[i] = resp.PoolId
	}
	ctx := c.WriteCtx()
	senders := []string{"alice", "bob", "carol"}
	n := 0
	for i, pid := range ids {
		if hops == 2 && i > 0 {
			break
		}
		pool, err := k.GetPool(ctx, pid)
		if err != nil {
			b.Fatal(err)
		}
		pair := pool.Denoms()
		for j := 0; j < perPool; j++ {
			in, out := pair[0], pair[1]
			if j%2 == 1 {
				in, out = out, in
			}
			route := []types.Hop{{PoolId: pid, DenomOut: out}}
			if hops == 2 {
				route = []types.Hop{{PoolId: ids[0], DenomOut: "uusdc"}, {PoolId: ids[1], DenomOut: "ueth"}}
				in = "uagr"
			}
			sender := c.Address(senders[n%len(senders)])
			if _, _, err := k.QueueSwapExactIn(ctx, sender, route, sdk.NewCoin(in, sdkmath.NewInt(100_000)), sdkmath.OneInt()); err != nil {
				b.Fatalf("queue swap %d: %v", n, err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n), "swaps/block")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cache, _ := ctx.CacheContext()
		if err := k.EndBlock(cache); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if i == 0 {
			requireAllSettled(b, cache, k, n)
		}
		b.StartTimer()
	}
}

// requireAllSettled fails unless EndBlock filled every queued swap.
func requireAllSettled(b *testing.B, ctx sdk.Context, k keeper.Keeper, n int) {
	filled := 0
	err := k.SwapOrders.Walk(ctx, nil, func(_ uint64, o types.SwapOrder) (bool, error) {
		if o.Status == types.ORDER_STATUS_FILLED {
			filled++
		}
		return false, nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if filled != n {
		b.Fatalf("%d of %d swaps filled", filled, n)
	}
}
