package types_test

import (
	"math/big"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/synth/types"
)

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }
func ints(v int64) sdkmath.Int       { return sdkmath.NewInt(v) }

// TestReadmeFormulas asserts README's formula examples.
func TestReadmeFormulas(t *testing.T) {
	// First mint: one share per µUSD.
	if s, _ := types.SharesForMint(ints(200_000_000), ints(0), dec("0")); !s.Equal(ints(200_000_000)) {
		t.Fatalf("first mint shares %s", s)
	}
	// Mint 100 synth/USD into S = 200e6, D = 309.926e6: ⌈100e6 × 200e6 / 309.926e6⌉.
	s, err := types.SharesForMint(ints(100_000_000), ints(200_000_000), dec("309926000"))
	if err != nil || !s.Equal(ints(64_531_534)) {
		t.Fatalf("shares %s (%v), want ⌈64531533.4⌉ = 64531534", s, err)
	}
	// Debt of 200e6 of 300e6 shares at D = 309926000: ⌈206617333.3⌉.
	if d, _ := types.DebtOf(ints(200_000_000), ints(300_000_000), dec("309926000")); !d.Equal(ints(206_617_334)) {
		t.Fatalf("debt %s", d)
	}
	// Burn 50e6 of a 300e6-share pool at D = 309926000: ⌊50e6 × 300e6 / 309926000⌋.
	if b, _ := types.SharesForBurn(ints(50_000_000), ints(200_000_000), ints(300_000_000), dec("309926000")); !b.Equal(ints(48_398_650)) {
		t.Fatalf("burn shares %s", b)
	}
	// Exchange 100 synth/USD to BTC at 60000 with a 0.3 % fee.
	r, err := types.ExchangeOut(ints(100_000_000), dec("1"), dec("60000"), dec("0.003"))
	if err != nil || !r.Fee.Equal(ints(300_000)) || !r.Out.Equal(ints(1661)) {
		t.Fatalf("exchange %+v %v", r, err)
	}
	// Fee rate: base 0.3 % + min(1 %, 1 × (0.02 + 0)) = 1.3 %.
	if f := types.FeeRate(dec("0.003"), dec("1"), dec("0.01"), dec("0.02"), dec("0")); !f.Equal(dec("0.013")) {
		t.Fatalf("fee rate %s", f)
	}
	// Volatility: max(0.01, 0.05 × 0.9²) = 0.0405.
	if v := types.NextVolatility(dec("0.05"), dec("0.1"), dec("0.01"), 2); !v.Equal(dec("0.0405")) {
		t.Fatalf("volatility %s", v)
	}
	// Seized: ⌈250e6 × 1.1 / 0.35⌉.
	if n, _ := types.Seized(ints(1_000_000_000), ints(250_000_000), dec("0.35"), dec("0.1")); !n.Equal(ints(785_714_286)) {
		t.Fatalf("seized %s", n)
	}
}

// TestDebtSharesAgainstDirect: random mints, burns and price moves; every
// staker's DebtOf is its exact share of the pool debt rounded up, and the
// stakers' debts cover the pool debt.
func TestDebtSharesAgainstDirect(t *testing.T) {
	rng := newRand(7)
	shares := make([]sdkmath.Int, 5)
	for i := range shares {
		shares[i] = ints(0)
	}
	total := ints(0)
	usdSupply, btcSupply := ints(0), ints(0)
	price := dec("60000")
	for step := 0; step < 2000; step++ {
		d, _ := types.PoolDebt([]sdkmath.Int{usdSupply, btcSupply}, []sdkmath.LegacyDec{dec("1"), price})
		i := rng.intn(len(shares))
		switch rng.intn(4) {
		case 0, 1: // mint
			amt := ints(int64(rng.intn(1_000_000_000) + 1))
			s, err := types.SharesForMint(amt, total, d)
			if err != nil {
				t.Fatal(err)
			}
			shares[i], total, usdSupply = shares[i].Add(s), total.Add(s), usdSupply.Add(amt)
		case 2: // burn part of i's debt (from the synth/USD supply)
			owed, _ := types.DebtOf(shares[i], total, d)
			amt := sdkmath.MinInt(owed, usdSupply)
			if amt.IsZero() {
				continue
			}
			amt = amt.QuoRaw(int64(rng.intn(3) + 1))
			s, err := types.SharesForBurn(amt, shares[i], total, d)
			if err != nil {
				t.Fatal(err)
			}
			shares[i], total, usdSupply = shares[i].Sub(s), total.Sub(s), usdSupply.Sub(amt)
		case 3: // a trader moves synth/USD into BTC, or the price moves
			if rng.intn(2) == 0 && usdSupply.GT(ints(100)) {
				in := usdSupply.QuoRaw(10)
				r, _ := types.ExchangeOut(in, dec("1"), price, dec("0"))
				usdSupply, btcSupply = usdSupply.Sub(in), btcSupply.Add(r.Out)
			} else {
				price = price.Mul(dec("0.9").Add(sdkmath.LegacyNewDecWithPrec(int64(rng.intn(200)), 3)))
			}
		}
		d, _ = types.PoolDebt([]sdkmath.Int{usdSupply, btcSupply}, []sdkmath.LegacyDec{dec("1"), price})
		sum := ints(0)
		for j := range shares {
			got, err := types.DebtOf(shares[j], total, d)
			if err != nil {
				t.Fatal(err)
			}
			if total.IsPositive() {
				exact := new(big.Rat).SetFrac(new(big.Int).Mul(shares[j].BigInt(), d.BigInt()), new(big.Int).Mul(total.BigInt(), pow18()))
				lo := new(big.Rat).SetInt(got.BigInt())
				if lo.Cmp(exact) < 0 || new(big.Rat).Sub(lo, exact).Cmp(big.NewRat(1, 1)) >= 0 {
					t.Fatalf("step %d: debt %s is not ⌈exact %s⌉", step, got, exact.FloatString(6))
				}
			}
			sum = sum.Add(got)
		}
		if sum.LT(d.TruncateInt()) {
			t.Fatalf("step %d: Σ debts %s < pool debt %s", step, sum, d)
		}
	}
}

// TestRedistributionSums: the stakers collect at most the redistributed
// collateral and at least the redistributed shares, each within one unit
// per staker.
func TestRedistributionSums(t *testing.T) {
	rng := newRand(3)
	for round := 0; round < 200; round++ {
		n := rng.intn(20) + 1
		stakes := make([]sdkmath.Int, n)
		total := ints(0)
		for i := range stakes {
			stakes[i] = ints(int64(rng.intn(1_000_000_000_000) + 1))
			total = total.Add(stakes[i])
		}
		coll, sh := ints(int64(rng.intn(1_000_000_000_000))), ints(int64(rng.intn(1_000_000_000_000)))
		lc, ls, err := types.Redistribute(dec("0"), dec("0"), coll, sh, total)
		if err != nil {
			t.Fatal(err)
		}
		gotC, gotS := ints(0), ints(0)
		for _, k := range stakes {
			c, s, err := types.PendingRedistribution(k, lc, ls, dec("0"), dec("0"))
			if err != nil {
				t.Fatal(err)
			}
			gotC, gotS = gotC.Add(c), gotS.Add(s)
		}
		if gotC.GT(coll) || coll.Sub(gotC).GT(ints(int64(n))) {
			t.Fatalf("collateral %s shared as %s over %d stakers", coll, gotC, n)
		}
		if gotS.LT(sh) || gotS.Sub(sh).GT(ints(int64(2*n))) {
			t.Fatalf("shares %s shared as %s over %d stakers", sh, gotS, n)
		}
	}
}

// TestFeesProRata: Σ claims never exceed the fees and each staker gets its
// share of the shares, rounded down.
func TestFeesProRata(t *testing.T) {
	acc, err := types.FeePerShareAfter(dec("0"), ints(300_000), ints(300_000_000))
	if err != nil || !acc.Equal(dec("0.001")) {
		t.Fatalf("acc %s %v", acc, err)
	}
	if a := types.AccruedFees(ints(200_000_000), acc, dec("0")); !a.Equal(ints(200_000)) {
		t.Fatalf("alice %s", a)
	}
	acc, _ = types.FeePerShareAfter(dec("0"), ints(10), ints(3))
	sum := types.AccruedFees(ints(1), acc, dec("0")).Add(types.AccruedFees(ints(2), acc, dec("0")))
	if sum.GT(ints(10)) || sum.LT(ints(9)) {
		t.Fatalf("10 over 3 shares paid %s", sum)
	}
}

func pow18() *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil) }

type rnd struct{ s uint64 }

func newRand(seed uint64) *rnd { return &rnd{s: seed*2654435761 + 1} }

func (r *rnd) intn(n int) int {
	r.s ^= r.s << 13
	r.s ^= r.s >> 7
	r.s ^= r.s << 17
	return int(r.s % uint64(n))
}
