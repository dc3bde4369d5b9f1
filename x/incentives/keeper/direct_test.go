package keeper_test

import (
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/x/incentives/types"
)

// TestKeeperMatchesDirectComputation: random bond/unbond/claim txs (one per
// block) by three owners under a gauge; each owner's total payout equals the
// direct per-block computation (each block's release split pro rata to the
// shares held when it was released, exactly) within one unit, and Σ paid ≤
// Σ released; at every block each owner's claimable is the direct
// computation less what it was paid, within rounding.
func TestKeeperMatchesDirectComputation(t *testing.T) {
	e := newEnv(t)
	owners := []string{"alice", "bob", "carol"}
	e.deliver(t, "carol", &banktypes.MsgSend{FromAddress: e.addr("carol"), ToAddress: e.addr("alice"),
		Amount: sdk.NewCoins(coin("1000000" + share1))})
	funded := sdkmath.NewInt(600_000_000)
	e.deliver(t, "alice", &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1,
		Coins: sdk.NewCoins(sdk.NewCoin("uusdc", funded)), DurationSeconds: 600})
	g, err := e.c.App.IncentivesKeeper.Gauges.Get(e.c.Ctx(), 1)
	if err != nil {
		t.Fatal(err)
	}
	released := func(at int64) sdkmath.Int { return types.ReleasedBy(funded, g.StartTime, 600, at) }

	r := rand.New(rand.NewSource(42))
	held := map[string]sdkmath.Int{}
	exact := map[string]*big.Rat{}
	paid := map[string]sdkmath.Int{}
	for _, o := range owners {
		held[o], exact[o], paid[o] = sdkmath.ZeroInt(), new(big.Rat), sdkmath.ZeroInt()
	}
	lastT := e.c.Time().Unix()
	toBonders := sdkmath.ZeroInt()
	step := func(o string, msg sdk.Msg, delta sdkmath.Int) {
		// the block's release goes to the shares held before its tx
		t0 := lastT
		usdc := e.balance(o, "uusdc")
		e.deliver(t, o, msg)
		t1 := e.c.Time().Unix()
		rel := released(t1).Sub(released(t0))
		total := sdkmath.ZeroInt()
		for _, x := range owners {
			total = total.Add(held[x])
		}
		if total.IsPositive() {
			toBonders = toBonders.Add(rel)
			for _, x := range owners {
				exact[x].Add(exact[x], new(big.Rat).SetFrac(rel.Mul(held[x]).BigInt(), total.BigInt()))
			}
		}
		held[o] = held[o].Add(delta)
		paid[o] = paid[o].Add(e.balance(o, "uusdc").Sub(usdc))
		lastT = t1
		// at every block, each owner's claimable is the direct computation
		// less what it was paid
		for _, x := range owners {
			cl := e.claimable(t, x).AmountOf("uusdc")
			owed := new(big.Rat).Sub(exact[x], new(big.Rat).SetInt(paid[x].BigInt()))
			f, _ := owed.Float64()
			if d := f - float64(cl.Int64()); d > 2 || d < -2 {
				t.Fatalf("after %T by %s: %s claimable %s, direct %f; held %v", msg, o, x, cl, f, held)
			}
		}
	}
	for b := 0; b < 40; b++ {
		o := owners[r.Intn(len(owners))]
		switch r.Intn(3) {
		case 0:
			amt := sdkmath.NewInt(1 + r.Int63n(200_000))
			step(o, &types.MsgBond{Owner: e.addr(o), Shares: sdk.NewCoin(share1, amt)}, amt)
		case 1:
			if !held[o].IsPositive() {
				step(o, &types.MsgClaimRewards{Owner: e.addr(o)}, sdkmath.ZeroInt())
				continue
			}
			amt := sdkmath.NewInt(1 + r.Int63n(held[o].Int64()))
			step(o, &types.MsgUnbond{Owner: e.addr(o), Shares: sdk.NewCoin(share1, amt)}, amt.Neg())
		default:
			step(o, &types.MsgClaimRewards{Owner: e.addr(o), PoolId: 1}, sdkmath.ZeroInt())
		}
	}
	for _, o := range owners {
		step(o, &types.MsgClaimRewards{Owner: e.addr(o), PoolId: 1}, sdkmath.ZeroInt())
	}
	sum := sdkmath.ZeroInt()
	for _, o := range owners {
		sum = sum.Add(paid[o])
		// owners claimed one after the other: what accrued since is still claimable
		got := paid[o].Add(e.claimable(t, o).AmountOf("uusdc"))
		diff := new(big.Rat).Sub(exact[o], new(big.Rat).SetInt(got.BigInt()))
		if diff.Cmp(big.NewRat(-1, 1)) < 0 || diff.Cmp(big.NewRat(1, 1)) > 0 {
			t.Errorf("%s paid and claimable %s, direct computation %s", o, got, exact[o].FloatString(3))
		}
	}
	if sum.GT(toBonders) {
		t.Fatalf("paid %s > released to bonders %s", sum, toBonders)
	}
	if sum.IsZero() {
		t.Fatal("nothing paid: the test exercised nothing")
	}
}
