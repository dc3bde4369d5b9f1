package types_test

import (
	"math/big"
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/cdp/types"
)

// poolModel runs the product–sum pool (the pure functions the keeper calls)
// beside an exact model over big.Rat that tracks every deposit and gain
// directly.
type poolModel struct {
	p            sdkmath.LegacyDec
	scale, epoch uint64
	total        sdkmath.Int
	sums         map[[2]uint64]sdkmath.LegacyDec // (epoch, scale) → S of the one gain denom
	deps         map[int]types.PoolDeposit
	snapS        map[int]sdkmath.LegacyDec
	paid         map[int]sdkmath.Int // gains paid out so far (settled)
	exactDep     map[int]*big.Rat
	exactGain    map[int]*big.Rat
	gainsHeld    sdkmath.Int
	maxScale     uint64
}

func newPoolModel() *poolModel {
	return &poolModel{
		p: sdkmath.LegacyOneDec(), total: sdkmath.ZeroInt(), sums: map[[2]uint64]sdkmath.LegacyDec{},
		deps: map[int]types.PoolDeposit{}, snapS: map[int]sdkmath.LegacyDec{}, paid: map[int]sdkmath.Int{},
		exactDep: map[int]*big.Rat{}, exactGain: map[int]*big.Rat{}, gainsHeld: sdkmath.ZeroInt(),
	}
}

func (m *poolModel) sum(e, s uint64) sdkmath.LegacyDec {
	if v, ok := m.sums[[2]uint64{e, s}]; ok {
		return v
	}
	return sdkmath.LegacyZeroDec()
}

func (m *poolModel) now(t *testing.T, i int) (sdkmath.Int, sdkmath.Int) {
	d, ok := m.deps[i]
	if !ok {
		return sdkmath.ZeroInt(), sdkmath.ZeroInt()
	}
	c, err := types.CompoundedDeposit(d.Initial, d.P, d.Scale, d.Epoch, m.p, m.scale, m.epoch)
	if err != nil {
		t.Fatal(err)
	}
	g, err := types.DepositGain(d.Initial, d.P, m.snapS[i], m.sum(d.Epoch, d.Scale), m.sum(d.Epoch, d.Scale+1))
	if err != nil {
		t.Fatal(err)
	}
	return c, g
}

// settle pays gains and rewrites deposit i as compounded + delta.
func (m *poolModel) settle(t *testing.T, i int, delta sdkmath.Int) {
	c, g := m.now(t, i)
	m.gainsHeld = m.gainsHeld.Sub(g)
	if m.gainsHeld.IsNegative() {
		t.Fatalf("paid more gains than held")
	}
	if _, ok := m.paid[i]; !ok {
		m.paid[i] = sdkmath.ZeroInt()
	}
	m.paid[i] = m.paid[i].Add(g)
	next := c.Add(delta)
	m.total = m.total.Add(delta)
	if next.IsZero() {
		delete(m.deps, i)
		return
	}
	m.deps[i] = types.PoolDeposit{Initial: next, P: m.p, Scale: m.scale, Epoch: m.epoch}
	m.snapS[i] = m.sum(m.epoch, m.scale)
}

func rat(i sdkmath.Int) *big.Rat { return new(big.Rat).SetInt(i.BigInt()) }

func (m *poolModel) liquidate(t *testing.T, d, g sdkmath.Int) {
	T := rat(m.total) // the pool's total, rounding dust included, shares the loss
	off, err := types.OffsetPool(m.p, m.scale, m.epoch, m.total, d, g)
	if err != nil {
		t.Fatal(err)
	}
	key := [2]uint64{m.epoch, m.scale}
	m.sums[key] = m.sum(m.epoch, m.scale).Add(off.SGain)
	m.p, m.scale, m.epoch, m.total = off.P, off.Scale, off.Epoch, off.Total
	m.gainsHeld = m.gainsHeld.Add(g)
	// exact: every deposit loses d/T of itself and gains g × share
	for i, v := range m.exactDep {
		share := new(big.Rat).Quo(v, T)
		m.exactGain[i] = new(big.Rat).Add(orZero(m.exactGain[i]), new(big.Rat).Mul(share, rat(g)))
		m.exactDep[i] = new(big.Rat).Sub(v, new(big.Rat).Mul(share, rat(d)))
	}
}

func orZero(r *big.Rat) *big.Rat {
	if r == nil {
		return new(big.Rat)
	}
	return r
}

// check: the pool never owes more than it holds, and every deposit and
// gain is within tolerance below the exact value (never above it by more
// than a unit).
func (m *poolModel) check(t *testing.T, step int) {
	sumDep := sdkmath.ZeroInt()
	sumGain := sdkmath.ZeroInt()
	for i := range m.exactDep {
		c, g := m.now(t, i)
		sumDep, sumGain = sumDep.Add(c), sumGain.Add(g)
		exactD := m.exactDep[i]
		paid, ok := m.paid[i]
		if !ok {
			paid = sdkmath.ZeroInt()
		}
		exactG := new(big.Rat).Sub(orZero(m.exactGain[i]), rat(paid))
		tolD := new(big.Rat).Add(new(big.Rat).Mul(exactD, big.NewRat(1, 1_000_000)), big.NewRat(2, 1))
		diffD := new(big.Rat).Sub(exactD, rat(c))
		if diffD.Cmp(big.NewRat(-1, 1)) < 0 || diffD.Cmp(tolD) > 0 {
			t.Fatalf("step %d deposit %d: compounded %s, exact %s", step, i, c, exactD.FloatString(3))
		}
		tolG := new(big.Rat).Add(new(big.Rat).Mul(orZero(m.exactGain[i]), big.NewRat(1, 1_000_000)), big.NewRat(2, 1))
		diffG := new(big.Rat).Sub(exactG, rat(g))
		if diffG.Cmp(big.NewRat(-1, 1)) < 0 || diffG.Cmp(tolG) > 0 {
			t.Fatalf("step %d deposit %d: gain %s, exact %s", step, i, g, exactG.FloatString(3))
		}
	}
	if sumDep.GT(m.total) {
		t.Fatalf("step %d: deposits %s exceed the pool's total %s", step, sumDep, m.total)
	}
	if sumGain.GT(m.gainsHeld) {
		t.Fatalf("step %d: gains %s exceed what the pool holds %s", step, sumGain, m.gainsHeld)
	}
}

func runPool(t *testing.T, seed int64, steps int) *poolModel {
	r := rand.New(rand.NewSource(seed))
	m := newPoolModel()
	for step := 0; step < steps; step++ {
		i := r.Intn(4)
		switch op := r.Intn(10); {
		case op < 4: // deposit
			a := sdkmath.NewInt(1 + r.Int63n(1_000_000_000))
			m.settle(t, i, a)
			// the deposit restarts from its compounded value plus a
			c, _ := m.now(t, i)
			m.exactDep[i] = rat(c)
		case op < 6: // withdraw part or all
			c, _ := m.now(t, i)
			if !c.IsPositive() {
				continue
			}
			w := c
			if r.Intn(2) == 0 {
				w = c.QuoRaw(2)
			}
			m.settle(t, i, w.Neg())
			left, _ := m.now(t, i)
			if _, ok := m.deps[i]; ok {
				m.exactDep[i] = rat(left)
			} else {
				delete(m.exactDep, i)
			}
		default: // liquidation; sometimes the whole pool, sometimes almost all
			if !types.PoolUsable(m.total) || len(m.exactDep) == 0 {
				continue
			}
			var d sdkmath.Int
			switch r.Intn(5) {
			case 0:
				d = m.total
			case 1:
				d = m.total.Sub(sdkmath.NewInt(r.Int63n(3)))
			default:
				d = sdkmath.NewInt(r.Int63n(m.total.Int64() + 1))
			}
			if d.IsNegative() {
				d = sdkmath.ZeroInt()
			}
			g := sdkmath.NewInt(r.Int63n(1_000_000_000))

			epoch := m.epoch
			m.liquidate(t, d, g)
			if m.epoch != epoch { // depleted: deposits of the old epoch are worth 0
				for k := range m.exactDep {
					m.exactDep[k] = new(big.Rat)
				}
			}
		}
		m.check(t, step)
		if m.scale > m.maxScale {
			m.maxScale = m.scale
		}
	}
	return m
}

// The product–sum accumulators agree with a direct computation over random
// sequences of deposits, withdrawals and liquidations (including the
// pool's depletion and scale changes), and never owe more than the pool
// holds.
func FuzzStabilityPool(f *testing.F) {
	for _, s := range []int64{1, 2, 3, 42, 1000} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed int64) { runPool(t, seed, 300) })
}

// The random sequences reach both of Liquity's corner cases: a liquidation
// that empties the pool (a new epoch) and one that leaves P below 10^-9 (a
// new scale).
func TestStabilityPoolCornerCases(t *testing.T) {
	var epochs, scales uint64
	for seed := int64(0); seed < 40; seed++ {
		m := runPool(t, seed, 300)
		epochs += m.epoch
		scales += m.maxScale
	}
	if epochs == 0 || scales == 0 {
		t.Fatalf("epochs %d, scale changes %d: the sequences miss a corner case", epochs, scales)
	}
}
