package types_test

import (
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/incentives/types"
)

// engine is the keeper's accounting on the pure functions (one pool, one
// denom): acc/carry, per-owner snapshot and scaled pending.
type engine struct {
	acc, carry, total  sdkmath.Int
	shares, snap, pend []sdkmath.Int
	paid               []sdkmath.Int
}

func newEngine(n int) *engine {
	e := &engine{acc: i(0), carry: i(0), total: i(0)}
	for k := 0; k < n; k++ {
		e.shares = append(e.shares, i(0))
		e.snap = append(e.snap, i(0))
		e.pend = append(e.pend, i(0))
		e.paid = append(e.paid, i(0))
	}
	return e
}

func (e *engine) settle(u int) {
	e.pend[u] = e.pend[u].Add(types.Earned(e.shares[u], e.acc, e.snap[u]))
	e.snap[u] = e.acc
}

// release spreads amount; with nothing bonded it is not allocated (the
// keeper sets it aside for the funder) and the caller does not count it.
func (e *engine) release(amount sdkmath.Int) bool {
	if !e.total.IsPositive() {
		return false
	}
	inc, c := types.Spread(amount, e.carry, e.total)
	e.acc, e.carry = e.acc.Add(inc), c
	return true
}

func (e *engine) change(u int, delta sdkmath.Int) {
	e.settle(u)
	e.shares[u] = e.shares[u].Add(delta)
	e.total = e.total.Add(delta)
}

func (e *engine) claim(u int) {
	e.settle(u)
	pay, rest := types.Payable(e.pend[u])
	e.paid[u] = e.paid[u].Add(pay)
	e.pend[u] = rest
}

// FuzzAccumulatorMatchesDirect runs random bond/unbond/claim sequences with
// a release each block, against the direct per-block computation (each
// block's release split pro rata to the shares held in it, exactly): Σ paid
// ≤ Σ released to bonders, and each owner's payout is its pro-rata share
// rounded down, within one base unit.
func FuzzAccumulatorMatchesDirect(f *testing.F) {
	f.Add(int64(1), uint8(40))
	f.Add(int64(7), uint8(200))
	f.Add(int64(99), uint8(3))
	f.Fuzz(func(t *testing.T, seed int64, steps uint8) {
		r := rand.New(rand.NewSource(seed))
		const owners = 4
		e := newEngine(owners)
		exact := make([]*big.Rat, owners)
		for k := range exact {
			exact[k] = new(big.Rat)
		}
		released := i(0)
		for s := 0; s < int(steps); s++ {
			u := r.Intn(owners)
			switch r.Intn(3) {
			case 0:
				e.change(u, i(1+r.Int63n(1_000_000)))
			case 1:
				if e.shares[u].IsPositive() {
					e.change(u, e.shares[u].Neg().Add(i(r.Int63n(e.shares[u].Int64()))))
				}
			default:
				e.claim(u)
			}
			// the block's release, after the block's txs
			amount := i(r.Int63n(10_000_000))
			total := e.total
			if e.release(amount) {
				released = released.Add(amount)
				for k := 0; k < owners; k++ {
					share := new(big.Rat).SetFrac(new(big.Int).Mul(amount.BigInt(), e.shares[k].BigInt()), total.BigInt())
					exact[k].Add(exact[k], share)
				}
			}
		}
		sum := i(0)
		for k := 0; k < owners; k++ {
			e.claim(k)
			sum = sum.Add(e.paid[k])
			paid := new(big.Rat).SetInt(e.paid[k].BigInt())
			diff := new(big.Rat).Sub(exact[k], paid)
			if diff.Sign() < 0 && diff.Cmp(big.NewRat(-1, 1)) < 0 {
				t.Fatalf("owner %d paid %s, more than its exact share %s", k, e.paid[k], exact[k].FloatString(6))
			}
			if diff.Cmp(big.NewRat(1, 1)) > 0 {
				t.Fatalf("owner %d paid %s, exact share %s: more than one unit short", k, e.paid[k], exact[k].FloatString(6))
			}
		}
		if sum.GT(released) {
			t.Fatalf("paid %s > released %s", sum, released)
		}
	})
}
