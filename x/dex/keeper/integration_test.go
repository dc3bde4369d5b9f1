package keeper_test

import (
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// Many blocks of random swaps (exact in and out, one and two hops), joins
// and exits (proportional and single-asset) by three accounts, over
// constant-product and stableswap pools. After every block apptest asserts
// every app invariant, including dex/module-balance and dex/share-supply.
// Failed txs (slippage, too small) are expected and must change nothing.
func TestRandomTrafficKeepsInvariants(t *testing.T) {
	blocks := 150
	if testing.Short() {
		blocks = 40
	}
	c := newChain(t)
	k := dexKeeper(c)
	cp1 := createCP(t, c, "50000000000uagr,50000000000uusdc")
	cp2 := createCP(t, c, "100000000ueth,300000000000uusdc")
	ss := createPool(t, c, "bob", types.POOL_TYPE_STABLESWAP, "20000000ubtc,20000000ueth,20000000uusdc", sdkmath.LegacyNewDecWithPrec(5, 4), 200)
	pools := []uint64{cp1, cp2, ss}
	initial := map[uint64]types.Pool{}
	for _, id := range []uint64{cp1, cp2} {
		initial[id], _ = k.GetPool(c.Ctx(), id)
	}
	users := []string{"alice", "bob", "carol"}
	rng := rand.New(rand.NewSource(42))
	ok, failed := 0, 0
	for b := 0; b < blocks; b++ {
		user := users[rng.Intn(len(users))]
		addr := c.Address(user)
		pid := pools[rng.Intn(len(pools))]
		p, err := k.GetPool(c.Ctx(), pid)
		if err != nil {
			t.Fatal(err)
		}
		denoms := p.Denoms()
		i := rng.Intn(len(denoms))
		j := (i + 1 + rng.Intn(len(denoms)-1)) % len(denoms)
		reserveI := p.Reserves[i].Amount
		amount := reserveI.QuoRaw(int64(2 + rng.Intn(200))).AddRaw(1)
		var msg sdk.Msg
		switch rng.Intn(7) {
		case 0:
			msg = &types.MsgSwapExactIn{Sender: addr.String(), Route: []types.Hop{{PoolId: pid, DenomOut: denoms[j]}},
				TokenIn: sdk.NewCoin(denoms[i], amount), MinOut: sdkmath.ZeroInt()}
		case 1:
			out := p.Reserves[j].Amount.QuoRaw(int64(3 + rng.Intn(200)))
			msg = &types.MsgSwapExactOut{Sender: addr.String(), Route: []types.Hop{{PoolId: pid, DenomOut: denoms[j]}},
				DenomIn: denoms[i], TokenOut: sdk.NewCoin(denoms[j], out.AddRaw(1)), MaxIn: reserveI}
		case 2: // two hops through USDC
			msg = &types.MsgSwapExactIn{Sender: addr.String(), Route: []types.Hop{{PoolId: cp1, DenomOut: "uusdc"}, {PoolId: cp2, DenomOut: "ueth"}},
				TokenIn: sdk.NewCoin("uagr", sdkmath.NewInt(int64(1+rng.Intn(1_000_000_000)))), MinOut: sdkmath.ZeroInt()}
		case 3:
			max := sdk.Coins{}
			for _, r := range p.Reserves {
				max = append(max, sdk.NewCoin(r.Denom, r.Amount.QuoRaw(int64(5+rng.Intn(100)))))
			}
			msg = &types.MsgJoinPool{Sender: addr.String(), PoolId: pid, MaxAmountsIn: max, MinSharesOut: sdkmath.ZeroInt()}
		case 4:
			msg = &types.MsgJoinSingleAsset{Sender: addr.String(), PoolId: pid, TokenIn: sdk.NewCoin(denoms[i], amount), MinSharesOut: sdkmath.ZeroInt()}
		case 5, 6:
			held := c.Balances(addr).AmountOf(p.ShareDenom)
			if !held.IsPositive() {
				c.NextBlock()
				continue
			}
			shares := held.QuoRaw(int64(1 + rng.Intn(4)))
			if shares.IsZero() {
				shares = held
			}
			if rng.Intn(2) == 0 {
				msg = &types.MsgExitPool{Sender: addr.String(), PoolId: pid, SharesIn: shares}
			} else {
				msg = &types.MsgExitSingleAsset{Sender: addr.String(), PoolId: pid, SharesIn: shares, DenomOut: denoms[i], MinAmountOut: sdkmath.ZeroInt()}
			}
		}
		before := snapshot(t, c)
		if _, err := c.DeliverMsgs(user, msg); err != nil {
			failed++
			requireUnchanged(t, c, before, user)
			continue
		}
		ok++
	}
	t.Logf("%d blocks: %d txs succeeded, %d failed", blocks, ok, failed)
	if ok < blocks/2 {
		t.Fatalf("only %d of %d txs succeeded", ok, blocks)
	}
	// x·y per share² of each constant-product pool never fell: fees and
	// rounding stay with the liquidity providers.
	for id, p0 := range initial {
		p1, _ := k.GetPool(c.Ctx(), id)
		before := new(big.Int).Mul(new(big.Int).Mul(p0.Reserves[0].Amount.BigInt(), p0.Reserves[1].Amount.BigInt()),
			new(big.Int).Mul(p1.TotalShares.BigInt(), p1.TotalShares.BigInt()))
		after := new(big.Int).Mul(new(big.Int).Mul(p1.Reserves[0].Amount.BigInt(), p1.Reserves[1].Amount.BigInt()),
			new(big.Int).Mul(p0.TotalShares.BigInt(), p0.TotalShares.BigInt()))
		if after.Cmp(before) < 0 {
			t.Fatalf("pool %d: x·y per share² fell from %v to %v", id, p0.Reserves, p1.Reserves)
		}
	}
}
