package keeper_test

import (
	"fmt"
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/testutil/apptest"
)

// BenchmarkSettlement measures the block that settles n pending exchanges
// (the whole block: the oracle's pre-blocker, x/synth's BeginBlock
// settlement of n exchanges, every EndBlocker, the commit and the
// invariant checks apptest runs after it).
func BenchmarkSettlement(b *testing.B) {
	for _, n := range []int{10, 100} {
		b.Run(fmt.Sprintf("exchanges=%d", n), func(b *testing.B) {
			c := newBenchChain(b)
			alice := c.addr("alice")
			c.deliver("alice", stake(alice, 100_000_000_000), mint(alice, 10_000_000_000))
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				msgs := make([]sdk.Msg, n)
				for j := range msgs {
					msgs[j] = exch(alice, 1_000_000, usd, btc, 0)
				}
				publish(c.t, c.Chain, c.p)
				tx := c.SignTx("alice", apptest.DefaultFee, 100_000_000, msgs...)
				if res := c.NextBlock(tx); res[0].Code != 0 {
					b.Fatalf("submit: %s", res[0].Log)
				}
				publish(c.t, c.Chain, c.p)
				b.StartTimer()
				c.NextBlock()
				b.StopTimer()
				if has, _ := c.App.SynthKeeper.Pending.Has(c.Ctx(), uint64(i*n+n)); has {
					b.Fatalf("exchange %d still pending after the settlement block", i*n+n)
				}
				b.StartTimer()
			}
		})
	}
}

// BenchmarkBeginBlockSettle measures x/synth's BeginBlock alone settling n
// pending exchanges (price refresh of 3 synths, n settlements each in its
// own cached context, pruning), on a cached context that is thrown away so
// every iteration settles the same n.
func BenchmarkBeginBlockSettle(b *testing.B) {
	for _, n := range []int{10, 100} {
		b.Run(fmt.Sprintf("exchanges=%d", n), func(b *testing.B) {
			c := newBenchChain(b)
			alice := c.addr("alice")
			c.deliver("alice", stake(alice, 100_000_000_000), mint(alice, 10_000_000_000))
			msgs := make([]sdk.Msg, n)
			for j := range msgs {
				msgs[j] = exch(alice, 1_000_000, usd, btc, 0)
			}
			publish(c.t, c.Chain, c.p)
			if res := c.NextBlock(c.SignTx("alice", apptest.DefaultFee, 100_000_000, msgs...)); res[0].Code != 0 {
				b.Fatalf("submit: %s", res[0].Log)
			}
			publish(c.t, c.Chain, c.p)
			base := c.WriteCtx().WithBlockHeight(c.Height() + 1)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ctx, _ := base.CacheContext()
				if err := c.App.SynthKeeper.BeginBlock(ctx); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if has, _ := c.App.SynthKeeper.Pending.Has(ctx, uint64(n)); has {
					b.Fatalf("exchange %d not settled", n)
				}
				b.StartTimer()
			}
		})
	}
}

// BenchmarkGasPerMessage reports the gas each message uses (gas/op; the
// time per op is that of a whole block and is not the point).
func BenchmarkGasPerMessage(b *testing.B) {
	c := newBenchChain(b)
	alice := c.addr("alice")
	gas := func(name string, msg sdk.Msg) {
		publish(c.t, c.Chain, c.p)
		tx := c.SignTx("alice", apptest.DefaultFee, 2_000_000, msg)
		res := c.NextBlock(tx)
		if res[0].Code != 0 {
			b.Fatalf("%s: %s", name, res[0].Log)
		}
		b.ReportMetric(float64(res[0].GasUsed), "gas/"+name)
	}
	for i := 0; i < b.N; i++ {
		gas("stake", stake(alice, 10_000_000_000))
		gas("mint", mint(alice, 100_000_000))
		gas("exchange", exch(alice, 10_000_000, usd, btc, 0))
		c.next()
		gas("burn", burn(alice, 50_000_000))
		gas("claim", claimMsg(alice))
	}
}
