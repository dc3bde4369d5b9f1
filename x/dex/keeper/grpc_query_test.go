package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/dex/types"
)

func TestQueries(t *testing.T) {
	c := newChain(t)
	q := keeper.NewQueryServerImpl(dexKeeper(c))
	agr := createCP(t, c, "100000000000uagr,100000000000uusdc") // 1 AGR = 1 USDC
	eth := createCP(t, c, "100000000ueth,300000000000uusdc")    // 1 ETH = 3000 USDC
	direct := createCP(t, c, "1000000000uagr,1000000ueth")      // shallow and mispriced: 1 ETH = 1000 AGR
	btc := createCP(t, c, "10000000ubtc,600000000000uusdc")     // 1 BTC = 60000 USDC
	ctx := c.Ctx()

	// Params.
	params, err := q.Params(ctx, &types.QueryParamsRequest{})
	if err != nil || params.Params.MaxHops != 4 {
		t.Fatalf("params: %v %v", params, err)
	}

	// Pool and pools, filtered and paginated.
	pool, err := q.Pool(ctx, &types.QueryPoolRequest{PoolId: eth})
	if err != nil || pool.Pool.Id != eth {
		t.Fatalf("pool: %v %v", pool, err)
	}
	if _, err := q.Pool(ctx, &types.QueryPoolRequest{PoolId: 99}); err == nil {
		t.Fatal("pool 99 should not exist")
	}
	all, err := q.Pools(ctx, &types.QueryPoolsRequest{})
	if err != nil || len(all.Pools) != 4 {
		t.Fatalf("pools: %d %v", len(all.Pools), err)
	}
	withEth, err := q.Pools(ctx, &types.QueryPoolsRequest{Denom: "ueth"})
	if err != nil || len(withEth.Pools) != 2 || withEth.Pools[0].Id != eth || withEth.Pools[1].Id != direct {
		t.Fatalf("pools with ueth: %v %v", withEth, err)
	}
	page, err := q.Pools(ctx, &types.QueryPoolsRequest{Pagination: &query.PageRequest{Limit: 3, CountTotal: true}})
	if err != nil || len(page.Pools) != 3 || page.Pagination.Total != 4 || page.Pagination.NextKey == nil {
		t.Fatalf("page: %v %v", page, err)
	}

	// Spot price.
	sp, err := q.SpotPrice(ctx, &types.QuerySpotPriceRequest{PoolId: btc, BaseDenom: "ubtc", QuoteDenom: "uusdc"})
	if err != nil || !sp.SpotPrice.Equal(sdkmath.LegacyNewDec(60_000)) {
		t.Fatalf("spot price: %v %v", sp, err)
	}

	// Simulations agree with the pool operations.
	simIn, err := q.SimulateSwapExactIn(ctx, &types.QuerySimulateSwapExactInRequest{
		RoutePoolIds: []uint64{agr, eth}, RouteDenomsOut: []string{"uusdc", "ueth"}, TokenIn: "3000000000uagr",
	})
	if err != nil || len(simIn.Hops) != 2 || simIn.TokenOut.Denom != "ueth" {
		t.Fatalf("simulate exact in: %v %v", simIn, err)
	}
	simOut, err := q.SimulateSwapExactOut(ctx, &types.QuerySimulateSwapExactOutRequest{
		RoutePoolIds: []uint64{agr, eth}, RouteDenomsOut: []string{"uusdc", "ueth"}, DenomIn: "uagr", TokenOut: simIn.TokenOut.String(),
	})
	if err != nil || simOut.TokenIn.Amount.GT(sdkmath.NewInt(3_000_000_000)) {
		t.Fatalf("simulate exact out of what 3000 AGR buys costs %v (%v)", simOut, err)
	}
	if _, err := q.SimulateSwapExactIn(ctx, &types.QuerySimulateSwapExactInRequest{RoutePoolIds: []uint64{agr}, RouteDenomsOut: []string{"uusdc", "ueth"}, TokenIn: "1uagr"}); err == nil {
		t.Fatal("mismatched route lists should fail")
	}

	// Best route: for a large trade the deep two-hop route beats the
	// shallow direct pool; for a tiny one the mispriced direct pool wins.
	best, err := q.BestRoute(ctx, &types.QueryBestRouteRequest{TokenIn: "3000000000uagr", DenomOut: "ueth"})
	if err != nil {
		t.Fatal(err)
	}
	if len(best.Route) != 2 || !best.TokenOut.Equal(simIn.TokenOut) {
		t.Fatalf("best route %v pays %s, want the two-hop route paying %s", best.Route, best.TokenOut, simIn.TokenOut)
	}
	small, err := q.BestRoute(ctx, &types.QueryBestRouteRequest{TokenIn: "1000000uagr", DenomOut: "ueth"})
	if err != nil || len(small.Route) != 1 || small.Route[0].PoolId != direct {
		t.Fatalf("small best route: %v %v", small, err)
	}
	threeHop, err := q.BestRoute(ctx, &types.QueryBestRouteRequest{TokenIn: "1000000uagr", DenomOut: "ubtc"})
	if err != nil || threeHop.Route[len(threeHop.Route)-1].PoolId != btc {
		t.Fatalf("route to ubtc: %v %v", threeHop, err)
	}
	if _, err := q.BestRoute(ctx, &types.QueryBestRouteRequest{TokenIn: "1000000uagr", DenomOut: "uatom"}); err == nil {
		t.Fatal("no route to uatom should fail")
	}

	// Positions: alice created every pool.
	pos, err := q.Positions(ctx, &types.QueryPositionsRequest{Address: c.Address("alice").String()})
	if err != nil || len(pos.Positions) != 4 {
		t.Fatalf("positions: %v %v", pos, err)
	}
	for _, p := range pos.Positions {
		pl, _ := dexKeeper(c).GetPool(ctx, p.PoolId)
		for _, v := range p.Value {
			r := pl.Reserves.AmountOf(v.Denom)
			// all shares but the locked 1000: value is just below the reserve
			if v.Amount.GTE(r) || v.Amount.LT(r.MulRaw(99).QuoRaw(100)) {
				t.Fatalf("pool %d: position value %s vs reserve %s", p.PoolId, v, r)
			}
		}
	}
}

// BestRoute's search is bounded by the number of pools it examines, not
// only by the routes that reach denom_out: over a dense graph of pools in
// which denom_out is unreachable, the search (max_hops 8) must still stop
// after a bounded amount of work (measured in gas) and report no route.
func TestBestRouteSearchIsBounded(t *testing.T) {
	c := newChain(t)
	k := dexKeeper(c)
	ctx, _ := c.Ctx().CacheContext()
	params, err := k.GetParams(ctx)
	if err != nil {
		t.Fatal(err)
	}
	params.MaxHops = types.MaxHopsLimit
	if err := k.Params.Set(ctx, params); err != nil {
		t.Fatal(err)
	}
	// Every pair of 10 denoms has a pool (45 pools, stored directly: the
	// search only reads state); uatom is only paired with an island denom.
	denoms := []string{"da0", "da1", "da2", "da3", "da4", "da5", "da6", "da7", "da8", "da9"}
	id := uint64(100)
	store := func(a, b string) {
		p := types.Pool{
			Id: id, ShareDenom: types.ShareDenom(id), Type: types.POOL_TYPE_CONSTANT_PRODUCT, SwapFee: feeTier,
			Reserves:    sdk.NewCoins(sdk.NewInt64Coin(a, 1_000_000_000), sdk.NewInt64Coin(b, 1_000_000_000)),
			TotalShares: sdkmath.NewInt(1_000_000_000),
		}
		if err := k.Pools.Set(ctx, id, p); err != nil {
			t.Fatal(err)
		}
		for _, d := range p.Denoms() {
			if err := k.PoolsByDenom.Set(ctx, collections.Join(d, id)); err != nil {
				t.Fatal(err)
			}
		}
		id++
	}
	for i := range denoms {
		for j := i + 1; j < len(denoms); j++ {
			store(denoms[i], denoms[j])
		}
	}
	store("island", "uatom")

	const gasBudget = 200_000_000
	ctx = ctx.WithGasMeter(storetypes.NewGasMeter(gasBudget))
	var searchErr error
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("BestRoute used more than %d gas over %d pools: %v", gasBudget, id-100, r)
			}
		}()
		_, _, searchErr = k.BestRoute(ctx, sdk.NewInt64Coin("da0", 1_000_000), "uatom")
	}()
	requireErr(t, searchErr, types.ErrNoRoute)
	t.Logf("gas used: %d", ctx.GasMeter().GasConsumed())
}
