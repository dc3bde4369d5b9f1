package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/keeper"
	"github.com/agora-labs/agora/x/dex/types"
)

func TestQueries(t *testing.T) {
	c := apptest.New(t)
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
